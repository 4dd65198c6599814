"""Two languages side by side (issue 17.4, CONTENT_MODEL "Reading and correcting
translations"): every translated practice, module, action and commitment page
links (`data-compare`) to a view of its English and its translation, section
by section, each column in its language, stacked on a phone.

Expected values are written out here, or read from the pages' front matter
with plain YAML, never from the code that makes the view."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, PHONE, REPO
from learning_platform.compare import aligned, compare_link, compare_pages, prefix_ids, side_by_side
from learning_platform.context import Context
from learning_platform.html_sections import split_sections
from learning_platform.loading import load_library
from learning_platform.page_assembly import surroundings

COMPARED_FOLDERS = ("practices", "modules", "actions", "commitments")
CYRILLIC = re.compile("[\u0400-\u04ff]")


def tree(site: Path, url: str):
    return lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def english_pages(folder: str) -> list[str]:
    """The slugs of a folder's English pages, from the files."""
    return sorted(path.stem for path in (REPO / "docs" / folder).glob("*.md")
                  if path.stem != "index" and "." not in path.stem)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def rows(page) -> list[tuple[str, str]]:
    """(English heading, translated heading) of each row whose cells start with a section heading."""
    found = []
    for row in page.xpath('//div[@class="compare__row"]'):
        cells = row.xpath('./div[contains(@class, "compare__cell")]')
        headings = [cell.xpath("./h2|./h3") for cell in cells]
        if all(headings):
            found.append(tuple(" ".join(h[0].text_content().replace("¶", "").split()) for h in headings))
    return found


# -- the link on every translated page ------------------------------------------------------------


def test_every_translated_practice_module_action_and_commitment_page_links_to_its_side_by_side_view(built_site):
    for lang in LANGUAGES[1:]:
        checked = 0
        for folder in COMPARED_FOLDERS:
            for slug in english_pages(folder):
                url = f"{lang}/{folder}/{slug}/"
                page = tree(built_site, url)
                state = page.xpath("//*[@data-translation-state]/@data-translation-state")
                links = page.xpath("//a[@data-compare]/@href")
                if state == ["missing"]:
                    assert links == [], url
                    continue
                assert state[0] in ("machine", "outdated", "reviewed"), url
                assert len(links) == 1, (url, links)
                target = urljoin("/" + url, links[0]).lstrip("/")
                assert target == f"{lang}/compare/{folder}/{slug}/", url
                view = tree(built_site, target)
                assert view.get("lang") == lang
                checked += 1
        assert checked >= 3 + 21 + 20 + 6, lang  # every page of these kinds is translated today


def test_english_pages_and_pages_of_other_kinds_have_no_side_by_side_link(built_site):
    for folder in COMPARED_FOLDERS:
        for slug in english_pages(folder):
            assert tree(built_site, f"{folder}/{slug}/").xpath("//a[@data-compare]") == [], (folder, slug)
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        for url in ("", "about/", "contribute/", "glossary/", "practices/", "translations/"):
            assert tree(built_site, prefix + url).xpath("//a[@data-compare]") == [], prefix + url
    assert not (built_site / "compare").exists()  # no English view: English is the original


def test_an_untranslated_page_has_no_side_by_side_view_in_that_language(docs_copy):
    (docs_copy / "practices/cultural-mediation.mk.md").unlink()
    library = load_library(docs_copy)
    practice = library.practices["cultural-mediation"]
    declared = {page.path: page for page in compare_pages(library)}["compare/practices/cultural-mediation.md"]
    assert sorted(declared.languages) == ["bs", "sq", "sr", "sr-Latn"]
    for lang, linked in (("mk", False), ("sq", True), ("en", False)):
        ctx = Context(library, lang, practice.path)
        assert bool(compare_link(ctx, practice)) is linked, lang
        surroundings(ctx, practice, library.practices["cultural-mediation"].updated, "", None)
        head = "".join(part for part in ctx.fragments.parts if isinstance(part, str))
        assert ("data-compare" in head) is linked, lang


# -- the view ------------------------------------------------------------------------------------


def test_the_view_pairs_each_section_of_the_english_with_the_same_section_of_the_translation(built_site):
    page = tree(built_site, "sq/compare/practices/cultural-mediation/")
    assert rows(page) == [
        ("Cultural mediation", "Ndërmjetësimi kulturor"),
        ("What the practice is", "Çfarë është kjo praktikë"),
        ("Why it matters for the Western Balkans", "Pse ka rëndësi për Ballkanin Perëndimor"),
        ("How it is done, step by step", "Si zbatohet, hap pas hapi"),
        ("Safeguards and rights", "Garancitë dhe të drejtat"),
        ("Common pitfalls", "Gabimet e zakonshme"),
        ("Checklist", "Lista e kontrollit"),
    ]
    # The sections' own text, not only their headings, sits in the row.
    row = page.xpath('//div[@class="compare__row"][.//h2[@id="lista-e-kontrollit"]]')[0]
    assert "Gjuha dhe dialekti i duhur janë konfirmuar me personin" in row.text_content()
    assert "Right language and dialect confirmed with the person" in row.text_content()
    # The facts panel in both languages, the summary under each title.
    assert len(page.xpath('//details[contains(@class, "facts")]')) == 2
    assert page.xpath('//div[@lang="en"]/p[@class="page-summary"]')[0].text_content().startswith(
        "Trained mediators who share a migrant's language")


def test_each_column_carries_its_language_and_serbian_latin_is_in_latin(built_site):
    for url, lang in (("sq/compare/practices/cultural-mediation/", "sq"),
                      ("sr-Latn/compare/modules/readmission-case-processing-workshop/", "sr-Latn"),
                      ("mk/compare/actions/16/", "mk")):
        page = tree(built_site, url)
        for row in page.xpath('//div[@class="compare__row"]'):
            cells = row.xpath('./div[contains(@class, "compare__cell")]')
            assert [cell.get("lang") for cell in cells] == ["en", lang], url
        if lang == "sr-Latn":
            for cell in page.xpath('//div[@class="compare__row"]/div[@lang="sr-Latn"]'):
                assert not CYRILLIC.search(cell.text_content()), cell.text_content()[:80]


def test_a_modules_view_shows_its_objectives_agenda_and_materials_in_both_languages(built_site):
    english = front_matter(REPO / "docs/modules/readmission-case-processing-workshop.md")
    macedonian = front_matter(REPO / "docs/modules/readmission-case-processing-workshop.mk.md")
    page = tree(built_site, "mk/compare/modules/readmission-case-processing-workshop/")
    pairs = rows(page)
    for pair in (("Learning objectives", "Цели на учењето"), ("Agenda", "Агенда"), ("Materials", "Материјали")):
        assert pair in pairs
    objectives = page.xpath('//div[@class="compare__row"][.//h2[@id="learning-objectives"]]')[0]
    assert english["objectives"][0] in objectives.xpath('./div[@lang="en"]')[0].text_content()
    assert macedonian["objectives"][0] in objectives.xpath('./div[@lang="mk"]')[0].text_content()
    agenda = page.xpath('//div[@class="compare__row"][.//h2[@id="agenda"]]')[0]
    words = {lang: agenda.xpath(f'./div[@lang="{lang}"]')[0].text_content().replace("\u00ad", "")  # soft hyphens
             for lang in ("en", "mk")}
    assert english["agenda"][0]["activity"] in words["en"]
    assert macedonian["agenda"][0]["activity"] in words["mk"]


def test_an_actions_view_quotes_the_official_wording_once_in_english(built_site):
    page = tree(built_site, "bs/compare/actions/16/")
    quotes = page.xpath('//figure[contains(@class, "official-wording")]/blockquote')
    assert len(quotes) == 1 and quotes[0].get("lang") == "en"
    assert quotes[0].text_content().startswith("Facilitate capacity-building for rights-based return, readmission")
    assert rows(page)[0] == ("Action 16: Capacity-building for rights-based return",
                             "Aktivnost 16: Izgradnja kapaciteta za povratak zasnovan na pravima")


def test_no_id_is_used_twice_on_a_view(built_site):
    views = sorted(built_site.glob("*/compare/**/index.html"))
    assert len(views) >= 5 * (3 + 21 + 20 + 6)
    for path in views:
        ids = re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), (path, sorted({i for i in ids if ids.count(i) > 1}))


def test_the_view_is_not_in_search_and_its_language_menu_leads_to_the_same_view(built_site):
    for lang in LANGUAGES[1:]:
        meta = json.loads((built_site / lang / "search/meta.json").read_text(encoding="utf-8"))
        assert [url for url, *_ in meta["pages"] if url.startswith("compare/")] == [], lang
    html = (built_site / "sq/compare/practices/cultural-mediation/index.html").read_text(encoding="utf-8")
    menu = dict((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', html)
                if lang in LANGUAGES)
    assert menu == {"en": "../../../../practices/cultural-mediation/", "sq": "./",
                    "mk": "../../../../mk/compare/practices/cultural-mediation/",
                    "sr": "../../../../sr/compare/practices/cultural-mediation/",
                    "sr-Latn": "../../../../sr-Latn/compare/practices/cultural-mediation/",
                    "bs": "../../../../bs/compare/practices/cultural-mediation/"}


def test_the_view_is_in_no_sitemap(built_site):
    for lang in LANGUAGES[1:]:
        sitemap = (built_site / lang / "sitemap-pages.xml").read_text(encoding="utf-8")
        assert f"/{lang}/practices/cultural-mediation/</loc>" in sitemap
        assert "/compare/" not in sitemap, lang


def test_the_serbian_view_switches_script_to_the_same_view(built_site):
    page = tree(built_site, "sr/compare/practices/cultural-mediation/")
    assert page.xpath('//a[contains(@class, "script-switch")]/@href') == ["../../../../sr-Latn/compare/practices/cultural-mediation/"]


# -- how it is made -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library():
    return load_library(REPO / "docs")


def test_the_view_converts_no_markdown_of_the_pages_text(library):
    # The page's text reaches the view as the HTML the build already made:
    # the view's own Markdown is two placeholders, whatever the page's length.
    module = library.modules["readmission-case-processing-workshop"]
    ctx = Context(library, "sq", "compare/" + module.path)
    markdown = side_by_side(ctx, module)
    assert re.fullmatch(r"\s*zzgeneratedzz0zz\s*zzgeneratedzz1zz\s*", markdown), markdown[:200]


H2_H3 = "<p>Intro</p>\n<h2 id='a'>A</h2>\n<p>a</p>\n<h3 id='a1'>A1</h3>\n<p>a1</p>\n<h2 id='b'>B</h2>\n<p>b</p>\n"


def test_sections_pair_at_third_level_headings_when_both_texts_have_the_same():
    translated = H2_H3.replace("'a'", "'x'").replace(">A<", ">X<")
    pairs, unaligned = aligned(H2_H3, translated)
    assert not unaligned
    assert [(en.heading, tr.heading) for en, tr in pairs] == [("", ""), ("A", "X"), ("A1", "A1"), ("B", "B")]


def test_sections_pair_at_second_level_headings_when_the_third_level_differs():
    translated = H2_H3.replace("<h3 id='a1'>A1</h3>\n", "")
    pairs, unaligned = aligned(H2_H3, translated)
    assert not unaligned
    assert [(en.heading, tr.heading) for en, tr in pairs] == [("", ""), ("A", "A"), ("B", "B")]
    assert "a1" in pairs[1][0].html and "a1" in pairs[1][1].html


def test_sections_are_paired_in_order_and_said_to_differ_when_their_number_differs():
    translated = "<h2 id='a'>A</h2>\n<p>a</p>\n"
    pairs, unaligned = aligned(H2_H3, translated)
    assert unaligned
    assert [(en and en.heading, tr and tr.heading) for en, tr in pairs] == [("", ""), ("A", "A"), ("B", None)]


def test_a_heading_inside_a_block_does_not_start_a_section():
    text = '<h2 id="a">A</h2>\n<div class="facilitator"><h2 id="inner">Inner</h2><p>x</p></div>\n<h2 id="b">B</h2>\n'
    assert [section.anchor for section in split_sections(text)] == ["a", "b"]


def test_the_english_columns_ids_and_references_to_them_are_prefixed():
    fragment = ('<h2 id="agenda">Agenda<a class="headerlink" href="#agenda">¶</a></h2>'
                '<label for="q1">Q</label><input id="q1" name="q1" aria-describedby="h1 h2">'
                '<a href="../practices/x/#part">x</a>')
    assert prefix_ids(fragment, "en-") == (
        '<h2 id="en-agenda">Agenda<a class="headerlink" href="#en-agenda">¶</a></h2>'
        '<label for="en-q1">Q</label><input id="en-q1" name="en-q1" aria-describedby="en-h1 en-h2">'
        '<a href="../practices/x/#part">x</a>')


# -- on a phone and on a desktop -------------------------------------------------------------------

VIEWS = ("sq/compare/practices/cultural-mediation/", "mk/compare/modules/readmission-case-processing-workshop/",
         "sr-Latn/compare/actions/16/", "bs/compare/commitments/3/")


@pytest.mark.parametrize("url", VIEWS)
def test_on_a_phone_the_view_stacks_each_section_and_never_scrolls_sideways(browser, site_url, url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], url
        boxes = page.evaluate("""() => [...document.querySelectorAll('.compare__row')].map(row =>
            [...row.querySelectorAll(':scope > .compare__cell')].map(cell => {
                const box = cell.getBoundingClientRect(); return [box.left, box.right, box.top, box.bottom]; }))""")
        assert len(boxes) >= 3
        for english, translated in boxes:
            assert translated[2] >= english[3] - 1  # the translation under the English
            assert english[1] <= PHONE["width"] and translated[1] <= PHONE["width"]
    finally:
        context.close()


@pytest.mark.parametrize("url", VIEWS[:2])
def test_on_a_desktop_the_view_shows_each_section_side_by_side(browser, site_url, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        boxes = page.evaluate("""() => [...document.querySelectorAll('.compare__row')].map(row =>
            [...row.querySelectorAll(':scope > .compare__cell')].map(cell => {
                const box = cell.getBoundingClientRect(); return [box.left, box.right, box.top]; }))""")
        for english, translated in boxes:
            assert abs(english[2] - translated[2]) < 1  # same row
            assert english[1] <= translated[0]  # English on the left
    finally:
        context.close()


@pytest.mark.parametrize("url", VIEWS[:2])
def test_the_view_passes_axe_on_a_phone(browser, site_url, url):
    from test_accessibility import violations

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(site_url + url)
        page.wait_for_load_state("load")
        assert violations(page) == [], url
    finally:
        context.close()
