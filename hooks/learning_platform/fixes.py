"""What a contributor most likely meant: the value they wrote, corrected.

Every message of the content check ends with the line to paste, and that line
is the contributor's own line with the wrong part corrected, never a generic
example that would add a partner nobody claimed. These helpers work out the
correction from what was written: a partner named in words (`Bosnia` → `BA`),
a code in another case or language (`Studija slučaja` → `case-study`), a date
written the regional way (`30.01.2025` → `2025-01-30`), a duration in words
(`3 sata` → `3 hours`). Where nothing can be worked out they return None, and
the message says in words what to write instead.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Iterable

from .folding import fold
from .vocabulary import Vocabulary

# Names people use for the partners besides the vocabulary's labels.
PARTNER_NAMES = {
    "AL": ("albania", "shqiperi", "shqiperia", "albanija"),
    "BA": ("bosnia", "bih", "bosna", "bosnia herzegovina", "bosnia-herzegovina", "bosna i hercegovina",
           "bosnja", "bosnje", "b&h", "b-h"),
    "XK": ("kosovo", "kosova", "kosove", "ks", "kos", "unmik"),
    "ME": ("montenegro", "crna gora", "mali i zi", "cg", "mne", "mn"),
    "MK": ("macedonia", "north macedonia", "makedonija", "sjeverna makedonija", "severna makedonija",
           "maqedonia", "maqedonia e veriut", "fyrom", "mkd", "nmk"),
    "RS": ("serbia", "srbija", "serbija", "srb", "srbia", "sr", "scg"),
}


def code_for(value: Any, vocabulary: Vocabulary, name: str) -> str | None:
    """The code of `vocabulary.<name>` that `value` stands for: the code in another
    case or spelling, its label in any language, a common name, or a near typo."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    codes = [str(code) for code in getattr(vocabulary, name)]
    wanted = _plain(str(value))
    if not wanted:
        return None
    for code in codes:
        if _plain(code) == wanted:
            return code
    for code, entry in getattr(vocabulary, name).items():
        labels = entry.get("label", {}) if isinstance(entry, dict) else {}
        forms = {_plain(label.rstrip("*")) for label in labels.values()}
        if name == "partners":
            forms |= {_plain(alias) for alias in PARTNER_NAMES.get(str(code), ())}
        if wanted in forms:
            return str(code)
    close = difflib.get_close_matches(wanted, [_plain(code) for code in codes], n=1, cutoff=0.75)
    if close:
        return next(code for code in codes if _plain(code) == close[0])
    return None


def _plain(text: str) -> str:
    """Lower-case Latin without diacritics, words joined by hyphens ("Case study" → "case-study")."""
    return re.sub(r"[^a-z0-9&]+", "-", fold(text)).strip("-")


def described(vocabulary: Vocabulary, name: str, lang: str = "en") -> str:
    """The allowed codes with their meaning: "BA (Bosnia and Herzegovina), ME (Montenegro)"."""
    parts = []
    for code, entry in getattr(vocabulary, name).items():
        label = vocabulary.label(name, code, lang) if isinstance(entry, dict) and "label" in entry else ""
        parts.append(f"{code} ({label})" if label and _plain(label) != _plain(str(code)) else str(code))
    return ", ".join(parts)


# -- dates and durations -------------------------------------------------------------

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*\.?\s*$")
_YEAR_FIRST = re.compile(r"^\s*(\d{4})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*\.?\s*$")


def iso_date(value: Any) -> str | None:
    """`30.01.2025`, `30/1/2025`, `2025/01/30` → "2025-01-30" (day first, as the region writes it)."""
    if not isinstance(value, str):
        return None
    for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_YEAR_FIRST, (1, 2, 3))):
        match = pattern.match(value)
        if match:
            year, month, day = (int(match.group(index)) for index in order)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    return None


_UNITS = {
    "minutes": ("min", "mins", "minute", "minutes", "minuta", "minute", "minuti", "minutë", "minuta",
                "минути", "минута", "минут", "мин"),
    "hours": ("h", "hr", "hrs", "hour", "hours", "sat", "sata", "sati", "časa", "casa", "čas", "cas", "ore", "orë",
              "ora", "часа", "час", "часови", "саат", "саати", "сата", "сати", "сат"),
    "days": ("d", "day", "days", "dan", "dana", "dita", "ditë", "ден", "дена", "дан", "дана"),
}


def duration_line(value: Any) -> str | None:
    """`3h`, `3 sata`, `180 min`, `2,5 hours` → "3 hours", "180 minutes", "2.5 hours"."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    text = str(value).strip().lower()
    if isinstance(value, (int, float)):
        return None  # a bare number: minutes or hours? the message asks
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*([^\d\s.,]+)\.?", text)
    if not match:
        return None
    number = match.group(1).replace(",", ".")
    word = match.group(2)
    for unit, words in _UNITS.items():
        if word in words or fold(word) in {fold(w) for w in words}:
            return f"{number} {unit}"
    return None


# -- the contributor's own line ----------------------------------------------------------


def replace_in_line(line: str, old: Any, new: str) -> str | None:
    """`line` with the value `old` written as `new` (once, as a whole word), or None."""
    if line is None:
        return None
    old_text = str(old)
    for candidate in (f'"{old_text}"', f"'{old_text}'", old_text):
        pattern = re.compile(r"(?<![\w-])" + re.escape(candidate) + r"(?![\w-])")
        if pattern.search(line):
            return pattern.sub(lambda _match: new, line, count=1).rstrip()
    return None


def flow_list(values: Iterable[Any]) -> str:
    """A YAML list written the way the templates write them: [BA, MK], [16, 18]."""
    return "[" + ", ".join(str(value) for value in values) + "]"
