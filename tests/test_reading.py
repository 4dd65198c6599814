"""Reading a practice or a module on a phone: its sections one tap away, its
facts in words, tables whose words stay whole, the heatmap and the language
menu within reach of a thumb.

Expected headings are read here from the Markdown files with a plain regular
expression, not from the code that builds the pages."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, PHONE, REPO, prefix


def source_headings(kind: str, slug: str, lang: str) -> list[str]:
    """The second-level headings a contributor wrote, in the page's language
    (the English text where the page has no translation)."""
    source = "sr" if lang == "sr-Latn" else lang
    path = REPO / "docs" / kind / (f"{slug}.md" if lang == "en" else f"{slug}.{source}.md")
    if not path.exists():
        path = REPO / "docs" / kind / f"{slug}.md"
    text = path.read_text(encoding="utf-8").split("\n---", 1)[1]
    return [re.sub(r"\s*\{[^}]*\}\s*$", "", line[3:]).strip() for line in text.splitlines() if line.startswith("## ")]


def slugs(kind: str) -> list[str]:
    return sorted(path.stem for path in (REPO / "docs" / kind).glob("*.md")
                  if "." not in path.stem and path.stem != "index")


# -- a practice's steps in one tap -----------------------------------------------------------------


@pytest.mark.parametrize("lang, slug", [
    ("mk", "best-interests-procedures-for-children"),
    ("sq", "regional-information-exchange-on-return"),
    ("sr", "digital-tools-against-trafficking-and-smuggling"),
    ("sr-Latn", "individual-return-counselling"),
    ("bs", "identification-and-referral-of-trafficking-victims"),
    ("en", "cultural-mediation"),
])
def test_a_practices_own_sections_are_links_on_its_first_screen_on_a_phone(phone, site_url, lang, slug):
    phone.goto(site_url + prefix(lang) + f"practices/{slug}/")
    links = phone.locator("[data-sections] a")
    texts = [text.strip() for text in links.all_inner_texts()]
    expected = source_headings("practices", slug, lang)
    if lang == "sr-Latn":
        assert not any(re.search(r"[\u0400-\u04FF]", text) for text in texts), texts
        assert len(texts) == len(expected)
    else:
        assert texts == expected
    for box in links.evaluate_all("links => links.map(a => a.getBoundingClientRect().toJSON())"):
        assert box["height"] >= 24 and box["bottom"] <= PHONE["height"], box  # on the first screen, big enough to tap
    # One tap on the steps: the heading is at the top of the screen.
    steps = links.nth(2)
    target = steps.get_attribute("href")
    steps.tap()
    phone.wait_for_function("id => { const h = document.getElementById(id); const top = h.getBoundingClientRect().top;"
                            " return top >= 0 && top < 200; }", arg=target[1:])
    assert urlsplit(phone.url).fragment == target[1:]


@pytest.mark.parametrize("lang", ["en", "mk", "bs"])
def test_a_modules_sections_open_from_one_control_on_its_first_screen(phone, site_url, lang):
    phone.goto(site_url + prefix(lang) + "modules/return-counselling-skills/")
    control = phone.locator("[data-sections] summary")
    box = control.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 24, box
    # 17: objectives, agenda, materials, prerequisites, before the session, facilitator notes, three
    # exercises, key messages, the checklist, case cards, referral sheet, role briefs, evaluation,
    # self-check and feedback form (the module's materials are sections of its own since issue 18).
    expected_count = {"en": "Sections on this page: 17", "mk": "Делови на оваа страница: 17",
                      "bs": "Dijelovi ove stranice: 17"}[lang]
    assert control.inner_text().strip() == expected_count
    control.tap()
    links = phone.locator("[data-sections] a")
    texts = [text.strip() for text in links.all_inner_texts()]
    plan = {"en": ["Learning objectives", "Agenda", "Materials"], "mk": ["Цели на учењето", "Агенда", "Материјали"],
            "bs": ["Ciljevi učenja", "Dnevni red", "Materijali"]}[lang]
    closing = {"en": ["Self-check", "Feedback form"], "mk": ["Самопроверка", "Формулар за повратни информации"],
               "bs": ["Samoprovjera", "Obrazac za povratne informacije"]}[lang]  # written by the build after the text
    assert texts == plan + source_headings("modules", "return-counselling-skills", lang) + closing
    links.nth(1).tap()
    phone.wait_for_function("() => { const top = document.getElementById('agenda').getBoundingClientRect().top;"
                            " return top >= 0 && top < 200; }")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_section_link_of_every_practice_and_module_reaches_its_heading(built_site, lang):
    for kind in ("practices", "modules"):
        for slug in slugs(kind):
            html = (built_site / prefix(lang) / kind / slug / "index.html").read_text(encoding="utf-8")
            nav = html.split("data-sections>", 1)[1].split("</nav>", 1)[0]
            links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav)
            assert len(links) >= 5, (kind, slug)
            for anchor, text in links:
                heading = re.search(rf'<h2(?: [^>]*)? id="{re.escape(anchor)}"[^>]*>(.*?)<a class="headerlink"', html)
                assert heading, (lang, slug, anchor)
                assert unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip() == unescape(text), (lang, slug)


# -- the one-line facts in words ------------------------------------------------------------------------


def glance(site: Path, lang: str, path: str) -> str:
    html = (site / prefix(lang) / path / "index.html").read_text(encoding="utf-8")
    return unescape(html.split('class="facts__glance">', 1)[1].split("</span>", 1)[0])


@pytest.mark.parametrize("lang, path, expected", [
    ("en", "practices/vulnerability-screening-at-first-contact",
     "Method · Risk screening, Information and referral · Bosnia and Herzegovina"),
    ("en", "practices/individual-return-counselling",
     "Method · Rights-based return, Sustainable reintegration · All six partners"),
    ("bs", "practices/individual-return-counselling",
     "Metoda · Povratak zasnovan na pravima, Održiva reintegracija · Svih šest partnera"),
    ("bs", "practices/alternatives-to-detention",
     "Metoda · Alternative pritvoru, Okviri za povratak · Nije vezana za jednog partnera"),
    ("sr-Latn", "practices/cultural-mediation", "Metod · Jezik i kultura, Povratak zasnovan na pravima · Srbija"),
    ("en", "modules/return-counselling-skills", "4 hours · Rights-based return"),
    ("mk", "modules/return-counselling-skills", "4 часа · Враќање засновано на права"),
])
def test_the_one_line_facts_name_the_actions_and_partners_in_words(built_site, lang, path, expected):
    assert glance(built_site, lang, path) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_one_line_facts_show_a_partner_code_or_a_bare_action_number(built_site, lang):
    for kind in ("practices", "modules"):
        for slug in slugs(kind):
            text = glance(built_site, lang, f"{kind}/{slug}")
            assert not re.search(r"\b(AL|BA|XK|ME|MK|RS)\b", text), (slug, text)
            assert not re.search(r"\d+, \d+", text), (slug, text)


def test_every_action_has_a_short_name_in_every_language():
    import yaml

    names = yaml.safe_load((REPO / "data/vocabulary.yml").read_text(encoding="utf-8"))["action_names"]
    assert sorted(names) == list(range(1, 22))
    for number, entry in names.items():
        assert set(entry["label"]) == {"en", "sq", "mk", "sr", "bs"}, number
        assert all(0 < len(text) <= 30 for text in entry["label"].values()), (number, entry)


# -- tables that keep words whole --------------------------------------------------------------------

# In the browser: every word of every table cell on the page, and where its
# letters move to a new line. A word may go on at the next line only right
# after a soft hyphen the build placed (shown as a hyphen); anywhere else it
# is broken in the middle ("slučajevim|a"). Each letter's box is measured with
# a Range; a letter right after a soft-hyphen break has two boxes (the hyphen
# drawn at the end of the line, then the letter), so its last box counts.
BROKEN_WORDS = """
() => {
  const bad = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT, {
    acceptNode: n => n.parentElement.closest('td, th') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT });
  const word = /[\\p{L}\\p{N}\\u00AD]+/gu, range = document.createRange();
  let node;
  while ((node = walker.nextNode())) {
    const text = node.data; let m; word.lastIndex = 0;
    while ((m = word.exec(text))) {
      let lastTop = null;
      for (let i = m.index; i < m.index + m[0].length; i++) {
        if (text[i] === '\\u00AD') continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = [...range.getClientRects()].filter(r => r.width).pop();
        if (!box) continue;
        if (lastTop !== null && box.top > lastTop + 2 && text[i - 1] !== '\\u00AD') {
          bad.push(m[0].replace(/\\u00AD/g, '') + ' broken before letter ' + (i - m.index + 1));
        }
        lastTop = box.top;
      }
    }
  }
  return bad;
}
"""


def test_the_word_measure_catches_a_word_broken_in_the_middle(phone, site_url):
    # Guards the measure itself: the old rule (overflow-wrap: anywhere) in a narrow cell breaks words.
    phone.goto(site_url + "bs/modules/return-counselling-skills/")
    phone.evaluate("""() => {
      const table = document.querySelector('table.agenda');
      table.style.width = '200px';
      table.style.tableLayout = 'fixed';
      table.querySelectorAll('td').forEach(cell => { cell.style.overflowWrap = 'anywhere'; });
    }""")
    assert phone.evaluate(BROKEN_WORDS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_words_in_a_modules_agenda_break_only_at_a_soft_hyphen(phone, site_url, built_site, lang):
    for slug in slugs("modules"):
        phone.goto(site_url + prefix(lang) + f"modules/{slug}/")
        assert phone.evaluate(BROKEN_WORDS) == [], (lang, slug)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (lang, slug)
    agenda = (built_site / prefix(lang) / "modules/return-counselling-skills/index.html").read_text(
        encoding="utf-8").split('<table class="agenda">', 1)[1].split("</table>", 1)[0]
    # Macedonian has no hyphenation patterns: no soft hyphen, the columns are as wide as the words.
    assert ("\u00ad" in agenda) == (lang != "mk")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_neither_scrolls_sideways_nor_breaks_words_on_a_phone(phone, site_url, lang):
    phone.goto(site_url + prefix(lang) + "glossary/")
    phone.locator("details.glossary-all > summary").click()
    phone.evaluate("() => window.dispatchEvent(new Event('resize'))")
    phone.wait_for_timeout(400)
    assert phone.evaluate(BROKEN_WORDS) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.evaluate("() => [...document.querySelectorAll('article .md-typeset__scrollwrap, article table')]"
                          ".every(box => box.scrollWidth <= box.clientWidth + 1)")
    # Each term of the every-language table reads as labelled lines: "English: ...", "Shqip: ..."
    first = phone.locator("details.glossary-all tbody tr").first.locator("td")
    labels = first.evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels == ['"English: "', '"Shqip: "', '"Македонски: "', '"Српски: "', '"Srpski (latinica): "',
                      '"Bosanski: "']


def test_tables_of_every_page_type_keep_their_words_whole_on_a_phone(phone, site_url):
    for lang in ("sq", "mk", "sr-Latn"):
        for path in ("coverage/", "catalogue/", "translations/", "reviews/", "practices/cultural-mediation/",
                     "workshop-pack/?m=return-counselling-skills"):
            phone.goto(site_url + prefix(lang) + path)
            phone.wait_for_load_state("load")
            phone.evaluate("() => document.querySelectorAll('article details').forEach(d => d.open = true)")
            assert phone.evaluate(BROKEN_WORDS) == [], (lang, path)


def test_soft_hyphens_follow_each_languages_rules():
    from learning_platform.tables import hyphenated

    def shown(word, lang):
        return hyphenated(word, lang).replace("\u00ad", "-")

    # Albanian: dh, gj, ll, nj, rr, sh, th, xh, zh are one letter; a lone consonant starts the next syllable
    assert shown("marrëveshjet", "sq") == "ma-rrë-vesh-jet"
    assert shown("përfaqësuesi", "sq") == "për-fa-që-sue-si"
    assert shown("bashkëpunimi", "sq") == "bash-kë-pu-ni-mi"
    assert shown("riintegrimi", "sq") == "riin-te-gri-mi"
    assert shown("slučajevima", "bs") == "slu-ča-je-vima"
    assert shown("pojedinačno", "bs") == "po-je-di-načno"
    assert shown("случајевима", "sr") == "слу-ча-је-вима"
    assert shown("reintegration", "en") == "re-in-teg-ra-tion"
    assert shown("реинтеграција", "mk") == "реинтеграција"  # no patterns for Macedonian: never broken
    assert shown("savjetnik", "bs") == "savjetnik"  # a short word stays whole


def test_a_cell_is_hyphenated_in_its_own_language_and_labelled_with_its_column():
    from learning_platform.tables import keep_words_whole

    html = ('<p>reintegration</p><table><thead><tr><th lang="en">English</th><th lang="mk">Македонски</th></tr>'
            '</thead><tbody><tr><td>reintegration <code>target_groups</code></td><td lang="mk">реинтеграција</td></tr>'
            '<tr><td colspan="2"><div lang="sq">riintegrimi</div></td></tr></tbody></table>')
    assert keep_words_whole(html, "en") == (
        '<p>reintegration</p><table><thead><tr><th lang="en">English</th><th lang="mk">Македонски</th></tr>'
        '</thead><tbody><tr><td data-label="English">re\u00adin\u00adteg\u00adra\u00adtion '
        '<code>target_<wbr>groups</code></td><td data-label="Македонски" lang="mk">реинтеграција</td></tr>'
        '<tr><td colspan="2"><div lang="sq">riin\u00adte\u00adgri\u00admi</div></td></tr></tbody></table>')
    # a table whose columns are not languages keeps its cells as they are
    plain = '<table><thead><tr><th>Start</th></tr></thead><tbody><tr><td>0:00</td></tr></tbody></table>'
    assert keep_words_whole(plain, "en") == plain


def test_search_reads_a_hyphenated_word_whole():
    from learning_platform.search import page_text

    assert page_text("<table><tr><td>re\u00adin\u00adte\u00adgra\u00adtion and re&shy;turn</td></tr></table>")[1] \
        == "reintegration and return"


# -- the heatmap and the language menu ----------------------------------------------------------------


@pytest.mark.parametrize("lang, row16, kosovo", [
    ("en", "16 Rights-based return", "Kosovo"), ("sq", "16 Kthim i bazuar në të drejta", "Kosova"),
    ("mk", "16 Враќање засновано на права", "Косово"), ("bs", "16 Povratak zasnovan na pravima", "Kosovo"),
])
def test_heatmap_cells_are_targets_of_24px_and_rows_name_their_action(phone, site_url, lang, row16, kosovo):
    phone.goto(site_url + prefix(lang) + "coverage/")
    boxes = phone.locator(".heatmap td a").evaluate_all("links => links.map(a => a.getBoundingClientRect().toJSON())")
    assert boxes and all(box["width"] >= 24 and box["height"] >= 24 for box in boxes), min(
        (box["width"], box["height"]) for box in boxes)
    assert all(0 <= box["left"] and box["right"] <= PHONE["width"] for box in boxes)
    row = phone.locator('.heatmap tbody th[scope="row"] a[href$="actions/16/"]')
    assert re.sub(r"\s+", " ", row.locator("xpath=.").evaluate(
        "a => [...a.children].filter(c => !c.classList.contains('sr-only')).map(c => c.textContent).join(' ')"
    ).replace("\u00ad", "")) == row16
    assert row.is_visible()
    # Kosovo's heading: the code with its asterisk, its name a tap away, no "(Kosovo*)*".
    heading = phone.locator(".heatmap thead abbr", has_text="XK")
    assert heading.inner_text() == "XK*" and heading.get_attribute("title") == kosovo
    header_text = phone.locator(".heatmap thead").inner_text()
    assert "*)*" not in header_text and ")*" not in header_text


@pytest.mark.parametrize("lang", ["en", "mk", "sr-Latn"])
def test_the_language_menu_shows_every_language_on_a_phone(phone, site_url, lang):
    phone.goto(site_url + prefix(lang) + "practices/cultural-mediation/")
    phone.locator(".md-header .md-select button").tap()
    links = phone.locator(".md-header .md-select__link")
    assert links.count() == len(LANGUAGES)
    phone.wait_for_timeout(400)  # the menu opens with a short transition
    for index in range(links.count()):
        link = links.nth(index)
        box = link.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (index, box)
        # not cut off by the menu's own box: the link is what a tap at its centre reaches
        reached = phone.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('hreflang')",
                                 [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert reached == link.get_attribute("hreflang"), (index, reached)
