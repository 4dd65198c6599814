"""Search folding: one form for every way a Western Balkans reader may type a word.

Readers type without diacritics (zrtve for žrtve, marreveshjet for
marrëveshjet), in either script (povratak for повратак), and Macedonian in
Latin (gj, kj, dz). `fold` maps text and queries alike to lower-case ASCII
Latin, so that any of these forms meet. `đ` is typed both as `dj` and as `d`:
`variants` gives every folded form of a word.

The rules are the platform's own (REFERENCE.md, "Language facts that bite"); the
search engine, whichever it is, must use this module rather than its own rules.
"""
from __future__ import annotations

import re
import unicodedata

# Serbian and Macedonian Cyrillic to Latin, already without diacritics.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "gj", "е": "e",
    "ж": "z", "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj",
    "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "ћ": "c", "ќ": "kj", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz",
    "ш": "s",
}
# Latin letters that Unicode decomposition does not reduce to ASCII.
_LATIN = {"đ": "dj", "ß": "ss", "æ": "ae", "ø": "o", "ł": "l"}
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ASCII Latin: diacritics dropped, Cyrillic transliterated, đ as dj."""
    out = []
    for letter in text.lower():
        if letter in _CYRILLIC:
            out.append(_CYRILLIC[letter])
        elif letter in _LATIN:
            out.append(_LATIN[letter])
        else:
            out.append(unicodedata.normalize("NFKD", letter).encode("ascii", "ignore").decode("ascii") or
                       (letter if not unicodedata.category(letter).startswith("M") else ""))
    return "".join(out)


def variants(word: str) -> set[str]:
    """Every folded form of one word: đ/ђ may be typed as dj or as d."""
    folded = fold(word)
    forms = {folded}
    if any(letter in "đђ" for letter in word.lower()):
        forms.add(fold(word.lower().replace("đ", "d").replace("ђ", "д")))
    return forms


def folded_words(text: str) -> list[str]:
    """The folded words of a text, for an index: each word in all its forms."""
    words = []
    for word in _WORD.findall(text):
        words.extend(sorted(variants(word)))
    return words
