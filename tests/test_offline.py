"""Offline and installable (CONTENT_MODEL.md, "Offline and installable").

The model's rules without a build (hooks/learning_platform/offline.py), the
built site's files, then a reader's phone in Chromium: a page opened once opens
again without a network; a language kept on the phone opens ten pages never
opened before and searches with the network cut; an update after a rebuild
reaches the reader and the kept language. The network is cut twice over: the
browser is set offline and the test's server is shut down (Chromium's offline
switch does not reach a service worker's own requests).
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import json
import os
import re
import struct
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import LANGUAGES, MKDOCS, PHONE, REPO, make_project
from learning_platform import offline
from learning_platform.vocabulary import load_vocabulary

IMAGES = REPO / "docs" / "assets" / "images"
BASE_PATH = "/platform/"  # served under a path, as on GitHub Pages


# -- the model, without a build ------------------------------------------------------------


def test_manifest_names_the_platform_in_the_pages_language():
    vocabulary = load_vocabulary()
    albanian = offline.web_app_manifest(vocabulary, "sq")
    assert albanian["name"] == "Platforma e Ballkanit Perëndimor për Kthimin"
    assert albanian["short_name"] == "Kthimi BP"
    assert albanian["lang"] == "sq"
    macedonian = offline.web_app_manifest(vocabulary, "mk")
    assert macedonian["name"] == "Платформа на Западен Балкан за враќање"
    assert macedonian["short_name"] == "Враќање ЗБ"
    assert offline.web_app_manifest(vocabulary, "sr-Latn")["short_name"] == "Povratak ZB"
    assert offline.web_app_manifest(vocabulary, "en")["short_name"] == "WB Return"


def test_every_short_name_fits_under_an_icon():
    # Launchers cut names longer than about 12 characters.
    vocabulary = load_vocabulary()
    for lang in LANGUAGES:
        assert len(offline.web_app_manifest(vocabulary, lang)["short_name"]) <= 12, lang


def test_manifest_starts_at_the_languages_home_and_covers_the_whole_site():
    vocabulary = load_vocabulary()
    albanian = offline.web_app_manifest(vocabulary, "sq")  # at sq/manifest.webmanifest
    assert albanian["start_url"] == "./"
    assert albanian["scope"] == "../"
    assert albanian["display"] == "standalone"
    assert [(icon["src"], icon["sizes"]) for icon in albanian["icons"]] == [
        ("../assets/images/icon-192.png", "192x192"),
        ("../assets/images/icon-512.png", "512x512"),
        ("../assets/images/icon-maskable-512.png", "512x512"),
    ]
    english = offline.web_app_manifest(vocabulary, "en")  # at the site's root
    assert (english["start_url"], english["scope"]) == ("./", "./")
    assert english["icons"][0]["src"] == "assets/images/icon-192.png"


def _small_site(root: Path, albanian_practice: str = "<h1>Ndërmjetësimi kulturor</h1>") -> Path:
    files = {
        "index.html": "<h1>Home</h1>",
        "practices/cultural-mediation/index.html": "<h1>Cultural mediation</h1>",
        "search/meta.json": '{"pages": []}',
        "catalogue/practices.json": "[]",
        "feed.xml": "<feed/>",
        "sitemap.xml": "<sitemapindex/>",
        "sitemap-pages.xml": "<urlset/>",
        "404.html": "<h1>Not found</h1>",
        "robots.txt": "User-agent: *",
        "schema/practice.json": "{}",
        "sq/index.html": "<h1>Kreu</h1>",
        "sq/practices/cultural-mediation/index.html": albanian_practice,
        "sq/search/meta.json": '{"pages": [1]}',
        "sq/search/t/kt.json": '{"kthim": [1]}',
        "sq/search/p/0.json": '{"x": "tekst"}',
        "sq/catalogue/practices.csv": "slug\n",
        "sq/feed.xml": "<feed/>",
        "sq/sitemap.xml": "<sitemapindex/>",
        "sq/sitemap-pages.xml": "<urlset/>",
        "assets/stylesheets/main.1234.min.css": "body{}",
        "assets/stylesheets/main.1234.min.css.map": "{}",
        "assets/stylesheets/palette.5678.min.css": "body{}",
        "assets/javascripts/bundle.1234.min.js": "var a;",
        "assets/javascripts/search.js": "var b;",
        "assets/javascripts/lunr/min/lunr.sq.min.js": "var c;",
        "assets/javascripts/workers/search.1234.min.js": "var d;",
        "assets/images/icon-192.png": "png",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_a_languages_save_holds_its_pages_search_and_catalogue_not_feeds_or_sitemaps_of_pages(tmp_path):
    site = _small_site(tmp_path)
    urls = [item.url for item in offline.language_files(site, "sq", ["en", "sq"])]
    assert urls == [
        "sq/catalogue/practices.csv",
        "sq/",
        "sq/practices/cultural-mediation/",
        "sq/search/meta.json",
        "sq/search/p/0.json",
        "sq/search/t/kt.json",
        "sq/sitemap.xml",
    ]


def test_the_english_save_leaves_out_the_other_languages_the_schemas_and_the_404_page(tmp_path):
    site = _small_site(tmp_path)
    urls = [item.url for item in offline.language_files(site, "en", ["en", "sq"])]
    assert urls == ["catalogue/practices.json", "", "practices/cultural-mediation/", "search/meta.json", "sitemap.xml"]


def test_shared_assets_leave_out_the_theme_search_this_site_does_not_use_and_source_maps(tmp_path):
    site = _small_site(tmp_path)
    assert [item.url for item in offline.shared_files(site)] == [
        "assets/images/icon-192.png",
        "assets/javascripts/bundle.1234.min.js",
        "assets/javascripts/search.js",
        "assets/stylesheets/main.1234.min.css",
    ]


def test_each_listed_file_carries_its_size_and_hash(tmp_path):
    site = _small_site(tmp_path)
    page = next(item for item in offline.language_files(site, "sq", ["en", "sq"])
                if item.url == "sq/practices/cultural-mediation/")
    content = "<h1>Ndërmjetësimi kulturor</h1>".encode("utf-8")
    assert page.size == len(content) == 33
    assert page.digest == hashlib.sha256(content).hexdigest()[:16]


def _site_files(site: Path) -> str:
    offline.write_manifest(site, load_vocabulary(), "en")
    offline.write_manifest(site, load_vocabulary(), "sq")
    offline.write_language_list(site, "en", ["en", "sq"])
    offline.write_language_list(site, "sq", ["en", "sq"])
    return offline.write_site_files(site, load_vocabulary(), ["en", "sq", "mk"])


def test_the_same_site_gives_the_same_worker_and_lists(tmp_path):
    first, second = _small_site(tmp_path / "one"), _small_site(tmp_path / "two")
    assert _site_files(first) == _site_files(second)
    for name in ("sw.js", "offline.json", "sq/offline.json", "sq/manifest.webmanifest"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_changing_one_page_changes_the_workers_version_and_only_that_pages_hash(tmp_path):
    before = _small_site(tmp_path / "before")
    after = _small_site(tmp_path / "after", albanian_practice="<h1>Ndërmjetësimi kulturor</h1><p>I ri.</p>")
    old, new = _site_files(before), _site_files(after)
    assert old != new
    assert f'"version": "{old}"' in (before / "sw.js").read_text(encoding="utf-8")
    assert f'"version": "{new}"' in (after / "sw.js").read_text(encoding="utf-8")
    old_list = {url: digest for url, _size, digest in json.loads((before / "sq/offline.json").read_text())["entries"]}
    new_list = {url: digest for url, _size, digest in json.loads((after / "sq/offline.json").read_text())["entries"]}
    assert [url for url in old_list if old_list[url] != new_list[url]] == ["sq/practices/cultural-mediation/"]


def test_a_language_list_names_the_shared_assets_and_the_version(tmp_path):
    site = _small_site(tmp_path)
    version = _site_files(site)
    listed = json.loads((site / "sq/offline.json").read_text(encoding="utf-8"))
    assert listed["version"] == version
    assert listed["language"] == "sq"
    urls = [url for url, _size, _digest in listed["entries"]]
    assert "assets/javascripts/search.js" in urls and "sq/manifest.webmanifest" in urls
    assert listed["files"] == len(urls)
    assert listed["bytes"] == sum(size for _url, size, _digest in listed["entries"])
    # Languages not built (no list of their own) are not offered to the worker.
    assert '"languages": ["en", "sq"]' in (site / "sw.js").read_text(encoding="utf-8")


def test_the_worker_is_sent_without_its_comments_and_its_code_unchanged():
    source = ('"use strict";\n/* Why this file.\n   More why. */\nvar a = 1;  // a note\n  // a line\n'
              'var b = "http://example.org/";  // kept: the line holds a //\nvar c = \'it\\\'s\';  // kept: quotes\n')
    assert offline.without_comments(source) == (
        '"use strict";\nvar a = 1;\nvar b = "http://example.org/";  // kept: the line holds a //\n'
        'var c = \'it\\\'s\';  // kept: quotes\n')


def _png_size_and_text(path: Path) -> tuple[int, int, dict[str, str]]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    texts, position = {}, 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"tEXt":
            key, _, value = data[position + 8:position + 8 + length].partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        position += 12 + length
    return width, height, texts


@pytest.mark.parametrize("name,pixels", [("icon-192.png", 192), ("icon-512.png", 512), ("icon-maskable-512.png", 512),
                                         ("apple-touch-icon.png", 180), ("favicon.png", 48)])
def test_icons_are_rendered_from_the_current_drawing(name, pixels):
    width, height, texts = _png_size_and_text(IMAGES / name)
    assert (width, height) == (pixels, pixels)
    drawing = hashlib.sha256((IMAGES / "icon.svg").read_bytes()).hexdigest()
    assert texts.get("icon.svg sha256") == drawing, "icon.svg changed: run .venv/bin/python scripts/icons.py"


def test_every_word_of_the_offline_control_exists_in_every_language():
    ui = load_vocabulary().ui
    keys = [key for key in ui if key.startswith(("offline.", "app."))]
    assert len(keys) == 23
    for key in keys:
        assert set(ui[key]) >= {"en", "sq", "mk", "sr", "bs"}, key


# -- the built site ---------------------------------------------------------------------------


def _pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("assets/", "schema/")):
            continue
        first = relative.split("/")[0]
        yield path, relative, first if first in LANGUAGES else "en"


def test_every_page_links_its_languages_manifest_and_carries_the_offline_control(built_site):
    checked = 0
    for path, relative, lang in _pages(built_site):
        html = path.read_text(encoding="utf-8")
        folder = path.parent
        manifest = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert manifest, relative
        expected = built_site / ("" if lang == "en" else lang) / "manifest.webmanifest"
        assert (folder / manifest.group(1)).resolve() == expected.resolve(), relative
        control = re.search(r'<section class="wb-offline[^>]*data-offline-save[^>]*>', html)
        assert control, relative
        assert f'data-offline-language="{lang}"' in control.group(0), relative
        worker = re.search(r'data-offline-worker="([^"]+)"', control.group(0)).group(1)
        assert (folder / worker).resolve() == (built_site / "sw.js").resolve(), relative
        checked += 1
    assert checked > 6 * 60


def test_the_worker_is_at_the_sites_root_and_every_language_has_its_list(built_site):
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert '"languages": ["en", "sq", "mk", "sr", "sr-Latn", "bs"]' in worker
    for lang in LANGUAGES:
        listed = json.loads((built_site / ("" if lang == "en" else lang) / "offline.json").read_text(encoding="utf-8"))
        assert f'"version": "{listed["version"]}"' in worker
        assert listed["language"] == lang


def test_the_download_the_control_announces_is_within_a_tenth_of_the_gzip_size(built_site):
    for lang in ("en", "sq", "mk"):
        listed = json.loads((built_site / ("" if lang == "en" else lang) / "offline.json").read_text(encoding="utf-8"))
        packed = 0
        for url, size, _digest in listed["entries"]:
            name = unquote(url) + ("index.html" if url == "" or url.endswith("/") else "")
            content = (built_site / name).read_bytes()
            assert len(content) == size, name
            packed += len(gzip.compress(content, 6))
        assert 0.9 < listed["download"] / packed < 1.1, (lang, listed["download"], packed)
        # Pages of this site compress to about a quarter.
        assert listed["download"] < listed["bytes"] / 2.5


def test_the_security_policy_lets_the_worker_and_the_manifest_load_and_nothing_else(built_site):
    html = (built_site / "sq" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    for text in (policy, headers):
        assert "worker-src 'self'" in text and "manifest-src 'self'" in text
        assert "unsafe-inline" not in text and "unsafe-eval" not in text


# -- a reader's phone ------------------------------------------------------------------------


class SiteServer:
    """The built site under /platform/, as GitHub Pages serves it (files may be
    cached for ten minutes); it can stop and start again on the same port."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.port = 0
        self.server: http.server.ThreadingHTTPServer | None = None
        self.requests: list[str] = []

    def start(self) -> str:
        requests = self.requests

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                requests.append(path)
                inside = path[len(BASE_PATH) - 1:] if path.startswith(BASE_PATH) else "/__outside__"
                return super().translate_path(inside)

            def end_headers(self) -> None:
                self.send_header("Cache-Control", "max-age=600")
                super().end_headers()

            def log_message(self, *args) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:
                pass

        self.server = Server(("127.0.0.1", self.port), functools.partial(Handler, directory=str(self.site)))
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.port}{BASE_PATH}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def _rebuild(project: Path) -> None:
    # English and Albanian only (the preview's switch): the worker, the lists
    # and the pages are made as in a full build.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLATFORM_PREVIEW_LANGUAGE": "sq"}
    result = subprocess.run([*MKDOCS, "build", "--strict"], cwd=project, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def small_project(tmp_path):
    """A copy of the site in English and Albanian, for a test that rebuilds it."""
    project = make_project(tmp_path / "project")
    _rebuild(project)
    return project


@pytest.fixture
def reader(browser):
    """A phone with nothing in its cache; CSP violations and page errors collected."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: page.problems.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    context.close()


def _controlled(page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)


def _kept_on_phone(page, url: str) -> bool:
    return page.evaluate("""async url => {
        for (const name of await caches.keys()) {
            if (await (await caches.open(name)).match(url)) return true;
        }
        return false;
    }""", url)


def _eventually(page, script: str, arg=None, seconds: float = 30) -> None:
    """Until the (asynchronous) script answers true in the page: Playwright's
    wait_for_function takes a promise for a true answer."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"not within {seconds} s: {script}"
        page.wait_for_timeout(250)


def _wait_until_kept(page, url: str) -> None:
    _eventually(page, """async url => {
        for (const name of await caches.keys())
            if (await (await caches.open(name)).match(url)) return true;
        return false;
    }""", url)


def _wait_for_worker(page, version: str) -> None:
    """Until the worker controlling the page is the one of `version`."""
    _eventually(page, """version => new Promise(resolve => {
        const worker = navigator.serviceWorker.controller;
        if (!worker) return resolve(false);
        const heard = event => {
            if (event.data && event.data.type === "version") {
                navigator.serviceWorker.removeEventListener("message", heard);
                resolve(event.data.version === version);
            }
        };
        navigator.serviceWorker.addEventListener("message", heard);
        worker.postMessage({type: "version"});
        setTimeout(() => resolve(false), 1000);
    })""", version, seconds=60)


def _cut(page, server: SiteServer) -> None:
    server.stop()
    page.context.set_offline(True)


def test_a_page_opened_once_opens_again_without_a_network(reader, built_site):
    server = SiteServer(built_site)
    base = server.start()
    try:
        address = base + "sq/practices/forced-return-monitoring/"
        reader.goto(address)
        _controlled(reader)
        _wait_until_kept(reader, address)
        _cut(reader, server)
        reader.goto(address)
        assert reader.locator("h1").first.inner_text() == "Monitorimi i kthimit të detyruar"
        # Styled: the stylesheets came from the phone too (Material's indigo header).
        header = reader.locator(".md-header").evaluate("element => getComputedStyle(element).backgroundColor")
        assert header == "rgb(64, 81, 181)"
        assert reader.problems == []
    finally:
        server.stop()


def test_a_page_neither_kept_nor_opened_says_so_in_the_readers_language(reader, built_site):
    server = SiteServer(built_site)
    base = server.start()
    try:
        reader.goto(base + "sq/")
        _controlled(reader)
        _wait_until_kept(reader, base + "sq/")
        _cut(reader, server)
        response = reader.goto(base + "sq/practices/cultural-mediation/")
        assert response.status == 503
        assert reader.locator("h1").inner_text() == "Nuk ka lidhje"
        assert "Faqet që keni hapur më parë" in reader.locator("article").inner_text()
        home = reader.locator("article a")
        assert home.inner_text() == "Shkoni te faqja kryesore"
        home.click()
        assert reader.locator("h1").first.inner_text() == "Kthimi, ripranimi dhe riintegrimi në Ballkanin Perëndimor"
    finally:
        server.stop()


TEN_PAGES = {
    "sq/practices/family-tracing-and-reunification/": "Gjurmimi i familjes dhe ribashkimi familjar",
    "sq/practices/forced-return-monitoring/": "Monitorimi i kthimit të detyruar",
    "sq/practices/residence-permits-for-victims-of-trafficking/": "Lejet e qëndrimit për viktimat e trafikimit",
    "sq/modules/children-in-return-procedures/": "Fëmijët në procedurat e kthimit",
    "sq/actions/14/": "Veprimi 14: Alternativa të ndalimit administrativ të migrantëve",
    "sq/commitments/3/": "Zotimi 3: Menaxhimi gjithëpërfshirës i kthimit",
    "sq/glossary/": "Fjalorth",
    "sq/coverage/": "Matrica e mbulimit",
    "sq/news/": "Lajme dhe ngjarje",
    "sq/about/": "Rreth platformës",
}


def test_a_kept_language_opens_ten_new_pages_and_searches_offline_then_takes_an_update(reader, small_project):
    site = small_project / "site"
    server = SiteServer(site)
    base = server.start()
    translation = small_project / "docs" / "practices" / "cultural-mediation.sq.md"
    original = translation.read_text(encoding="utf-8")
    assert "Ky paragraf" not in original
    english = small_project / "docs" / "about.md"
    english_text = english.read_text(encoding="utf-8")
    try:
        # An English page read once, before the Albanian pages are kept.
        reader.goto(base + "about/")
        _controlled(reader)
        _wait_until_kept(reader, base + "about/")
        reader.goto(base + "sq/")
        control = reader.locator("[data-offline-save]")
        control.scroll_into_view_if_needed()
        assert control.locator("h2").inner_text() == "Lexoni pa rrjet"
        ask = control.locator("[data-offline-action=ask]")
        assert ask.inner_text() == "Ruajeni këtë gjuhë në telefon"

        # The size first, the Albanian way (decimal comma), nothing downloaded yet.
        asked_before = len(server.requests)
        ask.click()
        status = control.locator(".wb-offline__status")
        reader.wait_for_selector("[data-offline-state=asking]")
        said = status.inner_text()
        announced = re.fullmatch(r"Rreth (\d+,\d) MB për t'u shkarkuar \((\d+) skedarë\); (\d+,\d) MB në telefon\.", said)
        assert announced, said
        assert [path for path in server.requests[asked_before:] if not path.endswith("offline.json")] == []

        # Progress, then what is kept.
        reader.evaluate("""() => { window.offlineStates = [];
            new MutationObserver(() => offlineStates.push(document.querySelector('[data-offline-save]').dataset.offlineState
                + ' ' + document.querySelector('.wb-offline__progress').value))
            .observe(document.querySelector('[data-offline-save]'), {attributes: true, subtree: true, characterData: true, childList: true}); }""")
        control.locator("[data-offline-action=start]").click()
        reader.wait_for_selector("[data-offline-state=kept]", timeout=120000)
        states = reader.evaluate("() => offlineStates")
        assert any(state.startswith("saving") for state in states), states
        assert re.fullmatch(r"Ruajtur në këtë telefon \(\d+,\d MB, përditësuar më \d{1,2} \w+ 20\d\d\): "
                            r"të gjitha faqet dhe kërkimi funksionojnë pa rrjet\.", status.inner_text()), status.inner_text()
        assert control.locator("[data-offline-action=remove]").is_visible()

        # What was announced is what the phone holds: as many files, and the size stored.
        held = reader.evaluate("""async () => {
            const name = (await caches.keys()).find(name => name.startsWith('wb-lang ') && name.endsWith(' sq'));
            const cache = await caches.open(name);
            let files = 0, bytes = 0;
            for (const request of await cache.keys()) {
                if (request.url.includes('/.kept/')) continue;
                files += 1; bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
            }
            return [files, bytes];
        }""")
        assert held[0] == int(announced.group(2))
        assert f"{held[1] / 1e6:.1f}".replace(".", ",") == announced.group(3)

        # The network cut: ten pages never opened, and the search.
        _cut(reader, server)
        for path, title in TEN_PAGES.items():
            response = reader.goto(base + path)
            assert response.status == 200, path
            assert reader.locator("h1").first.inner_text() == title, path
        toggle = reader.locator(".wb-search__toggle")
        if toggle.is_visible():
            toggle.click()
        reader.fill("#wb-search-input", "kthimi")
        reader.press("#wb-search-input", "End")
        reader.wait_for_selector(".wb-search__results li a", timeout=15000)
        first = reader.locator(".wb-search__results li a").first.get_attribute("href")
        assert first.startswith(base + "sq/"), first
        reader.locator(".wb-search__results li a").first.click()
        assert reader.locator("h1").first.inner_text()

        # A rebuild that changes the English page read once and an Albanian
        # page; the reader comes back online.
        translation.write_text(original + "\n\nKy paragraf u shtua pas përditësimit të platformës.\n", encoding="utf-8")
        english.write_text(english_text + "\n\nThis paragraph was added when the platform was updated.\n",
                           encoding="utf-8")
        _rebuild(small_project)
        server.start()
        reader.context.set_offline(False)
        rebuilt = json.loads((site / "sq" / "offline.json").read_text(encoding="utf-8"))["version"]
        reader.goto(base + "about/")  # the next visit may still show the copy, and finds the new worker
        _wait_for_worker(reader, rebuilt)  # a reader's pause between two pages
        reader.goto(base + "about/")  # the visit after the next one: the new text
        assert "This paragraph was added when the platform was updated." in reader.locator("article").inner_text()

        # The kept language is brought up to date, by itself: the change is
        # there, and there without a network.
        _eventually(reader, """async version => {
            const name = (await caches.keys()).find(name => name.startsWith('wb-lang ') && name.endsWith(' sq'));
            const mark = await (await caches.open(name)).match(name.split(' ')[1] + '.kept/sq');
            return Boolean(mark) && (await mark.json()).version === version;
        }""", rebuilt, seconds=120)
        changed = base + "sq/practices/cultural-mediation/"
        reader.goto(changed)
        assert "Ky paragraf u shtua pas përditësimit të platformës." in reader.locator("article").inner_text()
        _cut(reader, server)
        reader.goto(base + "sq/glossary/")
        reader.goto(changed)
        assert "Ky paragraf u shtua pas përditësimit të platformës." in reader.locator("article").inner_text()
        assert reader.problems == []
        # Every request went to this site; nothing to a third party.
        assert all(path.startswith(BASE_PATH) for path in server.requests)
    finally:
        server.stop()


def test_a_kept_language_can_be_removed(reader, built_site):
    server = SiteServer(built_site)
    base = server.start()
    try:
        reader.goto(base + "sq/about/")
        _controlled(reader)
        control = reader.locator("[data-offline-save]")
        control.locator("[data-offline-action=ask]").click()
        control.locator("[data-offline-action=start]").click()
        reader.wait_for_selector("[data-offline-state=kept]", timeout=120000)
        control.locator("[data-offline-action=remove]").click()
        reader.wait_for_selector("[data-offline-state=none]")
        assert control.locator(".wb-offline__status").inner_text() == "U hoq nga ky telefon."
        assert not _kept_on_phone(reader, base + "sq/glossary/")
        assert reader.evaluate("async () => (await caches.keys()).filter(name => name.startsWith('wb-lang ')).length") == 0
    finally:
        server.stop()


def test_manifest_fields_and_icons_in_every_language(browser, site_url):
    expected = {
        "en": ("Western Balkans Return Platform", "WB Return"),
        "sq": ("Platforma e Ballkanit Perëndimor për Kthimin", "Kthimi BP"),
        "mk": ("Платформа на Западен Балкан за враќање", "Враќање ЗБ"),
        "sr": ("Платформа Западног Балкана за повратак", "Повратак ЗБ"),
        "sr-Latn": ("Platforma Zapadnog Balkana za povratak", "Povratak ZB"),
        "bs": ("Platforma Zapadnog Balkana za povratak", "Povratak ZB"),
    }
    page = browser.new_page()
    try:
        for lang, (name, short_name) in expected.items():
            home = site_url + ("" if lang == "en" else f"{lang}/")
            page.goto(home + "practices/alternatives-to-detention/")
            manifest = page.evaluate("""async () => {
                const link = document.querySelector('link[rel=manifest]');
                const data = await (await fetch(link.href)).json();
                const at = url => new URL(url, link.href).href;
                const sizes = [];
                for (const icon of data.icons) {
                    const image = new Image();
                    image.src = at(icon.src);
                    await image.decode();
                    sizes.push([icon.sizes, icon.purpose, image.naturalWidth, image.naturalHeight]);
                }
                return {data, start: at(data.start_url), scope: at(data.scope), sizes};
            }""")
            data = manifest["data"]
            assert (data["name"], data["short_name"], data["lang"]) == (name, short_name, lang)
            assert data["display"] == "standalone"
            assert manifest["start"] == home
            assert manifest["scope"] == site_url
            assert manifest["sizes"] == [["192x192", "any", 192, 192], ["512x512", "any", 512, 512],
                                         ["512x512", "maskable", 512, 512]]
    finally:
        page.close()
