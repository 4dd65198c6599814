"""Shared fixtures: the repository's paths, copies of the docs tree, real builds."""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

MKDOCS = [sys.executable, "-m", "mkdocs"]

# Every build in the suite, in this process or another, is dated 4 December 2026
# (SOURCE_DATE_EPOCH, read by learning_platform.review.build_date): what a page
# says about review dates does not depend on the day the suite runs, and two
# builds compared file by file agree even when the suite runs past midnight.
# A test that needs another day passes build(..., today="YYYY-MM-DD").
SUITE_BUILD_DAY = "2026-12-04"


def source_date_epoch(day: str) -> str:
    """SOURCE_DATE_EPOCH for midnight UTC of an ISO day."""
    return str(int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp()))


os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(SUITE_BUILD_DAY))

LANGUAGES = ("en", "sq", "mk", "sr", "sr-Latn", "bs")


def prefix(lang: str) -> str:
    """A language's folder in the built site and its addresses: '' for English, 'sq/' for Albanian."""
    return "" if lang == "en" else f"{lang}/"


def language_pages(site: Path, lang: str) -> list[Path]:
    """Every page of one language in a built site (its index.html files; English without the other languages' folders)."""
    root = site / prefix(lang)
    return [path for path in sorted(root.rglob("index.html")) if lang != "en" or path.relative_to(root).parts[0] not in LANGUAGES]


# -- quick and slow tests --------------------------------------------------------------
#
# `pytest -m "not slow"` runs the quick tests alone (the domain, the scripts, the
# content; a few minutes); `make test`, CI and a plain `pytest` run every test.
# Slow: whatever builds a site (here, in a fixture or through scripts/build.py),
# drives a browser, or runs ProperDocs. A test using one of these fixtures is
# marked slow without saying so; a test that builds by itself carries
# @pytest.mark.slow, and build() below refuses to run in a test that does not.

SLOW_FIXTURES = frozenset({
    "project",      # a buildable copy of the site: the tests that take one build it
    "built_site",   # the real site, built once per session
    "site_url",     # the built site served to a browser
    "browser",      # Chromium (phone and the other page fixtures use it)
    "demo_site",    # test_generated_pages.py: a site built with demonstration pages
    "dated_site",   # test_trainers.py: a site built on a fixed day with pages of known dates
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


_running: list[pytest.Item] = []  # the test being run, for build()'s check


@pytest.fixture(autouse=True)
def _the_running_test(request: pytest.FixtureRequest):
    _running.append(request.node)
    yield
    _running.pop()


def require_slow_marker(what: str) -> None:
    """Fail a test that builds a site without being marked slow: the quick run must stay quick."""
    if _running and _running[-1].get_closest_marker("slow") is None:
        pytest.fail(f"{_running[-1].nodeid} {what}: mark it @pytest.mark.slow (see tests/conftest.py)", pytrace=False)


def build(project: Path, *args: str, today: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` on a project folder as a contributor would; `today` (ISO) fixes the build's date."""
    require_slow_marker("builds a site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if today:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch(today)
    return subprocess.run(
        [*MKDOCS, "build", "--strict", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )


def make_project(root: Path, docs: Path | None = None) -> Path:
    """A buildable copy of the site: own docs/, the repository's hooks and theme."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(docs or REPO / "docs", root / "docs")
    for shared in ("hooks", "overrides", "data"):
        (root / shared).symlink_to(REPO / shared)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh buildable copy of the site whose docs a test may change."""
    return make_project(tmp_path / "project")


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A copy of the real docs tree, for load_library tests that change files."""
    target = tmp_path / "docs"
    shutil.copytree(REPO / "docs", target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict, all languages."""
    root = tmp_path_factory.mktemp("site")
    result = build(REPO, "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


# -- a real browser: Debian's chromium driven by Playwright -------------------------------

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that moves on mid-response (a cancelled snippet fetch) is not an error


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test`, which installs it"
    from playwright import sync_api as playwright_api

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
