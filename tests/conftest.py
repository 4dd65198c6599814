"""Shared fixtures: the repository's paths, copies of the docs tree, real builds."""
from __future__ import annotations

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
LANGUAGES = ("en", "sq", "mk", "sr", "sr-Latn", "bs")


def build(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build` on a project folder as a contributor would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
