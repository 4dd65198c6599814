"""The fast build (the languages after English in two processes) writes the
same files as the ordinary build, byte for byte."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_fast_build_writes_the_same_files_as_the_ordinary_build(built_site: Path, tmp_path: Path) -> None:
    fast = tmp_path / "fast"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "scripts/build.py", "--workers", "2", "--site-dir", str(fast)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    ordinary, parallel = _tree(built_site), _tree(fast)
    assert sorted(parallel) == sorted(ordinary)
    different = [name for name in ordinary if ordinary[name] != parallel[name]]
    assert different == [], different[:10]
    assert not filecmp.dircmp(built_site, fast).diff_files


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
