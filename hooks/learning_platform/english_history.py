"""What changed in an English page since a translation was made, from git's history.

A translation records the fingerprint of the English text it follows
(`source_fingerprint`). When the English page changes, the site marks the
translation out of date; the translator then needs to see what changed. The
content check (`scripts/check.py`, never the build: the build reads no git)
walks back through the English file's commits, finds the version whose
fingerprint the translation names, and shows the difference to today's text.

A shallow clone (CI's default) may not reach that version: the check says so
and how to fetch more (the workflow fetches the whole history).
"""
from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .frontmatter import split_front_matter
from .model import fingerprint

MAX_COMMITS = 500


@dataclass(frozen=True)
class EnglishChange:
    found: bool
    text: str  # the difference, or why there is none to show


def english_change(repo: Path, english_file: Path, wanted: str, current_text: str) -> EnglishChange:
    """The English page's change since the version with fingerprint `wanted`."""
    top = _git(repo, "rev-parse", "--show-toplevel")
    relative = _relative(repo, english_file)
    if relative is None or top is None:
        return EnglishChange(False, "the English page is not in a git repository, so what changed cannot be shown")
    repo = Path(top.strip())  # paths below are the repository's, whatever folder the check runs from
    commits = _git(repo, "log", f"--max-count={MAX_COMMITS}", "--format=%H %cs", "--", relative)
    if commits is None:
        return EnglishChange(False, "git is not available here, so what changed in the English page cannot be shown")
    for entry in commits.split("\n"):
        if not entry.strip():
            continue
        commit, date = entry.split(" ", 1)
        old = _git(repo, "show", f"{commit}:{relative}")
        if old is None or _fingerprint(relative, old) != wanted:
            continue
        diff = _diff(old, current_text, f"English page as translated ({date}, commit {commit[:7]})",
                     "English page today")
        return EnglishChange(True, diff or "only the front matter's structured fields changed")
    shallow = (_git(repo, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    count = len([entry for entry in commits.split("\n") if entry.strip()])
    if shallow:
        return EnglishChange(False, (
            f"the history fetched here ({count} commit{'s' if count != 1 else ''} of the English page) does not "
            "reach the version this translation was made from: run git fetch --unshallow, or fetch the whole "
            "history in the workflow (actions/checkout with fetch-depth: 0)"))
    return EnglishChange(False, (
        f"none of the {count} committed versions of the English page has the fingerprint this translation "
        "names (it may have been typed by hand): compare the translation with the English page as a whole"))


def with_english_changes(notices: list[ContentError], repo: Path, docs_dir: Path) -> list[ContentError]:
    """The outdated-translation notices, each with what changed in its English page."""
    out = []
    for notice in notices:
        if notice.field != "source_fingerprint" or not isinstance(notice.value, str):
            out.append(notice)
            continue
        stem, _lang, _md = notice.file.rsplit(".", 2)
        english_file = docs_dir / f"{stem}.md"
        current = english_file.read_text(encoding="utf-8", errors="replace") if english_file.exists() else ""
        change = english_change(repo, english_file, notice.value, current)
        out.append(ContentError(notice.file, notice.line, notice.field, notice.value, notice.problem,
                                notice.example, notice.advice, change.text))
    return out


def _fingerprint(path: str, text: str) -> str | None:
    try:
        front, body, _ = split_front_matter(path, text)
    except ContentError:
        return None
    return fingerprint(front.get("title"), front.get("summary"), body, front)


def _diff(old: str, new: str, old_label: str, new_label: str) -> str:
    lines = difflib.unified_diff(old.replace("\r\n", "\n").split("\n"), new.replace("\r\n", "\n").split("\n"),
                                 old_label, new_label, lineterm="", n=1)
    return "\n".join(lines)


def _relative(repo: Path, path: Path) -> str | None:
    top = _git(repo, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    try:
        return path.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    except ValueError:
        return None


def _git(repo: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=60,
                              encoding="utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
