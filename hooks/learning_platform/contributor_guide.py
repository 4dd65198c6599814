"""The allowed values of the front matter as plain tables in words, for the
contributors' guide (CONTRIBUTING.md) and the site's "How to contribute" page
in every language.

The tables are written from `data/vocabulary.yml` (and the actions from their
pages), between two markers in each guide, so they cannot drift from what the
check accepts: `scripts/contributing.py` writes them, and a test fails while a
guide's tables differ from the vocabulary.

    <!-- allowed values: partners -->

    | Write | For |
    ...

    <!-- end of allowed values -->
"""
from __future__ import annotations

import re
from typing import Mapping

from .vocabulary import Vocabulary

TABLES = ("kinds", "partners", "target_groups", "audiences", "stages", "gcm_objectives", "actions")
# Blank lines around the table: Markdown ends an HTML comment's block at a blank line.
_BLOCK = re.compile(r"(<!-- allowed values: (?P<name>[a-z_]+) -->\n)(?P<table>.*?)(<!-- end of allowed values -->)",
                    re.DOTALL)
HEADERS = {
    "en": ("Write", "For"),
    "sq": ("Shkruani", "Kuptimi"),
    "mk": ("Напишете", "Значење"),
    "sr": ("Напишите", "Значење"),
    "bs": ("Napišite", "Značenje"),
}


def table(vocabulary: Vocabulary, name: str, lang: str, actions: Mapping[int, str] | None = None) -> str:
    """The Markdown table of one vocabulary (or of the actions) in `lang`."""
    write, meaning = HEADERS.get(lang, HEADERS["en"])
    rows = [f"| {write} | {meaning} |", "|---|---|"]
    if name == "actions":
        for number, title in sorted((actions or {}).items()):
            rows.append(f"| `{number}` | {_cell(title)} |")
    else:
        for code, entry in getattr(vocabulary, name).items():
            label = vocabulary.label(name, code, lang)
            description = entry.get("description", {}) if isinstance(entry, dict) else {}
            text = label
            if isinstance(description, dict) and description:
                said = description.get(lang) or description.get("en")
                text = f"{label}: {said[:1].lower()}{said[1:]}"
            rows.append(f"| `{code}` | {_cell(text)} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def refresh(text: str, vocabulary: Vocabulary, lang: str, actions: Mapping[int, str] | None = None) -> str:
    """`text` with every marked table written anew from the vocabulary."""
    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name not in TABLES:
            raise ValueError(f"unknown table '{name}' in a guide; known: {', '.join(TABLES)}")
        return match.group(1) + "\n" + table(vocabulary, name, lang, actions) + "\n" + match.group(4)

    return _BLOCK.sub(replace, text)


def tables_in(text: str) -> list[str]:
    """The names of the tables a guide carries, in order."""
    return [match.group("name") for match in _BLOCK.finditer(text)]
