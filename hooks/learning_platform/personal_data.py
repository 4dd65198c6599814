"""The personal-data guard: no e-mail address or phone number on pages about
people on the move.

Practices, modules, news and case studies, and their translations, are about
victims of trafficking, children and people in return procedures. An e-mail
address or a phone number on such a page is personal data (or could be: an
officer's direct line, a caseworker's mailbox), so the build refuses it, in
the text and in the front matter, plainly written or disguised
(`name [at] domain [dot] org`). Institutions that want to be reachable declare
a public contact point under `contacts:`, the one place that may carry one,
shown in a standard block.

The patterns are tuned not to flag what these pages are full of: dates
(2025-01-30, 30.01.2025), year ranges (2023-2025), legal references
(Directive 2008/115/EC, A/RES/73/195, UNSCR 1244/1999, Article 5(1)(f)) and
agenda times (0:15).
"""
from __future__ import annotations

import re
from typing import Iterator

from .errors import ContentError
from .frontmatter import field_at, front_matter_end

WHY = ("pages about victims, children and people in return procedures never carry personal "
       "data, and an e-mail address or phone number may be one")
CONTACT_EXAMPLE = ("declare an institution's public contact in the front matter instead:\n"
                   "    contacts:\n"
                   "      - organisation: Name of the institution\n"
                   "        role: Unit or service\n"
                   "        url: https://www.example.org/contact")

_AT = r"(?:@|＠|\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+)"
EMAIL = re.compile(
    rf"(?<![\w.+-])[A-Za-z0-9][\w.+-]*{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}[A-Za-z]{{2,}}\b",
    re.IGNORECASE,
)
# An international number (+381 ..., 00381 ...) or a national one with its
# trunk 0 (011 123 456, (011) 123-4567, 064/123-45-67): digits in groups, 8 to 15 in all.
PHONE = re.compile(
    r"(?<![\w/.:-])"
    r"(?:\+|00)[1-9]\d{0,2}(?:[\s./-]*\(?\d{1,4}\)?){2,6}"
    r"|(?<![\w/.:(-])\(0\d{1,3}\)[\s./-]*\d{2,4}(?:[\s./-]*\d{2,4}){1,3}"
    r"|(?<![\w/.:-])0\d{1,3}(?:[\s./-]+\d{2,4}){2,4}"
    r"|(?<![\w/.:-])0\d{1,3}[/-]\d{5,8}"
)
_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")


def find_personal_data(text: str) -> Iterator[tuple[int, str, str]]:
    """(position, what was found, "e-mail address" or "phone number") in `text`."""
    for match in EMAIL.finditer(text):
        found = match.group(0)
        if "@" in found or "＠" in found or re.search(r"[\[({<]\s*at|\bat\b.*\bdot\b", found, re.I):
            yield match.start(), found, "e-mail address"
    for match in PHONE.finditer(text):
        found = match.group(0).strip()
        digits = re.sub(r"\D", "", found)
        if not 8 <= len(digits) <= 15 or _DATE.match(found):
            continue
        yield match.start(), found, "phone number"


def scan_personal_data(path: str, text: str) -> list[ContentError]:
    """Every e-mail address and phone number of a page, outside its `contacts:` block."""
    text = text.replace("\r\n", "\n")
    masked = _mask_contacts(text)
    errors = []
    front_end = front_matter_end(text)
    for position, found, what in sorted(find_personal_data(masked)):
        line = text.count("\n", 0, position) + 1
        field = field_at(text, line) if line <= front_end else "text"
        errors.append(ContentError(
            path, line, field, found,
            f"this looks like an {what}: {WHY}. Remove it", CONTACT_EXAMPLE,
        ))
    return errors


def _mask_contacts(text: str) -> str:
    """Blank the front matter's `contacts:` block, keeping line numbers."""
    end = front_matter_end(text)
    if not end:
        return text
    lines = text.split("\n")
    inside = False
    for index in range(1, end - 1):
        line = lines[index]
        if re.match(r"^contacts\s*:", line):
            inside = True
            continue
        if inside and re.match(r"^[A-Za-z_][\w-]*\s*:", line):
            inside = False
        if inside:
            lines[index] = ""
    return "\n".join(lines)
