"""Problems only the build finds, read from its log, for the pull request.

The content check runs before the build and catches what the build would
refuse in the content (the build calls the same function). What is left are
MkDocs' own warnings, which it prints once per language and without a line
number ("Doc file 'x.md' contains a link ...", then "Aborted with 6 warnings
in strict mode!"). `build_problems` turns a build's log into one problem per
file and message, with the line where the link stands, so that the workflow
can show them as annotations and in the run's summary like the check's own.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError

_MKDOCS = re.compile(r"^(?:INFO|WARNING|ERROR)\s+-\s+(?P<message>.*)$")
_DOC_FILE = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:an? )?(?P<what>.*?)'(?P<target>[^']*)'(?P<rest>.*)$")
_OWN = re.compile(r"^\s+- docs/(?P<file>[^,]+?)(?:, line (?P<line>\d+))?, field '(?P<field>[^']+)': (?P<problem>.*) "
                  r"\(found: (?P<value>.*)\)$")


def build_problems(log: str, docs_dir: Path) -> list[ContentError]:
    """One problem per file and message of a build's log (not one per language)."""
    found: dict[tuple, ContentError] = {}
    lines = log.replace("\r\n", "\n").split("\n")
    for index, raw in enumerate(lines):
        own = _OWN.match(raw)
        if own:
            advice = example = None
            for follow in lines[index + 1:index + 3]:
                if follow.startswith("    To fix: "):
                    advice = follow[len("    To fix: "):]
                elif follow.startswith("    Paste: "):
                    example = follow[len("    Paste: "):]
            error = ContentError(own.group("file"), int(own.group("line")) if own.group("line") else None,
                                 own.group("field"), own.group("value"), own.group("problem"), example, advice)
            found.setdefault((error.file, error.line, error.problem), error)
            continue
        match = _MKDOCS.match(raw.strip())
        if not match or raw.lstrip().startswith("INFO"):
            continue
        message = match.group("message").strip()
        if message.startswith(("Aborted with", "The site was not built:")):
            continue  # the count, and the heading of the content errors read above
        doc = _DOC_FILE.search(message)
        if doc:
            file = _source_file(doc.group("file"), docs_dir)
            target = doc.group("target")
            line = _line_of(docs_dir / file, target.split("#")[0] or target)
            said = message.replace(f"'{doc.group('file')}'", f"'{file}'", 1)
            error = ContentError(file, line, "link", target, _plain(said),
                                 advice="correct the link; the content check names the file it should point to")
        else:
            error = ContentError("(build)", None, "build", "", _plain(message),
                                 advice="a maintainer looks at the build's log; say so in the pull request")
        found.setdefault((error.file, error.line, error.problem), error)
    return list(found.values())


def _source_file(file: str, docs_dir: Path) -> str:
    """The file a contributor wrote: MkDocs names an English copy of a page in every language."""
    return file if (docs_dir / file).exists() else re.sub(r"^(?:sq|mk|sr|sr-Latn|bs)/", "", file)


def _line_of(path: Path, needle: str) -> int | None:
    if not needle or not path.exists():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
        if needle in line:
            return number
    return None


def _plain(message: str) -> str:
    return message.replace("Doc file ", "the file ", 1)
