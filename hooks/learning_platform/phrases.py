"""Phrases found in any inflected form: the words of a text reduced to the
search's stems (data/search.yml), so that one written form of a phrase finds
them all (`обухватите улогу` finds `обухвати улогу` and `обухватити улоге`).

A phrase as the rule files write it:

- words, each matched by its stem (folded: no diacritics, Latin for Cyrillic);
- `word*`: any word that begins with `word` (folded, not stemmed);
- `…` (or `...`): up to three other words in between;
- a final `.`: the phrase ends a sentence (`Dijelite u regiji.` is a verb
  with no object; `Dijelite iskustva u regiji.` is not found).

A match never crosses the end of a sentence. Words a language uses as
articles or particles (the Albanian `i`, `e`, `të`, `së`) can be listed as
`particles`: they are skipped in texts and phrases alike, so that
`interesi më i mirë` also finds `interesit më të mirë`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator, NamedTuple

from .folding import fold
from .search import stemmer_for

GAP = "…"
MAX_GAP = 3
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# [.!?;:][.!?;:]*, not [.!?;:]+: a first character the engine can skip ahead to.
_SENTENCE_END = re.compile(r"[.!?;:][.!?;:]*(?=\s|$)|\n\s*\n|\n\s*(?:[-*+]|\d+[.)]|#+|\|)\s")


class Word(NamedTuple):  # a tuple: a page has thousands, and a frozen dataclass is slow to make
    start: int
    end: int
    folded: str
    stem: str
    sentence: int


@dataclass(frozen=True)
class Phrase:
    text: str  # as written in the rule file
    parts: tuple[tuple[str, str], ...]  # ("stem", s), ("prefix", p) or ("gap", "")
    sentence_end: bool = False

    @property
    def first(self) -> tuple[str, str]:
        return self.parts[0]

    # A language's phrases are looked up by every page (dict keys, cache keys): a frozen
    # dataclass hashes all its fields again each time, so the hash is made once.
    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.text, self.parts, self.sentence_end))


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    start: int
    end: int


def stem_of(word: str, lang: str) -> str:
    return _stem(_fold(word), lang)


@lru_cache(maxsize=131072)
def _fold(word: str) -> str:
    """A word folded as the search folds it (words repeat: each is folded once).

    The letters of the region's alphabets go through one translation table made
    from folding.fold itself, letter by letter; a word with any other letter
    takes the slow road through fold."""
    lowered = unicodedata.normalize("NFC", word).lower()
    folded = lowered.translate(_TABLE)
    return folded if folded.isascii() else fold(lowered)


def _table() -> dict[int, str]:
    letters = [chr(code) for code in (*range(0x00C0, 0x0250), *range(0x0400, 0x0460))]
    return {ord(letter): fold(letter) for letter in letters if letter.lower() == letter and fold(letter).isascii()}


_TABLE = _table()


@lru_cache(maxsize=65536)
def _stem(folded: str, lang: str) -> str:
    return stemmer_for(lang).stem(folded)


def compile_phrase(text: str, lang: str, particles: frozenset[str] = frozenset()) -> Phrase:
    """A phrase of a rule file, ready to find; ValueError when it has no word."""
    written = text.strip()
    sentence_end = written.endswith(".") and not written.endswith("...")
    body = written[:-1] if sentence_end else written
    parts: list[tuple[str, str]] = []
    for token in body.replace("...", f" {GAP} ").replace(GAP, f" {GAP} ").split():
        if token == GAP:
            if parts and parts[-1][0] != "gap":
                parts.append(("gap", ""))
            continue
        prefix = token.endswith("*")
        words = _WORD.findall(token.rstrip("*"))
        for index, word in enumerate(words):
            folded = _fold(word)
            if folded in particles:
                continue
            if prefix and index == len(words) - 1:
                parts.append(("prefix", folded))
            else:
                parts.append(("stem", _stem(folded, lang)))
    while parts and parts[-1][0] == "gap":
        parts.pop()
    if not parts or parts[0][0] == "gap":
        raise ValueError(f"the phrase '{text}' has no word to find")
    return Phrase(written, tuple(parts), sentence_end)


@lru_cache(maxsize=8192)
def words_of(text: str, lang: str, particles: frozenset[str] = frozenset()) -> tuple[Word, ...]:
    """The words of a text with their places, stems and sentence numbers."""
    # The language check reads every word of every page (180,000 in the Albanian pages at
    # 1,000 practices): one pass, each written form looked up in a plain dictionary, each
    # Word made as a tuple directly (a NamedTuple's own constructor is a Python function).
    ends = [match.start() for match in _SENTENCE_END.finditer(text)]
    forms = _FORMS.get(lang)
    if forms is None:
        forms = _FORMS[lang] = {}
    out: list[Word] = []
    sentence, following = 0, ends[0] if ends else None
    for match in _WORD.finditer(text):
        start = match.start()
        while following is not None and following < start:
            sentence += 1
            following = ends[sentence] if sentence < len(ends) else None
        written = match.group()
        form = forms.get(written)
        if form is None:
            form = forms[written] = _folded_and_stem(written, lang)
        if form[0] not in particles:
            out.append(_new_word(Word, (start, match.end(), form[0], form[1], sentence)))
    return tuple(out)


_FORMS: dict[str, dict[str, tuple[str, str]]] = {}  # per language: written form -> (folded, stem)
_new_word = tuple.__new__


@lru_cache(maxsize=131072)
def _folded_and_stem(word: str, lang: str) -> tuple[str, str]:
    folded = _fold(word)
    return folded, _stem(folded, lang)


def find(phrases: tuple[Phrase, ...], words: tuple[Word, ...], text: str) -> Iterator[Match]:
    """Every place where one of the phrases occurs, in text order."""
    by_stem, prefixes = _by_first_word(phrases)
    # One C-level test of every prefix at once; most words begin with none of them.
    starts = tuple(phrase.first[1] for phrase in prefixes)
    for index, word in enumerate(words):
        candidates = by_stem.get(word.stem, ())
        if starts and word.folded.startswith(starts):
            candidates = (*candidates, *(phrase for phrase in prefixes if word.folded.startswith(phrase.first[1])))
        for phrase in candidates:
            end = _match_from(phrase.parts, words, index)
            if end is None:
                continue
            last = words[end]
            if phrase.sentence_end and not _ends_sentence(text, last.end):
                continue
            yield Match(phrase, word.start, last.end)


@lru_cache(maxsize=256)
def _by_first_word(phrases: tuple[Phrase, ...]) -> tuple[dict[str, tuple[Phrase, ...]], tuple[Phrase, ...]]:
    """The phrases by the stem of their first word (a page's words are looked up, not scanned), and
    those that begin with a prefix."""
    by_stem: dict[str, list[Phrase]] = {}
    prefixes = []
    for phrase in phrases:
        if phrase.first[0] == "prefix":
            prefixes.append(phrase)
        else:
            by_stem.setdefault(phrase.first[1], []).append(phrase)
    return {stem: tuple(found) for stem, found in by_stem.items()}, tuple(prefixes)


def _match_from(parts: tuple[tuple[str, str], ...], words: tuple[Word, ...], index: int) -> int | None:
    """The index of the last word of a match starting at `index`, or None."""
    if not _same(parts[0], words[index]):
        return None
    sentence = words[index].sentence
    position, part = index, 1
    while part < len(parts):
        if parts[part][0] == "gap":
            following = parts[part + 1]
            for skip in range(1, MAX_GAP + 2):
                candidate = position + skip
                if candidate >= len(words) or words[candidate].sentence != sentence:
                    return None
                if _same(following, words[candidate]):
                    rest = _match_from(parts[part + 1:], words, candidate)
                    if rest is not None:
                        return rest
            return None
        position += 1
        if position >= len(words) or words[position].sentence != sentence or not _same(parts[part], words[position]):
            return None
        part += 1
    return position


def _same(part: tuple[str, str], word: Word) -> bool:
    kind, value = part
    return word.folded.startswith(value) if kind == "prefix" else word.stem == value


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end:].lstrip(" \t*_\"“”»«")
    return not rest or rest[0] in ".!?\n"
