"""The fast build (the work after the English pages are read, in two
processes) writes the same files as the ordinary build, byte for byte; the
preview rebuilds what a contributor saves."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow  # every test here builds the site, some twice


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def _fast_build(site_dir: Path, workers: int = 2, **environment: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}
    result = subprocess.run([sys.executable, "scripts/build.py", "--workers", str(workers), "--site-dir", str(site_dir)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr


def _differences(ordinary_site: Path, fast_site: Path) -> list[str]:
    """Every file that is only in one of the two sites or whose bytes differ."""
    ordinary, fast = _tree(ordinary_site), _tree(fast_site)
    only = sorted(set(ordinary) ^ set(fast))
    return only + [name for name in sorted(set(ordinary) & set(fast)) if ordinary[name] != fast[name]]


@pytest.mark.parametrize("run", [1, 2, 3])
def test_every_fast_build_writes_the_same_files_as_the_ordinary_build(built_site: Path, tmp_path: Path,
                                                                      run: int) -> None:
    # Three runs: a race between the two processes shows in some runs only.
    fast = tmp_path / "fast"
    _fast_build(fast)
    assert _differences(built_site, fast) == []
    assert not filecmp.dircmp(built_site, fast).diff_files


def test_a_fast_build_in_three_processes_writes_the_same_files(built_site: Path, tmp_path: Path) -> None:
    # The parent and two children, each child held back in turn would be the same
    # code as with one: held back here, both children write after the parent.
    fast = tmp_path / "fast"
    _fast_build(fast, workers=3, PLATFORM_TEST_DELAY="child:5")
    assert _differences(built_site, fast) == []


@pytest.mark.parametrize("held_back", ["parent", "child"])
def test_the_fast_build_writes_the_same_files_whichever_process_writes_last(built_site: Path, tmp_path: Path,
                                                                            held_back: str) -> None:
    """One process held back (PLATFORM_TEST_DELAY, test-only) once its English
    pages are done, so that the other writes its languages first. Held back,
    the parent used to read back the Serbian 404 page as the English one."""
    fast = tmp_path / "fast"
    _fast_build(fast, PLATFORM_TEST_DELAY=f"{held_back}:8")
    assert _differences(built_site, fast) == []


def test_the_root_404_page_is_the_english_one(built_site: Path) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert "<h1>404 - Not found</h1>" in page
    # Only the root has one: a reader of any language who follows a broken link gets it.
    assert sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("404.html")) == ["404.html"]


def test_the_fast_build_stops_when_a_language_fails(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "project")
    # A Bosnian page with a link to a page that does not exist: only the second
    # process builds Bosnian, and the strict build must still fail.
    page = project / "docs/about.bs.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, str(REPO / "scripts/build.py"), "--workers", "2"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr


def _shows(page, text: str) -> None:
    """Wait until the page, reloaded by the preview, shows `text` (the body is null while it reloads)."""
    page.wait_for_function("t => document.body && document.body.innerText.includes(t)", arg=text,
                           timeout=60_000, polling=100)


def test_the_preview_shows_a_saved_change_in_the_language_being_edited(tmp_path: Path, browser) -> None:
    """`make preview LANG_CODE=sq`: English and Albanian only, a saved page
    rebuilt and reloaded in the browser, the other languages left out; a
    broken front matter reported with its file, line, field and what to write."""
    import socket
    import time
    import urllib.error
    import urllib.request

    from conftest import make_project

    project = make_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    messages = (tmp_path / "preview.log").open("w+", encoding="utf-8")  # a pipe nobody reads would stall it
    server = subprocess.Popen([sys.executable, str(REPO / "scripts/preview.py"), "sq", "--address", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=messages, text=True)
    base = f"http://127.0.0.1:{port}/platform/"
    address = base + "sq/practices/best-interests-procedures-for-children/"
    try:
        deadline = time.time() + 300
        while True:
            try:
                urllib.request.urlopen(address, timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, (tmp_path / "preview.log").read_text(encoding="utf-8")
                assert time.time() < deadline, "the preview did not start"
                time.sleep(1)
        with pytest.raises(urllib.error.HTTPError):  # Macedonian is not built in an Albanian preview
            urllib.request.urlopen(base + "mk/practices/best-interests-procedures-for-children/")
        page = browser.new_page()
        page.goto(address)
        assert "Content-Security-Policy" not in page.content()  # livereload's own script must run
        time.sleep(1)
        source = project / "docs/practices/best-interests-procedures-for-children.sq.md"
        source.write_text(source.read_text(encoding="utf-8") + "\nShënim i ri nga testi i parashikimit.\n",
                          encoding="utf-8")
        _shows(page, "Shënim i ri nga testi i parashikimit")
        # A broken front matter: the preview names the file, line and field, and what to write.
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("translation: machine", "translation: bogus", 1), encoding="utf-8")
        report = ("docs/practices/best-interests-procedures-for-children.sq.md, line 4, field 'translation': "
                  "must be one of: machine, reviewed")
        deadline = time.time() + 60
        while report not in (tmp_path / "preview.log").read_text(encoding="utf-8"):
            assert time.time() < deadline, (tmp_path / "preview.log").read_text(encoding="utf-8")[-3000:]
            time.sleep(0.5)
        assert "(found: bogus)" in (tmp_path / "preview.log").read_text(encoding="utf-8")
        assert "To fix: write one of those words after translation:" in (tmp_path / "preview.log").read_text(
            encoding="utf-8")
        # Mended, with a new line: the page shows it, in English and Albanian alike.
        source.write_text(text + "Rreshti pas ndreqjes.\n", encoding="utf-8")
        _shows(page, "Rreshti pas ndreqjes")
        english = project / "docs/practices/best-interests-procedures-for-children.md"
        english.write_text(english.read_text(encoding="utf-8") + "\nA line the preview test added.\n", encoding="utf-8")
        page.goto(base + "practices/best-interests-procedures-for-children/")
        _shows(page, "A line the preview test added")
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        messages.close()


def test_the_fast_build_stops_on_a_language_error_with_the_ordinary_builds_report(tmp_path: Path) -> None:
    """The fast build checks the language of the pages in another process while
    it reads the English pages (hooks/language_workers.py); a rule broken on a
    translated page still stops it, with the report the ordinary build gives."""
    from conftest import make_project

    project = make_project(tmp_path / "project")
    page = project / "docs/about.sr.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nОвде се говори о законитим путевима.\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    reports = []
    for command in ([sys.executable, "-m", "mkdocs", "build", "--strict"],
                    [sys.executable, str(REPO / "scripts/build.py"), "--workers", "2"]):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode != 0
        start = result.stderr.index("The site was not built")
        reports.append(result.stderr[start:result.stderr.index("Paste: регуларни путеви", start)])
    assert reports[0] == reports[1]
    assert f"docs/about.sr.md, line {line}, field 'phrase'" in reports[1]
    assert "(found: законитим путевима)" in reports[1]
