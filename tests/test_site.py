"""The built site, all six languages: what a reader sees and what a tool downloads.

Expected values are worked out here from the pages' front matter with plain
YAML, independently of the hooks that generate the site.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import LANGUAGES, REPO, build, make_project

PARTNERS = ("AL", "BA", "XK", "ME", "MK", "RS")
SITE_URL = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_url:"))
FOOTNOTES = yaml.safe_load((REPO / "data/vocabulary.yml").read_text(encoding="utf-8"))["footnotes"]["kosovo"]
# Written out, not transliterated by the code under test (tests/test_transliteration.py has the alphabet).
FOOTNOTE_SERBIAN_LATIN = ("*Ovaj naziv ne dovodi u pitanje stavove o statusu i u skladu je sa Rezolucijom Saveta "
                          "bezbednosti UN 1244/1999 i mišljenjem Međunarodnog suda pravde o proglašenju nezavisnosti Kosova.")


def kosovo_footnote(lang: str) -> str:
    """The footnote as the reader's language has it."""
    return FOOTNOTE_SERBIAN_LATIN if lang == "sr-Latn" else FOOTNOTES[lang]


# -- an independent reading of the content ------------------------------------------


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def practices(docs: Path = REPO / "docs") -> dict[str, dict]:
    return {
        path.stem: front_matter(path)
        for path in sorted((docs / "practices").glob("*.md"))
        if path.name != "index.md" and path.stem.count(".") == 0
    }


def modules(docs: Path = REPO / "docs") -> dict[str, dict]:
    return {
        path.stem: front_matter(path)
        for path in sorted((docs / "modules").glob("*.md"))
        if path.name != "index.md" and path.stem.count(".") == 0
    }


def translated(path: str, lang: str, docs: Path = REPO / "docs") -> bool:
    """Whether a translation file exists for this English page (sr-Latn: the sr one)."""
    source = "sr" if lang == "sr-Latn" else lang
    return (docs / f"{path[:-3]}.{source}.md").exists()


def commitment_of(action: int) -> int:
    return 1 if action <= 5 else 2 if action <= 14 else 3


# -- reading built pages ------------------------------------------------------------------


class Page(HTMLParser):
    """Links, ids and elements of one built page."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.ids: set[str] = set()
        self.states: list[str] = []
        self.html_lang = None
        self._href = None
        self._text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if "data-translation-state" in attributes:
            self.states.append(attributes["data-translation-state"])
        if tag == "a" and "href" in attributes:
            self._href, self._text = attributes["href"], []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def page_at(site: Path, url: str) -> tuple[Path, Page]:
    path = site / url / "index.html"
    return path, Page(path.read_text(encoding="utf-8"))


def targets(site: Path, url: str, page: Page) -> set[str]:
    """Site URLs (with fragment) that a page links to, resolved from `url`."""
    found = set()
    for href, _text in page.links:
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        found.add(urljoin("/" + url, href).lstrip("/"))
    return found


def generated_section(html: str, heading_id: str) -> str:
    """The HTML from a heading with this id to the next h2."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<h2", start)
    return html[start:] if end < 0 else html[start:end]


# -- every language, every page -------------------------------------------------------------


def english_urls(site: Path) -> list[str]:
    urls = []
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.split("/")[0] not in LANGUAGES and url != "search/":
            urls.append(url)
    return sorted(urls)


def test_all_six_language_trees_are_built_with_their_html_lang(built_site):
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        _, page = page_at(built_site, prefix)
        assert page.html_lang == lang


def test_every_page_exists_in_every_language_with_one_translation_state(built_site):
    urls = english_urls(built_site)
    assert len(urls) >= 3 + 21 + 10 + 3
    for lang in LANGUAGES[1:]:
        for url in urls:
            _, page = page_at(built_site, f"{lang}/{url}")
            assert page.html_lang == lang, url
            assert len(page.states) == 1, (lang, url, page.states)
            assert page.states[0] in ("missing", "machine", "outdated", "reviewed")


def test_english_pages_carry_no_translation_state(built_site):
    for url in english_urls(built_site):
        _, page = page_at(built_site, url)
        assert page.states == [], url


UI = yaml.safe_load((REPO / "data/ui.yml").read_text(encoding="utf-8"))


def ui(key: str, lang: str) -> str:
    from learning_platform.transliteration import serbian_cyrillic_to_latin

    entry = UI[key]
    if lang == "sr-Latn" and lang not in entry:
        return serbian_cyrillic_to_latin(entry["sr"])
    return entry.get(lang, entry["en"])


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_state_banner_speaks_the_readers_language_and_matches_the_files(built_site, lang):
    for url in english_urls(built_site):
        path, page = page_at(built_site, f"{lang}/{url}")
        english = "index.md" if url == "" else (url[:-1] + ".md" if (REPO / "docs" / (url[:-1] + ".md")).exists() else url + "index.md")
        if url.endswith("/participants/"):  # a module's participants' handout: the module's own state
            english = url[:-len("/participants/")] + ".md"
        if url.startswith("paths/") and url != "paths/":
            state = "machine"  # a learning path's sentences (data/paths.yml) are machine drafts outside English
        else:
            state = "machine" if translated(english, lang) else "missing"
        assert page.states == [state], (lang, url)
        html = path.read_text(encoding="utf-8")
        assert html_escape(ui(f"translation.{state}", lang), quote=False) in html, (lang, url)


# -- generated cross-references ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_commitment_page_lists_exactly_its_actions(built_site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    for commitment in (1, 2, 3):
        path, page = page_at(built_site, f"{prefix}commitments/{commitment}/")
        section = generated_section(path.read_text(encoding="utf-8"), "actions-under-this-commitment")
        linked = {int(n) for n in re.findall(r'href="\.\./\.\./actions/(\d+)/"', section)}
        assert linked
        expected = {n for n in range(1, 22) if commitment_of(n) == commitment}
        assert linked == expected


@pytest.mark.parametrize("lang", ["en", "mk", "sr-Latn"])
def test_each_action_page_lists_the_practices_and_modules_that_reference_it(built_site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    by_action: dict[int, set[str]] = defaultdict(set)
    for slug, meta in practices().items():
        for number in meta["actions"]:
            by_action[number].add(f"practices/{slug}/")
    for slug, meta in modules().items():
        for number in meta["actions"]:
            by_action[number].add(f"modules/{slug}/")
    for number in range(1, 22):
        url = f"{prefix}actions/{number}/"
        path, page = page_at(built_site, url)
        html = path.read_text(encoding="utf-8")
        section = html[html.index('id="practices-for-this-action"'):]
        linked = {
            target.removeprefix(prefix) for target in targets(built_site, url, Page(section))
            if re.match(rf"^{re.escape(prefix)}(practices|modules)/[a-z0-9-]+/$", target)
        }
        assert linked == by_action[number], number


def test_practice_panel_links_actions_commitments_partners_groups_and_objectives(built_site):
    for slug, meta in practices().items():
        url = f"practices/{slug}/"
        path, page = page_at(built_site, url)
        panel = path.read_text(encoding="utf-8").split('class="wb-details facts"', 1)[1].split("</details>", 1)[0]
        linked = {target.replace("&amp;", "&") for target in targets(built_site, url, Page(panel))}
        for number in meta["actions"]:
            assert f"actions/{number}/" in linked
            assert f"commitments/{commitment_of(number)}/" in linked
        for code in meta.get("partners", []):
            assert f"practices/?partner={code}" in linked
        for group in meta.get("target_groups", []):
            assert f"practices/?group={group}" in linked
        for objective in meta.get("gcm_objectives", []):
            assert f"practices/?gcm={objective}" in linked
        for role in meta.get("audience", []):
            assert f"practices/?audience={role}" in linked
        for stage in meta.get("stage", []):
            assert f"practices/?stage={stage}" in linked


def test_every_internal_link_and_anchor_resolves(built_site):
    ids_cache: dict[str, set[str]] = {}
    for lang in ("", "bs/"):
        for url in english_urls(built_site):
            _, page = page_at(built_site, lang + url)
            for target in targets(built_site, lang + url, page):
                address, _, fragment = target.partition("#")
                address = address.split("?", 1)[0]
                file = built_site / address
                if address == "" or address.endswith("/"):
                    file = file / "index.html"
                assert file.exists(), (lang + url, target)
                if fragment and file.suffix == ".html":
                    if address not in ids_cache:
                        ids_cache[address] = Page(file.read_text(encoding="utf-8")).ids
                    assert fragment in ids_cache[address], (lang + url, target)


def test_coverage_heatmap_counts_practices_per_action_and_partner(built_site):
    expected: dict[tuple[int, str], set[str]] = defaultdict(set)
    for slug, meta in practices().items():
        for number in meta["actions"]:
            for code in meta.get("partners", []):
                expected[(number, code)].add(slug)
    for lang in ("", "sr/"):
        path, page = page_at(built_site, f"{lang}coverage/")
        html = path.read_text(encoding="utf-8")
        for number in range(1, 22):
            for code in PARTNERS:
                count = len(expected[(number, code)])
                link = f'href="../practices/?action={number}&amp;partner={code}"'
                if count:
                    assert re.search(rf'{re.escape(link)}[^>]*>{count}</a>', html), (number, code)
                else:
                    assert link not in html
        empty_cells = sum(1 for n in range(1, 22) for code in PARTNERS if not expected.get((n, code)))
        empty_actions = sum(1 for n in range(1, 22) if not any(n in m["actions"] for m in practices().values()))
        assert html.count("coverage-gap") == empty_cells + empty_actions


# -- catalogue ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_json_and_csv_list_every_practice_per_language(built_site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    expected = practices()
    document = json.loads((built_site / prefix / "catalogue/practices.json").read_text(encoding="utf-8"))
    assert document["language"] == lang
    assert {record["slug"] for record in document["practices"]} == set(expected)
    for record in document["practices"]:
        meta = expected[record["slug"]]
        assert record["actions"] == sorted(meta["actions"])
        assert record["partners"] == meta.get("partners", [])
        assert record["url"] == f"{SITE_URL}{prefix}practices/{record['slug']}/"
        expected_state = "reviewed" if lang == "en" else (
            "machine" if translated(f"practices/{record['slug']}.md", lang) else "missing")
        assert record["translation_state"] == expected_state
    text = (built_site / prefix / "catalogue/practices.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["slug"] for row in rows} == set(expected)
    for row in rows:
        assert row["actions"] == ";".join(str(n) for n in sorted(expected[row["slug"]]["actions"]))


def test_catalogue_page_links_both_downloads(built_site):
    _, page = page_at(built_site, "mk/catalogue/")
    hrefs = {href for href, _ in page.links}
    assert {"practices.json", "practices.csv"} <= hrefs


# -- official wording, footnote, privacy, search ---------------------------------------------------


def test_official_wording_is_quoted_verbatim_from_the_source_documents():
    texts = yaml.safe_load((REPO / "data/official_texts.yml").read_text(encoding="utf-8"))
    normal = lambda text: re.sub(r"\s+", " ", text).strip()  # noqa: E731
    declaration = normal((REPO / "sources/001_6194b2c1db6ddb8a.txt").read_text(encoding="utf-8"))
    action_plan = normal((REPO / "sources/003_f530447042aca622.txt").read_text(encoding="utf-8"))
    for commitment in texts["commitments"].values():
        for text in [commitment["declaration"], *commitment["points"]]:
            assert normal(text) in declaration
    assert len(texts["actions"]) == 21
    for action in texts["actions"].values():
        assert normal(action["text"]) in action_plan


def test_action_page_shows_official_wording_as_a_quotation_with_its_source(built_site):
    html = (built_site / "actions/18/index.html").read_text(encoding="utf-8")
    quote = html.split('<figure class="official-wording">', 1)[1].split("</figure>", 1)[0]
    assert "<blockquote" in quote and "Launch an informal learning platform" in quote
    assert "<cite>Action Plan for Sustainable Migration Governance in the Western Balkans 2023-2025, action 18</cite>" in quote


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_naming_kosovo_carries_the_footnote(built_site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    checked = 0
    for url in english_urls(built_site):
        path = built_site / prefix / url / "index.html"
        html = path.read_text(encoding="utf-8")
        article = html.split('<article', 1)[1].split("</article>", 1)[0]
        if re.search(r"Kosov|Косов", re.sub(r'id="kosovo-footnote"[^<]*', "", article)):
            assert html_escape(kosovo_footnote(lang), quote=False) in article, url
            checked += 1
    assert checked >= 3  # home, about and the coverage matrix name Kosovo at least


def test_no_page_requests_a_third_party_host(built_site):
    # Every tag that makes the browser load something; canonical links name the page, they load nothing.
    external = re.compile(r'<(?:link(?![^>]*rel="canonical")|script|img|iframe)[^>]+(?:href|src)="(?:https?:)?//',
                          re.IGNORECASE)
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not external.search(html), path
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path


def test_untranslated_copies_stay_out_of_each_languages_search_index(built_site):
    for lang in LANGUAGES[1:]:
        meta = json.loads((built_site / lang / "search/meta.json").read_text(encoding="utf-8"))
        pages = [url for url, *_ in meta["pages"]]
        assert any(url.startswith("practices/") for url in pages), lang
        for url in pages:
            if url.startswith("paths/") and url != "paths/":
                continue  # a learning path is written in every language (data/paths.yml)
            english = (url[:-1] or "index") + ".md" if url else "index.md"
            if not (REPO / "docs" / english).exists():
                english = url + "index.md"
            assert translated(english, lang), (lang, url)


def test_page_size_does_not_carry_the_whole_menu(built_site):
    # navigation.prune: a practice page carries no link to unrelated practices.
    html = (built_site / "practices/cultural-mediation/index.html").read_text(encoding="utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "forced-return-monitoring" not in nav


# -- a contributor adds one practice --------------------------------------------------------------


NEW_PRACTICE = """---
title: Zzz test practice on return interviews
summary: A practice added by the test suite to check that one new file reaches every generated list.
kind: tool
actions: [19]
partners: [ME]
target_groups: [returnees]
gcm_objectives: [21]
sources:
  - title: Skopje Declaration (2022)
    url: https://publications.iom.int/books/return-counselling-toolkit
updated: 2026-11-23
---

## What it is

Text of the practice.
"""


@pytest.mark.slow
def test_adding_one_practice_file_updates_every_generated_list_in_every_language(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "docs/practices/zzz-test-practice.md").write_text(NEW_PRACTICE, encoding="utf-8")
    # A second one links to a file: its copies are converted in each language, not copied.
    (project / "docs/practices/zzz-test-practice-with-file.md").write_text(
        NEW_PRACTICE.replace("Zzz test practice", "Zzz file test practice").replace("actions: [19]", "actions: [20]")
        + "\nThe [catalogue](../catalogue/practices.json) lists it.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        action = (site / prefix / "actions/19/index.html").read_text(encoding="utf-8")
        assert 'href="../../practices/zzz-test-practice/"' in action
        commitment = (site / prefix / "commitments/3/index.html").read_text(encoding="utf-8")
        row = commitment.split('href="../../actions/19/"', 1)[1].split("</li>", 1)[0]
        before = sum(1 for meta in practices().values() if 19 in meta["actions"])
        counts = row.split('class="counts"', 1)[1]
        assert 'href="../../practices/?action=19"' in counts and re.search(rf"\b{before + 1}\b", counts)
        matrix = (site / prefix / "coverage/index.html").read_text(encoding="utf-8")
        before_me = sum(1 for meta in practices().values() if 19 in meta["actions"] and "ME" in meta.get("partners", []))
        assert re.search(rf'href="../practices/\?action=19&amp;partner=ME"[^>]*>{before_me + 1}</a>', matrix)
        document = json.loads((site / prefix / "catalogue/practices.json").read_text(encoding="utf-8"))
        assert "zzz-test-practice" in {record["slug"] for record in document["practices"]}
        assert "zzz-test-practice" in (site / prefix / "catalogue/practices.csv").read_text(encoding="utf-8")
        index = (site / prefix / "practices/index.html").read_text(encoding="utf-8")
        assert "zzz-test-practice" in index
        searched = json.loads((site / prefix / "search/meta.json").read_text(encoding="utf-8"))
        searchable = "practices/zzz-test-practice/" in [url for url, *_ in searched["pages"]]
        # Search keeps to the reader's language: the English text is found in English only.
        assert searchable == (lang == "en")
        if lang != "en":
            page = (site / prefix / "practices/zzz-test-practice/index.html").read_text(encoding="utf-8")
            assert 'data-translation-state="missing"' in page
            assert html_escape(ui("translation.missing", lang), quote=False) in page
            # The English text, marked as English; the banner and panel around it in the reader's.
            english = page.split('<div lang="en">', 1)[1]
            assert "Text of the practice." in english and "data-translation-state" not in english
            toc = page.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
            assert 'href="#what-it-is"' in toc and 'href="#sources"' in toc
            assert html_escape(ui("sources.heading", lang), quote=False) in toc
            with_file = (site / prefix / "practices/zzz-test-practice-with-file/index.html").read_text(encoding="utf-8")
            assert 'href="../../catalogue/practices.json"' in with_file.split('<div lang="en">', 1)[1]


# -- languages and scripts ---------------------------------------------------------------------


def test_no_cyrillic_letter_in_the_main_text_of_any_serbian_latin_page(built_site):
    other_language = re.compile(r'<(td|th|span|p|a|h[1-6]|blockquote|figure)[^>]*\blang="(?!sr-Latn)[^"]*"[^>]*>.*?</\1>', re.S)
    checked = 0
    for url in english_urls(built_site):
        html = (built_site / "sr-Latn" / url / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        if 'data-translation-state="missing"' in article:
            continue
        text = re.sub(r"<[^>]+>", " ", other_language.sub("", article))  # text, not addresses in attributes
        assert not re.search(r"[\u0400-\u04FF]", text), (url, re.findall(r"\S*[\u0400-\u04FF]+\S*", text)[:5])
        checked += 1
    assert checked >= 30


def test_language_switcher_links_land_on_the_same_page_in_every_language(built_site):
    for url in english_urls(built_site):
        for lang in LANGUAGES:
            prefix = "" if lang == "en" else f"{lang}/"
            html = (built_site / prefix / url / "index.html").read_text(encoding="utf-8")
            links = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"', html))
            assert len(links) == len(LANGUAGES), (lang, url)
            for href, other in links.items():
                target = urljoin("/" + prefix + url, href).lstrip("/")
                expected = ("" if other == "en" else f"{other}/") + url
                assert target == expected, (lang, url, other, target)


def test_pages_name_no_per_page_alternates_that_would_make_the_theme_fetch_missing_sitemaps(built_site):
    # The hreflang alternates, x-default included, are in each language's sitemap
    # (tests/test_policy.py); the head names only the language's feed.
    html = (built_site / "bs/practices/cultural-mediation/index.html").read_text(encoding="utf-8")
    alternates = re.findall(r'<link rel="alternate"[^>]*>', html)
    assert len(alternates) == 1 and 'type="application/atom+xml"' in alternates[0] and 'href="../../feed.xml"' in alternates[0]


def test_no_placeholder_of_generated_html_is_left_in_any_page(built_site):
    # Generated tables wait outside the Markdown as a one-word paragraph until
    # after conversion; a placeholder the build failed to fill would show as text.
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 250
    for path in pages:
        assert "zzgenerated" not in path.read_text(encoding="utf-8"), path


def test_the_sites_not_found_page_is_the_english_one(built_site):
    # Each language build writes 404.html at the root; the last one used to win.
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
