"""The practice finder as a practitioner uses it on a phone: the answer always
in view, filters in the order they think of a case, training modules beside
practices, the filters kept across languages, and a plain word when the
filters cannot run.

Expected pages are worked out here from the pages' front matter with plain
YAML, independently of the hooks and the script that build the finder."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import LANGUAGES, PHONE, prefix
from test_site import commitment_of, modules, practices


def expected_pages(**filters) -> set[str]:
    """"practices/<slug>" and "modules/<slug>" matching the filters (any value of
    a filter, every filter). A module is filed under its own audience and
    actions and under the people concerned and the stages of the practices it
    teaches; it has no partner, kind of practice or GCM objective."""
    everything = practices()
    found = set()
    for kind, pages in (("practices", everything), ("modules", modules())):
        for slug, meta in pages.items():
            values = {"audience": meta.get("audience") or [], "action": meta["actions"],
                      "commitment": sorted({commitment_of(n) for n in meta["actions"]})}
            if kind == "practices":
                values.update(stage=meta.get("stage") or [], group=meta.get("target_groups") or [],
                              partner=meta.get("partners") or [], kind=[meta["kind"]],
                              gcm=meta.get("gcm_objectives") or [])
            else:
                taught = [everything[p] for p in meta.get("practices") or []]
                values.update(stage=[s for p in taught for s in p.get("stage") or []],
                              group=[g for p in taught for g in p.get("target_groups") or []],
                              partner=[], kind=["module"], gcm=[])
            if all({str(v) for v in values[name]} & {str(w) for w in wanted} for name, wanted in filters.items()):
                found.add(f"{kind}/{slug}")
    return found


def shown(page) -> set[str]:
    hrefs = page.locator(".finder__results .card__title a").evaluate_all("links => links.map(a => a.href)")
    return {re.search(r"/((?:practices|modules)/[a-z0-9-]+)/$", href).group(1) for href in hrefs}


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def count_text(lang: str, pages: set[str]) -> str:
    practices_n = sum(1 for p in pages if p.startswith("practices/"))
    modules_n = len(pages) - practices_n
    return {
        "en": f"Pages that match: {len(pages)} (practices: {practices_n}, training modules: {modules_n})",
        "sq": f"Faqe që përputhen: {len(pages)} (praktika: {practices_n}, module trajnimi: {modules_n})",
        "mk": f"Страници што одговараат: {len(pages)} (пракси: {practices_n}, модули за обука: {modules_n})",
        "bs": f"Stranice koje odgovaraju: {len(pages)} (prakse: {practices_n}, moduli obuke: {modules_n})",
    }[lang]


@pytest.mark.parametrize("lang", ["sq", "mk", "bs"])
def test_the_count_and_a_way_to_the_results_stay_in_view_on_a_phone(phone, site_url, lang):
    phone.goto(site_url + prefix(lang) + "practices/")
    chosen: dict[str, set] = {}
    for facet, value in (("audience", "social-workers"), ("stage", "reintegration"), ("action", "21")):
        phone.locator(f'[data-facet="{facet}"] > summary').tap()
        option = phone.locator(f'input[name="{facet}"][value="{value}"]')
        option.scroll_into_view_if_needed()
        option.tap()
        chosen[facet] = {value}
        expected = expected_pages(**chosen)
        # Wherever the filters have taken the reader, the answer is on the screen.
        assert in_view(phone, ".finder__bar") and in_view(phone, ".finder__show"), facet
        assert phone.locator(".finder__status").inner_text() == count_text(lang, expected)
        assert shown(phone) == expected
    phone.locator(".finder__show").tap()
    phone.wait_for_function("() => { const card = document.querySelector('.finder__results .card');"
                            " const box = card.getBoundingClientRect(); return box.top > 0 && box.top < innerHeight / 2; }")
    assert in_view(phone, ".finder__bar")  # still there while the results are read
    assert phone.evaluate("document.activeElement.id") == "finder-results"


def test_a_heatmap_cell_lands_on_its_count_on_the_first_screen(phone, site_url):
    phone.goto(site_url + "mk/coverage/")
    phone.locator('.heatmap td a[href*="action=16"][href*="partner=BA"]').tap()
    phone.wait_for_url(re.compile(r"/mk/practices/\?"))
    assert in_view(phone, ".finder__bar") and in_view(phone, ".finder__show")
    assert phone.locator(".finder__status").inner_text() == count_text("mk", expected_pages(action={16}, partner={"BA"}))
    # the chosen filters are named on their closed panels, which do not push the answer down
    assert phone.locator('[data-facet="action"]').get_attribute("open") is None
    assert phone.locator('[data-facet="action"] .finder__chosen').inner_text() == "1 избрани"


@pytest.mark.parametrize("lang, labels", [
    ("en", ["Your role", "Stage of the case", "People concerned"]),
    ("bs", ["Vaša uloga", "Faza slučaja", "Osobe o kojima je riječ"]),
])
def test_the_filters_come_in_the_readers_order(browser, site_url, lang, labels):
    page = browser.new_page()
    page.goto(site_url + prefix(lang) + "practices/")
    facets = page.locator(".finder__facet").evaluate_all("boxes => boxes.map(b => b.getAttribute('data-facet'))")
    assert facets == ["audience", "stage", "group", "partner", "kind", "action", "commitment", "gcm"]
    names = page.locator(".finder__facet > summary").evaluate_all(
        "summaries => summaries.map(s => s.firstChild.textContent.trim())")
    assert names[:3] == labels
    page.close()


@pytest.mark.parametrize("lang, module_label", [("en", "Training module"), ("sr", "Модул обуке")])
def test_training_modules_are_found_beside_practices_each_labelled(browser, site_url, lang, module_label):
    page = browser.new_page()
    page.goto(site_url + prefix(lang) + "practices/?audience=guardians")
    expected = expected_pages(audience={"guardians"})
    assert any(p.startswith("modules/") for p in expected) and any(p.startswith("practices/") for p in expected)
    assert shown(page) == expected
    for card in page.locator(".finder__results .card").all():
        href = card.locator(".card__title a").get_attribute("href")
        label = card.locator(".card__kind").inner_text()
        assert (label == module_label) == ("/modules/" in "/" + href), (href, label)
    # and a training module is a kind of its own among the filters
    page.goto(site_url + prefix(lang) + "practices/?kind=module")
    assert shown(page) == {f"modules/{slug}" for slug in modules()}
    page.close()


@pytest.mark.parametrize("lang, other", [("en", "sq"), ("sr", "sr-Latn"), ("mk", "bs")])
def test_filters_are_kept_when_the_language_changes(phone, site_url, lang, other):
    phone.goto(site_url + prefix(lang) + "practices/")
    phone.locator('[data-facet="stage"] > summary').tap()
    phone.locator('input[name="stage"][value="reintegration"]').tap()
    phone.locator('[data-facet="group"] > summary').tap()
    phone.locator('input[name="group"][value="families"]').tap()
    before = shown(phone)
    phone.locator(".md-header .md-select button").tap()
    phone.locator(f'.md-header .md-select__link[hreflang="{other}"]').tap()
    phone.wait_for_url(re.compile(rf"/{other}/practices/\?"))
    assert parse_qs(urlsplit(phone.url).query) == {"stage": ["reintegration"], "group": ["families"]}
    assert phone.locator('input[name="stage"][value="reintegration"]').is_checked()
    assert phone.locator('input[name="group"][value="families"]').is_checked()
    assert shown(phone) == before == expected_pages(stage={"reintegration"}, group={"families"})


@pytest.mark.parametrize("lang, note", [
    ("en", "The filters need JavaScript, which is off in this browser, so this page shows every practice and "
           "training module, grouped by action of the Action Plan."),
    ("bs", "Za filtere je potreban JavaScript, koji je isključen u ovom pregledniku, pa ova stranica prikazuje sve "
           "prakse i module obuke, grupisane po aktivnostima Akcionog plana."),
])
def test_without_javascript_a_filtered_address_says_that_filters_need_it(browser, site_url, lang, note):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + prefix(lang) + "practices/?action=16&partner=BA")
    message = page.locator(".finder__nojs")
    assert message.is_visible() and message.inner_text() == note
    assert not page.locator(".finder__bar").is_visible() and not page.locator(".finder__form").is_visible()
    # the grouped list it offers holds every practice and every module
    listed = set(page.locator(".finder__all li[data-module]").evaluate_all(
        "cards => cards.map(c => c.getAttribute('data-module'))"))
    assert listed == set(modules())
    assert page.locator("#action-16").is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_finders_entry_is_on_the_first_screen_of_the_home_page(phone, site_url, lang):
    phone.goto(site_url + prefix(lang))
    assert in_view(phone, ".home-finder .md-button")
    phone.locator(".home-finder .md-button").tap()
    phone.wait_for_url(re.compile(rf"/{prefix(lang)}practices/$"))
    phone.goto(site_url + prefix(lang))
    phone.locator(".home-finder__roles > summary").tap()
    phone.locator('.home-finder__roles a[href*="audience=guardians"]').tap()
    phone.wait_for_url(re.compile(r"practices/\?audience=guardians$"))
    assert shown(phone) == expected_pages(audience={"guardians"})
