"""Safe and trustworthy by construction: the security policy the build writes,
links that hold, sitemaps, language marks, the keyboard, the theme override."""
from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import LANGUAGES, PHONE, REPO, prefix

PAGE_TYPES = ["", "about/", "commitments/1/", "actions/16/", "practices/", "practices/cultural-mediation/",
              "modules/", "modules/return-counselling-skills/", "coverage/", "catalogue/", "glossary/",
              "translations/", "news/", "news/sarajevo-operational-meeting-2025/", "workshop-pack/", "reviews/",
              "contribute/", "accessibility/"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


# -- the Content-Security-Policy ----------------------------------------------------------------


def test_every_page_carries_a_policy_naming_its_inline_scripts_by_hash(built_site):
    pages = sorted(built_site.rglob("*.html"))  # every page of the six languages, not a sample
    assert len(pages) >= 415 and {path.relative_to(built_site).parts[0] for path in pages} >= {*LANGUAGES[1:], "404.html"}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy, path
        directives = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";"))
        assert "'unsafe-inline'" not in policy.group(1) and "'unsafe-eval'" not in policy.group(1)
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        assert directives["form-action"] == "'self'"
        for code in re.findall(r"<script>(.*?)</script>", html, re.S):
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
            assert digest in directives["script-src"], path
        assert html.index("Content-Security-Policy") < html.index("<script")


def test_the_headers_file_sends_the_policy_and_what_a_meta_tag_cannot(built_site):
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n")
    assert re.search(r"Content-Security-Policy: default-src 'self'; script-src 'self'( 'sha256-[^']+')+;", headers)
    assert "frame-ancestors 'none'" in headers
    for header in ("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer", "Permissions-Policy: "):
        assert f"  {header}" in headers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_works_under_the_policy_with_no_failed_or_third_party_request(browser, site_url, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    violations, failures, hosts = [], [], set()
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("response", lambda response: failures.append((response.status, response.url))
            if response.status >= 400 else None)
    # A snippet still loading when the test moves on is cancelled, not failed.
    page.on("requestfailed", lambda request: failures.append(("failed", request.url))
            if request.failure != "net::ERR_ABORTED" else None)
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    for path in PAGE_TYPES:
        page.goto(site_url + prefix(lang) + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], (lang, path)
    # the search, the finder and the language switcher under the policy
    page.goto(site_url + prefix(lang))
    page.locator(".wb-search__toggle").click()
    page.locator("#wb-search-input").fill("")
    page.keyboard.type("return" if lang == "en" else "povratak" if lang in ("sr", "sr-Latn", "bs") else
                       "kthim" if lang == "sq" else "vrakjanje")
    page.keyboard.press("End")
    page.locator(".wb-search__link").first.wait_for()
    page.goto(site_url + prefix(lang) + "practices/?partner=RS")
    assert page.locator(".finder__results li").count() > 0
    assert page.evaluate("window.__violations") == [] and violations == []
    assert failures == [], failures
    assert hosts == {"127.0.0.1"}
    context.close()


def test_material_asks_for_no_missing_sitemap_on_a_page_view(browser, site_url):
    page = browser.new_page()
    asked = []
    page.on("response", lambda response: asked.append((response.status, urlsplit(response.url).path))
            if "sitemap" in response.url else None)
    page.goto(site_url + "bs/practices/cultural-mediation/")
    page.wait_for_load_state("networkidle")
    assert asked == [(200, "/bs/sitemap.xml")]
    page.close()


# -- sitemaps ------------------------------------------------------------------------------------


def english_pages(site: Path) -> list[str]:
    urls = []
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.split("/")[0] not in LANGUAGES and not url.startswith("search/"):
            urls.append(url)
    return sorted(urls)


def test_each_language_has_a_sitemap_with_hreflang_alternates_and_x_default(built_site):
    base = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text().splitlines()
                if line.startswith("site_url:"))
    pages = english_pages(built_site)
    index = ET.parse(built_site / "sitemap.xml").getroot()
    listed = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert listed == [base + prefix(lang) + "sitemap-pages.xml" for lang in LANGUAGES]
    for lang in LANGUAGES:
        root = ET.parse(built_site / prefix(lang) / "sitemap-pages.xml").getroot()
        urls = root.findall(f"{SITEMAP}url")
        assert len(urls) == len(pages)
        for url in urls:
            loc = url.find(f"{SITEMAP}loc").text
            assert loc.startswith(base + prefix(lang))
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
            assert set(alternates) == {*LANGUAGES, "x-default"}
            page = loc[len(base + prefix(lang)):]
            assert alternates["x-default"] == alternates["en"] == base + page
            assert alternates["sr-Latn"] == base + "sr-Latn/" + page
    robots = (built_site / "robots.txt").read_text()
    assert f"Sitemap: {base}sitemap.xml" in robots


# -- links that hold -------------------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.ids, self.links, self._main = set(), [], 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "article":
            self._main += 1
        if tag == "a" and attributes.get("href"):
            self.links.append((attributes["href"], attributes.get("hreflang"), self._main > 0))

    def handle_endtag(self, tag):
        if tag == "article":
            self._main -= 1


def test_every_internal_link_and_anchor_resolves_in_every_language(built_site):
    cache: dict[Path, Links] = {}

    def parsed(file: Path) -> Links:
        if file not in cache:
            cache[file] = Links(file.read_text(encoding="utf-8"))
        return cache[file]

    checked = 0
    for lang in LANGUAGES:
        for url in english_pages(built_site):
            here = prefix(lang) + url
            for href, _hreflang, _in_main in parsed(built_site / here / "index.html").links:
                if re.match(r"^[a-z][a-z0-9+.-]*:", href):
                    continue
                target = urlsplit(urljoin("/" + here, href))
                address = target.path.lstrip("/")
                file = built_site / address
                if address == "" or address.endswith("/"):
                    file = file / "index.html"
                assert file.exists(), (here, href)
                if target.fragment and file.suffix == ".html":
                    assert target.fragment in parsed(file).ids, (here, href)
                checked += 1
    assert checked > 10_000


def test_no_content_link_leaves_the_readers_language_by_accident(built_site):
    for lang in LANGUAGES[1:]:
        for url in english_pages(built_site):
            here = prefix(lang) + url
            for href, hreflang, in_main in Links((built_site / here / "index.html").read_text(encoding="utf-8")).links:
                if not in_main or re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
                    continue
                target = urljoin("/" + here, href).lstrip("/")
                if target.startswith(("assets/", f"{lang}/")):
                    continue
                assert hreflang, (here, href)


# -- language marks ---------------------------------------------------------------------------------


def test_table_of_contents_entries_carry_the_language_of_their_heading(built_site):
    html = (built_site / "sr-Latn/translations/index.html").read_text(encoding="utf-8")
    toc = html.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    for code, name in (("mk", "Македонски"), ("sr", "Српски")):
        entry = toc.split(f'href="#language-{code}"', 1)[1].split("</a>", 1)[0]
        assert f'<span class="md-ellipsis" lang="{code}">' in entry and name in entry


def test_no_cyrillic_outside_an_element_marked_with_its_language_on_serbian_latin_pages(built_site):
    marked = re.compile(r'<(\w+)[^>]*\blang="(?!sr-Latn)[^"]*"[^>]*>.*?</\1>', re.S)
    for url in english_pages(built_site):
        html = (built_site / "sr-Latn" / url / "index.html").read_text(encoding="utf-8")
        if 'data-translation-state="missing"' in html:
            continue
        body = html.split("<body", 1)[1]
        body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
        text = marked.sub("", body)
        text = re.sub(r"<[^>]+>", " ", text)
        assert not re.search(r"[\u0400-\u04FF]", text), (url, re.findall(r"\S*[\u0400-\u04FF]+\S*", text)[:5])


# -- the keyboard ------------------------------------------------------------------------------------


FOCUSABLE = ("a[href], button, input, summary, select, textarea, [tabindex]:not([tabindex='-1'])")


@pytest.mark.parametrize("path", ["", "practices/", "practices/cultural-mediation/", "modules/return-counselling-skills/",
                                  "coverage/", "glossary/", "actions/16/", "workshop-pack/"])
def test_tab_reaches_header_search_languages_and_content_with_the_focus_always_visible(browser, site_url, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "mk/" + path)
    page.wait_for_load_state("load")
    wanted = page.evaluate(f"""() => [...document.querySelectorAll('header, article')]
        .flatMap(root => [...root.querySelectorAll("{FOCUSABLE}")])
        .filter(el => !el.disabled && el.offsetParent !== null && !el.closest('details:not([open]) > :not(summary)'))
        .filter(el => getComputedStyle(el).visibility !== 'hidden')
        // A group of radio buttons (a self-check's options) is one Tab stop; arrow keys move inside it.
        .filter(el => el.type !== 'radio' || el === document.querySelector(`input[type=radio][name="${{el.name}}"]`))
        .map((el, i) => {{ el.dataset.kbd = 'k' + i; return 'k' + i; }})""")
    reached, invisible = set(), []
    for _ in range(len(wanted) + 80):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const el = document.activeElement; if (!el || el === document.body) return null;
            const style = getComputedStyle(el); const r = el.getBoundingClientRect();
            const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
              || el.matches('.md-select__link:focus, summary:focus') && style.textDecorationLine !== 'none';
            return { id: el.dataset.kbd || null, tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 40),
                     visible: r.width > 0 && r.height > 0, ring, outline: style.outlineStyle + ' ' + style.outlineWidth }; }""")
        if info is None:
            break
        if info["id"]:
            reached.add(info["id"])
        if not (info["visible"] and info["ring"]):
            invisible.append(info)
    missing = page.evaluate("ids => ids.map(id => { const el = document.querySelector(`[data-kbd='${id}']`);"
                            " return el.tagName + ' ' + (el.textContent || el.value || '').trim().slice(0, 30); })",
                            [key for key in wanted if key not in reached])
    page.close()
    assert missing == [], missing
    assert invisible == [], invisible


# The theme overrides against the pinned Material: tests/test_theme.py.


# -- the accessibility statement ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_statement_exists_in_every_language(built_site, lang):
    html = (built_site / prefix(lang) / "accessibility/index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1]
    assert "2018/1523" in article and "2016/2102" in article
    assert "WCAG" in article
    assert len(re.findall(r"<h2 ", article)) >= 5
