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

from conftest import LANGUAGES, PHONE, REPO


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


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
    expected_count = {"en": "Sections on this page: 11", "mk": "Делови на оваа страница: 11",
                      "bs": "Dijelovi ove stranice: 11"}[lang]
    assert control.inner_text().strip() == expected_count
    control.tap()
    links = phone.locator("[data-sections] a")
    texts = [text.strip() for text in links.all_inner_texts()]
    plan = {"en": ["Learning objectives", "Agenda", "Materials"], "mk": ["Цели на учењето", "Агенда", "Материјали"],
            "bs": ["Ciljevi učenja", "Dnevni red", "Materijali"]}[lang]
    assert texts == plan + source_headings("modules", "return-counselling-skills", lang)
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
                heading = re.search(rf'<h2 id="{re.escape(anchor)}"[^>]*>(.*?)<a class="headerlink"', html)
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
