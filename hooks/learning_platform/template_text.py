"""The example text of the templates, so that a page still carrying it is refused.

A contributor copies `templates/practice.md` (or lets `scripts/new.py` do it)
and fills it in. A page that still has the template's title, summary, source
or instructions ("Say in two or three short paragraphs ...") is half done; the
check names each such field and line. The placeholders are read from the
templates themselves, so a change to a template changes the rule with it.

Example addresses (example.org and the other names reserved for examples,
RFC 2606) are refused wherever a page gives an address: they lead nowhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
TEMPLATE_KINDS = {"practice": "practice.md", "module": "module.md", "news": "news.md"}
# Front matter fields a page writes in its own words (codes and numbers may
# well keep the template's value: `kind: method` is a real choice).
# An agenda's "Break" or "Plenary" and a material's "Printed handout" are real
# choices a module may keep.
OWN_WORDS = ("title", "summary", "objectives", "sources")
_RESERVED_HOST = re.compile(r"(?:^|\.)(?:example\.(?:org|com|net|edu)|example|test|invalid|localhost)$", re.I)


@dataclass(frozen=True)
class Placeholders:
    values: frozenset[str]  # front matter texts of every template
    lines: frozenset[str]  # the instruction lines of the templates' text


@lru_cache(maxsize=1)
def placeholders(templates: Path = TEMPLATES) -> Placeholders:
    values: set[str] = set()
    lines: set[str] = set()
    for name in TEMPLATE_KINDS.values():
        path = templates / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        parts = text.split("\n---\n", 1)
        front = yaml.safe_load(parts[0].removeprefix("---\n")) or {}
        for field in OWN_WORDS:
            values |= set(_texts(front.get(field)))
        body = parts[1] if len(parts) > 1 else ""
        for line in body.split("\n"):
            stripped = line.strip()
            if stripped and not stripped.startswith(("#", "<!--", "|", "---", "!!!", "???")) and len(_words(stripped)) >= 4:
                lines.add(_normal(stripped))
    return Placeholders(frozenset(_normal(value) for value in values if len(value) > 3), frozenset(lines))


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in ("minutes",) for text in _texts(item)]
    return []


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


_WORD = re.compile(r"\w+")


def _normal(text: str) -> str:
    return " ".join(_words(text.lower()))


def is_placeholder(value: str) -> bool:
    """True for a front matter text that is still the template's own."""
    return isinstance(value, str) and _normal(value) in placeholders().values


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(line.split(" ", 1)[0] for line in placeholders().lines)


def placeholder_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of the page's text still holding a template instruction."""
    known = placeholders().lines
    first_words = _first_words()
    found = []
    in_front = text.startswith("---")
    for number, line in enumerate(text.split("\n"), start=1):
        if number > 1 and in_front and line.strip() in ("---", "..."):
            in_front = False
            continue
        if in_front:
            continue
        stripped = line.strip()
        first = _WORD.search(stripped)
        if first and first.group(0).lower() in first_words and _normal(stripped) in known:
            found.append((number, stripped))
    return found


def example_address(url: str) -> bool:
    """True for an address on a host reserved for examples (example.org, *.test, localhost)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return False
    return bool(_RESERVED_HOST.search(host))
