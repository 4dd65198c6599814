"""Heading anchors that survive a change of script.

Python-Markdown's default slug drops every letter it cannot write in ASCII:
a Cyrillic heading became `#_1`, and the same heading on the Serbian Latin page
got another anchor, so switching script lost the section. Here the heading is
folded first (Cyrillic written in Latin, diacritics dropped, đ as dj), so
"Повратак" and "Povratak" both become `povratak`."""
from __future__ import annotations

import re

from .folding import fold


def heading_slug(value: str, separator: str = "-") -> str:
    """The anchor of a heading, from its text (Python-Markdown's `slugify` signature)."""
    text = fold(value)
    text = re.sub(r"[^\w\s-]", "", text, flags=re.ASCII).strip()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, text)


FILE_SLUG_LENGTH = 80


def file_slug(title: str) -> str:
    """The file name (without .md) a page with this title gets: Cyrillic written
    in Latin, no diacritics (porodične -> porodicne), words joined by hyphens.

    `scripts/new.py` names new pages with it, and the content check suggests
    the same name for a file named otherwise, so the two never disagree.
    Empty when the title has no letter or digit to make a name from."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return re.sub(r"-{2,}", "-", slug)[:FILE_SLUG_LENGTH].strip("-")
