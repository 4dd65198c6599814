"""Front matter: the YAML block between two `---` lines at the top of a page."""
from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import ContentError

try:  # the C loader is several times faster on a thousand pages
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):
    """Safe YAML that leaves dates as text, so validation can explain a bad one
    (YAML itself stops with "day is out of range for month", naming no field)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

# The same block MkDocs recognises (mkdocs.utils.meta), so both agree on where it ends.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line number where the body starts) of a page's text."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text, 1
    try:
        data = yaml.load(match.group(1), Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(
            path, line, "front matter", _line(match.group(1), mark),
            f"this is not valid YAML ({problem}); a common cause is a colon inside a value, "
            "which needs quotes",
            'title: "Return counselling: first steps"',
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            path, 2, "front matter", data,
            "the front matter must be a list of `field: value` lines",
            "title: Individual return counselling",
        )
    body_line = text[: match.end()].count("\n") + 1
    return data, text[match.end():], body_line


def _line(block: str, mark: Any) -> str:
    if mark is None:
        return block.strip()[:80]
    lines = block.splitlines()
    return lines[mark.line].strip() if mark.line < len(lines) else ""


def field_line(text: str, field: str, value: Any = None) -> int | None:
    """The line number of `field:` in the front matter, or of `value` after it."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = None
    for number, line in enumerate(lines, start=1):
        if number > 1 and line.strip() in ("---", "..."):
            break
        if start is None and re.match(rf"^{re.escape(field)}\s*:", line):
            start = number
            if value is None:
                return start
        if start is not None and value is not None and str(value) in line and number >= start:
            if number == start or not re.match(r"^[A-Za-z_][\w-]*\s*:", line):
                return number
    return start


def front_matter_end(text: str) -> int:
    """The line number of the front matter's closing `---` (0 when the file has none)."""
    if not text.startswith("---"):
        return 0
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() in ("---", "..."):
            return number
    return 0


def field_at(text: str, line: int) -> str:
    """The front-matter field that line `line` belongs to (a nested line names its top field's key above it)."""
    lines = text.split("\n")
    for number in range(line, 1, -1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", lines[number - 1])
        if match:
            return match.group(1)
    return "front matter"
