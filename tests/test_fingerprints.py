"""Translation states and fingerprints, rule by rule, without a build.

A translation records the fingerprint of the English text it was made from;
when the English page changes, the translation shows as out of date. The
expected fingerprints are typed out: sha256 of title, summary and text, each
followed by a NUL byte, then each teaching list as `name=<list>`, first 16
hexadecimal digits (worked out with hashlib, not with the code under test).
A fingerprint that changed its form would mark every translation in the
repository out of date overnight.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from learning_platform.model import Library, Page, Translation, fingerprint
from learning_platform.official import load_official_texts
from learning_platform.translations import (
    english_source_of, mark_current, set_front_matter, source_fingerprint, status,
)
from learning_platform.vocabulary import load_vocabulary

TITLE, SUMMARY, BODY = "Individual return counselling", "A short summary.", "Text of the page."
MODULE_FRONT = {
    "objectives": ["Explain the purpose.", "Use four skills."],
    "agenda": [{"minutes": 60, "activity": "Input"}, {"minutes": 15, "activity": "Break"}],
    "materials": ["Printed handout"],
}


# -- the fingerprint -----------------------------------------------------------------


def test_fingerprint_of_a_page_is_sixteen_hex_digits_of_its_title_summary_and_text():
    assert fingerprint(TITLE, SUMMARY, BODY) == "c5b1cffab3b7e0c3"


def test_fingerprint_ignores_blank_lines_around_the_text():
    assert fingerprint(TITLE, SUMMARY, "\n\n  Text of the page.\n\n") == "c5b1cffab3b7e0c3"


def test_fingerprint_changes_with_title_summary_or_text():
    assert fingerprint("Individual return counselling.", SUMMARY, BODY) != "c5b1cffab3b7e0c3"
    assert fingerprint(TITLE, "A shorter summary.", BODY) != "c5b1cffab3b7e0c3"
    assert fingerprint(TITLE, SUMMARY, "Text of the page, changed.") != "c5b1cffab3b7e0c3"


def test_fingerprint_keeps_title_summary_and_text_apart():
    # without a separator, moving a word from the title to the summary would go unnoticed
    assert fingerprint("Return", "counselling", "") != fingerprint("Returncounselling", "", "")
    assert fingerprint("A", "", "B") != fingerprint("", "A", "B")


def test_fingerprint_of_a_page_without_title_or_summary_is_that_of_empty_ones():
    assert fingerprint(TITLE, None, BODY) == fingerprint(TITLE, "", BODY) == "3319d79f9ed1a336"
    assert fingerprint(None, None, BODY) == fingerprint("", "", BODY) == "8e7985500804ecd1"


def test_fingerprint_of_a_module_covers_its_objectives_agenda_and_materials():
    assert fingerprint("Return counselling", "A short summary.", "Text.", MODULE_FRONT) == "17446a5eb0159485"


@pytest.mark.parametrize("name, changed", [
    ("objectives", ["Explain the purpose.", "Use five skills."]),
    ("agenda", [{"minutes": 60, "activity": "Input"}, {"minutes": 15, "activity": "Coffee"}]),
    ("agenda", [{"minutes": 45, "activity": "Input"}, {"minutes": 15, "activity": "Break"}]),
    ("materials", ["Printed handout", "Flipchart"]),
])
def test_a_change_to_a_modules_teaching_plan_makes_its_translations_out_of_date(name, changed):
    front = {**MODULE_FRONT, name: changed}
    assert fingerprint("Return counselling", "A short summary.", "Text.", front) != "17446a5eb0159485"


def test_marking_an_agenda_entrys_role_leaves_the_translations_current():
    front = {**MODULE_FRONT, "agenda": [{"minutes": 60, "activity": "Input", "role": "opening"},
                                        {"minutes": 15, "activity": "Break", "role": "break"}]}
    assert fingerprint("Return counselling", "A short summary.", "Text.", front) == "17446a5eb0159485"


def test_front_matter_of_a_practice_adds_nothing_to_its_fingerprint():
    front = {"title": TITLE, "kind": "method", "actions": [16], "objectives": []}
    assert fingerprint(TITLE, SUMMARY, BODY, front) == "c5b1cffab3b7e0c3"


# -- the state of a translation ----------------------------------------------------------


def library_with(*translations: Translation) -> Library:
    page = Page(path="practices/counselling.md", title=TITLE, summary=SUMMARY, fingerprint="c5b1cffab3b7e0c3")
    library = Library(vocabulary=load_vocabulary(), official=load_official_texts(), pages={page.path: page})
    for translation in translations:
        library.translations[(translation.source_path, translation.language)] = translation
    return library


def translation(lang: str, state: str = "machine", fingerprint: str | None = "c5b1cffab3b7e0c3") -> Translation:
    return Translation(path=f"practices/counselling.{lang}.md", source_path="practices/counselling.md",
                       language=lang, title="Titull", summary=None, state=state, reviewed_by=None,
                       source_fingerprint=fingerprint)


def test_an_english_page_is_reviewed():
    assert library_with().translation_state("practices/counselling.md", "en") == "reviewed"


def test_a_page_with_no_translation_is_missing():
    assert library_with(translation("sq")).translation_state("practices/counselling.md", "bs") == "missing"


@pytest.mark.parametrize("state", ["machine", "reviewed"])
def test_a_translation_of_the_current_english_text_has_the_state_it_declares(state):
    library = library_with(translation("sq", state))
    assert library.translation_state("practices/counselling.md", "sq") == state


@pytest.mark.parametrize("state", ["machine", "reviewed"])
def test_a_translation_of_an_older_english_text_is_outdated_even_if_reviewed(state):
    library = library_with(translation("sq", state, fingerprint="0000000000000000"))
    assert library.translation_state("practices/counselling.md", "sq") == "outdated"


def test_a_translation_without_a_fingerprint_keeps_its_declared_state():
    library = library_with(translation("sq", "machine", fingerprint=None))
    assert library.translation_state("practices/counselling.md", "sq") == "machine"


@pytest.mark.parametrize("serbian, latin", [("machine", "machine"), ("reviewed", "reviewed")])
def test_serbian_latin_carries_the_state_of_its_serbian_source(serbian, latin):
    library = library_with(translation("sr", serbian))
    assert library.translation_state("practices/counselling.md", "sr-Latn") == latin
    outdated = library_with(translation("sr", serbian, fingerprint="0000000000000000"))
    assert outdated.translation_state("practices/counselling.md", "sr-Latn") == "outdated"
    assert library_with().translation_state("practices/counselling.md", "sr-Latn") == "missing"


def test_status_lists_every_page_under_its_state_in_each_language_but_english():
    library = library_with(translation("sq", "reviewed"), translation("sr", "machine", "0000000000000000"))
    report = status(library)
    assert list(report) == ["sq", "mk", "sr", "sr-Latn", "bs"]
    assert report["sq"] == {"missing": [], "machine": [], "outdated": [], "reviewed": ["practices/counselling.md"]}
    assert report["sr"] == {"missing": [], "machine": [], "outdated": ["practices/counselling.md"], "reviewed": []}
    assert report["sr-Latn"]["outdated"] == ["practices/counselling.md"]
    assert report["mk"] == {"missing": ["practices/counselling.md"], "machine": [], "outdated": [], "reviewed": []}


# -- recording which English text a translation follows ----------------------------------


@pytest.mark.parametrize("translation_path, english", [
    ("practices/counselling.sq.md", "practices/counselling.md"),
    ("actions/16.sr.md", "actions/16.md"),
    ("practices/a.b.bs.md", "practices/a.b.md"),
    ("index.sr-Latn.md", "index.md"),
])
def test_a_translations_english_source_is_its_name_without_the_language(translation_path, english):
    assert english_source_of(translation_path) == english


@pytest.mark.parametrize("path", ["practices/counselling.md", "practices/counselling.sqx.md", "notes.sq.txt"])
def test_a_file_that_is_not_a_translation_is_refused_by_name(path):
    with pytest.raises(ValueError, match=rf"^{path} is not a translation \(expected a name like page\.sq\.md\)$"):
        english_source_of(path)


ENGLISH = "---\ntitle: Individual return counselling\nsummary: A short summary.\n---\n\nText of the page.\n"
ALBANIAN = "---\ntitle: Këshillimi individual\ntranslation: machine\n---\n\nTeksti.\n"


def test_the_fingerprint_to_paste_is_that_of_the_english_file_on_disk(tmp_path: Path):
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices/counselling.md").write_text(ENGLISH, encoding="utf-8")
    assert source_fingerprint(tmp_path, "practices/counselling.md") == "c5b1cffab3b7e0c3"


MODULE = ("---\ntitle: Return counselling\nsummary: A short summary.\nobjectives:\n  - Explain the purpose.\n"
          "  - Use four skills.\nagenda:\n  - {minutes: 60, activity: Input, role: opening}\n"
          "  - {minutes: 15, activity: Break}\nmaterials:\n  - Printed handout\n---\n\nText.\n")


def test_the_fingerprint_to_paste_for_a_module_covers_its_teaching_plan(tmp_path: Path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules/counselling.md").write_text(MODULE, encoding="utf-8")
    assert source_fingerprint(tmp_path, "modules/counselling.md") == "17446a5eb0159485"


def test_marking_a_translation_current_writes_the_fingerprint_and_keeps_its_state(tmp_path: Path):
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices/counselling.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "practices/counselling.sq.md").write_text(ALBANIAN, encoding="utf-8")
    assert mark_current(tmp_path, "practices/counselling.sq.md") == "c5b1cffab3b7e0c3"
    assert (tmp_path / "practices/counselling.sq.md").read_text(encoding="utf-8") == (
        "---\ntitle: Këshillimi individual\ntranslation: machine\nsource_fingerprint: c5b1cffab3b7e0c3\n---\n\nTeksti.\n")


def test_marking_a_translation_reviewed_names_the_reviewer(tmp_path: Path):
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices/counselling.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "practices/counselling.sq.md").write_text(ALBANIAN, encoding="utf-8")
    mark_current(tmp_path, "practices/counselling.sq.md", reviewed_by="Ana Test")
    assert (tmp_path / "practices/counselling.sq.md").read_text(encoding="utf-8") == (
        "---\ntitle: Këshillimi individual\ntranslation: reviewed\nsource_fingerprint: c5b1cffab3b7e0c3\n"
        "reviewed_by: Ana Test\n---\n\nTeksti.\n")


@pytest.mark.parametrize("value, line", [
    ("c5b1cffab3b7e0c3", "source_fingerprint: c5b1cffab3b7e0c3"),
    ("1111111111111111", 'source_fingerprint: "1111111111111111"'),   # digits first: YAML would read a number
    ("0a", 'source_fingerprint: "0a"'),
    ("Ana: reviewer", 'source_fingerprint: "Ana: reviewer"'),        # a colon would start a mapping
    ('Say "hi"', 'source_fingerprint: "Say \\"hi\\""'),
    ("Ana Test-Example", "source_fingerprint: Ana Test-Example"),
    ("", 'source_fingerprint: ""'),
])
def test_a_value_written_into_front_matter_is_quoted_when_yaml_would_misread_it(value, line):
    assert set_front_matter("---\ntitle: A\n---\n", {"source_fingerprint": value}) == f"---\ntitle: A\n{line}\n---\n"


def test_setting_a_field_replaces_its_line_where_it_is_and_leaves_the_text_alone():
    text = "---\ntitle: A\nsource_fingerprint : 0000\nsummary: B\n---\nsource_fingerprint: in the text\n"
    assert set_front_matter(text, {"source_fingerprint": "abcd"}) == (
        "---\ntitle: A\nsource_fingerprint: abcd\nsummary: B\n---\nsource_fingerprint: in the text\n")


def test_the_first_field_of_the_front_matter_is_replaced_too():
    assert set_front_matter("---\nsource_fingerprint: 0000\ntitle: A\n---\n", {"source_fingerprint": "abcd"}) == (
        "---\nsource_fingerprint: abcd\ntitle: A\n---\n")


def test_a_field_named_like_the_start_of_another_is_not_replaced():
    text = "---\nsource_fingerprint_old: x\n---\n"
    assert set_front_matter(text, {"source_fingerprint": "abcd"}) == (
        "---\nsource_fingerprint_old: x\nsource_fingerprint: abcd\n---\n")


def test_a_file_without_front_matter_gets_one():
    assert set_front_matter("Text.\n", {"translation": "machine"}) == "---\ntranslation: machine\n---\nText.\n"


def test_front_matter_closed_with_dots_is_understood():
    assert set_front_matter("---\ntitle: A\n...\nText\n", {"translation": "machine"}) == (
        "---\ntitle: A\ntranslation: machine\n...\nText\n")
