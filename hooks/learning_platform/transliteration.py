"""Serbian Cyrillic to Latin, letter by letter.

Cyrillic to Latin is unambiguous (Latin to Cyrillic is not: "injekcija" keeps
n+j). Digraph letters take a capital second letter only when the whole word is
in capitals: Љубљана → Ljubljana, ЊЕГОШ → NJEGOŠ.
"""
from __future__ import annotations

import re
from functools import lru_cache

SERBIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}
_DIGRAPHS = {"Љ": "Lj", "Њ": "Nj", "Џ": "Dž"}
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")


def _latin_word(word: str) -> str:
    all_capitals = len(word) > 1 and word.isupper()
    out = []
    for letter in word:
        lower = letter.lower()
        latin = SERBIAN_LATIN.get(lower)
        if latin is None:
            out.append(letter)
        elif letter == lower:
            out.append(latin)
        elif all_capitals:
            out.append(latin.upper())
        else:
            out.append(_DIGRAPHS.get(letter, latin.capitalize()))
    return "".join(out)


# Words repeat, across pages and languages. The cache wraps a plain function
# (rather than decorating it) so that mutation testing reaches the rule itself.
_word = lru_cache(maxsize=1 << 16)(_latin_word)


def serbian_cyrillic_to_latin(text: str) -> str:
    """Transliterate every Serbian Cyrillic word in `text`; other text is unchanged."""
    return _CYRILLIC_WORD.sub(lambda match: _word(match.group(0)), text)
