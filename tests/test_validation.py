"""The contract's front matter rules, one test per rule, named after it.

Each test copies the real docs tree, breaks one thing, and checks that
`load_library` refuses it with an error a contributor can act on: the file, the
field, the value found and what is allowed. A few tests run a real build to show
the same errors stop `mkdocs build`, with or without --strict.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import MKDOCS, build
from helpers import PRACTICE  # the valid practice: tests/helpers.py gives its line numbers
from learning_platform.errors import ContentErrors
from learning_platform.loading import load_library

# A valid module and news entry; the comments give the line numbers the tests rely on.
MODULE = """\
---
title: Test module
summary: A short summary of the module.
duration: 3 hours
audience: [return-officers]
actions: [16]
practices: [individual-return-counselling]
objectives:
  - Explain the purpose of return counselling.
  - Use four listening skills in a session.
agenda:
  - {minutes: 60, activity: "Input and discussion", method: "Plenary"}
  - {minutes: 15, activity: "Break"}
  - {minutes: 105, activity: "Role play", method: "Groups of three"}
materials:
  - Printed handout
sources:
  - title: Skopje Declaration (2022)
    url: https://publications.iom.int/books/return-counselling-toolkit
updated: 2025-01-30
self_check:
  - {question: "Who decides on return?", options: [The counsellor, The person], answer: B, explanation: "Counselling informs; the person decides."}
  - {question: "Is a debt a private matter?", options: ["It is private", "It weighs on the decision"], answer: B, explanation: "It weighs on the decision."}
  - {question: "Which is an open question?", options: [Do you understand?, What have you heard?], answer: B, explanation: "It invites an answer in the person's words."}
  - {question: "Who owns the content of a session?", options: [The counsellor, The mediator], answer: A, explanation: "The mediator explains meaning."}
  - {question: "A protection need appears. Then?", options: [Go on, Pause and refer], answer: B, explanation: "Return planning pauses."}
---

Text of the module.
"""
# line 4 duration, 5 audience, 6 actions, 7 practices, 8 objectives, 11 agenda, 12-14 entries,
# 15 materials

NEWS = """\
---
title: Test event
summary: A short summary of the event.
date: 2025-01-28
end_date: 2025-01-30
partners: [BA, ME]
sources:
  - title: Report of the event
    url: https://hwi.ba/en/news/regional-two-day-follow-up-conference-on-readmission/49
---

What happened.
"""
# line 4 date, 5 end_date, 6 partners, 7 sources

TRANSLATION = """\
---
title: Praktikë provë
translation: machine
---

Teksti.
"""
EXISTING_PRACTICE = "practices/individual-return-counselling"


# -- helpers ------------------------------------------------------------------------


def edited(template: str, old: str, new: str) -> str:
    """`template` with `old` replaced by `new`; fails loudly if `old` is not there."""
    assert old in template, f"{old!r} is not in the template"
    return template.replace(old, new, 1)


def write(docs: Path, path: str, text: str) -> None:
    (docs / path).parent.mkdir(parents=True, exist_ok=True)
    (docs / path).write_text(text, encoding="utf-8")


def refused(docs: Path) -> ContentErrors:
    """The errors `load_library` raises for `docs`; the test fails if it raises none."""
    with pytest.raises(ContentErrors) as caught:
        load_library(docs)
    return caught.value


def message_about(errors: ContentErrors, path: str, field: str) -> str:
    """The message of the one error about `field` in `path` (relative to docs/)."""
    found = [str(error) for error in errors.errors if error.file == path and error.field == field]
    assert found, f"no error about {field!r} in {path}:\n{errors.report()}"
    return found[0]


def assert_says(message: str, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from:\n{message}"


# -- unknown and missing fields -----------------------------------------------------


def test_unknown_key_fails_naming_file_and_field(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated:", "colour: blue\nupdated:"))
    message = message_about(refused(docs_copy), "practices/x.md", "colour")
    assert_says(message, "docs/practices/x.md", "line 9", "'colour'", "unknown field",
                "actions, audience, contacts, gcm_objectives, kind, partners, published, review_due, sources, stage, summary, "
                "target_groups, title, updated")


MISSING = {
    # The title is worked out from the file name; the others are explained in words.
    "title": "Paste: title: X",
    "summary": "To fix: add a line summary: followed by one or two sentences, at most 300 characters",
    "kind": "To fix: add a line kind: with one of: method, tool, guidance, legal-framework, case-study, "
            "training-material",
    "actions": "To fix: add a line actions: with the numbers of the Action Plan's actions the practice serves, "
               "1 to 21, in square brackets",
    "sources": "To fix: add sources: and under it, for each public source you opened: an entry starting with "
               "- title:",
    "updated": "To fix: add a line updated: with the date, written year-month-day (2025-01-30 is 30 January 2025)",
}


@pytest.mark.parametrize("field", MISSING)
def test_missing_required_field_fails_saying_what_to_add(docs_copy: Path, field: str) -> None:
    lines = PRACTICE.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = start + 1
    while lines[end].startswith("  "):  # the block under `sources:`
        end += 1
    write(docs_copy, "practices/x.md", "\n".join(lines[:start] + lines[end:]))
    message = message_about(refused(docs_copy), "practices/x.md", field)
    assert_says(message, "docs/practices/x.md", f"field '{field}'", "required and missing", MISSING[field])
    if field != "title":
        assert "Paste:" not in message  # nothing to paste that would not be a made-up value


def test_summary_over_300_characters_fails(docs_copy: Path) -> None:
    long_summary = "A" * 301
    write(docs_copy, "practices/x.md",
          edited(PRACTICE, "A short summary of the practice.", long_summary))
    message = message_about(refused(docs_copy), "practices/x.md", "summary")
    assert_says(message, "docs/practices/x.md", "line 3", "field 'summary'",
                "(301 characters)", "at most 300 characters")


# -- kind, actions, codes --------------------------------------------------------------


def test_unknown_kind_fails_listing_allowed_kinds(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "kind: method", "kind: best-practice"))
    message = message_about(refused(docs_copy), "practices/x.md", "kind")
    assert_says(message, "docs/practices/x.md", "line 4", "field 'kind'", "best-practice",
                "method, tool, guidance, legal-framework, case-study, training-material")


@pytest.mark.parametrize(
    "written, shown",
    [("0", "0"), ("22", "22"), ("true", "True")],
    ids=["zero", "twenty-two", "boolean"],
)
def test_action_outside_1_to_21_fails_naming_file_and_field(
    docs_copy: Path, written: str, shown: str
) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "actions: [16]", f"actions: [{written}]"))
    message = message_about(refused(docs_copy), "practices/x.md", "actions")
    assert_says(message, "docs/practices/x.md", "line 5", "field 'actions'",
                f"(found: {shown})", "whole number from 1 to 21")


def test_action_written_as_text_is_shown_as_text_and_corrected(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "actions: [16]", 'actions: ["16", 18]'))
    message = message_about(refused(docs_copy), "practices/x.md", "actions")
    assert_says(message, "line 5", '(found: "16" (text))', "numbers are written without quotes",
                "Paste: actions: [16, 18]")


def test_actions_empty_list_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "actions: [16]", "actions: []"))
    message = message_about(refused(docs_copy), "practices/x.md", "actions")
    assert_says(message, "docs/practices/x.md", "line 5", "field 'actions'", "at least one",
                "To fix: add a line actions: with the numbers of the Action Plan's actions")
    assert "Paste:" not in message


def test_actions_not_a_list_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "actions: [16]", "actions: 16"))
    message = message_about(refused(docs_copy), "practices/x.md", "actions")
    assert_says(message, "docs/practices/x.md", "line 5", "field 'actions'", "(found: 16)",
                "a list in square brackets")
    assert message.endswith("Paste: actions: [16]")


@pytest.mark.parametrize("written, meant, paste", [
    ("[KS, MK]", "XK", "[XK, MK]"), ("[SR, MK]", "RS", "[RS, MK]"), ("[ba, MK]", "BA", "[BA, MK]"),
    ("[Bosnia, MK]", "BA", "[BA, MK]"), ("[Crna Gora, MK]", "ME", "[ME, MK]"), ("[Shqipëria, MK]", "AL", "[AL, MK]"),
    ("[Северна Македонија, BA]", "MK", "[MK, BA]"), ("[BA, Bosna i Hercegovina]", "BA", "[BA]"),
])
def test_partner_written_another_way_fails_with_the_contributors_line_corrected(
        docs_copy: Path, written: str, meant: str, paste: str) -> None:
    write(docs_copy, "practices/x.md",
          edited(PRACTICE, "actions: [16]", f"actions: [16]\npartners: {written}"))
    message = message_about(refused(docs_copy), "practices/x.md", "partners")
    code = written.strip("[]").split(", ")[0 if written[1:3] != "BA" else 1]
    assert_says(message, "docs/practices/x.md", "line 6", "field 'partners'", f"(found: {code})",
                f"'{code}' is not a code: {meant} is meant",
                "AL (Albania), BA (Bosnia and Herzegovina), XK (Kosovo*), ME (Montenegro), MK (North Macedonia), "
                "RS (Serbia)", f"Paste: partners: {paste}")


def test_unknown_partner_gets_no_line_that_adds_a_partner_nobody_claimed(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "actions: [16]", "actions: [16]\npartners: [HR, MK]"))
    message = message_about(refused(docs_copy), "practices/x.md", "partners")
    assert_says(message, "(found: HR)", "unknown code", "To fix: write the code of each, from those listed")
    assert "Paste:" not in message


def test_unknown_target_group_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md",
          edited(PRACTICE, "actions: [16]", "actions: [16]\ntarget_groups: [returnees, children]"))
    message = message_about(refused(docs_copy), "practices/x.md", "target_groups")
    assert_says(message, "docs/practices/x.md", "line 6", "field 'target_groups'",
                "(found: children)", "unaccompanied-children, separated-children, families")


def test_target_group_named_by_its_label_in_another_language_gets_its_code(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md",
          edited(PRACTICE, "actions: [16]", "actions: [16]\ntarget_groups: [returnees, Žrtve trgovine ljudima]"))
    message = message_about(refused(docs_copy), "practices/x.md", "target_groups")
    assert_says(message, "'Žrtve trgovine ljudima' is not a code: victims-of-trafficking is meant",
                "Paste: target_groups: [returnees, victims-of-trafficking]")


@pytest.mark.parametrize("written, meant", [("methd", "method"), ("Case study", "case-study"),
                                            ("Studija slučaja", "case-study"), ("Правна рамка", "legal-framework")])
def test_kind_written_another_way_gets_its_code(docs_copy: Path, written: str, meant: str) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "kind: method", f"kind: {written}"))
    message = message_about(refused(docs_copy), "practices/x.md", "kind")
    assert_says(message, "line 4", f"(found: {written})", f"Paste: kind: {meant}")


@pytest.mark.parametrize("number", [0, 24])
def test_gcm_objective_outside_1_to_23_fails(docs_copy: Path, number: int) -> None:
    write(docs_copy, "practices/x.md",
          edited(PRACTICE, "actions: [16]", f"actions: [16]\ngcm_objectives: [21, {number}]"))
    message = message_about(refused(docs_copy), "practices/x.md", "gcm_objectives")
    assert_says(message, "docs/practices/x.md", "line 6", "field 'gcm_objectives'",
                f"(found: {number})", "whole number from 1 to 23")


# -- sources and dates ---------------------------------------------------------------


def test_source_without_url_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md",
          edited(PRACTICE, "    url: https://publications.iom.int/books/return-counselling-toolkit\n", ""))
    message = message_about(refused(docs_copy), "practices/x.md", "sources[1]")
    assert_says(message, "docs/practices/x.md", "line 6", "Skopje Declaration (2022)",
                "needs a title and a url", "missing: url", "with url: (the address you opened, starting with https://)")


def test_source_url_without_https_gets_the_line_with_it(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "https://publications.iom.int/books/return-counselling-toolkit",
                                              "publications.iom.int/books/return-counselling-toolkit"))
    message = message_about(refused(docs_copy), "practices/x.md", "sources[1].url")
    assert_says(message, "docs/practices/x.md", "line 8", "(found: publications.iom.int/books/return-counselling-toolkit)",
                "starting with https://", "Paste: url: https://publications.iom.int/books/return-counselling-toolkit")


def test_source_url_not_on_the_web_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "https://publications.iom.int/books/return-counselling-toolkit",
                                              "ftp://publications.iom.int/books/return-counselling-toolkit"))
    message = message_about(refused(docs_copy), "practices/x.md", "sources[1].url")
    assert_says(message, "line 8", "starting with https://", "To fix: copy the address from the browser's address bar")


@pytest.mark.parametrize("url", ["https://www.example.org/publication", "https://example.com/x", "http://localhost:8000/x"])
def test_example_address_as_source_fails(docs_copy: Path, url: str) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "https://publications.iom.int/books/return-counselling-toolkit", url))
    message = message_about(refused(docs_copy), "practices/x.md", "sources[1].url")
    assert_says(message, "line 8", f"(found: {url})", "reserved for examples", "it leads nowhere")


def test_sources_empty_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(
        PRACTICE,
        "sources:\n  - title: Skopje Declaration (2022)\n    url: https://publications.iom.int/books/return-counselling-toolkit\n",
        "sources: []\n",
    ))
    message = message_about(refused(docs_copy), "practices/x.md", "sources")
    assert_says(message, "docs/practices/x.md", "line 6", "field 'sources'", "at least one",
                "To fix: add sources: and under it")


def test_updated_not_iso_date_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated: 2025-01-30", "updated: 30.01.2025"))
    message = message_about(refused(docs_copy), "practices/x.md", "updated")
    assert_says(message, "docs/practices/x.md", "line 9", "field 'updated'", "(found: 30.01.2025)",
                "year-month-day", "Paste: updated: 2025-01-30")


def test_impossible_date_fails_naming_file_and_field(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated: 2025-01-30", "updated: 2025-02-30"))
    message = message_about(refused(docs_copy), "practices/x.md", "updated")
    assert_says(message, "docs/practices/x.md", "line 9", "2025-02-30", "year-month-day")


def test_invalid_yaml_fails_naming_line(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(
        PRACTICE, "summary: A short summary of the practice.", "summary: Counselling: first steps"))
    message = message_about(refused(docs_copy), "practices/x.md", "summary")
    assert_says(message, "docs/practices/x.md", "line 3", "a colon followed by a space inside a value",
                "double quotes", 'Paste: summary: "Counselling: first steps"')


# -- file names, slugs and languages -------------------------------------------------------


def test_duplicate_slug_between_practice_and_module_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/return-counselling.md", MODULE)
    write(docs_copy, "practices/return-counselling.md", PRACTICE)
    errors = refused(docs_copy)
    [error] = [error for error in errors.errors if error.field == "file name"]
    assert_says(str(error), "docs/practices/return-counselling.md", "field 'file name'",
                "'return-counselling' is already used by docs/modules/return-counselling.md",
                "its own file name", "rename this file, e.g. to docs/practices/return-counselling-2.md")


def test_english_page_with_en_suffix_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.en.md", PRACTICE)
    message = message_about(refused(docs_copy), "practices/x.en.md", "file name")
    assert_says(message, "docs/practices/x.en.md", "no language code", "change the name in the box above the text "
                "to docs/practices/x.md")


def test_translation_without_english_source_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/nope.sq.md", TRANSLATION)
    message = message_about(refused(docs_copy), "practices/nope.sq.md", "file name")
    assert_says(message, "docs/practices/nope.sq.md", "no English page",
                "docs/practices/nope.md does not exist")


def test_translation_with_structured_field_fails(docs_copy: Path) -> None:
    write(docs_copy, f"{EXISTING_PRACTICE}.sq.md",
          edited(TRANSLATION, "translation: machine", "translation: machine\nkind: method"))
    message = message_about(refused(docs_copy), f"{EXISTING_PRACTICE}.sq.md", "kind")
    assert_says(message, f"docs/{EXISTING_PRACTICE}.sq.md", "line 4", "field 'kind'",
                "repeats only title and summary", "come from the English page")


def test_hand_written_sr_latn_file_fails(docs_copy: Path) -> None:
    write(docs_copy, f"{EXISTING_PRACTICE}.sr-Latn.md", TRANSLATION)
    message = message_about(refused(docs_copy), f"{EXISTING_PRACTICE}.sr-Latn.md", "file name")
    assert_says(message, f"docs/{EXISTING_PRACTICE}.sr-Latn.md", "made from the Serbian Cyrillic page",
                "never written by hand", f"write the translation in Cyrillic as docs/{EXISTING_PRACTICE}.sr.md")


def test_unknown_language_suffix_fails(docs_copy: Path) -> None:
    write(docs_copy, f"{EXISTING_PRACTICE}.de.md", TRANSLATION)
    message = message_about(refused(docs_copy), f"{EXISTING_PRACTICE}.de.md", "file name")
    assert_says(message, f"docs/{EXISTING_PRACTICE}.de.md",
                "'de' is not a language of this site; translations are written in sq (Shqip), mk (Македонски), "
                "sr (Српски), bs (Bosanski)")


def test_invalid_slug_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/Return_Counselling.md", PRACTICE)
    message = message_about(refused(docs_copy), "practices/Return_Counselling.md", "file name")
    assert_says(message, "docs/practices/Return_Counselling.md", "lower-case letters",
                "docs/practices/return_counselling.md")


# -- actions, commitments, modules ---------------------------------------------------------


def _action_16_under_commitment_1(docs: Path) -> None:
    page = docs / "actions/16.md"
    page.write_text(edited(page.read_text(encoding="utf-8"), "commitment: 3", "commitment: 1"),
                    encoding="utf-8")


def test_action_commitment_mismatch_fails(docs_copy: Path) -> None:
    _action_16_under_commitment_1(docs_copy)
    message = message_about(refused(docs_copy), "actions/16.md", "commitment")
    assert_says(message, "docs/actions/16.md", "line 3", "(found: 1)",
                "places action 16 under commitment 3", "Paste: commitment: 3")


def test_action_commitment_mismatch_reports_only_the_mismatch(docs_copy: Path) -> None:
    _action_16_under_commitment_1(docs_copy)
    errors = refused(docs_copy)
    assert [error.field for error in errors.errors] == ["commitment"], errors.report()


def test_module_unknown_practice_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md",
          edited(MODULE, "practices: [individual-return-counselling]", "practices: [no-such-practice]"))
    message = message_about(refused(docs_copy), "modules/x.md", "practices")
    assert_says(message, "docs/modules/x.md", "line 7", "(found: no-such-practice)",
                "docs/practices/no-such-practice.md exists", "individual-return-counselling")


def test_module_bad_duration_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "duration: 3 hours", "duration: 3 hrs"))
    message = message_about(refused(docs_copy), "modules/x.md", "duration")
    assert_says(message, "docs/modules/x.md", "line 4", "(found: 3 hrs)",
                '"minutes", "hours" or "days"', "Paste: duration: 3 hours")


@pytest.mark.parametrize("written, meant", [("3 sata", "3 hours"), ("180 min", "180 minutes"), ("2,5 orë", "2.5 hours"),
                                            ("3 часа", "3 hours")])
def test_module_duration_in_words_of_the_region_gets_the_line_to_paste(docs_copy: Path, written: str, meant: str) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "duration: 3 hours", f"duration: {written}"))
    message = message_about(refused(docs_copy), "modules/x.md", "duration")
    assert_says(message, "line 4", f"Paste: duration: {meant}")


def test_module_unknown_audience_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "[return-officers]", "[police]"))
    message = message_about(refused(docs_copy), "modules/x.md", "audience")
    assert_says(message, "docs/modules/x.md", "line 5", "(found: police)",
                "border-police", "return-officers")


# -- how errors are reported -----------------------------------------------------------------


def test_all_errors_reported_together(docs_copy: Path) -> None:
    write(docs_copy, "practices/a.md", edited(PRACTICE, "kind: method", "kind: methd"))
    write(docs_copy, "practices/b.md", edited(PRACTICE, "actions: [16]", "actions: [22]"))
    report = refused(docs_copy).report()
    assert_says(report, "2 problems", "docs/practices/a.md, line 4, field 'kind'",
                "docs/practices/b.md, line 5, field 'actions'")


def test_error_names_line_number(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(
        PRACTICE, "actions: [16]", "actions:\n  - 16\n  - 18\n  - 42"))
    message = message_about(refused(docs_copy), "practices/x.md", "actions")
    assert_says(message, "docs/practices/x.md, line 8,", "(found: 42)")


def test_valid_new_practice_loads(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "actions: [16]", "actions: [16, 18]"))
    library = load_library(docs_copy)
    practice = library.practices["x"]
    assert practice.title == "Test practice"
    assert practice.actions == (16, 18)
    assert practice in library.practices_for_action(16)
    assert practice in library.practices_for_action(18)
    assert practice not in library.practices_for_action(1)


# -- the same errors stop a real build -----------------------------------------------------------


def build_without_strict(project: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` with strict mode off in the configuration and on the command line."""
    config = project / "mkdocs.yml"
    config.write_text(edited(config.read_text(encoding="utf-8"), "strict: true", "strict: false"),
                      encoding="utf-8")
    return subprocess.run(
        [*MKDOCS, "build"], cwd=project, capture_output=True, text=True, timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_bad_practice_fails_strict_build_naming_file_and_field(project: Path) -> None:
    write(project / "docs", "practices/x.md", edited(PRACTICE, "kind: method", "kind: methd"))
    result = build(project)
    assert result.returncode != 0
    assert_says(result.stdout + result.stderr, "docs/practices/x.md, line 4, field 'kind'",
                "(found: methd)", "method, tool, guidance")


def test_bad_practice_fails_build_without_strict(project: Path) -> None:
    write(project / "docs", "practices/x.md", edited(PRACTICE, "kind: method", "kind: methd"))
    result = build_without_strict(project)
    assert result.returncode != 0
    assert_says(result.stdout + result.stderr, "docs/practices/x.md, line 4, field 'kind'",
                "(found: methd)")


def test_page_with_script_fails_build_naming_file_and_line(project: Path) -> None:
    write(project / "docs", "practices/x.md",
          PRACTICE + "\nA paragraph.\n\n<script>alert(1)</script>\n")
    result = build(project)
    assert result.returncode != 0
    assert_says(result.stdout + result.stderr, "docs/practices/x.md, line 16",
                "<script> is not allowed", "Remove the <script> element")


# -- every class of bad input stops a real build -------------------------------------------

BAD_INPUTS = {
    "unknown key": ("practices/x.md", edited(PRACTICE, "kind: method", "kind: method\ncolour: blue"), "colour"),
    "wrong type": ("practices/x.md", edited(PRACTICE, "actions: [16]", "actions: sixteen"), "actions"),
    "unknown code": ("practices/x.md", edited(PRACTICE, "actions: [16]", "actions: [16]\npartners: [KS]"), "partners"),
    "action outside 1..21": ("practices/x.md", edited(PRACTICE, "actions: [16]", "actions: [22]"), "actions"),
    "missing required field": ("practices/x.md", edited(PRACTICE, "kind: method\n", ""), "kind"),
    "summary too long": ("practices/x.md", edited(PRACTICE, "A short summary of the practice.", "x" * 301), "summary"),
    "bad date": ("practices/x.md", edited(PRACTICE, "updated: 2025-01-30", "updated: 30.01.2025"), "updated"),
    "duplicate slug": ("modules/individual-return-counselling.md", MODULE, "file name"),
    "translation without English source": ("practices/nothing-here.sq.md", TRANSLATION, "file name"),
    "structured field in a translation": ("practices/individual-return-counselling.sq.md",
                                          edited(TRANSLATION, "translation: machine", "translation: machine\nkind: tool"), "kind"),
    "hand-written sr-Latn": ("practices/individual-return-counselling.sr-Latn.md", TRANSLATION, "file name"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_each_class_of_bad_input_fails_the_build_naming_file_and_field(project: Path, case: str) -> None:
    path, text, field = BAD_INPUTS[case]
    write(project / "docs", path, text)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"docs/{path}" in output and f"field '{field}'" in output, output
    assert not (project / "site" / "index.html").exists()


# -- training modules: what a trainer relies on ------------------------------------------


def test_valid_new_module_loads(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", MODULE)
    module = load_library(docs_copy).modules["x"]
    assert module.minutes == 180 and len(module.objectives) == 2
    assert [item.minutes for item in module.agenda] == [60, 15, 105]


def test_module_agenda_that_does_not_add_up_to_the_duration_fails_with_the_total(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "{minutes: 105,", "{minutes: 90,"))
    message = message_about(refused(docs_copy), "modules/x.md", "agenda")
    assert_says(message, "docs/modules/x.md", "line 11", "165 minutes in all", "3 hours = 180 minutes",
                "Paste: duration: 165 minutes")
    # The line to paste is one the duration rule accepts.
    text = (docs_copy / "modules/x.md").read_text(encoding="utf-8")
    write(docs_copy, "modules/x.md", text.replace("duration: 3 hours", "duration: 165 minutes"))
    assert load_library(docs_copy).modules["x"].minutes == 165


def test_module_without_agenda_fails(docs_copy: Path) -> None:
    text = MODULE.split("agenda:")[0] + "materials:" + MODULE.split("materials:")[1]
    write(docs_copy, "modules/x.md", text)
    message = message_about(refused(docs_copy), "modules/x.md", "agenda")
    assert_says(message, "required and missing", "To fix: add agenda: and under it one line per part of the workshop",
                '- {minutes: 15, activity: "what happens", method: "how"}')


def test_module_agenda_entry_without_minutes_fails_naming_the_entry(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, '{minutes: 15, activity: "Break"}', '{activity: "Break"}'))
    message = message_about(refused(docs_copy), "modules/x.md", "agenda[2]")
    assert_says(message, "each agenda entry gives minutes and activity")


def test_module_agenda_minutes_must_be_a_whole_number(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "{minutes: 15,", '{minutes: "a quarter",'))
    message = message_about(refused(docs_copy), "modules/x.md", "agenda[2].minutes")
    assert_says(message, "a quarter", "whole number of minutes")


def test_module_with_one_objective_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "  - Use four listening skills in a session.\n", ""))
    message = message_about(refused(docs_copy), "modules/x.md", "objectives")
    assert_says(message, "docs/modules/x.md", "line 8", "at least 2 learning objectives")


def test_module_without_objectives_fails(docs_copy: Path) -> None:
    text = MODULE.split("objectives:")[0] + "agenda:" + MODULE.split("agenda:")[1]
    write(docs_copy, "modules/x.md", text)
    assert_says(message_about(refused(docs_copy), "modules/x.md", "objectives"), "required and missing")


def test_module_without_materials_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "materials:\n  - Printed handout\n", ""))
    assert_says(message_about(refused(docs_copy), "modules/x.md", "materials"), "required and missing")


def test_module_duration_in_days_cannot_be_checked_against_the_agenda(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", edited(MODULE, "duration: 3 hours", "duration: 1 day"))
    message = message_about(refused(docs_copy), "modules/x.md", "duration")
    # The agenda adds up to 180 minutes: the line to paste says so.
    assert_says(message, "in hours or minutes", "Paste: duration: 3 hours")


def test_module_translation_with_a_different_number_of_agenda_entries_fails(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", MODULE)
    page = load_library(docs_copy).pages["modules/x.md"]
    write(docs_copy, "modules/x.sq.md", f"""---
title: Modul provë
translation: machine
source_fingerprint: "{page.fingerprint}"
agenda:
  - {{activity: "Hyrje"}}
---

Teksti.
""")
    message = message_about(refused(docs_copy), "modules/x.sq.md", "agenda")
    assert_says(message, "1 entries", "has 3 agenda", "same agenda in the same order")


# -- news and events -----------------------------------------------------------------------


def test_valid_news_entry_loads(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", NEWS)
    item = load_library(docs_copy).news["x"]
    assert item.date.isoformat() == "2025-01-28" and item.partners == ("BA", "ME")


def test_news_without_date_fails(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", edited(NEWS, "date: 2025-01-28\n", ""))
    message = message_about(refused(docs_copy), "news/x.md", "date")
    assert_says(message, "docs/news/x.md", "required and missing", "To fix: add a line date: with the date, written "
                "year-month-day")


def test_news_date_that_does_not_exist_fails(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", edited(NEWS, "date: 2025-01-28", "date: 2025-02-30"))
    message = message_about(refused(docs_copy), "news/x.md", "date")
    assert_says(message, "line 4", "does not exist in the calendar")


def test_news_ending_before_it_starts_fails(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", edited(NEWS, "end_date: 2025-01-30", "end_date: 2025-01-20"))
    message = message_about(refused(docs_copy), "news/x.md", "end_date")
    assert_says(message, "line 5", "before its first day (2025-01-28)", "To fix: correct one of the two dates")


def test_news_unknown_partner_fails(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", edited(NEWS, "[BA, ME]", "[BA, HR]"))
    message = message_about(refused(docs_copy), "news/x.md", "partners")
    assert_says(message, "line 6", "HR", "AL (Albania), BA (Bosnia and Herzegovina), XK (Kosovo*)")


def test_news_without_sources_fails(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", NEWS.split("sources:")[0] + "---\n\nWhat happened.\n")
    assert_says(message_about(refused(docs_copy), "news/x.md", "sources"), "required and missing")


def test_news_unknown_field_fails(docs_copy: Path) -> None:
    write(docs_copy, "news/x.md", edited(NEWS, "partners:", "venue: Sarajevo\npartners:"))
    message = message_about(refused(docs_copy), "news/x.md", "venue")
    assert_says(message, "unknown field", "date, end_date, partners, published, sources, summary, title")


# -- review dates and contacts --------------------------------------------------------------


def test_review_due_before_the_update_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated: 2025-01-30", "updated: 2025-01-30\nreview_due: 2024-06-01"))
    message = message_about(refused(docs_copy), "practices/x.md", "review_due")
    assert_says(message, "line 10", "cannot be before the last update (2025-01-30)")


def test_review_is_due_a_year_after_the_update_or_sooner_where_written(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE)
    write(docs_copy, "practices/y.md", edited(PRACTICE, "updated: 2025-01-30", "updated: 2025-01-30\nreview_due: 2025-06-30"))
    library = load_library(docs_copy)
    assert library.practices["x"].review_due.isoformat() == "2026-01-30"
    assert library.practices["y"].review_due.isoformat() == "2025-06-30"


def test_contact_naming_a_person_without_role_and_url_fails(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated:", "contacts:\n  - name: Ana\nupdated:"))
    message = message_about(refused(docs_copy), "practices/x.md", "contacts[1]")
    assert_says(message, "an institution, with organisation, role and a public url", "never a person")


def test_new_translation_without_fingerprint_gets_the_line_to_paste(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE)
    page = load_library(docs_copy).pages["practices/x.md"]
    write(docs_copy, "practices/x.sq.md", TRANSLATION)
    message = message_about(refused(docs_copy), "practices/x.sq.md", "source_fingerprint")
    assert_says(message, f'Paste: source_fingerprint: "{page.fingerprint}"', "paste the line below")


def test_translation_of_a_broken_english_page_gets_no_made_up_fingerprint(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "kind: method", "kind: methd"))
    write(docs_copy, "practices/x.sq.md", TRANSLATION)
    message = message_about(refused(docs_copy), "practices/x.sq.md", "source_fingerprint")
    assert_says(message, "the English page docs/practices/x.md has problems of its own",
                "once they are fixed, the check prints the source_fingerprint line to paste here")
    assert "Paste:" not in message
