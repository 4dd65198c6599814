"""A practitioner on a phone, in their own language: finding the practice for the
case in front of them, and reading it.

Expected lists are worked out here from the pages' front matter with plain
YAML, independently of the hooks that build the finder."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import LANGUAGES, PHONE, REPO, prefix
from helpers import a_wide_table_on_the_glossary
from test_site import commitment_of, front_matter, practices

PAGE_TYPES = ["", "commitments/3/", "actions/16/", "practices/cultural-mediation/",
              "modules/return-counselling-skills/", "practices/", "coverage/", "glossary/", "translations/",
              "news/", "workshop-pack/", "contribute/"]


def expected(**filters) -> set[str]:
    """Slugs matching the filters, each filter a set of values (any of them), all filters together."""
    fields = {"commitment": "commitments", "action": "actions", "partner": "partners", "group": "target_groups",
              "kind": "kind", "gcm": "gcm_objectives", "audience": "audience", "stage": "stage"}
    found = set()
    for slug, meta in practices().items():
        values = dict(meta)
        values["commitments"] = sorted({commitment_of(n) for n in meta["actions"]})
        ok = True
        for name, wanted in filters.items():
            have = values.get(fields[name]) or []
            have = {str(v) for v in (have if isinstance(have, list) else [have])}
            ok = ok and bool(have & {str(w) for w in wanted})
        if ok:
            found.add(slug)
    return found


def shown_slugs(page) -> set[str]:
    """The practices shown (the training modules beside them: tests/test_finder.py)."""
    hrefs = page.locator(".finder__results .card__title a").evaluate_all("links => links.map(a => a.href)")
    return {re.search(r"/practices/([a-z0-9-]+)/$", href).group(1) for href in hrefs if "/practices/" in href}


# -- the practice finder ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_finder_filters_combine_and_narrow_the_list_and_the_address_keeps_them(phone, site_url, lang):
    page = phone
    page.goto(site_url + prefix(lang) + "practices/")
    assert shown_slugs(page) == set(practices())
    page.locator('[data-facet="partner"] > summary').click()
    page.locator('input[name="partner"][value="BA"]').check()
    assert shown_slugs(page) == expected(partner={"BA"})
    page.locator('[data-facet="stage"] > summary').click()
    page.locator('input[name="stage"][value="reintegration"]').check()
    narrowed = expected(partner={"BA"}, stage={"reintegration"})
    assert shown_slugs(page) == narrowed and len(narrowed) < len(expected(partner={"BA"}))
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"partner": ["BA"], "stage": ["reintegration"]}
    # Every value shows how many practices it would give with the other filters as they are.
    count = page.locator('input[name="stage"][value="return-preparation"] ~ .finder__n').inner_text()
    assert count == f"({len(expected(partner={'BA'}, stage={'return-preparation'}))})"
    page.reload()
    assert shown_slugs(page) == narrowed
    assert page.locator('input[name="stage"][value="reintegration"]').is_checked()
    page.go_back()
    assert parse_qs(urlsplit(page.url).query) == {"partner": ["BA"]}
    assert shown_slugs(page) == expected(partner={"BA"})
    status = page.locator(".finder__status").inner_text()
    assert str(len(expected(partner={"BA"}))) in status


def test_values_of_one_filter_widen_the_list(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "practices/?action=15&action=21")
    assert shown_slugs(page) == expected(action={15, 21})
    page.goto(site_url + "practices/?commitment=1&kind=method")
    assert shown_slugs(page) == expected(commitment={1}, kind={"method"})
    page.close()


@pytest.mark.parametrize("lang", ["en", "sq", "sr-Latn"])
def test_a_heatmap_cell_opens_the_finder_filtered_to_its_action_and_partner(browser, site_url, lang):
    page = browser.new_page()
    page.goto(site_url + prefix(lang) + "coverage/")
    cell = page.locator('.heatmap td a[href*="action=16"][href*="partner=BA"]')
    count = int(cell.inner_text())
    cell.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith(f"/{prefix(lang)}practices/")
    assert shown_slugs(page) == expected(action={16}, partner={"BA"})
    assert len(shown_slugs(page)) == count
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_finder_is_the_complete_list_grouped_by_action(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + prefix(lang) + "practices/")
    assert not page.locator(".finder__form").is_visible()
    listed = set(page.locator(".finder__all li[data-practice]").evaluate_all(
        "cards => cards.map(c => c.getAttribute('data-practice'))"))
    assert listed == set(practices())
    assert page.locator(".finder__all .card__summary").count() >= len(practices())
    for number in (1, 16, 21):
        assert page.locator(f"#action-{number}").is_visible()
    context.close()


def test_finder_cards_show_title_summary_kind_and_actions(built_site):
    html = (built_site / "bs/practices/index.html").read_text(encoding="utf-8")
    card = html.split('data-practice="cultural-mediation"', 1)[1].split("</li>", 1)[0]
    meta = front_matter(REPO / "docs/practices/cultural-mediation.md")
    translation = front_matter(REPO / "docs/practices/cultural-mediation.bs.md")
    assert translation["title"] in unescape(card) and translation["summary"] in unescape(card)
    numbers = ", ".join(map(str, meta["actions"]))
    assert "Metoda" in card and (f"Aktivnost {numbers}<" if len(meta["actions"]) == 1 else f"Aktivnosti {numbers}<") in card


@pytest.mark.parametrize("lang, one, several", [("en", "Action", "Actions"), ("bs", "Aktivnost", "Aktivnosti")])
def test_one_action_is_named_in_the_singular_on_cards(built_site, lang, one, several):
    # (The one-line facts name the actions by their short names: tests/test_reading.py.)
    finder = (built_site / prefix(lang) / "practices/index.html").read_text(encoding="utf-8")
    for slug, meta in practices().items():
        numbers = ", ".join(map(str, meta["actions"]))
        expected = f"{one} {numbers}" if len(meta["actions"]) == 1 else f"{several} {numbers}"
        card = finder.split(f'data-practice="{slug}"', 1)[1].split("</li>", 1)[0]
        assert f'card__actions">{expected}</span>' in card, (slug, card)


# -- phone-first pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_type_scrolls_sideways_on_a_phone(phone, site_url, lang):
    for path in PAGE_TYPES:
        phone.goto(site_url + prefix(lang) + path)
        phone.wait_for_load_state("load")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (lang, path, width)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_practice_shows_its_summary_on_the_first_screen_and_its_text_within_two(phone, site_url, lang):
    phone.goto(site_url + prefix(lang) + "practices/individual-return-counselling/")
    summary = phone.locator(".page-summary").bounding_box()
    assert summary and summary["y"] + summary["height"] <= PHONE["height"], summary
    first_section = phone.locator("article h2").first.bounding_box()
    assert first_section["y"] <= 2 * PHONE["height"], first_section
    banner = phone.locator("[data-translation-state]")
    if lang != "en":
        lines = banner.evaluate("el => Math.round(el.querySelector('p').getBoundingClientRect().height / "
                                "parseFloat(getComputedStyle(el.querySelector('p')).lineHeight))")
        assert lines <= 3, lines  # the state, then the links (original, other script)


def test_the_facts_panel_is_one_line_closed_and_opens_with_every_fact(phone, site_url):
    phone.goto(site_url + "practices/cultural-mediation/")
    panel = phone.locator("details.facts")
    assert panel.get_attribute("open") is None
    assert panel.locator("summary").bounding_box()["height"] < 60
    panel.locator("summary").click()
    assert panel.locator("dt").count() >= 5 and panel.locator('a[href*="actions/16/"]').is_visible()


def test_wide_tables_scroll_in_their_own_box_and_say_so(phone, site_url):
    a_wide_table_on_the_glossary(phone, site_url)  # a contributor's table of twelve columns
    hint = phone.locator(".wb-scroll-hint").first
    assert hint.is_visible() and "sideways" in hint.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_heatmap_fits_a_phone(phone, site_url):
    phone.goto(site_url + "sr/coverage/")
    table = phone.locator(".heatmap__table").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= PHONE["width"]
    assert phone.locator(".heatmap__table tbody tr:not(.heatmap__group)").count() == 21


def test_the_home_page_shows_where_the_practices_and_the_gaps_are(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    strip = html.split('id="where-the-practices-are"', 1)[1]
    strip = strip.split('class="heatmap__legend"', 1)[0]
    assert strip.count('class="heat heat-') == 21
    served = {n for meta in practices().values() for n in meta["actions"]}
    for number in range(1, 22):
        if number in served:
            assert f'href="practices/?action={number}"' in strip
        else:
            assert f'<span aria-hidden="true">{number}</span>' in strip


@pytest.mark.parametrize("lang", ["en", "mk", "bs"])
def test_glossary_shows_the_readers_language_beside_english_and_every_language_on_request(built_site, lang):
    html = (built_site / prefix(lang) / "glossary/index.html").read_text(encoding="utf-8")
    pair = html.split('glossary-table--pair', 1)[1].split("</table>", 1)[0]
    headers = re.findall(r'<th lang="([^"]+)"', pair)
    assert headers == ([lang, "en"] if lang != "en" else ["en"])
    everything = html.split('class="wb-details glossary-all"', 1)[1].split("</details>", 1)[0]
    assert re.findall(r'<th lang="([^"]+)"', everything) == list(LANGUAGES)


# -- the small things -------------------------------------------------------------------------------


def test_the_home_page_has_a_real_heading_in_every_language(built_site):
    for lang in LANGUAGES:
        html = (built_site / prefix(lang) / "index.html").read_text(encoding="utf-8")
        heading = unescape(re.search(r'<h1 id="page-title">([^<]+)</h1>', html).group(1))
        assert heading not in ("Home", "Kreu", "Почетна", "Početna"), lang
        assert len(heading) > 20


@pytest.mark.parametrize("lang, label", [("en", "Action 16"), ("sq", "Veprimi 16"), ("sr", "Активност 16"),
                                         ("sr-Latn", "Aktivnost 16")])
def test_action_titles_carry_their_number(built_site, lang, label):
    html = (built_site / prefix(lang) / "actions/16/index.html").read_text(encoding="utf-8")
    assert re.search(rf'<h1 id="page-title">{label}: ', html)
    assert re.search(rf"<title>{label}: ", html)


def test_cyrillic_headings_get_latin_anchors_the_same_in_both_scripts(built_site):
    def anchors(lang):
        html = (built_site / lang / "practices/cultural-mediation/index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1]
        return re.findall(r'<h2 id="([^"]+)"', article)

    cyrillic, latin = anchors("sr"), anchors("sr-Latn")
    assert cyrillic == latin and len(cyrillic) >= 4
    assert all(re.fullmatch(r"[a-z0-9-]+", anchor) and not anchor.startswith("_") for anchor in cyrillic)
    macedonian = anchors("mk")
    assert all(not anchor.startswith("_") for anchor in macedonian)


def test_the_header_names_the_current_language(phone, site_url):
    for lang, code in (("en", "EN"), ("sq", "SQ"), ("sr-Latn", "SR-Latn")):
        phone.goto(site_url + prefix(lang))
        button = phone.locator(".wb-language")
        assert button.locator(".wb-language__code").inner_text() == code
        assert phone.locator(f'.md-select__link[hreflang="{lang}"]').get_attribute("aria-current") == "true"


def test_an_abbreviation_explains_itself_on_a_tap_and_to_screen_readers(phone, site_url):
    phone.goto(site_url + "practices/individual-return-counselling/")
    abbr = phone.locator("article abbr", has_text="AVRR").first
    meaning = abbr.get_attribute("title")
    assert abbr.get_attribute("tabindex") == "0"
    assert abbr.evaluate("a => a.nextElementSibling.textContent") == f" ({meaning})"
    abbr.tap()
    shown = abbr.evaluate("a => getComputedStyle(a, '::after').content")
    assert meaning in shown


@pytest.mark.parametrize("lang, path, source", [
    ("en", "practices/cultural-mediation/", "practices/cultural-mediation.md"),
    ("bs", "practices/cultural-mediation/", "practices/cultural-mediation.bs.md"),
    ("sq", "actions/16/", "actions/16.sq.md"),
])
def test_each_page_describes_itself_in_its_own_language(built_site, lang, path, source):
    html = (built_site / prefix(lang) / path / "index.html").read_text(encoding="utf-8")
    description = unescape(re.search(r'<meta name="description" content="([^"]*)">', html).group(1))
    assert description == front_matter(REPO / "docs" / source)["summary"].strip()


def test_serbian_latin_pages_describe_themselves_in_latin(built_site):
    html = (built_site / "sr-Latn/practices/cultural-mediation/index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    assert description and not re.search(r"[\u0400-\u04FF]", description)
