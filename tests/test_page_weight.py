"""What a practice page costs a reader on a weak line, and that nothing is lost
by it: the search's code comes when the reader first goes to search, and works
on the words typed before it arrived."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from learning_platform.page_styles import page_stylesheets
from learning_platform.served_assets import served_text

PRACTICE = "practices/individual-return-counselling/"


def _assets(paths: list[str]) -> list[str]:
    """The site's own stylesheets and scripts among the paths a page fetched,
    with Material's content hashes taken out of its file names."""
    out = []
    for path in paths:
        name = path.rsplit("/", 1)[-1]
        if name.endswith((".js", ".css")) and "/assets/" in path:
            parts = name.split(".")
            if len(parts) == 4 and parts[2] == "min":  # main.57a0d79d.min.css
                name = f"{parts[0]}.min.{parts[3]}"
            out.append(name)
    return sorted(out)


def test_own_stylesheets_are_served_without_their_comments_and_every_rule_kept():
    source = ("/* Why this file.\n   More why. */\n\n.a { b: c; }  /* a note */\n"
              "@media print {\n  /* why on paper */\n  .d { e: \"/\"; }\n}\n")
    assert served_text("assets/stylesheets/finder.css", source) == '.a { b: c; }\n@media print {\n  .d { e: "/"; }\n}\n'


def test_own_scripts_are_served_without_their_comments_and_third_party_copies_as_published():
    source = '/*\n * Why.\n */\n(function () {\n  var a = 1;  // a note\n  // a line\n  var b = "//x";\n})();\n'
    assert served_text("assets/javascripts/platform.js", source) == (
        '(function () {\n  var a = 1;\n  var b = "//x";\n})();\n')
    assert served_text("assets/javascripts/vendor/qrcode-generator.js", source) is None
    assert served_text("assets/images/icon.svg", "<svg><!-- a --></svg>") is None


@pytest.mark.parametrize("address, sheets", [
    ("practices/individual-return-counselling/", ()),
    ("", ("assets/stylesheets/finder.css",)),
    ("practices/", ("assets/stylesheets/finder.css",)),
    ("coverage/", ("assets/stylesheets/finder.css",)),
    ("modules/", ()),
    ("modules/return-counselling-skills/", ("assets/stylesheets/workshop.css",)),
    ("modules/return-counselling-skills/participants/", ("assets/stylesheets/workshop.css",)),
    ("paths/", ()),
    ("paths/border-police/", ("assets/stylesheets/workshop.css",)),
    ("workshop-pack/", ("assets/stylesheets/workshop.css",)),
    ("compare/practices/cultural-mediation/", ("assets/stylesheets/compare.css",)),
    ("compare/modules/return-counselling-skills/",
     ("assets/stylesheets/compare.css", "assets/stylesheets/workshop.css")),
    ("glossary/", ()),
    ("actions/16/", ()),
])
def test_a_pages_own_stylesheets_are_those_of_the_features_it_shows(address, sheets):
    assert page_stylesheets(address) == sheets


def test_a_practice_pages_first_visit_fetches_no_search_code(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(site_url + PRACTICE)
    page.wait_for_load_state("networkidle")
    assert _assets(fetched) == ["bundle.min.js", "main.min.css", "offline.js", "platform.css", "platform.js"]
    assert not [path for path in fetched if "/search/" in path]
    # The search is there all the same: its button in the header.
    assert page.locator(".wb-search__toggle").is_visible()
    context.close()


def test_words_typed_before_the_search_code_arrives_are_searched(browser, site_url):
    """On a slow line the reader opens the search and types at once: what they
    typed is searched as soon as search.js has arrived."""
    # No service worker: requests it answers never reach the page's routes.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  service_workers="block")
    page = context.new_page()
    held = []
    page.route("**/assets/javascripts/search.js", lambda route: held.append(route))
    page.goto(site_url + "mk/" + PRACTICE)
    page.locator(".wb-search__toggle").tap()
    assert page.evaluate("document.activeElement.id") == "wb-search-input"
    page.keyboard.type("zrtvi")
    page.keyboard.press("End")
    page.wait_for_timeout(300)
    assert len(held) == 1  # search.js asked for once, not yet here
    assert page.locator(".wb-search__link").count() == 0
    held[0].continue_()
    page.wait_for_function(
        "() => { const s = document.querySelector('.wb-search__status').textContent;"
        " return s.includes('zrtvi') && !s.endsWith('…'); }", timeout=10_000)
    links = page.locator(".wb-search__link").evaluate_all("links => links.map(l => new URL(l.href).pathname)")
    assert links and all(path.startswith("/mk/") for path in links), links
    assert page.locator(".wb-search__status").inner_text().startswith("Пронајдени страници за „zrtvi“: ")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_the_s_key_opens_the_search_on_a_page_loaded_without_it(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "sq/" + PRACTICE)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "wb-search-input"
    assert page.locator("#wb-search-input").input_value() == ""  # the key opens the search, it is not typed
    page.keyboard.type("kthimit")
    page.keyboard.press("End")
    page.locator(".wb-search__link").first.wait_for()
    assert page.locator(".wb-search__link").first.get_attribute("href")
    page.close()


def test_an_address_with_q_opens_the_search_with_its_results(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "bs/?q=povratak")
    page.wait_for_function(
        "() => { const s = document.querySelector('.wb-search__status').textContent;"
        " return s.includes('povratak') && !s.endsWith('…'); }", timeout=10_000)
    assert page.locator("#wb-search-input").input_value() == "povratak"
    assert page.locator(".wb-search__status").inner_text().startswith("Pronađene stranice za „povratak“: ")
    assert page.locator(".wb-search__link").count() == 10
    page.close()


def test_each_feature_page_still_shows_its_own_styles(browser, site_url):
    """Rules that left platform.css still reach the pages that show them."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "practices/")
    # The finder's bar with the count stays in view while the reader picks filters.
    assert page.locator(".finder__bar").evaluate("bar => getComputedStyle(bar).position") == "sticky"
    page.goto(site_url + "sq/modules/return-counselling-skills/")
    # A self-check question: a box with a thick left edge (0.25rem, 5 px).
    assert page.locator("fieldset.self-check__question").first.evaluate(
        "q => getComputedStyle(q).borderLeftWidth") == "5px"
    page.goto(site_url + "mk/compare/practices/cultural-mediation/")
    assert page.locator(".compare__row").first.evaluate(
        "row => getComputedStyle(row).borderBottomStyle") == "solid"
    for path in ("", "sq/", "coverage/", "practices/", "sq/modules/return-counselling-skills/", PRACTICE):
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    page.close()
