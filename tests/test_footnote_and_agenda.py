"""Two rules a page must keep, without a build: the Kosovo* footnote wherever
Kosovo is named, and a module's agenda whose start times a trainer can run a
day by. Expected texts are typed out here (the Serbian Latin footnote in Latin
letters), not taken from the code under test."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO

from learning_platform.context import Context
from learning_platform.model import AgendaItem, Library, Material, Module, Translation
from learning_platform.module_page import agenda_table, clock
from learning_platform.official import load_official_texts
from learning_platform.page_parts import kosovo_footnote
from learning_platform.vocabulary import load_vocabulary


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(vocabulary=load_vocabulary(), official=load_official_texts())


# -- the Kosovo* footnote -------------------------------------------------------------------

# The contract's English wording (CONTENT_MODEL.md), typed out; the other
# languages as data/vocabulary.yml has them, read here with yaml (editors
# revise them), Serbian Latin checked for Latin letters only.
ENGLISH = ("*This designation is without prejudice to positions on status, and is in line with UNSCR "
           "1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.")
WRITTEN = yaml.safe_load((REPO / "data/vocabulary.yml").read_text(encoding="utf-8"))["footnotes"]["kosovo"]


def test_a_page_naming_kosovo_carries_the_contracts_footnote_in_english(library):
    assert kosovo_footnote(library, "<p>Partners: Albania, Kosovo*, Serbia.</p>", "en") == (
        f'<p class="kosovo-footnote" id="kosovo-footnote">{ENGLISH}</p>')


@pytest.mark.parametrize("lang", ["sq", "mk", "sr", "bs"])
def test_a_page_naming_kosovo_carries_the_footnote_in_its_language(library, lang):
    assert WRITTEN[lang].startswith("*") and "1244/1999" in WRITTEN[lang]
    assert kosovo_footnote(library, "<p>Kosovo*</p>", lang) == (
        f'<p class="kosovo-footnote" id="kosovo-footnote">{WRITTEN[lang]}</p>')


def test_the_serbian_latin_footnote_is_the_serbian_one_in_latin_letters(library):
    footnote = kosovo_footnote(library, "<p>Косово*</p>", "sr-Latn")
    assert footnote.startswith('<p class="kosovo-footnote" id="kosovo-footnote">*Ovaj naziv ne dovodi u pitanje ')
    assert footnote.endswith(" nezavisnosti Kosova.</p>")
    assert not re.search("[\u0400-\u04FF]", footnote)


@pytest.mark.parametrize("named", [
    "Kosovo*", "Kosovës", "KOSOVO", "kosovske institucije", "Косово", "КОСОВО", "косовски",
])
def test_every_way_of_writing_kosovo_brings_the_footnote(library, named):
    assert kosovo_footnote(library, f"<p>{named}</p>", "en").startswith('<p class="kosovo-footnote"')


def test_a_page_not_naming_kosovo_has_no_footnote(library):
    assert kosovo_footnote(library, "<p>Albania, Montenegro, North Macedonia, Serbia.</p>", "en") == ""


# -- the agenda ----------------------------------------------------------------------------


@pytest.mark.parametrize("minutes, shown", [(0, "0:00"), (5, "0:05"), (59, "0:59"), (60, "1:00"),
                                            (135, "2:15"), (600, "10:00")])
def test_a_time_of_the_day_is_hours_and_two_digit_minutes(minutes, shown):
    assert clock(minutes) == shown


AGENDA = (AgendaItem(60, "Input & discussion", "Plenary", "opening"), AgendaItem(15, "Break", "", "break"),
          AgendaItem(105, "Role play", "Groups of three", "closing"))


def test_the_agenda_shows_when_each_activity_starts_and_the_total(library):
    ctx = Context(library, "en", "modules/test.md")
    assert agenda_table(ctx, AGENDA) == (
        '<table class="agenda"><thead><tr><th>Start</th><th>Minutes</th><th>Activity</th><th>Method</th></tr></thead>'
        "<tbody><tr><td>0:00</td><td>60</td><td>Input &amp; discussion</td><td>Plenary</td></tr>"
        "<tr><td>1:00</td><td>15</td><td>Break</td><td></td></tr>"
        "<tr><td>1:15</td><td>105</td><td>Role play</td><td>Groups of three</td></tr></tbody>"
        '<tfoot><tr><td colspan="4">In all: 180 minutes (3:00)</td></tr></tfoot></table>')


def test_an_agenda_later_in_the_day_starts_at_its_own_time_and_counts_only_its_minutes(library):
    ctx = Context(library, "bs", "modules/test.md")
    table = agenda_table(ctx, AGENDA, start=9 * 60)
    assert "<tr><td>9:00</td><td>60</td>" in table
    assert "<tr><td>10:00</td><td>15</td>" in table
    assert "<tr><td>10:15</td><td>105</td>" in table
    assert '<td colspan="4">Ukupno: 180 minuta (3:00)</td>' in table


def test_an_empty_agenda_adds_up_to_nothing(library):
    ctx = Context(library, "en", "modules/test.md")
    assert '<td colspan="4">In all: 0 minutes (0:00)</td>' in agenda_table(ctx, ())


def module_library(library: Library, *translations: Translation) -> Library:
    module = Module(path="modules/test.md", title="Test module", summary="Summary.", fingerprint="f",
                    objectives=("Explain return counselling.", "Listen actively."),
                    agenda=AGENDA, materials=(Material("Printed handout"),))
    plan = Library(vocabulary=library.vocabulary, official=library.official, pages={module.path: module})
    for translation in translations:
        plan.translations[(translation.source_path, translation.language)] = translation
    return plan


def module_translation(lang: str, **lists) -> Translation:
    return Translation(path=f"modules/test.{lang}.md", source_path="modules/test.md", language=lang,
                       title=None, summary=None, state="machine", reviewed_by=None, source_fingerprint=None, **lists)


def test_an_untranslated_modules_plan_is_the_english_one(library):
    plan = module_library(library)
    module = plan.pages["modules/test.md"]
    assert plan.module_plan(module, "sq") == (("Explain return counselling.", "Listen actively."), AGENDA,
                                              (Material("Printed handout"),))


def test_a_translated_agenda_keeps_the_english_minutes_and_roles(library):
    translated = module_translation("sr", objectives=("Објаснити саветовање.", "Слушати активно."),
                                    agenda=(("Увод", "Пленарно"), ("Пауза", ""), ("Игра улога", "Групе од три")),
                                    materials=("Штампани материјал",))
    plan = module_library(library, translated)
    module = plan.pages["modules/test.md"]
    assert plan.module_plan(module, "sr") == (
        ("Објаснити саветовање.", "Слушати активно."),
        (AgendaItem(60, "Увод", "Пленарно", "opening"), AgendaItem(15, "Пауза", "", "break"),
         AgendaItem(105, "Игра улога", "Групе од три", "closing")),
        (Material("Штампани материјал"),))
    assert plan.module_plan(module, "sr-Latn") == (
        ("Objasniti savetovanje.", "Slušati aktivno."),
        (AgendaItem(60, "Uvod", "Plenarno", "opening"), AgendaItem(15, "Pauza", "", "break"),
         AgendaItem(105, "Igra uloga", "Grupe od tri", "closing")),
        (Material("Štampani materijal"),))


def test_a_translation_that_leaves_the_plan_out_shows_the_english_plan(library):
    plan = module_library(library, module_translation("bs"))
    module = plan.pages["modules/test.md"]
    objectives, agenda, materials = plan.module_plan(module, "bs")
    assert objectives == ("Explain return counselling.", "Listen actively.")
    assert agenda == AGENDA
    assert materials == (Material("Printed handout"),)
