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

from .transliteration import SERBIAN_LATIN

# Latin letters that Unicode decomposition does not reduce to ASCII.
LATIN = {"đ": "dj", "ß": "ss", "æ": "ae", "ø": "o", "ł": "l"}


def _without_diacritics(latin: str) -> str:
    decomposed = unicodedata.normalize("NFKD", "".join(LATIN.get(letter, letter) for letter in latin))
    return "".join(part for part in decomposed if not unicodedata.category(part).startswith("M"))


# Serbian and Macedonian Cyrillic to Latin, already without diacritics: the
# Serbian letters from the same table that writes the Serbian Latin pages
# (ђ → đ → dj, ч → č → c), plus the three letters only Macedonian has. The
# reader's browser receives this table and LATIN (search/meta.json) and folds
# queries with them, so the two sides cannot drift apart.
CYRILLIC = {
    **{letter: _without_diacritics(latin) for letter, latin in SERBIAN_LATIN.items()},
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ASCII Latin: diacritics dropped, Cyrillic transliterated, đ as dj."""
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_FOLDED)


class _FoldedLetters(dict):
    """Each letter's folded form, worked out the first time `str.translate`
    asks for it (a build folds a few hundred distinct letters, a million times)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_letter(chr(code))
        return folded


def _fold_letter(letter: str) -> str:
    # ќ and ѓ are letters of their own (kj, gj), not к and г with an accent:
    # look them up before decomposing. Letters with a mere accent (ѝ, ѐ, ë, ç)
    # decompose into a base letter and marks, and the marks are dropped.
    if letter in CYRILLIC:
        return CYRILLIC[letter]
    if letter in LATIN:
        return LATIN[letter]
    if letter.isascii():
        return letter
    out = []
    for part in unicodedata.normalize("NFKD", letter):
        if unicodedata.category(part).startswith("M"):
            continue
        out.append(CYRILLIC.get(part) or LATIN.get(part) or part)
    return "".join(out)


_FOLDED = _FoldedLetters()


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
