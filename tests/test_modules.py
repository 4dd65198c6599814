"""Training modules as a trainer and a learner use them: the facilitator's
guide and the participants' version, every material a module names, the
self-check answered on paper, in the browser and without JavaScript, and
designs whose timings add up.

Known sentences are written out here: a test fails if a facilitator-only
sentence reaches participants, whatever the code that removes it does."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, REPO, build, make_project
from helpers import pdf_of, sheet_texts

from learning_platform.errors import ContentErrors
from learning_platform.facilitator import without_facilitator_parts
from learning_platform.loading import load_library
from learning_platform.participants import participants_markdown

SITE = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
            if line.startswith("site_url:"))
MODULES = ("alternatives-to-detention-in-practice", "children-in-return-procedures",
           "identifying-victims-of-trafficking-in-mixed-flows", "readmission-case-processing-workshop",
           "regional-information-exchange-on-return-workshop", "return-counselling-skills")

# Sentences only the facilitator may see (debrief points, role briefs, answers
# keys, notes), and sentences participants need, module by module (English).
FACILITATOR_ONLY = {
    "return-counselling-skills": [
        "Draw out that the debt in case 1A is central to his decision",
        "Your family borrowed a large sum from a relative to pay for your journey",
        "Hand out the self-check after the welcome",
    ],
    "identifying-victims-of-trafficking-in-mixed-flows": [
        "that card D shows smuggling without signs of trafficking",
        "The man you travel with says he is your husband; he is not.",
    ],
    "readmission-case-processing-workshop": [
        "that the photocopy of an expired passport and the person's statement are evidence to be weighed",
        "check the Exercise 1 forms against the checklist and report",
    ],
    "regional-information-exchange-on-return-workshop": [
        "A suggested sorting of the information cards",
        "Your administration has the most requests waiting",
    ],
    "children-in-return-procedures": [
        "Last week she told you, and asked you not to tell anyone",
        "what she told her guardian about a marriage may be a new element",
    ],
    "alternatives-to-detention-in-practice": [
        "You are the father (or the mother) of the family.",
        "having no registered address is not, on its own, proof of a risk of",
    ],
}
FOR_PARTICIPANTS = {
    "return-counselling-skills": ["Case card 1A (fictional)", "Checklist for one session"],
    "identifying-victims-of-trafficking-in-mixed-flows": ["Case card D (fictional)", "Possible signs (look for a pattern)"],
    "readmission-case-processing-workshop": ["Document 4: photocopy of a passport, description (fictional training document)"],
    "regional-information-exchange-on-return-workshop": ["Card 12 (fictional)", "Scenario: Country K (fictional)"],
    "children-in-return-procedures": ["Case card 3C (fictional)", "Observation sheet for Exercise 2"],
    "alternatives-to-detention-in-practice": ["Document 1: request for detention (fictional training document)",
                                              "Decision template for Exercise 1"],
}


def body(slug: str, lang: str = "en") -> str:
    name = f"{slug}.md" if lang == "en" else f"{slug}.{lang}.md"
    return (REPO / "docs/modules" / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]


def front(slug: str) -> dict:
    return yaml.safe_load((REPO / "docs/modules" / f"{slug}.md").read_text(encoding="utf-8").split("---\n", 2)[1])


def flat(text: str) -> str:
    return " ".join(text.split())


# -- the participants' version ------------------------------------------------------------


@pytest.mark.parametrize("slug", MODULES)
def test_the_participants_version_has_no_facilitator_only_text_and_keeps_what_participants_need(slug):
    english = flat(body(slug))
    participants = flat(participants_markdown(body(slug)))
    for sentence in FACILITATOR_ONLY[slug]:
        assert sentence in english, sentence  # the sentence is in the guide...
        assert sentence not in participants, sentence  # ...and not in the handout
    for sentence in FOR_PARTICIPANTS[slug]:
        assert sentence in participants, sentence
    assert "/// facilitator" not in participants and "Debrief." not in participants


def test_a_facilitator_block_holds_sections_and_boxes_and_only_it_goes():
    text = ("Intro.\n\n//// facilitator\n## Role briefs { #role-briefs }\n\n"
            "!!! example \"Brief (fictional)\"\n    Secret.\n\n/// note\ninner\n///\n////\n\n"
            "## Exercise\n\nTask.\n\n/// facilitator\n**Debrief.** Points.\n///\n\nAfter.\n")
    assert without_facilitator_parts(text) == "Intro.\n\n## Exercise\n\nTask.\n\nAfter.\n"


def _write_module(docs: Path, slug: str, replace: tuple[str, str]) -> None:
    path = docs / "modules" / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    assert replace[0] in text
    path.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")


def test_a_facilitator_block_left_open_fails_naming_file_and_line(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    path = docs / "modules/return-counselling-skills.md"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert lines[-1] == "///"
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # the last block is never closed
    opened = max(number for number, line in enumerate(lines, start=1) if line == "/// facilitator")
    with pytest.raises(ContentErrors) as raised:
        load_library(docs)
    [error] = [e for e in raised.value.errors if e.field == "/// facilitator"]
    assert (error.file, error.line) == ("modules/return-counselling-skills.md", opened)
    assert "never closed" in error.problem


# -- every material a module names ------------------------------------------------------------


@pytest.mark.parametrize("slug", MODULES)
def test_every_material_the_module_supplies_is_on_its_page(slug):
    sections = set(re.findall(r"\{ #([\w-]+) \}", body(slug)))
    for material in front(slug)["materials"]:
        if isinstance(material, dict) and "section" in material:
            assert material["section"] in sections | {"self-check", "feedback-form"}, material


@pytest.mark.slow  # builds a site
def test_a_module_naming_a_missing_material_fails_the_build_naming_the_file_and_the_material(tmp_path):
    project = make_project(tmp_path / "project")
    _write_module(project / "docs", "identifying-victims-of-trafficking-in-mixed-flows",
                  ("section: case-cards}", "section: case-cardz}"))
    result = build(project)
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert "docs/modules/identifying-victims-of-trafficking-in-mixed-flows.md, line 26, field 'materials[2].section'" in report
    assert ("the module supplies the material 'Case cards A to D for Exercise 1 and case card E for Exercise 3, "
            "one set per group' in the section 'case-cardz', but docs/modules/identifying-victims-of-trafficking-"
            "in-mixed-flows.md has no such section; did you mean case-cards?") in report
    assert ('Paste: - {name: "Case cards A to D for Exercise 1 and case card E for Exercise 3, one set per group", '
            "section: case-cards}") in report
    assert report.count("problem") == 1 and "1 problem in the content" in report  # no errors that follow from it


def test_a_material_naming_a_page_that_does_not_exist_fails(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    _write_module(docs, "regional-information-exchange-on-return-workshop",
                  ("page: practices/regional-information-exchange-on-return.md}", "page: practices/no-such-page.md}"))
    with pytest.raises(ContentErrors) as raised:
        load_library(docs)
    [error] = [e for e in raised.value.errors if e.field.startswith("materials")]
    assert (error.file, error.value) == ("modules/regional-information-exchange-on-return-workshop.md",
                                         "practices/no-such-page.md")
    assert "docs/practices/no-such-page.md, which does not exist" in error.problem


def test_a_self_check_of_four_questions_fails_with_the_rule(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    path = docs / "modules/return-counselling-skills.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - question: In a second session")
    end = text.index("sources:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_library(docs)
    messages = [str(e) for e in raised.value.errors if e.file == "modules/return-counselling-skills.md"]
    assert any("field 'self_check'" in m and "at least 5 questions" in m and "(found: 4 questions)" in m
               for m in messages), messages


def test_a_translated_question_with_another_number_of_options_fails(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    path = docs / "modules/return-counselling-skills.sq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      - Të mbledhë fakte për vendimin e kthimit\n", "", 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_library(docs)
    [error] = [e for e in raised.value.errors if e.file == "modules/return-counselling-skills.sq.md"]
    assert error.field == "self_check[1].options" and "the English question has 3 options" in error.problem


# -- designs that add up -----------------------------------------------------------------------

ROUNDS = {"two": 2, "three": 3, "four": 4}


def _timing_parts(text: str) -> list[str]:
    depth, current, parts = 0, "", []
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char in ",;" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [part for part in [*parts, current.strip()] if part]


def _minutes(part: str) -> int:
    if part.startswith("up to"):  # "up to 2 for each other group ... (8 for five groups)"
        return int(re.search(r"\((\d+) for ", part).group(1))
    rounds = re.match(r"(\w+) rounds of (\d+) minutes(?: \(([^)]*)\))?", part)
    if rounds:
        each = int(rounds.group(2))
        if rounds.group(3):  # "(8 role play, 3 feedback)" is one round
            assert sum(map(int, re.findall(r"\d+", rounds.group(3)))) == each, part
        return ROUNDS[rounds.group(1)] * each
    number = re.match(r"(\d+)", part)
    return int(number.group(1)) if number else 0  # "one card per group in turn": no time of its own


@pytest.mark.parametrize("slug", MODULES)
def test_each_exercise_has_its_agenda_slot_and_its_timing_adds_up(slug):
    agenda = {item["activity"].split(":")[0]: item["minutes"] for item in front(slug)["agenda"]}
    exercises = re.findall(r"^## (Exercise \d+):.*?\*\*Timing\.\*\* (\d+) minutes: (.*?)\n\n", body(slug), re.S | re.M)
    assert len(exercises) == 3
    for name, total, parts in exercises:
        assert agenda[name] == int(total), name
        assert sum(_minutes(part) for part in _timing_parts(" ".join(parts.split()).rstrip("."))) == int(total), name


@pytest.mark.parametrize("slug", MODULES)
def test_the_self_check_has_a_slot_before_and_after_and_the_evaluation_time_to_run(slug):
    agenda = front(slug)["agenda"]
    activities = [item["activity"] for item in agenda]
    assert activities[1] == "Self-check before the session" and agenda[1]["minutes"] >= 5
    assert activities[-1] == "Self-check at the end, its answers, feedback form" and agenda[-1]["minutes"] >= 15
    assert len(front(slug)["self_check"]) >= 5


# -- the built pages ------------------------------------------------------------------------------


class _Audience(HTMLParser):
    """Text inside elements marked data-audience="facilitator", and the rest."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.facilitator, self.other = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        inside = bool(self.stack and self.stack[-1]) or dict(attrs).get("data-audience") == "facilitator"
        self.stack.append(inside)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        (self.facilitator if self.stack and self.stack[-1] else self.other).append(data)


def _audience(html: str) -> tuple[str, str]:
    parser = _Audience()
    parser.feed(html.split('<article', 1)[1].split("</article>", 1)[0])
    return flat(" ".join(parser.facilitator)), flat(" ".join(parser.other))


@pytest.mark.parametrize("slug", MODULES)
def test_on_the_module_page_facilitator_only_text_sits_in_data_audience_facilitator(built_site, slug):
    html = (built_site / "modules" / slug / "index.html").read_text(encoding="utf-8")
    facilitator, other = _audience(html)
    for sentence in FACILITATOR_ONLY[slug]:
        assert sentence in facilitator and sentence not in other, sentence
    for sentence in FOR_PARTICIPANTS[slug]:
        assert sentence in other, sentence


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_module_carries_its_self_check_and_feedback_form_in_every_language(built_site, lang):
    for slug in MODULES:
        html = (built_site / ("" if lang == "en" else lang) / "modules" / slug / "index.html").read_text(encoding="utf-8")
        block = html.split("data-self-check", 1)[1].split('class="self-check__score"', 1)[0]
        count = len(front(slug)["self_check"])
        assert block.count("<fieldset") == count >= 5
        assert block.count('<details class="self-check__answer" data-audience="facilitator">') == count
        assert 'id="feedback-form"' in html and html.count('class="feedback-form__choice"') == 30


def test_the_materials_list_links_what_the_module_supplies_and_lists_what_the_trainer_brings(built_site):
    html = (built_site / "modules/return-counselling-skills/index.html").read_text(encoding="utf-8")
    supplied = html.split('class="materials materials--supplied">', 1)[1].split("</ul>", 1)[0]
    assert '<a href="#case-cards">Case cards for Exercises 1 to 3, one set per group</a>' in supplied
    assert '<a href="#feedback-form">Feedback form, one per participant</a>' in supplied
    brought = html.split('class="materials materials--brought">', 1)[1].split("</ul>", 1)[0]
    assert "<li>A timer for the rounds (a phone will do), flip chart, markers and sticky notes</li>" in brought
    assert '<h2 class="material-sheet" id="case-cards">' in html


# -- the self-check in a browser, and on paper ------------------------------------------------------

SELF_CHECK_SEEN = {
    # right, wrong (the right letter named), the first question's explanation, the score after two picks
    "en": ("Right.", "Not quite: the right answer is B.", "Counselling informs; the person decides.",
           "Right so far: 1 of the 1 you have answered, out of 5 questions."),
    "sr": ("Тачно.", "Није тачно: тачан одговор је Б.", "Саветовање информише; особа одлучује.",
           "Тачни одговори до сада: 1 од 1 (укупно питања: 5)."),
}


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


@pytest.mark.parametrize("lang", ["en", "sr"])
def test_a_learner_answers_the_self_check_in_the_browser_under_the_security_policy(browser, site_url, lang):
    right, wrong, explanation, score = SELF_CHECK_SEEN[lang]
    page = browser.new_page()
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.goto(site_url + _prefix(lang) + "modules/return-counselling-skills/#self-check")
    page.wait_for_load_state("networkidle")
    first = page.locator("[data-self-check] fieldset").first
    answer = first.locator("details")
    assert answer.get_attribute("open") is None and not answer.locator("p").is_visible()
    first.locator('input[value="A"]').check()  # a wrong answer
    assert first.locator(".self-check__verdict").text_content() == wrong
    assert answer.get_attribute("open") is not None and explanation in answer.locator("p").inner_text()
    first.locator('input[value="B"]').check()  # the right one
    assert first.locator(".self-check__verdict").text_content() == right
    assert page.locator(".self-check__score").text_content() == score
    assert page.evaluate("window.__violations") == []
    page.close()


def test_without_javascript_the_question_answer_and_explanation_are_reachable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "sq/modules/return-counselling-skills/")
    first = page.locator("[data-self-check] fieldset").first
    assert first.locator("legend").inner_text() == "1. Cili është qëllimi i këshillimit për kthim?"
    first.locator('input[value="B"]').check()
    first.locator("summary").click()
    assert first.locator("details p").inner_text().startswith("Përgjigjja: B. Këshillimi informon; personi vendos.")
    context.close()


def test_the_facilitators_guide_prints_the_answers_and_each_material_on_sheets_marked_fictional(browser, site_url):
    pdf = pdf_of(browser, site_url + "modules/return-counselling-skills/")
    sheets = [" ".join(sheet.split()) for sheet in sheet_texts(pdf)]
    text = " ".join(sheets)
    assert "Answer: B. Counselling informs; the person decides." in text
    assert "Role brief: the migrant, case card 1A (fictional)" in text
    cards = [sheet for sheet in sheets if "Case card 1A (fictional)" in sheet]
    assert len(cards) == 1 and cards[0].split("Case cards", 1)[0].count("Exercise") == 0  # a sheet of its own
    marked = 0
    for sheet in sheets:  # a sheet that holds part of a case or a brief says it is fiction
        if any(marker in sheet for marker in ("He is polite and says little.", "You are a woman of 52.",
                                              "Halfway through, ask the mediator directly")):
            assert "(fictional)" in sheet
            marked += 1
    assert marked >= 2


# -- every language -------------------------------------------------------------------------------

TRANSLATED = ("sq", "mk", "sr", "bs")
FICTION_WORD = {"en": "fictional", "sq": "trilluar", "mk": "измисл", "sr": "измишљ", "bs": "izmišlj"}
# In each language, a role brief and a debrief point of the return counselling module.
FACILITATOR_ONLY_TRANSLATED = {
    "sq": ["Familja juaj mori një shumë të madhe hua nga një i afërm",
           "borxhi në rastin 1A është thelbësor për vendimin e tij"],
    "mk": ["Вашето семејство позајмило голема сума од роднина",
           "долгот во случајот 1А е клучен за неговата одлука"],
    "sr": ["Ваша породица је позајмила велику суму од рођака",
           "дуг у случају 1А кључан за његову одлуку"],
    "bs": ["Vaša porodica je posudila veliku sumu od rođaka",
           "dug u slučaju 1A ključan za njegovu odluku"],
}
FOR_PARTICIPANTS_TRANSLATED = {
    "sq": "Karta e rastit 1A (e trilluar)", "mk": "Картичка со случај 1А (измислена)",
    "sr": "Картица са случајем 1А (измишљено)", "bs": "Kartica sa slučajem 1A (izmišljeno)",
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_participants_version_in_each_language_leaves_out_the_facilitators_parts(lang):
    guide = flat(body("return-counselling-skills", lang))
    participants = flat(participants_markdown(body("return-counselling-skills", lang)))
    for sentence in FACILITATOR_ONLY_TRANSLATED[lang]:
        assert sentence in guide and sentence not in participants, sentence
    assert FOR_PARTICIPANTS_TRANSLATED[lang] in participants


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_every_training_case_card_brief_and_document_says_it_is_fiction(lang):
    for slug in MODULES:
        titles = re.findall(r'^ *!!! example "([^"]+)"', body(slug, lang), re.M)
        assert len(titles) >= 4, slug
        for title in titles:
            assert FICTION_WORD[lang] in title.casefold(), (slug, lang, title)


def test_every_module_translation_follows_todays_english_page_with_its_self_check():
    library = load_library(REPO / "docs")
    for slug in MODULES:
        module = library.modules[slug]
        for lang in TRANSLATED:
            assert library.translation_state(module.path, lang) == "machine", (slug, lang)
            translation = library.translation(module.path, lang)
            assert len(translation.self_check) == len(module.self_check) >= 5, (slug, lang)
            assert translation.facilitator_blocks == module.facilitator_blocks > 0, (slug, lang)


# -- the participants' handout page ----------------------------------------------------------------


def _handout(library, slug: str, lang: str) -> tuple[str, str]:
    """(the handout's Markdown with its fragments filled, the text alone)."""
    from learning_platform.context import Context
    from learning_platform.participants import participants_page, participants_path, participants_text

    module = library.modules[slug]
    ctx = Context(library, lang, participants_path(module))
    markdown = participants_page(ctx, module, "https://example.org/platform/")
    return ctx.fragments.fill(markdown), participants_text(Context(library, lang, participants_path(module)), module)[0]


def test_the_handout_page_holds_what_participants_need_and_none_of_the_facilitators_parts():
    library = load_library(REPO / "docs")
    page, _text = _handout(library, "return-counselling-skills", "sr-Latn")
    assert page.lstrip().startswith('<div class="translation-state translation-state--machine"')
    assert '<h1 id="page-title">Veštine savetovanja o povratku: materijal za učesnike</h1>' in page
    assert "Kartica sa slučajem 1A (izmišljeno)" in page  # the Serbian text, in Latin script
    assert "Ваша породица" not in page and "Vaša porodica je pozajmila veliku sumu" not in page
    assert 'data-self-check' in page and 'data-answer' not in page and "details" not in page.split("data-self-check")[1]
    assert 'id="feedback-form"' in page.replace("{ #feedback-form }", 'id="feedback-form"')
    assert "https://example.org/platform/sr-Latn/modules/return-counselling-skills/participants/" in page


def test_the_handout_pages_links_point_one_folder_deeper():
    library = load_library(REPO / "docs")
    page, _text = _handout(library, "readmission-case-processing-workshop", "en")
    assert "[readmission case processing](../../practices/readmission-case-processing.md)" in page
    assert "[case file](#case-file)" in page


def test_an_older_translation_that_marks_other_parts_gives_participants_the_english_text(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    english = docs / "modules/return-counselling-skills.md"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "## Key messages\n", "## Key messages\n\n- Practise before you counsel alone.\n", 1), encoding="utf-8")
    albanian = docs / "modules/return-counselling-skills.sq.md"
    text = albanian.read_text(encoding="utf-8")
    start = text.index("/// facilitator\n**Diskutimi pasues.**")
    albanian.write_text(text[:start] + text[start + len("/// facilitator\n"):].replace("\n///\n", "\n", 1),
                        encoding="utf-8")
    library = load_library(docs)
    assert library.translation_state("modules/return-counselling-skills.md", "sq") == "outdated"
    page, text = _handout(library, "return-counselling-skills", "sq")
    assert '<div lang="en" markdown>' in page and "Practise before you counsel alone." in text
    assert "Diskutimi pasues" not in page


# -- the participants' handout as built ---------------------------------------------------------------


def _participants_html(site: Path, lang: str, slug: str) -> str:
    return (site / ("" if lang == "en" else lang) / "modules" / slug / "participants/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_modules_participants_handout_exists_in_every_language_without_facilitator_parts(built_site, lang):
    for slug in MODULES:
        html = _participants_html(built_site, lang, slug)
        article = flat(html.split("<article", 1)[1].split("</article>", 1)[0])
        assert f'<html lang="{lang}"' in html and "data-audience" not in html
        assert "data-answer" not in html and "self-check__answer" not in html
        block = html.split("data-self-check", 1)[1].split('id="feedback-form"', 1)[0]
        assert block.count("<fieldset") == len(front(slug)["self_check"])
        assert html.count('class="feedback-form__choice"') == 30
        assert '<a href="../" data-print=' in html  # back to the facilitator's guide
        sentences = FACILITATOR_ONLY[slug] if lang == "en" else (
            FACILITATOR_ONLY_TRANSLATED.get(lang.replace("sr-Latn", "sr"), []) if slug == "return-counselling-skills" else [])
        for sentence in sentences:
            if lang == "sr-Latn":
                from learning_platform.transliteration import serbian_cyrillic_to_latin
                sentence = serbian_cyrillic_to_latin(sentence)
            assert sentence not in article, (lang, slug, sentence)
        if lang != "en":
            assert 'data-translation-state="machine"' in html


def test_the_module_page_and_its_materials_lead_to_the_participants_handout(built_site):
    html = (built_site / "bs/modules/return-counselling-skills/index.html").read_text(encoding="utf-8")
    assert ('<p class="module-version" data-module-version="facilitator">Ova stranica je vodič za trenera: cijeli '
            'modul, s napomenama i odgovorima samo za trenera. Za učesnike odštampajte <a href="participants/"') in html
    supplied = html.split('class="materials materials--supplied">', 1)[1].split("</ul>", 1)[0]
    assert '<a href="participants/"' in supplied and "Materijal za učesnike, po jedan primjerak za svakog učesnika" in supplied


def test_the_participants_handout_prints_without_the_facilitators_parts_and_with_its_own_address(browser, site_url):
    import zxingcpp

    pdf = pdf_of(browser, site_url + "modules/identifying-victims-of-trafficking-in-mixed-flows/participants/")
    text = " ".join(" ".join(sheet.split()) for sheet in sheet_texts(pdf))
    for sentence in FACILITATOR_ONLY["identifying-victims-of-trafficking-in-mixed-flows"]:
        assert sentence not in text
    assert "Case card D (fictional)" in text and "Answer:" not in text and "For the facilitator" not in text
    decoded = set()
    for index in range(len(pdf)):
        decoded |= {result.text for result in zxingcpp.read_barcodes(pdf[index].render(scale=3).to_pil())}
    assert decoded == {SITE + "modules/identifying-victims-of-trafficking-in-mixed-flows/participants/"}
