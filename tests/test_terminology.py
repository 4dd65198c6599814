"""The language check: what it reads, each kind of rule catching its example
with the wording to use in its message, and the site as it is reporting
nothing. The glossary's core terms in every language."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from learning_platform.glossary import load_glossary
from learning_platform.labels import label_findings, read_alike
from learning_platform.language_check import check_language, language_problems
from learning_platform.page_parts import permalink_titles
from learning_platform.quotations import own_words
from learning_platform.terminology import check_text, load_language, load_rules
from learning_platform.vocabulary import load_vocabulary

LANGUAGES = ("sq", "mk", "sr", "bs")


def findings(lang: str, text: str, data: bool = False) -> list:
    return list(check_text("x.md", text, load_language(lang), data=data))


def fields(found: list) -> list[tuple[str, str]]:
    return [(finding.check, finding.found) for finding in found]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ whose rule files a test may change."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    load_language.cache_clear()
    yield target
    load_rules.cache_clear()


# -- what the check reads ---------------------------------------------------------------------


def test_a_blockquote_ending_with_its_source_line_is_left_out() -> None:
    page = "Own text: skrining.\n\n> Quoted: skrining.\n>\n> — *Source title*, page 3\n\nOwn again: skrining.\n"
    assert [(f.line, f.found) for f in findings("bs", page)] == [(1, "skrining"), (7, "skrining")]


def test_a_blockquote_without_its_source_line_is_checked() -> None:
    assert [(f.line, f.found) for f in findings("bs", "> Kaže se: skrining.\n")] == [(1, "skrining")]


def test_text_between_quotation_marks_is_checked_like_any_other() -> None:
    assert fields(findings("bs", "Kako kaže izvor: „skrining“.")) == [("terminology", "skrining")]
    assert fields(findings("sq", "Sipas «Draft me makinë»")) == [("terminology", "Draft me makinë")]


def test_code_link_addresses_and_comments_are_left_out() -> None:
    page = ("Vidjeti `skrining` i [provjeru](../practices/skrining-region.md).\n"
            "```\nskrining\n```\n<!-- skrining -->\n")
    assert findings("bs", page) == []
    assert own_words("[a](b.md)") == "[a]      "


def test_an_official_name_listed_under_names_is_left_alone(data_copy: Path) -> None:
    path = data_copy / "terminology/bs.yml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules["names"] = ["Imigracioni centar"]
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    language = load_language("bs", data_copy)
    assert not list(check_text("x.md", "Smješten je u Imigracioni centar.", language))
    assert list(check_text("x.md", "Imigracioni postupak traje.", language))


# -- words to avoid (the `rules` of each language) ------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_at_least_fifteen_terminology_rules(lang: str) -> None:
    assert len(load_rules(lang)) >= 15


EDITORS_EXAMPLES = {
    "sq": ["përmes kanaleve të rëna dakord", "Draft me makinë", "Përkthim paraprak me makinë, ende pa u rishikuar",
           "u flit para mikut", "përmes kanalit të dakorduar"],
    "mk": ["МОМ ја поддржува", "ги развиваат нивните вештини", "може да е жртва", "преведувачи и културни медијатори"],
    "sr": ["провера који штите", "у Косову*", "Свих 21 активности", "ирегуларни мигранти", "предавачи на обукама"],
    "bs": ["Holističko upravljanje", "skrining ranjivosti", "Pretražite stranicu", "migracioni tokovi", "u regionu"],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, texts in EDITORS_EXAMPLES.items() for text in texts])
def test_the_terminology_check_catches_the_editors_examples(lang: str, text: str) -> None:
    found = findings(lang, text)
    assert found and found[0].check == "terminology" and found[0].line == 1 and found[0].advice


def test_a_word_to_avoid_names_the_preferred_term_in_its_message() -> None:
    (finding,) = findings("sr", "Ту раде ИОМ и УНХЦР.")
    assert (finding.found, finding.advice) == ("ИОМ", "МОМ")
    assert finding.error().field == "terminology" and '"МОМ" instead' in finding.error().problem


# -- phrases: calques and changes of meaning, in any inflected form ------------------------------------


@pytest.mark.parametrize("lang, text, found, wording", [
    ("sr", "3. **Обучите.** Обухватите улогу и њене границе.", "Обухватите", "обрадите (улогу, тему)"),
    ("sr", "медијација уведена тек опрезно, углавном", "тек опрезно", "уз оклевање"),
    ("bs", "medijacija uvedena tek oprezno, uglavnom", "tek oprezno", "uz oklijevanje"),
    ("sr", "Текст споразума са анексима, које припрема тренер", "које припрема тренер", "… (припрема тренер)"),
    ("sr", "Машински превод, још непрегледан од изворног говорника.", "непрегледан од",
     "који још није прегледао (изворни говорник)"),
    ("sr", "Евидентирајте сваки ризик од протеривања (refoulement), здравствене потребе.",
     "ризик од протеривања (refoulement", "ризик од протеривања или враћања (refoulement)"),
    ("sr", "- Познајте споразум: кога обухвата, које доказе прихвата.", "Познајте", "треба да знате / добро упознајте"),
    ("sr", "Отворено именујте ову напетост.", "Отворено именујте", "отворено говорите о (напетости)"),
    ("sr", "Алтернативе морају бити најмање рестриктивна мера која делује.", "најмање рестриктивна",
     "најблажа мера"),
    ("sr", "Мишљење детета се саслушава, а придаје му се тежина у складу са узрастом.", "придаје му се тежина",
     "поклоните дужну пажњу (мишљењу детета); доказна снага (доказа)"),
    ("sr", "2. **Хитно именовање старатеља** који заступа дете.", "именовање старатеља",
     "поставити старатеља (постављење старатеља)"),
    ("sr", "Многи људи заглављени на западнобалканској рути имају ограничене могућности.", "заглављени",
     "затечени у транзиту (на рути)"),
    ("sr", "- Провера сведена на штиклирање поља, без упућивања.", "штиклирање",
     "формално означавање (поља у обрасцу)"),
    ("sr", "Она Вам показује коме су потребне процедуралне гаранције.", "процедуралне гаранције",
     "процесне гаранције"),
    ("sr", "За тумаче који раде на интервјуима, саветовању и прихвату.", "интервјуима", "разговор"),
    ("sr", "да повећају приступ законитим путевима за мигранте у транзиту", "законитим путевима",
     "регуларни путеви"),
    ("bs", "Sažetak pravila na jednoj stranici, koji priprema trener", "koji priprema trener", "… (priprema trener)"),
    ("sq", "Ushtrimi 1: ndërtoni një kërkesë për ripranim", "ndërtoni një kërkesë", "hartoni (përgatitni) një kërkesë"),
    ("sq", "këshillimi kthehet në një fjalim të njëanshëm", "fjalim të njëanshëm", "bisedë në një drejtim (monolog)"),
    ("sq", "UNICEF Serbia vë në dukje", "UNICEF Serbia", "UNICEF-i në Serbi"),
    ("sq", "Fëmijët nuk vendosen në ndalim në kuadër të imigracionit.", "kuadër të imigracionit",
     "ndalim administrativ i migrantëve"),
    ("sq", "Veprimi ka dy hapa: vlerësimin, pastaj përvetësimin e sistemit.", "përvetësimin",
     "vënie në përdorim (e një sistemi)"),
    ("sq", "Në gjysmën e parë të vitit 2025 u zhvilluan tri takime.", "tri takime",
     "tre (tre raunde, tre nivele, të tre dimensionet)"),
    ("sq", "Shikoni të tri dimensionet, jo vetëm totalin.", "tri dimensionet",
     "tre (tre raunde, tre nivele, të tre dimensionet)"),
    ("sq", "Mos dërgoni një kërkesë që do t'u zbulonte autoriteteve të vendit prej të cilit personi ka frikë "
           "se ai ka kërkuar azil.", "ka frikë se ai ka kërkuar azil",
     "një kërkesë që i dërgohet vendit nga i cili personi ka frikë nuk duhet të zbulojë kurrë se ai ose ajo ka kërkuar azil"),
    ("sq", "Një kërkesë nuk duhet t'i zbulojë kurrë vendit nga i cili personi ka frikë faktin që ai ka kërkuar azil.",
     "ka frikë faktin",
     "një kërkesë që i dërgohet vendit nga i cili personi ka frikë nuk duhet të zbulojë kurrë se ai ose ajo ka kërkuar azil"),
    ("sq", "Një kërkesë nuk duhet t'i zbulojë kurrë faktin që personi ka kërkuar azil vendit nga i cili ai ose ajo ka frikë.",
     "ka kërkuar azil vendit",
     "një kërkesë që i dërgohet vendit nga i cili personi ka frikë nuk duhet të zbulojë kurrë se ai ose ajo ka kërkuar azil"),
    ("sq", "Një marrëdhënie me tre palë: zyrtari, personi dhe ndërmjetësi.", "tre palë",
     "tri palë (ose: marrëdhënie trepalëshe)"),
    ("sq", "40 minuta: tre raunde nga 9 minuta (6 loja me role, 3 komente), 11 për diskutimin.",
     "loja me role, 3 komente", "(… për lojën me role, 3 për komentet)"),
    ("mk", "ги разгледа двете услуги пилотирани за децата", "услуги пилотирани", "услуги воведени пилотно (пилот-услуги)"),
    ("bs", "- Medijator sažima umjesto da prenese ono što je rečeno.", "Medijator sažima umjesto",
     "Dopuštanje medijatoru da sažima umjesto da prenese…"),
])
def test_a_phrase_rule_catches_its_example_and_names_the_wording_to_use(lang, text, found, wording) -> None:
    phrases = [f for f in findings(lang, text) if f.check == "phrase"]
    assert [(f.found, f.advice) for f in phrases] == [(found, wording)]
    assert f'write "{wording}"' in phrases[0].explanation


def test_a_phrase_is_found_in_its_other_inflected_forms() -> None:
    assert [f.found for f in findings("sr", "Обухватите улоге тумача.") if f.check == "phrase"] == ["Обухватите"]
    assert [f.found for f in findings("sr", "Материјали, коју припрема тренер.") if f.check == "phrase"] \
        == ["коју припрема тренер"]


def test_lawful_pathways_are_found_in_the_plural_but_lawfully_is_left_alone() -> None:
    phrases = lambda text: [f.found for f in findings("sr", text) if f.check == "phrase"]
    assert phrases("Партнери отварају законите путеве за раднике.") == ["законите путеве"]
    assert phrases("Мало је законитих путева за мигранте у транзиту.") == ["законитих путева"]
    # „законитим путем“ (lawfully, by lawful means) has nothing to do with pathways
    assert phrases("Споразум је закључен законитим путем.") == []
    assert phrases("Споразуми су закључени законитим путем, а законити путеви су ретки.") == ["законити путеви"]


def test_a_state_verbs_imperative_is_found_but_not_the_verb_it_is_built_into() -> None:
    assert [f.found for f in findings("sr", "Знајте своје границе.") if f.check == "phrase"] == ["Знајте"]
    assert [f for f in findings("sr", "Добро упознајте споразум. Саветник зна рокове и познаје обрасце.")
            if f.check == "phrase"] == []


def test_stranded_said_colloquially_is_found_but_not_the_pages_header() -> None:
    assert [f.found for f in findings("sr", "мало миграната који су се заглавили прихвата решења")
            if f.check == "phrase"] == ["заглавили"]
    assert [f for f in findings("sr", "тест тастатуре: заглавље, претрага, мени језика") if f.check == "phrase"] == []


def test_a_phrase_that_ends_a_sentence_is_found_only_there() -> None:
    assert [f.found for f in findings("bs", "9. **Dijelite u regiji.** Objedinite spiskove.")] == ["Dijelite u regiji"]
    assert findings("bs", "9. **Dijelite iskustva u regiji.** Objedinite spiskove.") == []
    assert findings("bs", "Dijelite u regiji spiskove prevodilaca.") == []


def test_the_albanian_numeral_rule_finds_the_headings_the_team_decided_on() -> None:
    assert [f.found for f in findings("sq", "## Tri rregulla") if f.check == "phrase"] == ["Tri rregulla"]
    assert [f.found for f in findings("sq", "**Tri veprimet.** Plani i Veprimit") if f.check == "phrase"] \
        == ["Tri veprimet"]
    assert [f for f in findings("sq", "## Tre rregulla. Të tre veprimet.") if f.check == "phrase"] == []


def test_the_albanian_numeral_rule_leaves_feminine_nouns_and_the_right_wording_alone() -> None:
    assert findings("sq", "Nevojiten tri gjëra, tri ditë dhe tre raunde; shikoni të tre dimensionet.") == []
    assert findings("sq", "Një kërkesë që i dërgohet vendit nga i cili personi ka frikë nuk duhet të zbulojë kurrë se ai ose ajo "
                          "ka kërkuar azil.") == []
    assert findings("sq", "Një marrëdhënie me tri palë; të tri palët e dinë.") == []
    assert findings("sq", "Ai ka frikë se do ta ndëshkojnë. Prandaj ka kërkuar azil.") == []


def test_a_phrase_does_not_reach_across_sentences() -> None:
    assert [f for f in findings("sq", "Ndërtoni besimin. Një kërkesë për ripranim vjen më vonë.")
            if f.found.startswith("Ndërtoni")] == []


# -- one term per concept across a language's pages -------------------------------------------------------


def _pages(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def test_a_concept_said_two_ways_is_reported_with_both_places(tmp_path: Path) -> None:
    docs = _pages(tmp_path, {
        "actions/5.sr.md": "# Активност 5\n\nРазговор се води уз квалификованог тумача.\n",
        "practices/x.sr.md": "# Пракса\n\nУвод.\n\nРазговарајте насамо, уз преводиоца ако је потребно.\n",
    })
    (finding,) = [f for f in check_language(docs, "sr") if f.check == "one term per concept" and not
                  f.file.startswith("../")]
    assert (finding.file, finding.line, finding.found, finding.advice) == ("practices/x.sr.md", 5, "преводиоца", "тумач")
    assert "as docs/actions/5.sr.md says on line 3" in finding.explanation
    assert '"interpreter" is "тумач"' in finding.explanation


def test_the_term_holding_a_shorter_rendering_wins(tmp_path: Path) -> None:
    docs = _pages(tmp_path, {
        "a.mk.md": "Забраната за протерување или враќање (non-refoulement) важи за сите.\n",
        "b.mk.md": "**Забрана за протерување (non-refoulement).** Никогаш не испраќајте барање.\n",
    })
    found = [(f.file, f.line, f.found) for f in check_language(docs, "mk") if f.check == "one term per concept"
             and not f.file.startswith("../")]
    assert found == [("b.mk.md", 1, "Забрана за протерување")]


def test_a_term_cut_short_is_reported_in_its_inflected_forms() -> None:
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    units = [Unit("p.sr.md", 1, "Поступак утврђивања најбољег интереса детета.\n\nУ најбољем интересу.\n", False),
             Unit("q.sr.md", 1, "Процена најбољих интереса сваког детета.\n", False)]
    assert [(f.file, f.line, f.found) for f in concept_findings(units, load_language("sr"))] \
        == [("p.sr.md", 3, "најбољем интересу")]


def test_a_rendering_that_means_something_else_where_it_stands_is_left_alone() -> None:
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    units = [Unit("t.sr.md", 1, "Тумач преноси изговорено.\n", False),
             Unit("c.sr.md", 1, "Разговор се води уз преводиоца.\n", False),
             Unit("d.sr.md", 1, "Платформа је отворена за тренере и преводилаце ове платформе.\n", False)]
    assert [(f.file, f.found) for f in concept_findings(units, load_language("sr"))] == [("c.sr.md", "преводиоца")]


def test_a_word_mixing_latin_and_cyrillic_letters_is_reported() -> None:
    (finding,) = findings("sr", "Захтев шаље државa молиља.")  # a Latin "a" at the end
    assert (finding.check, finding.found) == ("mixed script", "државa")
    # A Latin name with a Cyrillic case ending joins two words, each in one script.
    assert [f for f in findings("sr", "Систем e-RCMS-а помаже.") if f.check == "mixed script"] == []


# -- the polite form of address ------------------------------------------------------------------


@pytest.mark.parametrize("lang, familiar, polite", [
    ("sr", "Отвори претрагу", "Отворите претрагу"),
    ("mk", "Отвори пребарување", "Отворете го пребарувањето"),
    ("bs", "Otvori pretragu", "Otvorite pretragu"),
    ("sq", "Hap kërkimin", "Hapni kërkimin"),
])
def test_a_familiar_imperative_in_an_interface_string_is_reported(lang: str, familiar: str, polite: str) -> None:
    (finding,) = findings(lang, familiar, data=True)
    assert finding.check == "form of address" and finding.found == familiar.split()[0]
    assert "polite form" in finding.explanation
    assert findings(lang, polite, data=True) == []


@pytest.mark.parametrize("lang, text, found", [
    ("sr", "Ово је твој случај и можеш да одлучиш.", ["твој", "можеш"]),
    ("bs", "Tvoja uloga je da pitaš.", ["Tvoja"]),
    ("mk", "Ова е твојата улога.", ["твојата"]),
    ("sq", "Ky është roli yt i tëndi? Roli tënd.", ["tënd"]),
    ("sq", "- **Mos shkakto dëm:** mos e detyroni personin të flasë.", ["shkakto"]),
    ("sq", "Trajtojeni personin si fëmijë. Shih [depistimin](screening.md); shihni edhe faqen.", ["Shih"]),
])
def test_familiar_pronouns_and_verb_forms_are_reported_anywhere_in_a_page(lang: str, text: str, found) -> None:
    assert [f.found for f in findings(lang, text) if f.check == "form of address"] == found


def test_a_word_that_is_also_a_third_person_verb_is_not_taken_for_an_imperative() -> None:
    assert findings("sr", "- Прати се само лет, а не и предаја.") == []
    assert findings("mk", "Девојчето оди на училиште.") == []


def test_an_imperative_inside_a_sentence_of_a_page_is_not_taken_for_an_address() -> None:
    assert findings("sr", "Службеник ће да отвори досије.") == []


# -- acronyms --------------------------------------------------------------------------------------


def _english_page(tmp_path: Path, text: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(text, encoding="utf-8")
    return docs


def test_an_acronym_not_written_out_where_it_first_appears_is_reported(tmp_path: Path) -> None:
    docs = _english_page(tmp_path, "# Page\n\nThe GCM objective 21 matters.\n\nLater the GCM again.\n")
    found = [f for f in check_language(docs, "en") if f.file == "page.md"]
    assert [(f.check, f.line, f.found) for f in found] == [("acronym", 3, "GCM")]
    assert found[0].advice == "Global Compact for Safe, Orderly and Regular Migration (GCM)"


@pytest.mark.parametrize("text", [
    "Objective 21 of the Global Compact for Migration (GCM) matters.",
    "The GCM (Global Compact for Safe, Orderly and Regular Migration) sets 23 objectives.",
])
def test_an_acronym_written_out_in_its_first_paragraph_passes(tmp_path: Path, text: str) -> None:
    docs = _english_page(tmp_path, f"# Page\n\n{text}\n\nThe GCM again.\n")
    assert [f for f in check_language(docs, "en") if f.file == "page.md"] == []


def test_a_language_writes_its_own_form_of_the_acronym(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.sr.md").write_text("ГДМ има 23 циља.\n\nЦиљ 21 Глобалног договора о миграцијама (ГДМ).\n",
                                     encoding="utf-8")
    assert [(f.check, f.line, f.found) for f in check_language(docs, "sr") if f.file == "page.sr.md"] \
        == [("acronym", 1, "ГДМ")]


def test_an_interface_string_with_the_acronym_holds_the_term_too() -> None:
    vocabulary = load_vocabulary()
    for lang in ("en", "sq", "mk", "sr", "bs"):
        label = vocabulary.text("finder.facet.gcm", lang)
        assert ("GCM" in label or "ГДМ" in label) and "(" in label, (lang, label)


# -- interface labels that must stay apart -------------------------------------------------------------


@pytest.mark.parametrize("lang, one, other", [
    ("mk", "Целна група", "Целни групи"),
    ("bs", "Ciljna grupa", "Ciljne grupe"),
    ("sr", "Активност", "Активности {numbers}"),
    ("en", "Action {number}", "Actions"),
])
def test_labels_that_differ_only_by_number_or_ending_read_alike(lang: str, one: str, other: str) -> None:
    assert read_alike(one, other, lang)


@pytest.mark.parametrize("lang, one, other", [
    ("mk", "Улоги", "Целни групи"),
    ("sr", "Активност", "Садржај"),
    ("sr", "Ваша улога", "Особе о којима је реч"),
])
def test_labels_with_words_of_their_own_read_apart(lang: str, one: str, other: str) -> None:
    assert not read_alike(one, other, lang)


def test_a_label_collision_is_reported_with_both_labels_and_the_line(data_copy: Path) -> None:
    ui = data_copy / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text.replace('  mk: "Содржина"', '  mk: "Активност"'), encoding="utf-8")
    found = label_findings(load_vocabulary.__wrapped__(data_copy), data_copy)
    lines = text.split("\n")
    assert {error.value for error in found} == {"Активност {number}", "Активност", "Активности"}
    assert all(error.field == "interface labels" and error.file == "../data/ui.yml" for error in found)
    assert all("ui:agenda.column.activity (\"Активност\")" in error.problem for error in found)
    assert all(lines[error.line - 1] == f'  mk: "{error.value}"' for error in found)


def test_an_action_short_name_too_long_for_the_tables_is_reported_with_its_line(data_copy: Path) -> None:
    vocabulary_file = data_copy / "vocabulary.yml"
    text = vocabulary_file.read_text(encoding="utf-8")
    long_name = "Rrugë të rregullta për personat e cenueshëm"  # 43 characters
    edited = text.replace('sq: "Rrugë për njerëzit e cenueshëm"', f'sq: "{long_name}"', 1)
    assert edited != text
    vocabulary_file.write_text(edited, encoding="utf-8")
    found = language_problems(REPO / "docs", load_vocabulary.__wrapped__(data_copy), data_copy)
    short = [error for error in found if error.field == "action_names"]
    assert len(short) == 1
    error = short[0]
    assert (error.file, error.value) == ("../data/vocabulary.yml", long_name)
    assert "  12:" in edited.split("\n")[error.line - 2] and long_name in edited.split("\n")[error.line - 1]
    assert "the short name of action 12 in sq has 43 characters" in error.problem
    assert "shorten it to 30 characters or fewer" in error.advice


def test_the_audience_and_the_people_concerned_read_apart_in_every_language() -> None:
    vocabulary = load_vocabulary()
    expected = {"en": ("Audience", "Target groups"), "sq": ("Rolet", "Grupet e synuara"),
                "mk": ("Улоги", "Целни групи"), "sr": ("Улоге", "Циљне групе"), "bs": ("Uloge", "Ciljne grupe")}
    for lang, (audience, groups) in expected.items():
        assert (vocabulary.text("panel.audience", lang), vocabulary.text("panel.target_groups", lang)) \
            == (audience, groups)


def test_an_action_of_the_action_plan_and_an_agenda_row_have_words_of_their_own() -> None:
    vocabulary = load_vocabulary()
    expected = {"en": ("Action", "Activity"), "sq": ("Veprimi", "Aktiviteti"), "mk": ("Активност", "Содржина"),
                "sr": ("Активност", "Садржај"), "bs": ("Aktivnost", "Sadržaj")}
    for lang, pair in expected.items():
        assert (vocabulary.text("finder.facet.action", lang), vocabulary.text("agenda.column.activity", lang)) == pair


# -- headings' anchor links ----------------------------------------------------------------------------


def test_a_headings_anchor_link_is_titled_in_the_pages_language() -> None:
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
    assert permalink_titles(html, "Трајна веза") == \
        '<h2 id="a">A<a class="headerlink" href="#a" title="Трајна веза">&para;</a></h2>'
    expected = {"en": "Permanent link", "sq": "Lidhje e përhershme", "mk": "Постојана врска",
                "sr": "Трајна веза", "sr-Latn": "Trajna veza", "bs": "Trajna veza"}
    assert {lang: load_vocabulary().text("heading.permalink", lang) for lang in expected} == expected


# -- the glossary: the field's core terms ---------------------------------------------------------------


CORE_TERMS = {
    "interpreter": {"sr": "тумач", "mk": "толкувач", "bs": "prevodilac"},
    "return-decision": {"sr": "одлука о повратку", "mk": "одлука за враќање"},
    "requesting-state": {"sr": "држава молиља", "bs": "država moliteljica"},
    "requested-state": {"sr": "замољена држава", "bs": "zamoljena država"},
    "transfer": {"sr": "предаја"},
    "joint-readmission-committee": {"en": "Joint Readmission Committee"},
    "non-refoulement": {"sr": "забрана протеривања или враћања", "bs": "zabrana protjerivanja ili vraćanja",
                        "mk": "забрана за протерување или враќање"},
    "screening": {"sr": "провера", "mk": "проверка", "bs": "provjera"},
    "best-interests-of-the-child": {"sr": "најбољи интерес детета"},
    "case": {"sr": "случај", "sq": "rast"},
}


@pytest.mark.parametrize("term_id", CORE_TERMS)
def test_the_glossary_has_the_fields_core_term_in_every_language(term_id: str) -> None:
    terms = {term.id: term for term in load_glossary()}
    term = terms[term_id]
    assert set(term.term) == set(term.definition) == {"en", "sq", "mk", "sr", "bs"}
    for lang, name in CORE_TERMS[term_id].items():
        assert term.name(lang) == name
    assert term.sources and all(source.url.startswith(("https://", "http://")) for source in term.sources)


def test_the_interpreter_is_told_apart_from_the_translator_with_a_note_where_serbian_and_bosnian_differ() -> None:
    terms = {term.id: term for term in load_glossary()}
    interpreter = terms["interpreter"]
    assert "translator" in interpreter.meaning("en")
    assert "prevodilac" in interpreter.usage_note("sr") and "тумач" in interpreter.usage_note("bs")
    assert "толкувач" in interpreter.usage_note("mk") or "тумач" in interpreter.usage_note("mk")
    assert interpreter.usage_note("sr-Latn").startswith("Tumač")


def test_non_refoulement_is_the_whole_principle() -> None:
    meaning = {term.id: term for term in load_glossary()}["non-refoulement"].meaning("en")
    for part in ("expelled, returned or extradited", "rejection at the border", "asylum seekers"):
        assert part in meaning


@pytest.mark.parametrize("lang, group, phrases", [
    ("bs", "00interpreter", {("prevodilac",), ("tumac",)}),
    ("sr", "00screening", {("prover",), ("prover", "ranjivos")}),
    ("mk", "00nonrefoulement", {("non", "refoulement")}),
])
def test_the_new_glossary_terms_work_as_search_synonyms(lang: str, group: str, phrases) -> None:
    from learning_platform.search import synonyms_for

    groups = dict(synonyms_for(lang))
    assert phrases <= set(groups[group])


def test_the_glossary_page_shows_the_usage_note_in_the_readers_language(built_site) -> None:
    page = (built_site / "sr" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Употреба:</strong> Тумач преноси изговорену реч" in page
    english = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Usage:</strong> Serbian pages say тумач" in english


def test_headings_anchor_links_are_titled_in_every_language_of_the_built_site(built_site) -> None:
    for lang, title in {"sq": "Lidhje e përhershme", "mk": "Постојана врска", "sr": "Трајна веза",
                        "sr-Latn": "Trajna veza", "bs": "Trajna veza"}.items():
        for page in ("practices/cultural-mediation", "glossary", "modules/return-counselling-skills"):
            html = (built_site / lang / page / "index.html").read_text(encoding="utf-8")
            assert 'class="headerlink"' in html and 'title="Permanent link"' not in html, (lang, page)
            assert f'title="{title}"' in html, (lang, page)


# -- the site as it is ------------------------------------------------------------------------------------


def test_the_site_as_it_is_reports_no_language_problem() -> None:
    problems = language_problems(REPO / "docs", load_vocabulary())
    assert [str(problem) for problem in problems] == []


# -- the editors' tool: scripts/terminology.py ------------------------------------------------------------


TOOL = [sys.executable, str(REPO / "scripts/terminology.py")]


def test_the_editors_tool_lists_one_languages_problems_and_fails(tmp_path: Path) -> None:
    docs = _pages(tmp_path, {"practices/x.sr.md": "# Пракса\n\nОбухватите улогу. Разговор уз преводиоца и тумача.\n",
                             "practices/x.bs.md": "# Praksa\n\nSkrining ranjivosti.\n"})
    result = subprocess.run([*TOOL, "check", "sr", "--docs-dir", str(docs)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "docs/practices/x.sr.md\n  line 3, one term per concept:" in result.stdout
    assert "line 3, phrase: a calque of English structure" in result.stdout and "Write: тумач" in result.stdout
    assert "x.bs.md" not in result.stdout


def test_the_editors_tool_shows_where_each_rendering_of_a_concept_is(tmp_path: Path) -> None:
    docs = _pages(tmp_path, {"a.sr.md": "Уз тумача.\n", "b.sr.md": "Текст.\n\nУз преводиоца.\n"})
    result = subprocess.run([*TOOL, "concepts", "sr", "--docs-dir", str(docs)], capture_output=True, text=True)
    assert result.returncode == 0
    block = result.stdout.split("interpreter\n", 1)[1].split("\n\n", 1)[0]
    assert '  term "тумач": ' in block and "docs/a.sr.md:1" in block
    assert '  other "преводиоца": 1 (docs/b.sr.md:3)' in block


def test_the_editors_tool_refuses_serbian_latin_which_is_generated() -> None:
    result = subprocess.run([*TOOL, "check", "sr-Latn"], capture_output=True, text=True)
    assert result.returncode == 2 and "not a language written by hand" in result.stderr


def test_the_fast_folding_of_words_is_the_searchs_folding() -> None:
    import unicodedata

    from learning_platform.folding import fold
    from learning_platform.phrases import _fold

    for word in ("Ђорђе", "ЂОРЂЕ", "đorđe", "Shqipëria", "ćevap", "Њујорк", "ќерка", "ѓавол", "ѕвезда", "Straße",
                 "łódź", "naïve", "Ѐ", "İstanbul"):
        assert _fold(word) == fold(unicodedata.normalize("NFC", word)), word


def test_the_editors_tool_tries_a_text_against_every_rule_of_a_language() -> None:
    result = subprocess.run([*TOOL, "try", "sr", "Обухватите улогу. Разговор уз преводиоца. ГДМ."],
                            capture_output=True, text=True)
    assert result.returncode == 1
    for kind in ("phrase: a calque", "one term per concept:", "acronym: the acronym ГДМ"):
        assert kind in result.stdout, kind
    result = subprocess.run([*TOOL, "try", "bs", "Otvorite pretragu", "--string"], capture_output=True, text=True)
    assert result.returncode == 0 and "Nothing to report in bs." in result.stdout


@pytest.mark.parametrize("section, entry, message", [
    ("phrases", {"find": "тек опрезно", "write": "уз оклевање"}, "kind (calque, meaning, grammar"),
    ("concepts", {"concept": "interpreter", "use": ["тумач"]}, "other (the renderings to replace)"),
    ("rules", {"preferred": "МОМ"}, "avoid (a list of texts)"),
    ("acronyms", {"term": "gcm"}, "acronym (this language's form of it)"),
])
def test_a_rule_the_check_cannot_use_is_reported_with_an_example_to_follow(data_copy: Path, section, entry,
                                                                          message) -> None:
    path = data_copy / "terminology/sr.yml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules[section] = [entry]
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    problems = [p for p in language_problems(REPO / "docs", load_vocabulary(), data_copy) if p.field == "rules"]
    assert [(p.file, p.field) for p in problems] == [("../data/terminology/sr.yml", "rules")]
    assert f"data/terminology/sr.yml, {section}[1]" in problems[0].problem and message in problems[0].problem
    assert "e.g." in problems[0].problem


@pytest.mark.parametrize("lang, text, found", [
    ("sq", "Të dhëna të dërguara me email të zakonshëm.", "email"),
    ("sq", "Në vend që të dërgojnë dosje në letër dhe email-e.", "email-e"),
    ("sr", "Дотад су размењивали информације имејлом.", "имејлом"),
    ("bs", "Podaci poslani običnim e-mailom.", "e-mailom"),
])
def test_e_mail_in_formal_text_is_the_languages_own_word(lang: str, text: str, found: str) -> None:
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    (finding,) = concept_findings([Unit("x.md", 1, text, False)], load_language(lang))
    assert finding.found == found and "e-mail" in finding.explanation


@pytest.mark.parametrize("text, found", [
    ("Shteti aplikues e dërgon kërkesën brenda afatit.", "Shteti aplikues"),
    ("Kërkesa i dërgohet shtetit të thirrur me provat.", "shtetit të thirrur"),
    ("Një shtet aplikues e dërgon kërkesën.", "shtet aplikues"),
])
def test_albanian_requesting_and_requested_state_are_found_in_the_definite_form_too(text: str, found: str) -> None:
    # The Albanian stemmer takes "shtet" to "sht" but "shteti" to "shtet": the rule lists both forms.
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    (finding,) = concept_findings([Unit("x.sq.md", 1, text, False)], load_language("sq"))
    assert finding.found == found


def test_albanian_requesting_state_defined_in_words_is_left_alone() -> None:
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    text = "Në një procedurë ripranimi, shteti që i kërkon një shteti tjetër ta pranojë përsëri një person."
    assert concept_findings([Unit("x.sq.md", 1, text, False)], load_language("sq")) == []


@pytest.mark.parametrize("text, found", [
    ("Zbatoni një procedurë të interesit më të mirë.", "interesit më të mirë"),
    ("Mbani regjistër të aksesit në të dhëna.", "aksesit"),
    ("Një vizë e shtetit të cilit i kërkohet ripranimi.", "shtetit të cilit i kërkohet"),
])
def test_albanian_terms_cut_short_or_said_another_way_are_reported(text: str, found: str) -> None:
    # best interests of the child whole; access is qasje; the requested State is shteti i kërkuar
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    (finding,) = concept_findings([Unit("x.sq.md", 1, text, False)], load_language("sq"))
    assert finding.found == found


@pytest.mark.parametrize("text", [
    "Zbatoni një procedurë të interesit më të mirë të fëmijës.",
    "GRETA thotë se interesi më i mirë i viktimave duhet të jetë në qendër.",
    "Ribashkimi, kur kjo është në interesin më të mirë të personave të përfshirë.",
])
def test_albanian_best_interests_of_the_child_whole_or_of_other_people_is_left_alone(text: str) -> None:
    from learning_platform.consistency import concept_findings
    from learning_platform.terminology import Unit

    assert concept_findings([Unit("x.sq.md", 1, text, False)], load_language("sq")) == []
