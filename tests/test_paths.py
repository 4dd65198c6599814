"""Learning paths for those who learn alone (issue 18, item 6), as a reader
and an editor meet them: the editors' file checked like a page, a path's
page in every language, progress kept in the reader's own browser and
nowhere else, the self-checks answered on the path, the page without
JavaScript, and the record printed for a supervisor.

Titles, sentences and dates are written out here: a test fails when the
page says something else, whatever the code that wrote it."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO

from learning_platform.context import Context
from learning_platform.errors import ContentErrors
from learning_platform.loading import load_library
from learning_platform.paths import learning_paths, path_page, path_problems

AUDIENCES = ("border-police", "asylum-officers", "return-officers", "social-workers", "guardians", "ngo-staff",
             "interpreters-and-cultural-mediators", "judges-and-prosecutors", "health-workers", "policy-makers",
             "trainers")
RETURN_OFFICERS = [  # (kind, title) in English, in the order the editors chose
    ("Practice", "Readmission agreements with the EU and with countries of origin"),
    ("Practice", "Readmission case processing"),
    ("Training module", "Readmission case processing"),
    ("Self-check", "Self-check: Readmission case processing"),
    ("Practice", "Individual return counselling"),
    ("Practice", "Alternatives to immigration detention"),
]
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    # A month after its day is declined: 5. децембра 2026.
    "sr": ["јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра",
           "новембра", "децембра"],
}
NOT_A_CERTIFICATE = ("This record is not a certificate. It lists what the reader marked as studied on their own "
                     "device; nobody has checked it, and it confirms no attendance, assessment or qualification.")


def _today(lang: str) -> str:
    """Today as the reader's language writes it (the browser runs on this machine's clock)."""
    today = dt.date.today()
    month = MONTHS[lang][today.month - 1]
    return f"{today.day} {month} {today.year}" if lang == "en" else f"{today.day}. {month} {today.year}."


@pytest.fixture(scope="module")
def library():
    return load_library(REPO / "docs")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copy(REPO / "data" / "paths.yml", tmp_path / "paths.yml")
    return tmp_path


def _edit(data: Path, old: str, new: str) -> int:
    """Replace `old` once in the copy; the line it was on."""
    text = (data / "paths.yml").read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    line = text[:text.index(old)].count("\n") + 1
    (data / "paths.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _messages(library, data: Path) -> list[str]:
    return [str(problem) for problem in path_problems(library, data)]


# -- the editors' file --------------------------------------------------------------------------


def test_every_audience_of_the_vocabulary_has_a_path_of_pages_that_exist(library):
    paths = learning_paths(library)
    assert tuple(path.audience for path in paths) == AUDIENCES
    for path in paths:
        assert len(path.steps) >= 4, path.audience
        for step in path.steps:
            assert step.page in library.pages, step
            assert step.kind in ("practice", "module", "self-check")


def test_the_real_file_has_no_problem(library):
    assert path_problems(library) == []


def test_an_unknown_page_slug_fails_naming_the_file_the_line_and_the_page_meant(library, data_copy):
    line = _edit(data_copy, "- page: practices/individual-return-counselling",
                 "- page: practices/individual-return-counseling")
    messages = _messages(library, data_copy)
    assert len(messages) == 1
    assert messages[0].startswith(f"docs/../data/paths.yml, line {line}, field 'paths.return-officers.steps[5].page': "
                                  "no such page; allowed: a practice (practices/<slug>) or a training module "
                                  "(modules/<slug>) of the site (found: practices/individual-return-counseling)")
    assert "Paste: - page: practices/individual-return-counselling" in messages[0]


def test_the_build_and_the_content_check_refuse_it(library, data_copy):
    _edit(data_copy, "- page: modules/children-in-return-procedures", "- page: modules/children-in-return")
    with pytest.raises(ContentErrors) as refused:
        learning_paths(library, data_copy)
    assert "data/paths.yml, line" in str(refused.value) and "(found: modules/children-in-return)" in str(refused.value)


def test_an_audience_the_vocabulary_does_not_know_fails_with_the_allowed_ones(library, data_copy):
    line = _edit(data_copy, "  guardians:\n", "  guardian:\n")
    messages = _messages(library, data_copy)
    assert any(message.startswith(f"docs/../data/paths.yml, line {line}, field 'paths': not an audience of "
                                  "data/vocabulary.yml; allowed: border-police, asylum-officers") for message in messages)
    assert any("'guardians' (Guardians of children) has none" in message for message in messages)


def test_a_sentence_missing_in_a_language_fails_naming_the_language(library, data_copy):
    line = _edit(data_copy, '          mk: "Потоа самата постапка: како барањето се подготвува и испраќа, како се одговара на него и како се затвора."\n', "")
    messages = _messages(library, data_copy)
    assert len(messages) == 1
    assert re.match(r"docs/\.\./data/paths\.yml, line \d+, field 'paths\.return-officers\.steps\[2\]\.why\.mk': "
                    r"the sentence is missing in mk", messages[0]), messages[0]
    assert int(messages[0].split("line ")[1].split(",")[0]) < line


def test_a_self_check_before_its_module_fails(library, data_copy):
    text = (data_copy / "paths.yml").read_text(encoding="utf-8")
    moved = text.replace("      - page: modules/readmission-case-processing-workshop\n",
                         "      - self-check: modules/readmission-case-processing-workshop\n"
                         "      - page: modules/readmission-case-processing-workshop\n", 1)
    (data_copy / "paths.yml").write_text(moved, encoding="utf-8")
    messages = _messages(library, data_copy)
    assert any("field 'paths.return-officers.steps[3].self-check': a self-check comes after its module's own step"
               in message for message in messages), messages


def test_a_practice_cannot_be_a_self_check(library, data_copy):
    _edit(data_copy, "- self-check: modules/return-counselling-skills", "- self-check: practices/cultural-mediation")
    messages = _messages(library, data_copy)
    assert any("(found: practices/cultural-mediation)" in message and "whose self-check the step asks for" in message
               for message in messages), messages


# -- a path's page, rendered ---------------------------------------------------------------------


def _path(library, audience):
    return next(path for path in learning_paths(library) if path.audience == audience)


def _rendered(library, audience: str, lang: str) -> str:
    ctx = Context(library, lang, f"paths/{audience}.md")
    return ctx.fragments.fill(path_page(ctx, _path(library, audience)))


def test_a_path_lists_its_steps_in_order_with_kind_time_and_why(library):
    html = _rendered(library, "return-officers", "en")
    steps = re.findall(r'<span class="learning-path__kind">([^<]+)</span> · <span class="learning-path__time">'
                       r'([^<]+)</span></p><p class="learning-path__title"><a href="[^"]+">([^<]+)</a>', html)
    assert [(kind, title) for kind, _, title in steps] == RETURN_OFFICERS
    assert all(re.fullmatch(r"about \d+ minutes? of reading", time) for kind, time, _ in steps if kind != "Self-check")
    assert steps[3][1] == "about 6 minutes to answer"
    assert ('<p class="learning-path__why">Read this first: readmission agreements are the legal basis of your work '
            'and set its time limits and evidence.</p>') in html
    assert html.count("<fieldset") == 6  # the module's six questions, answered on the path
    assert "Your progress is kept in this browser, on this device only: nothing is sent" in html


def test_in_serbian_latin_the_path_is_transliterated_and_marked_a_machine_draft(library):
    html = _rendered(library, "guardians", "sr-Latn")
    assert 'data-translation-state="machine"' in html
    assert "Počnite sa postupkom utvrđivanja najboljeg interesa deteta: kao staratelj učestvujete u njemu" in html
    assert "Самопровера" not in html and "Samoprovera" in html


# -- the built site ------------------------------------------------------------------------------


def test_every_path_page_exists_in_every_language_and_the_index_lists_them(built_site):
    for prefix in ("", "sq/", "mk/", "sr/", "sr-Latn/", "bs/"):
        index = (built_site / prefix / "paths/index.html").read_text(encoding="utf-8")
        for audience in AUDIENCES:
            assert (built_site / prefix / "paths" / audience / "index.html").exists(), (prefix, audience)
            assert f'href="{audience}/"' in index, (prefix, audience)
    page = (built_site / "sr/paths/return-officers/index.html").read_text(encoding="utf-8")
    assert "<h1>Путања учења: Службеници за повратак и реадмисију</h1>" in page


def _html(built_site: Path, page: str) -> str:
    """A built page, without the addresses print adds to links (data-print)."""
    return re.sub(r' data-print="[^"]*"', "", (built_site / page).read_text(encoding="utf-8"))


def test_the_menu_the_home_page_and_the_modules_page_lead_to_the_paths(built_site):
    home = _html(built_site, "index.html")
    assert '<a href="paths/">Learning on your own?</a>' in home
    assert '<a href="paths/return-officers/">Return and readmission officers</a>' in home
    modules = _html(built_site, "modules/index.html")
    assert '<a href="../paths/">Learning on your own?</a>' in modules
    assert re.search(r'<a href="\.\./paths/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Learning paths', modules)
    bosnian = _html(built_site, "bs/index.html")
    assert '<a href="paths/">Učite samostalno?</a>' in bosnian


def test_a_practice_and_a_module_say_which_paths_they_are_on(built_site):
    practice = _html(built_site, "practices/individual-return-counselling/index.html")
    line = practice.split('<p class="on-paths">', 1)[1].split("</p>", 1)[0]
    assert line == ('On the learning paths for: <a href="../../paths/return-officers/">Return and readmission '
                    'officers</a>, <a href="../../paths/ngo-staff/">NGO staff</a>, '
                    '<a href="../../paths/interpreters-and-cultural-mediators/">Interpreters and cultural '
                    'mediators</a>, <a href="../../paths/trainers/">Trainers</a>')
    module = _html(built_site, "mk/modules/children-in-return-procedures/index.html")
    assert 'На патеките за учење за: <a href="../../paths/social-workers/">Социјални работници</a>' in module


def test_only_the_path_pages_load_the_paths_script(built_site):
    assert "assets/javascripts/paths.js" in (built_site / "paths/trainers/index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/paths.js" in (built_site / "sq/paths/trainers/index.html").read_text(encoding="utf-8")
    for other in ("index.html", "paths/index.html", "practices/cultural-mediation/index.html"):
        assert "paths.js" not in (built_site / other).read_text(encoding="utf-8"), other


# -- in a browser --------------------------------------------------------------------------------


def _watch(page):
    """Every request the page makes after this point, and every policy violation."""
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url)))
    return sent


def test_a_path_followed_keeps_its_progress_after_a_reload_and_nowhere_else(browser, site_url):
    reader = browser.new_context()
    page = reader.new_page()
    sent = _watch(page)
    page.goto(site_url + "paths/return-officers/")
    page.wait_for_load_state("networkidle")
    first, fifth = page.locator("li[data-step]").nth(0), page.locator("li[data-step]").nth(4)
    assert page.locator("[data-learning-progress]").inner_text() == "0 of 6 steps done."
    assert not page.locator(".learning-path__nojs").is_visible()
    before = len(sent)
    first.get_by_role("button", name="Mark as done").click()
    fifth.get_by_role("button", name="Mark as done").click()
    assert first.locator(".learning-path__status").inner_text() == f"✓ Done on {_today('en')}" or \
        first.locator(".learning-path__status").text_content() == f"Done on {_today('en')}"
    assert sent[before:] == []  # marking a step sends nothing anywhere
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-learning-progress]").inner_text() == "2 of 6 steps done."
    assert page.locator("li[data-step]").nth(0).locator(".learning-path__status").text_content() == \
        f"Done on {_today('en')}"
    assert page.locator("li[data-step]").nth(1).locator(".learning-path__status").is_hidden()
    assert page.locator("li[data-step]").nth(0).get_by_role("button").inner_text() == "Mark as not done"
    # The same practice on another path shows as read there too (same browser).
    page.goto(site_url + "paths/ngo-staff/")
    assert page.locator("li[data-step]").nth(0).locator(".learning-path__status").text_content() == \
        f"Done on {_today('en')}"
    assert page.evaluate("window.__violations") == []

    other = browser.new_context()  # another browser profile: it knows nothing of it
    elsewhere = other.new_page()
    elsewhere.goto(site_url + "paths/return-officers/")
    elsewhere.wait_for_load_state("networkidle")
    assert elsewhere.locator("[data-learning-progress]").inner_text() == "0 of 6 steps done."
    assert elsewhere.locator("li[data-step]").nth(0).locator(".learning-path__status").is_hidden()
    assert elsewhere.locator("li[data-step]").nth(0).get_by_role("button").inner_text() == "Mark as done"
    other.close()
    reader.close()


PASSED = {"en": "Passed on {date}, every answer right", "sr": "Положено {date}, сви одговори тачни"}


@pytest.mark.parametrize("lang", ["en", "sr"])
def test_the_self_check_answered_on_the_path_counts_as_passed_once_every_answer_is_right(browser, site_url, lang):
    context = browser.new_context()
    page = context.new_page()
    _watch(page)
    page.goto(site_url + ("" if lang == "en" else f"{lang}/") + "paths/social-workers/")
    page.wait_for_load_state("networkidle")
    step = page.locator('li[data-step="self-check:children-in-return-procedures"]')
    step.locator("summary").first.click()
    questions = step.locator("fieldset[data-answer]")
    assert questions.count() == 6
    first = questions.nth(0)
    wrong = next(value for value in "ABCD" if value != first.get_attribute("data-answer"))
    first.locator(f'input[value="{wrong}"]').check()
    for number in range(questions.count()):
        question = questions.nth(number)
        if number:
            question.locator(f'input[value="{question.get_attribute("data-answer")}"]').check()
    assert step.locator(".learning-path__status").is_hidden()  # one answer is still wrong
    first.locator(f'input[value="{first.get_attribute("data-answer")}"]').check()
    passed = PASSED[lang].format(date=_today(lang))
    assert step.locator(".learning-path__status").text_content() == passed
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator('li[data-step="self-check:children-in-return-procedures"] .learning-path__status'
                        ).text_content() == passed
    assert page.locator('tr[data-record-step="self-check:children-in-return-procedures"] td[data-record-date]'
                        ).text_content() == _today(lang)
    assert page.evaluate("window.__violations") == []
    context.close()


def test_without_javascript_a_path_is_a_plain_ordered_list_of_links(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "paths/return-officers/")
    links = page.locator("ol.learning-path > li .learning-path__title a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [title for _, title in RETURN_OFFICERS]
    assert page.locator(".learning-path__nojs").inner_text() == (
        "Without JavaScript this page is a plain list of what to read: marking your progress and the record need it.")
    assert page.locator("ol.learning-path button").evaluate_all("buttons => buttons.filter(b => !b.hidden).length") == 0
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href.split("#")[0])
        assert response.status == 200, href
    context.close()


def test_the_printed_record_says_it_is_not_a_certificate_and_gives_the_dates(browser, site_url, tmp_path):
    import pypdfium2

    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "paths/border-police/")
    page.wait_for_load_state("networkidle")
    for number in (0, 1):
        page.locator("li[data-step]").nth(number).get_by_role("button", name="Mark as done").click()
    page.emulate_media(media="print")
    pdf = tmp_path / "record.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    document = pypdfium2.PdfDocument(str(pdf))
    text = " ".join(" ".join(document[number].get_textpage().get_text_range().split())
                    for number in range(len(document)))
    assert " ".join(NOT_A_CERTIFICATE.split()) in text
    assert text.count(_today("en")) >= 3  # two steps done, and the day it was printed
    assert f"Printed on {_today('en')} from the progress kept in the reader's own browser." in text
    assert "Record of study: Learning path: Border police" in text
    assert "Vulnerability screening at first contact" in text and "not yet" in text
    assert f"1 / {len(document)}" in text  # numbered, as every handout
    head = " ".join(document[0].get_textpage().get_text_range().split()[:12])
    assert head.startswith("Learning path: Border police https://western-balkans-return-platform.github.io/platform/"
                           "paths/border-police/"), head  # the running head: title and address, as on every handout
    # The list and its screen controls are not printed: the record stands alone.
    assert "Mark as" not in text and "Start here: what you notice at first contact" not in text
    context.close()


@pytest.mark.parametrize("page_path", ["mk/paths/interpreters-and-cultural-mediators/", "sq/paths/"])
def test_a_path_never_scrolls_sideways_on_a_phone(phone, site_url, page_path):
    phone.goto(site_url + page_path)
    phone.wait_for_load_state("networkidle")
    phone.locator("summary").evaluate_all("summaries => summaries.forEach(s => s.parentElement.open = true)")
    assert phone.evaluate("document.documentElement.scrollWidth") == 390
