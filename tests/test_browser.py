"""What a reader sees in a real browser: Debian's chromium driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from playwright import sync_api as playwright_api

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test`, which installs it"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


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
    cell = page.locator('.coverage-matrix a[href^="#a-"]').first
    anchor = cell.get_attribute("href")
    count = int(cell.inner_text())
    cell.click()
    target = page.locator(anchor)
    assert target.is_visible()
    listed = page.locator(f"{anchor} + ul > li")
    assert listed.count() == count
    listed.first.locator("a").click()
    page.wait_for_load_state()
    assert "/practices/" in page.url
    assert page.locator(".admonition.facts").is_visible()
    page.close()


def test_practice_page_fits_a_phone_screen_without_sideways_scrolling(phone, site_url):
    phone.goto(site_url + "practices/alternatives-to-detention/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.locator(".admonition.facts").is_visible()


def test_search_finds_a_practice_by_a_word_in_its_text(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.fill("")
    search.type("mediation")
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    texts = " ".join(results.all_inner_texts())
    assert "Cultural mediation" in texts
    page.close()


def test_printed_module_handout_has_no_menus(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "modules/return-counselling-skills/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("article h2").first.is_visible()
    page.close()
