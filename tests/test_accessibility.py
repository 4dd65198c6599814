"""WCAG 2.1 A and AA, as axe-core checks them, in Debian's chromium: every kind
of page, the search open with its results, on a desktop and on a phone."""
from __future__ import annotations


import pytest

from conftest import LANGUAGES, PHONE, REPO, prefix
from helpers import a_wide_table_on_the_glossary

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_KINDS = ["", "about/", "commitments/1/", "actions/16/", "practices/", "practices/cultural-mediation/",
              "modules/return-counselling-skills/", "coverage/", "catalogue/", "glossary/", "translations/"]


def violations(page) -> list[str]:
    # axe-core is injected as an inline script: the pages' policy forbids that, so
    # these pages are opened with bypass_csp (tests/test_policy.py checks the policy).
    assert AXE.exists(), "axe-core is missing: run `make test`, which installs it with npm ci"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async rules => (await axe.run(document, {runOnly: rules})).violations.map(
             v => `${v.id} (${v.impact}): ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`)""",
        RULES)
    return found


@pytest.mark.parametrize("path", PAGE_KINDS)
@pytest.mark.parametrize("lang", ["en", "mk"])
def test_every_kind_of_page_passes_axe(browser, site_url, lang, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page.goto(site_url + prefix(lang) + path)
    page.wait_for_load_state("load")
    assert violations(page) == [], lang + "/" + path
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_passes_axe_on_a_phone_in_every_language(browser, site_url, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + prefix(lang))
    page.wait_for_load_state("load")
    assert violations(page) == [], lang
    context.close()


def test_a_wide_table_on_a_phone_can_be_scrolled_from_the_keyboard(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    box = a_wide_table_on_the_glossary(page, site_url)
    assert box.get_attribute("tabindex") == "0"
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
    context.close()


@pytest.mark.parametrize("lang, query, viewport", [
    ("en", "return", {"width": 1280, "height": 900}),
    ("sr-Latn", "povratak", {"width": 1280, "height": 900}),
    ("mk", "vrakjanje", PHONE),
])
def test_search_with_its_results_open_passes_axe(browser, site_url, lang, query, viewport):
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.goto(site_url + prefix(lang))
    if not page.locator("#wb-search-input").is_visible():
        page.locator(".wb-search__toggle").click()
    page.locator("#wb-search-input").click()
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.locator(".wb-search__snippet mark").first.wait_for()
    assert violations(page) == [], lang
    page.close()


def test_checklist_boxes_are_named_by_their_item(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "sr/practices/cultural-mediation/")
    boxes = page.locator(".task-list-item input[type=checkbox]")
    assert boxes.count() > 3
    first = page.locator(".task-list-item").first
    assert boxes.first.get_attribute("aria-label") == " ".join(first.inner_text().split())
    page.close()
