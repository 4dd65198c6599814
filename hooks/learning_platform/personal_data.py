"""The personal-data guard: no e-mail address and no phone number anywhere on the site.

The site is about victims of trafficking, children and people in return
procedures. An e-mail address or a phone number on it is personal data, or
could be (an officer's direct line, a caseworker's mailbox), so the check and
the build refuse it in every file under docs/: a page's text and its front
matter (`contacts:` included: an institution is reached through its web
address), its translations, and the text assets. Plainly written or in the
ways people write addresses in running text to dodge robots, in the
languages of the site: `ana [at] mup [dot] gov [dot] rs`, `ana (na) mup
(tačka) rs`, `ана на мвр точка рс`, `ana et mpb pika al`; phone numbers as
the region writes them: `+389 70 123 456`, `070/123-456`, `061 123 456`,
`+381 (0)11 123 4567`, `064-123-45-67`.

The patterns are tuned not to flag what these pages are full of: dates
(16.11.2022, 2025-01-30), year ranges (2023-2025), legal references
(Official Gazette 12/2019, OJ L 334/46, Decision 2007/820/EC, Article 3(1),
A/RES/73/195, decision no. 01-02-123/2019), agenda times (09:00-10:30) and
ISBNs. The tests list both sides, in every language.
"""
from __future__ import annotations

import re
from typing import Iterator

from .errors import ContentError
from .frontmatter import field_at, front_matter_end

WHY = ("the site is about victims, children and people in return procedures and never carries personal "
       "data: an e-mail address or a phone number may be one")
ADVICE = ("delete it. To let readers reach an institution, name the institution in the text and, on a "
          "practice, add it under contacts: with organisation, role and the web address of its public page")
IN_CONTACTS_ADVICE = ("delete it: a contact is reached through the web address under url, the institution's "
                      "public page")

# Words people write for "@" and "." in the site's languages (English, Albanian,
# Macedonian, Serbian in both scripts, Bosnian), in brackets or between spaces.
_AT_WORDS = r"at|@|na|на|kod|код|et|te|të|majmun|majmunče|majmunce|мајмун|мајмунче|a"
_DOT_WORDS = r"dot|tačka|tacka|točka|tocka|точка|pika|pikë|pike|punkt|\."
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_AT = rf"(?:\s*@\s*|＠|&#0*64;|&#x0*40;|&commat;|%40|\s*{_OPEN}\s*(?:{_AT_WORDS})\s*{_CLOSE}\s*)"
_DOT = rf"(?:\.|\s*{_OPEN}\s*(?:{_DOT_WORDS})\s*{_CLOSE}\s*)"
_NAME = r"[^\W_][\w.+-]*"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_TOP = r"[^\W\d_]{2,24}"
EMAIL = re.compile(rf"(?<![\w.+-]){_NAME}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_TOP}(?![\w-])", re.IGNORECASE)
# Spelt out with plain words between spaces ("ana at mup dot gov dot rs"): only
# when a dot word follows and the address ends in a real top-level domain, so
# that an ordinary sentence ("na terenu") is never read as an address.
_TOP_LEVEL = (r"rs|ba|mk|al|me|xk|hr|si|bg|ro|gr|it|at|de|ch|fr|uk|eu|int|org|com|net|gov|edu|info|"
              r"рс|мк|бг|срб|мкд")
EMAIL_IN_WORDS = re.compile(
    rf"(?<![\w.+-]){_NAME}\s+(?:{_AT_WORDS})\s+{_LABEL}(?:\s+(?:{_DOT_WORDS})\s+{_LABEL})*"
    rf"\s+(?:{_DOT_WORDS})\s+(?:{_TOP_LEVEL})(?![\w-])",
    re.IGNORECASE,
)
# An international number (+381 ..., 00381 ...), a national one with its trunk 0
# (011 123 456, (011) 123-4567, 064/123-45-67, 070123456): digits in groups, 8 to 15 in all.
_SEP = r"[ \t\u00a0./-]"
PHONE = re.compile(
    rf"(?<![\w/.:,-])(?:\+|00)[1-9]\d{{0,2}}(?:{_SEP}*\(?\d{{1,4}}\)?){{2,6}}"
    rf"|(?<![\w/.:(,-])\(0\d{{1,3}}\){_SEP}*\d{{2,4}}(?:{_SEP}*\d{{2,4}}){{1,3}}"
    rf"|(?<![\w/.:,-])0\d{{1,3}}(?:{_SEP}+\d{{2,4}}){{2,4}}"
    rf"|(?<![\w/.:,-])0\d{{1,3}}[/-]\d{{5,8}}"
    rf"|(?<![\w/.:,-])0[1-9]\d{{7,9}}(?![\w/.-])"
)
_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\.?$")
# A document or case number ends in its year: 01-02-123/2019, 05-1-123/24.
_REFERENCE_NUMBER = re.compile(r"/(?:19|20)?\d\d$")
_NOT_A_PHONE_BEFORE = re.compile(r"(?:ISBN|ISSN|DOI|ISBN-1[03]|br\.|no\.|nr\.|бр\.|nº|№)[\s:]*$", re.IGNORECASE)


# Cheap signs that an address or a number may be there: the full patterns run only
# where one is (a page without them, most pages, costs one scan each, not a match
# attempt at every word).
# Both begin with one of a few characters and look behind only after it: Python's
# regular expressions skip ahead to such a character, while a pattern that begins
# with a lookbehind or a class of words is tried at every position of the page
# (four times slower on 1,000 practices). They find what these would find:
#   @|＠|&#0*64;|&#x0*40;|&commat;|%40|{_OPEN}\s*(?:{_AT_WORDS})\s*{_CLOSE}
#   (?<![\w/.:,-])(?:\+|00|\(0|0\d)
_EMAIL_SIGN = re.compile(rf"[@＠&%\[({{<](?:(?<=[@＠])|(?<=&)(?:#0*64;|#x0*40;|commat;)|(?<=%)40"
                         rf"|(?<={_OPEN})\s*(?:{_AT_WORDS})\s*{_CLOSE})", re.IGNORECASE)
# The lookahead names every letter a dot word may begin with, case ignored (Python's IGNORECASE
# lets U+1C84 and U+1C85 stand for т too): a space is tried against the words only before one.
_WORDS_SIGN = re.compile(rf"\s(?=[dDtTтТ\u1c84\u1c85pP.])(?:{_DOT_WORDS})\s", re.IGNORECASE)
_PHONE_START = re.compile(r"\+(?<![\w/.:,-]\+)|00(?<![\w/.:,-]00)|\(0(?<![\w/.:,-]\(0)|0\d(?<![\w/.:,-]0\d)")


def find_personal_data(text: str) -> Iterator[tuple[int, str, str]]:
    """(position, what was found, "an e-mail address" or "a phone number") in `text`."""
    taken: list[tuple[int, int]] = []
    patterns = [pattern for pattern, sign in ((EMAIL, _EMAIL_SIGN), (EMAIL_IN_WORDS, _WORDS_SIGN))
                if sign.search(text)]
    for pattern in patterns:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in taken):
                continue
            found = match.group(0)
            if pattern is EMAIL and not re.search(rf"@|＠|&#0*64;|&#x0*40;|&commat;|%40|{_OPEN}", found, re.I):
                continue
            taken.append((match.start(), match.end()))
            yield match.start(), found.strip(), "an e-mail address"
    for start in _PHONE_START.finditer(text):
        match = PHONE.match(text, start.start())
        if match is None:
            continue
        found = match.group(0).strip(" \t\u00a0.-/")
        if any(start <= match.start() < end for start, end in taken):
            continue
        digits = re.sub(r"\D", "", found)
        if not 8 <= len(digits) <= 15 or _DATE.match(found):
            continue
        taken.append((match.start(), match.end()))  # "+381 (0)11 ..." is one number, not two
        if not found.startswith(("+", "00", "(")) and _REFERENCE_NUMBER.search(found):
            continue
        if _NOT_A_PHONE_BEFORE.search(text[max(0, match.start() - 12):match.start()]):
            continue
        yield match.start(), found, "a phone number"


def scan_personal_data(path: str, text: str) -> list[ContentError]:
    """Every e-mail address and phone number of a file, front matter included."""
    text = text.replace("\r\n", "\n")
    errors = []
    front_end = front_matter_end(text)
    for position, found, what in sorted(find_personal_data(text)):
        line = text.count("\n", 0, position) + 1
        field = field_at(text, line) if line <= front_end else "text"
        errors.append(ContentError(
            path, line, field, found, f"this looks like {what}: {WHY}",
            advice=IN_CONTACTS_ADVICE if field == "contacts" else ADVICE,
        ))
    return errors
