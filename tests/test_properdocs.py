"""The road past Material's end of life, kept open: the same site built by
ProperDocs 1.6.7 (the maintained fork of MkDocs 1.x) in an environment where
MkDocs is not installed, every file byte for byte as the MkDocs build writes it.

`make test` makes the environment (`.venv-properdocs`, from
requirements-properdocs.txt, installed with --no-deps); README, "The engine",
says why.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, require_slow_marker

PROPERDOCS_PYTHON = REPO / ".venv-properdocs" / "bin" / "python"
MISSING = ("ProperDocs' environment is missing: `make test` makes it "
           "(.venv-properdocs, from requirements-properdocs.txt)")

# mkdocs-static-i18n looks for the lunr languages of MkDocs' search plugin in
# the installed `mkdocs` distribution; without it, it uses its own list. The
# site does not use that search plugin, so this warning changes nothing.
KNOWN_WARNINGS = ("WARNING -  mkdocs_static_i18n: Unable to detect lunr languages from mkdocs distribution",)


def _run(*args: str, cwd: Path = REPO, timeout: int = 60) -> subprocess.CompletedProcess:
    require_slow_marker("runs ProperDocs")
    assert PROPERDOCS_PYTHON.exists(), MISSING
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(PROPERDOCS_PYTHON), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def _pins(lock_file: str) -> dict[str, str]:
    text = (REPO / lock_file).read_text(encoding="utf-8")
    return {name: version for name, version in re.findall(r"(?m)^([A-Za-z0-9_.-]+)==([^\s\\]+)", text)}


@pytest.mark.slow
def test_mkdocs_is_not_importable_in_properdocs_environment() -> None:
    result = _run("-c", "import mkdocs")
    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'mkdocs'" in result.stderr
    installed = _run("-c", "import importlib.metadata as m; print(sorted(d.metadata['Name'].lower() for d in m.distributions()))")
    assert "'properdocs'" in installed.stdout
    assert "'mkdocs'" not in installed.stdout
    assert "'mkdocs-get-deps'" not in installed.stdout


@pytest.mark.slow
def test_properdocs_environment_runs_properdocs_1_6_7_with_the_site_s_theme_and_plugin() -> None:
    result = _run("-c", "import importlib.metadata as m; "
                  "print(m.version('properdocs'), m.version('mkdocs-material'), m.version('mkdocs-static-i18n'))")
    assert result.stdout.split() == ["1.6.7", "9.8.2", "1.3.1"]


def test_properdocs_lock_pins_every_shared_package_at_the_mkdocs_build_s_version() -> None:
    """A security release of Material (or any shared library) taken into
    requirements.txt reaches the ProperDocs road in the same change."""
    site, properdocs = _pins("requirements.txt"), _pins("requirements-properdocs.txt")
    assert properdocs["properdocs"] == "1.6.7"
    assert "mkdocs" not in properdocs and "mkdocs-get-deps" not in properdocs
    for package in ("mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "markdown", "jinja2", "pyyaml",
                    "babel", "feedgen", "zxing-cpp"):
        assert package in properdocs, package
    different = {name: (site[name], version) for name, version in properdocs.items()
                 if name in site and site[name] != version}
    assert different == {}


def test_properdocs_environment_has_every_package_the_site_names_but_mkdocs() -> None:
    """A library the site starts to need (requirements.in) is needed on the ProperDocs road too."""
    named = {re.split(r"[=<>\[ ]", line.strip(), maxsplit=1)[0].lower().replace("_", "-")
             for line in (REPO / "requirements.in").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")}
    assert "mkdocs-material" in named and "mkdocs" in named
    missing = sorted(named - {"mkdocs"} - set(_pins("requirements-properdocs.txt")))
    assert missing == [], f"requirements-properdocs.in lacks {missing}: add each at requirements.in's version, then make lock"


def test_properdocs_builds_every_file_the_mkdocs_build_writes_byte_for_byte(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = _run("-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site), timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line and line.strip() not in KNOWN_WARNINGS]
    assert warnings == []
    mkdocs_files, properdocs_files = _tree(built_site), _tree(site)
    assert len(mkdocs_files) > 2000  # the whole site: six languages of pages, indexes, feeds, sitemaps, assets
    only_mkdocs = sorted(set(mkdocs_files) - set(properdocs_files))
    only_properdocs = sorted(set(properdocs_files) - set(mkdocs_files))
    different = sorted(name for name in mkdocs_files.keys() & properdocs_files.keys()
                       if mkdocs_files[name] != properdocs_files[name])
    assert only_mkdocs == []
    assert only_properdocs == []
    assert different == []


def test_a_phone_reader_keeps_the_menu_the_languages_and_the_search_without_material_s_bundle(site_url, browser) -> None:
    """Material's JavaScript bundle gets no fixes after 5 May 2027. If a flaw
    in it cannot wait for our patch, the site can leave it out: the reader
    on a phone still opens the menu and the language menu and finds pages."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    bundle_requests: list[str] = []

    def refuse_the_bundle(route) -> None:
        bundle_requests.append(route.request.url)
        route.abort()

    page.route(re.compile(r".*/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), refuse_the_bundle)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site_url + "bs/practices/")
        assert bundle_requests, "the page no longer loads Material's bundle: this test checks nothing"
        drawer = page.locator(".md-sidebar--primary").first
        closed = drawer.bounding_box()
        assert closed["x"] + closed["width"] <= 0  # off the screen, to the left
        page.click("header label[for=__drawer]")
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().x >= 0")
        assert drawer.get_by_role("link", name="Prakse").first.is_visible()

        page.goto(site_url + "bs/")
        page.click(".md-select .md-header__button")
        languages = page.locator(".md-select__inner a[hreflang]")
        assert sorted(languages.evaluate_all("links => links.map(a => a.hreflang)")) == [
            "bs", "en", "mk", "sq", "sr", "sr-Latn"]
        assert languages.first.is_visible()

        page.click(".wb-search__toggle")
        page.fill("#wb-search-input", "povratak")
        page.keyboard.press("End")
        page.wait_for_selector("#wb-search-results li a[href*='/bs/']")
        assert page.locator("#wb-search-results li").count() >= 3
        assert errors == []
    finally:
        context.close()
