"""What a reader sees in a real browser: Debian's chromium driven by Playwright."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest


def test_translation_banner_on_a_phone_is_visible_in_the_readers_language(phone, site_url):
    phone.goto(site_url + "mk/actions/16/")
    banner = phone.locator("[data-translation-state]")
    assert banner.count() == 1
    assert banner.get_attribute("data-translation-state") in ("missing", "machine")
    assert banner.is_visible()
    assert "мајчин говорител" in banner.inner_text() or "не е преведена" in banner.inner_text()
    assert phone.evaluate("document.documentElement.lang") == "mk"


def test_language_switcher_lands_on_the_same_page_in_the_other_language(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "practices/cultural-mediation/")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="bs"]').click()
    page.wait_for_load_state()
    assert page.url == site_url + "bs/practices/cultural-mediation/"
    assert page.evaluate("document.documentElement.lang") == "bs"
    page.close()


@pytest.mark.parametrize("path", ["", "practices/individual-return-counselling/", "mk/coverage/"])
def test_pages_request_nothing_from_another_host(browser, site_url, path):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert hosts == {"127.0.0.1"}
    page.close()


def test_matrix_number_leads_to_the_practices_behind_it(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "coverage/")
    cell = page.locator('.heatmap td a[href*="action="]').first
    count = int(cell.inner_text())
    cell.click()
    page.wait_for_load_state()
    assert "/practices/?action=" in page.url
    listed = page.locator(".finder__results > li")
    assert listed.count() == count
    listed.first.locator(".card__title a").click()
    page.wait_for_load_state()
    assert "/practices/" in page.url
    assert page.locator("details.facts").is_visible()
    page.close()


def test_practice_page_fits_a_phone_screen_without_sideways_scrolling(phone, site_url):
    phone.goto(site_url + "practices/alternatives-to-detention/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.locator("details.facts").is_visible()


def test_printed_module_handout_has_no_menus(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "modules/return-counselling-skills/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("article h2").first.is_visible()
    page.close()
