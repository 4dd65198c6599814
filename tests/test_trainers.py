"""A trainer takes modules into a workshop room: handouts on A4 with a QR code
back to the page, a workshop pack for the day, news and feeds, review dates."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import LANGUAGES, REPO, build, make_project, language_pages, prefix
from helpers import pdf_of, printed_pdf, sheet_texts
from test_site import UI, front_matter, modules

SITE_URL = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_url:"))
ATOM = "{http://www.w3.org/2005/Atom}"
A4 = (595.28, 841.89)  # points


# -- modules as trainers need them ------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(modules()))
def test_every_module_has_what_a_trainer_relies_on(built_site, slug):
    meta = modules()[slug]
    assert len(meta["objectives"]) >= 2 and meta["materials"] and meta["audience"]
    total = sum(item["minutes"] for item in meta["agenda"])
    count, unit = meta["duration"].split()
    assert total == round(float(count) * (60 if unit.startswith("hour") else 1))
    text = (REPO / "docs/modules" / f"{slug}.md").read_text(encoding="utf-8")
    assert "## Facilitator notes" in text and "## Exercise 1" in text and "**Debrief.**" in text
    html = (built_site / "modules" / slug / "index.html").read_text(encoding="utf-8")
    for heading in ("learning-objectives", "agenda", "materials"):
        assert f'id="{heading}"' in html
    agenda = html.split('<table class="agenda">', 1)[1].split("</table>", 1)[0]
    assert agenda.count("<tr><td>") == len(meta["agenda"])
    for practice in meta.get("practices", []):
        assert f'href="../../practices/{practice}/"' in html
    for number in meta["actions"]:
        assert f'href="../../actions/{number}/"' in html


def test_the_agenda_shows_when_each_activity_starts(built_site):
    meta = modules()["return-counselling-skills"]
    html = (built_site / "sq/modules/return-counselling-skills/index.html").read_text(encoding="utf-8")
    starts = re.findall(r"<tr><td>(\d+:\d\d)</td>", html.split('<table class="agenda">', 1)[1].split("</table>")[0])
    minutes, expected = 0, []
    for item in meta["agenda"]:
        expected.append(f"{minutes // 60}:{minutes % 60:02d}")
        minutes += item["minutes"]
    assert starts == expected


# -- handouts ----------------------------------------------------------------------------------


def test_a_module_prints_as_an_a4_handout_with_its_address_and_a_qr_code(browser, site_url):
    import zxingcpp

    pdf = pdf_of(browser, site_url + "sq/modules/return-counselling-skills/")
    assert len(pdf) >= 2
    for index in range(len(pdf)):
        width, height = pdf[index].get_size()
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2
    text = "\n".join(sheet_texts(pdf))
    address = SITE_URL + "sq/modules/return-counselling-skills/"
    # pdfium writes a hyphen the line broke at as U+FFFE
    flat = re.sub(r"\s+", "", text.replace("\ufffe", "-"))
    assert re.sub(r"\s+", "", address) in flat  # printed, perhaps broken over two lines
    for navigation in ("Follow (Atom feed)", "Improve this page", "Kërkoni në sajt", "Skip to content"):
        assert navigation not in text
    assert "Përkthim automatik" in text  # the one line on the translation state
    assert "https://publications.iom.int/books/return-counselling-toolkit" in flat  # links print their address
    decoded = set()
    for index in range(len(pdf)):
        image = pdf[index].render(scale=3).to_pil()
        decoded |= {result.text for result in zxingcpp.read_barcodes(image)}
    assert address in decoded


def test_nothing_is_cut_at_the_right_edge_of_a_printed_handout(browser, site_url):
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(site_url + "modules/children-in-return-procedures/")
    page.emulate_media(media="print")
    overflow = page.evaluate("""() => {
        const limit = document.documentElement.clientWidth;
        return [...document.querySelectorAll('.md-content *')].filter(el => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > limit + 1 && getComputedStyle(el).position !== 'fixed';
        }).map(el => el.tagName + '.' + el.className).slice(0, 5);
    }""")
    assert overflow == []
    page.close()


def test_the_qr_code_also_shows_on_screen_for_slides(browser, site_url):
    import zxingcpp
    from PIL import Image

    page = browser.new_page()
    page.goto(site_url + "mk/practices/cultural-mediation/")
    figure = page.locator("figure.qr")
    assert figure.is_visible()
    image = Image.open(io.BytesIO(figure.locator("svg").screenshot()))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [SITE_URL + "mk/practices/cultural-mediation/"]
    page.close()


# -- the workshop pack ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "bs"])
def test_workshop_pack_keeps_two_modules_in_order_through_its_address(browser, site_url, lang):
    page = browser.new_page()
    page.goto(site_url + prefix(lang) + "workshop-pack/")
    page.locator('input[name="m"][value="return-counselling-skills"]').check()
    page.locator('input[name="m"][value="alternatives-to-detention-in-practice"]').check()
    page.locator('.pack__document[data-ready], .pack__part').first.wait_for(state="attached")
    query = parse_qs(urlsplit(page.url).query)
    assert query["m"] == ["return-counselling-skills,alternatives-to-detention-in-practice"]
    page.reload()
    page.locator(".pack__part").nth(1).wait_for(state="attached")
    parts = page.locator(".pack__part h1").all_inner_texts()
    titles = [front_matter(REPO / "docs/modules" / (f"{slug}.md" if lang == "en" else f"{slug}.{lang}.md"))["title"]
              for slug in ("return-counselling-skills", "alternatives-to-detention-in-practice")]
    assert parts == titles
    cover = page.locator(".pack__cover")
    assert cover.locator("h1").inner_text()
    rows = cover.locator("table.agenda tbody tr").count()
    agenda_items = sum(len(modules()[s]["agenda"]) for s in ("return-counselling-skills", "alternatives-to-detention-in-practice"))
    # A heading row per part; the two modules' welcomes become one opening and
    # their evaluations one closing; a break between the modules.
    assert rows == agenda_items + 2 - 4 + 2 + 1
    # The columns say what they hold, in the reader's language.
    assert cover.locator("table.agenda thead th").all_inner_texts() == [
        UI[f"agenda.column.{column}"][lang] for column in ("start", "minutes", "activity")]
    first = cover.locator("table.agenda tbody tr").nth(0).locator("td")
    assert first.first.inner_text() == "9:00"
    # Start and minutes do not run together ("9:0015").
    start_box, minutes_box = first.nth(0).bounding_box(), first.nth(1).bounding_box()
    assert minutes_box["x"] - (start_box["x"] + start_box["width"]) >= 0 and first.nth(0).evaluate(
        "el => parseFloat(getComputedStyle(el).paddingRight)") >= 8
    # Moving the second module up changes the order, and the address with it.
    page.locator(".pack__order li").nth(1).locator("button").first.click()
    page.wait_for_function("() => location.search.includes('m=alternatives-to-detention-in-practice,return-counselling-skills')")
    page.locator(".pack__part").nth(1).wait_for(state="attached")
    assert page.locator(".pack__part h1").all_inner_texts() == titles[::-1]
    page.close()


def test_a_workshop_pack_prints_cover_and_parts_on_a4(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "workshop-pack/?m=return-counselling-skills,readmission-case-processing-workshop"
              "&title=Return+day&date=2026-12-14&start=09:30")
    page.locator(".pack__part").nth(1).wait_for(state="attached")
    pdf = printed_pdf(page)
    page.close()
    sheets = sheet_texts(pdf)
    assert "Return day" in sheets[0] and "14 December 2026" in sheets[0] and "9:30" in sheets[0]
    text = "\n".join(sheets)
    assert "Return counselling skills" in text and "Choose the parts of your workshop" not in text


# -- news and feeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_shows_every_news_entry_newest_first(built_site, lang):
    html = (built_site / prefix(lang) / "news/index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<p class="timeline__date"><time datetime="([\d-]+)">', html)
    news = {p.stem: front_matter(p) for p in (REPO / "docs/news").glob("*.md")
            if p.stem != "index" and "." not in p.stem}
    assert len(dates) == len(news) >= 3
    assert dates == sorted(dates, reverse=True)
    assert {str(meta["date"]) for meta in news.values()} == set(dates)


# The Skopje Declaration's meeting (15-16 November 2022) and the Action Plan's date (9 June 2023), as each
# language writes a date: Serbian and Bosnian decline the month after its day (новембра, novembra).
NEWS_DATES = {
    "en": ("15–16 November 2022", "9 June 2023"),
    "sq": ("15–16 nëntor 2022", "9 qershor 2023"),
    "mk": ("15–16 ноември 2022\u202fг.", "9 јуни 2023\u202fг."),  # Babel: a narrow no-break space before г.
    "sr": ("15–16. новембра 2022.", "9. јуна 2023."),
    "sr-Latn": ("15–16. novembra 2022.", "9. juna 2023."),
    "bs": ("15–16. novembra 2022.", "9. juna 2023."),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_dates_are_written_as_the_readers_language_writes_a_date(built_site, lang):
    html = (built_site / prefix(lang) / "news/index.html").read_text(encoding="utf-8")
    dates = dict(re.findall(r'<p class="timeline__date"><time datetime="([\d-]+)">([^<]*)</time>', html))
    assert (dates["2022-11-15"], dates["2023-06-09"]) == NEWS_DATES[lang]


def _feed(site: Path, lang: str):
    return ET.parse(site / prefix(lang) / "feed.xml").getroot()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_an_atom_feed_with_absolute_links_to_its_own_pages(built_site, lang):
    feed = _feed(built_site, lang)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 20
    updated = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(SITE_URL + prefix(lang))
        local = built_site / href[len(SITE_URL):] / "index.html"
        assert local.exists(), href


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_its_languages_feed_in_the_head_and_visibly(built_site, lang):
    root = built_site / prefix(lang)
    pages = language_pages(built_site, lang)
    assert len(pages) >= 69
    for path in pages:
        html = path.read_text(encoding="utf-8")
        feed = "../" * (len(path.relative_to(root).parts) - 1) + "feed.xml"  # practices/x/index.html: ../../feed.xml
        assert re.search(rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="{feed}">', html), path
        assert f'<a href="{feed}" type="application/atom+xml" class="wb-follow__link">' in html, path


NEW_PRACTICE = """---
title: Zzz newest practice
summary: A practice added today by the test suite.
kind: tool
actions: [19]
sources:
  - title: A source
    url: https://publications.iom.int/books/return-counselling-toolkit
updated: {today}
---

## What the tool is

Text.
"""


# The suite's own pages, with fixed dates, on a fixed build day: the results do not
# depend on the day the suite runs (the review dates count from the build's day,
# which SOURCE_DATE_EPOCH sets). The build day is later than any real page's date,
# so that the newest of the suite's pages is the newest of the site.
BUILD_DAY = "2099-12-31"
DATED_PAGES = {
    "zzz-newest": ("Zzz newest practice", "2099-12-31"),   # updated on the build day: first in every feed
    "zzz-old": ("Zzz old practice", "2024-03-01"),         # due 2025-03-01: overdue
    "zzz-soon": ("Zzz soon practice", "2099-11-21"),       # due 2100-11-21: within the next twelve months
}


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("dated") / "project")
    for slug, (title, updated) in DATED_PAGES.items():
        (project / f"docs/practices/{slug}.md").write_text(
            NEW_PRACTICE.format(today=updated).replace("Zzz newest practice", title), encoding="utf-8")
    result = build(project, today=BUILD_DAY)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_newly_added_practice_comes_first_in_every_languages_feed(dated_site):
    for lang in LANGUAGES:
        first = _feed(dated_site, lang).find(f"{ATOM}entry")
        assert first.find(f"{ATOM}link").get("href") == SITE_URL + prefix(lang) + "practices/zzz-newest/"


# -- review dates ----------------------------------------------------------------------------------


def test_a_page_with_an_old_update_shows_as_overdue_and_is_on_the_editors_page(dated_site):
    english = (dated_site / "practices/zzz-old/index.html").read_text(encoding="utf-8")
    assert 'class="review-notice" role="note" data-review="overdue"' in english
    assert "due for review on 2025-03-01" in english
    bosnian = (dated_site / "bs/practices/zzz-old/index.html").read_text(encoding="utf-8")
    assert "trebala biti provjerena do 2025-03-01" in bosnian
    editors = (dated_site / "reviews/index.html").read_text(encoding="utf-8")
    overdue = editors.split('id="overdue"', 1)[1].split('id="due-soon"', 1)[0]
    assert 'href="../practices/zzz-old/"' in overdue
    assert 'href="../practices/zzz-newest/"' not in overdue and 'href="../practices/zzz-soon/"' not in overdue
    current = (dated_site / "practices/zzz-newest/index.html").read_text(encoding="utf-8")
    assert 'data-review="overdue"' not in current and 'data-review="current"' in current


def test_the_editors_page_says_the_day_the_site_was_built(built_site):
    # conftest dates every build of the suite 2026-12-04, whatever the day it runs.
    editors = (built_site / "reviews/index.html").read_text(encoding="utf-8")
    assert "Worked out on 2026-12-04, the day the site was built" in editors and "until 2027-12-04." in editors


def test_the_editors_page_lists_what_falls_due_in_the_next_twelve_months(dated_site):
    editors = (dated_site / "reviews/index.html").read_text(encoding="utf-8")
    soon = editors.split('id="due-soon"', 1)[1]
    assert 'href="../practices/zzz-soon/"' in soon and "Updated 2099-11-21; next review due 2100-11-21." in soon
    assert 'href="../practices/zzz-old/"' not in soon
    assert "Worked out on 2099-12-31, the day the site was built" in editors and "until 2100-12-31." in editors
