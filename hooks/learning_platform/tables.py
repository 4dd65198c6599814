"""Tables whose words stay whole on a phone.

A narrow cell used to break words anywhere ("slučajevim|a", "reintegrati|on").
Now a cell may break a word only where the word's language allows it: the
build puts soft hyphens (U+00AD) into the long words of every table cell, in
the language of the cell (its own `lang`, the English text of an untranslated
page, or the page's), with LibreOffice's hyphenation patterns as pyphen ships
them: English, Serbian in both scripts, and Croatian's for Bosnian. For
Albanian, pyphen's patterns split the letters written with two characters
("ve-sh-jet", "pë-r-fa") and leave consonants alone, so Albanian words are cut
by the language's own rule instead, here: a single consonant between two
vowels begins the next syllable (ma-rrë), two are shared (bash-kë), unless
they begin a syllable together (te-grim), and dh, gj, ll, nj, rr, sh, th, xh,
zh are one letter each.
The browser breaks there, with a visible hyphen, only when a cell is too
narrow; otherwise the word shows whole. Chromium here has no hyphenation
dictionaries of its own (`hyphens: auto` does nothing), and pyphen has none
for Macedonian: Macedonian cells get no soft hyphens, and the stylesheet
never breaks a word inside a cell, so a column is as wide as its longest word.

In a table whose columns are languages (each heading carries its `lang`,
as the glossary's do), every data cell also gets its column's heading as
`data-label`: six languages side by side are too wide for a phone, and there
the stylesheet shows each row as a block of labelled lines.

Nothing here knows MkDocs: HTML in, HTML out.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
# The patterns for each language of the site; a language not here gets none.
PATTERNS = {"en": "en_GB", "sr": "sr", "sr-Latn": "sr_Latn", "bs": "hr_HR"}
HYPHENATED = frozenset({*PATTERNS, "sq"})
# A shorter word fits any cell the site draws whole (and a soft hyphen in it
# would let a table squeeze a column below it).
SHORTEST = 10
# Albanian writes nine sounds with two letters: a break never falls inside one.
ALBANIAN_DIGRAPHS = ("dh", "gj", "ll", "nj", "rr", "sh", "th", "xh", "zh")
ALBANIAN_VOWELS = frozenset("aeiouyë")
# Two consonants that begin a syllable together (a stop or f, v before r or l).
ALBANIAN_ONSETS = frozenset(a + b for a in ("b", "d", "g", "k", "p", "t", "f", "v") for b in ("r", "l"))

_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->|<[^>]*>|([^<]+)", re.S)
_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]+)""")
_COLSPAN = re.compile(r"""\scolspan\s*=\s*["']?(\d+)""")
_WORD = re.compile(r"(?<![&#\w])[^\W\d_]{%d,}" % SHORTEST)
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "embed", "track"})
# Text inside these is code, a keyboard key or an address: left as written.
_LEFT_ALONE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math"})


@lru_cache(maxsize=8)
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    name = PATTERNS.get(lang)
    return pyphen.Pyphen(lang=name, left=2, right=3) if name else None


@lru_cache(maxsize=65536)
def hyphenated(word: str, lang: str) -> str:
    """The word with soft hyphens where `lang` allows a break (unchanged for a
    language without patterns, and for a short word)."""
    if lang not in HYPHENATED or len(word) < SHORTEST:
        return word
    positions = _albanian(word) if lang == "sq" else list(_dictionary(lang).positions(word))
    if not positions:
        return word
    parts, last = [], 0
    for position in positions:
        parts.append(word[last:position])
        last = position
    parts.append(word[last:])
    return SOFT_HYPHEN.join(parts)


def albanian_letters(word: str) -> list[str]:
    """The letters of an Albanian word, a digraph as one."""
    lower, letters, index = word.lower(), [], 0
    while index < len(lower):
        step = 2 if lower[index:index + 2] in ALBANIAN_DIGRAPHS else 1
        letters.append(lower[index:index + step])
        index += step
    return letters


def _albanian(word: str) -> list[int]:
    """Where an Albanian word may break (character offsets), by syllable."""
    letters = albanian_letters(word)
    offsets, total = [], 0
    for letter in letters:
        offsets.append(total)
        total += len(letter)
    vowels = [index for index, letter in enumerate(letters) if letter in ALBANIAN_VOWELS]
    positions = []
    for left, right in zip(vowels, vowels[1:]):
        cluster = right - left - 1
        if cluster == 0:
            continue  # two vowels side by side (ue, ie) stay together
        if cluster == 1 or (cluster == 2 and letters[left + 1] + letters[left + 2] in ALBANIAN_ONSETS):
            cut = left + 1
        else:
            cut = left + 2
        position = offsets[cut]
        if 2 <= position <= len(word) - 2:
            positions.append(position)
    return positions


def _attribute(pattern: re.Pattern, attributes: str) -> str | None:
    found = pattern.search(attributes) if attributes else None
    return found.group(1) if found else None


def keep_words_whole(page_html: str, lang: str) -> str:
    """Soft hyphens into the long words of every table cell, and each data
    cell labelled with its column's heading."""
    if "<table" not in page_html:
        return page_html
    out: list[str] = []
    stack: list[tuple[str, str]] = []  # open elements: (tag, language inside)
    tables: list[dict] = []  # per open table: its headings and where the current row is
    for match in _TOKEN.finditer(page_html):
        closing, tag, attributes, text = match.groups()
        current = stack[-1][1] if stack else lang
        if text is not None:
            if tables and tables[-1]["cell"] is not None:
                if any(t == "code" for t, _l in stack):
                    # A field name (target_groups) may break after an underscore, nowhere else.
                    text = text.replace("_", "_<wbr>")
                elif not any(t in _LEFT_ALONE for t, _l in stack):
                    if tables[-1]["cell"] == "th" and tables[-1]["in_head"]:
                        tables[-1]["heading"].append(text)
                    if current in HYPHENATED:
                        text = _WORD.sub(lambda word: hyphenated(word.group(0), current), text)
            out.append(text)
            continue
        token = match.group(0)
        if tag is None:
            out.append(token)
            continue
        tag = tag.lower()
        if closing:
            token = _close(tag, tables, token)
            while stack:
                if stack.pop()[0] == tag:
                    break
        else:
            token = _open(tag, attributes or "", tables, token)
            if tag not in _VOID and not (attributes or "").rstrip().endswith("/"):
                stack.append((tag, _attribute(_LANG, attributes) or current))
        out.append(token)
    return "".join(out)


def _open(tag: str, attributes: str, tables: list[dict], token: str) -> str:
    if tag == "table":
        tables.append({"headings": [], "heading": [], "cell": None, "in_head": False, "column": 0,
                       "languages": True})
    elif not tables:
        return token
    table = tables[-1]
    if tag == "thead":
        table["in_head"] = True
    elif tag == "tr":
        table["column"] = 0
    elif tag in ("td", "th"):
        table["cell"] = tag
        span = int(_attribute(_COLSPAN, attributes) or 1)
        table["span"] = span
        column = table["column"]
        table["column"] += span
        if tag == "th" and table["in_head"] and not _attribute(_LANG, attributes):
            table["languages"] = False
        if (tag == "td" and table["languages"] and not table["in_head"] and span == 1
                and column < len(table["headings"])):
            label = table["headings"][column]
            if label and "data-label" not in attributes:
                return f'<td data-label="{label}"' + token[3:]
    return token


def _close(tag: str, tables: list[dict], token: str) -> str:
    if not tables:
        return token
    table = tables[-1]
    if tag == "table":
        tables.pop()
    elif tag == "thead":
        table["in_head"] = False
    elif tag in ("td", "th"):
        if tag == "th" and table["in_head"]:
            heading = re.sub(r"\s+", " ", "".join(table["heading"])).strip().replace('"', "&quot;")
            table["headings"] += [heading.replace(SOFT_HYPHEN, "")] * table.get("span", 1)
            table["heading"] = []
        table["cell"] = None
    return token
