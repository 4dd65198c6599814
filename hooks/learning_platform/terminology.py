"""Terminology: how each language of the site says things, and a check that
finds where a page or an interface string says them otherwise.

Each language's rules are data, `data/terminology/<lang>.yml`
(data/terminology/README.md explains every section with an example):

- `rules`: a word or phrase to avoid, written out in every form to catch,
  with the preferred wording;
- `phrases`: calques, changes of meaning and wrong constructions, found in
  any inflected form (phrases.py), with the wording to write instead;
- `concepts`: one term per concept: a glossary concept rendered another way
  than this language's term is reported with the place of each rendering;
- `address`: the polite form of address (sq "ju", mk "Вие", sr "Ви", bs "Vi"):
  familiar pronouns and verb forms anywhere, familiar imperatives where a
  sentence, a list item, a heading or an interface string begins;
- `acronyms`: the local form of a glossary acronym (sr ГДМ for GCM);
- `names`: official names and titles that are right as they stand although
  a rule would flag them.

Every language, English included, writes the acronyms of
`data/terminology/all.yml` out where they first appear (acronyms.py), and the
interface labels listed there stay apart (labels.py).

What is read of a page is its own words (quotations.py): code, link
addresses and quotations marked with their source are left out.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import ahocorasick

from .errors import ContentError
from .phrases import Phrase, compile_phrase, find, words_of
from .quotations import blank, own_words
from .vocabulary import DATA_DIR, read_yaml

TERMINOLOGY_DIR = "terminology"
DATA_STRINGS = ("ui.yml", "vocabulary.yml", "glossary.yml", "paths.yml")
PHRASE_KINDS = {
    "calque": "a calque of English structure",
    "meaning": "the meaning changes",
    "grammar": "a construction the language does not use",
    "term": "the field's term is cut short or changed",
    "register": "not the register of a public institution",
    "english": "English left in where the language has its own wording",
}


# -- the rules of a language ------------------------------------------------------------


@dataclass(frozen=True)
class TermRule:
    """A word or phrase to avoid, in the forms written out."""

    preferred: str
    avoid: tuple[str, ...]
    note: str
    pattern: re.Pattern


@dataclass(frozen=True)
class PhraseRule:
    """A phrase found in any inflected form, and what to write instead."""

    phrase: Phrase
    write: str
    kind: str
    note: str


@dataclass(frozen=True)
class ConceptRule:
    """The renderings of one concept: this language's term and the others."""

    concept: str
    use: tuple[Phrase, ...]  # the term and the forms it accepts; use[0] is the one shown
    other: tuple[Phrase, ...]
    note: str
    unless: tuple[Phrase, ...] = ()  # where another rendering means something else (a translator of text)


@dataclass(frozen=True)
class AddressRule:
    """The polite form of address: the familiar forms to find."""

    polite: str
    familiar: frozenset[str]  # folded; anywhere
    imperatives: frozenset[str]  # folded; where a sentence, item, heading or string begins


@dataclass(frozen=True)
class LanguageRules:
    lang: str
    words: tuple[TermRule, ...] = ()
    phrases: tuple[PhraseRule, ...] = ()
    concepts: tuple[ConceptRule, ...] = ()
    address: AddressRule | None = None
    acronyms: tuple[tuple[str, str], ...] = ()  # (glossary id, this language's acronym)
    names: tuple[str, ...] = ()
    particles: frozenset[str] = field(default_factory=frozenset)

    @property
    def names_pattern(self) -> re.Pattern | None:
        return _names_pattern(self.names)

    # Every cached check of a page is keyed by its language's rules: hashing the whole
    # rule set again for each page cost more than some checks, so it is hashed once.
    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.lang, self.words, self.phrases, self.concepts, self.address, self.acronyms, self.names,
                     self.particles))


class RulesError(ValueError):
    """A rule file says something the check cannot use; the message says what to write."""


def _where(lang: str, section: str, index: int | None = None) -> str:
    return f"data/{TERMINOLOGY_DIR}/{lang}.yml, {section}" + (f"[{index}]" if index is not None else "")


def _texts(value: object) -> list[str] | None:
    """A list of non-empty texts (a single text is a list of one), or None."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and value and all(isinstance(item, str) and item.strip() for item in value):
        return [item.strip() for item in value]
    return None


def _word_pattern(variants: Iterable[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=8)
def load_language(lang: str, data_dir: Path = DATA_DIR) -> LanguageRules:
    """A language's rule file, checked: a rule the check cannot use stops the build."""
    path = data_dir / TERMINOLOGY_DIR / f"{lang}.yml"
    if not path.exists():
        return LanguageRules(lang)
    raw = read_yaml(path) or {}
    if not isinstance(raw, dict):
        raise RulesError(f"{_where(lang, 'the file')}: the sections rules, phrases, concepts, address, acronyms")
    particles = frozenset(_fold_all(_texts(raw.get("particles")) or []))
    names = list(_texts(raw.get("names")) or [])
    words = []
    for index, entry in enumerate(raw.get("rules") or [], start=1):
        avoid = _texts(entry.get("avoid")) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("preferred"), str) or avoid is None:
            raise RulesError(f"{_where(lang, 'rules', index)}: each rule gives preferred (text) and avoid "
                             f'(a list of texts), e.g. - {{preferred: "ММО", avoid: ["МОМ"]}}')
        names += _texts(entry.get("names")) or []
        words.append(TermRule(entry["preferred"].strip(), tuple(avoid), str(entry.get("note") or "").strip(),
                              _word_pattern(avoid)))
    phrases = []
    for index, entry in enumerate(raw.get("phrases") or [], start=1):
        finds = _texts(entry.get("find")) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or finds is None or not isinstance(entry.get("write"), str) \
                or entry.get("kind") not in PHRASE_KINDS:
            raise RulesError(f"{_where(lang, 'phrases', index)}: each phrase rule gives find (a phrase), write "
                             f"(the wording to use) and kind ({', '.join(PHRASE_KINDS)}), e.g. "
                             '- {find: "обухватити улогу", write: "описати улогу", kind: calque}')
        for text in finds:
            phrases.append(PhraseRule(_phrase(text, lang, particles, "phrases", index), entry["write"].strip(),
                                      entry["kind"], str(entry.get("note") or "").strip()))
    concepts = []
    for index, entry in enumerate(raw.get("concepts") or [], start=1):
        use = _texts(entry.get("use")) if isinstance(entry, dict) else None
        other = _texts(entry.get("other")) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("concept"), str) or use is None or other is None:
            raise RulesError(f"{_where(lang, 'concepts', index)}: each concept gives concept (its glossary id), "
                             "use (this language's term, then any form it accepts) and other (the renderings "
                             'to replace), e.g. - {concept: interpreter, use: ["тумач"], other: ["преводилац"]}')
        names += _texts(entry.get("names")) or []
        unless = _texts(entry.get("unless")) or []
        concepts.append(ConceptRule(
            entry["concept"], tuple(_phrase(text, lang, particles, "concepts", index) for text in use),
            tuple(_phrase(text, lang, particles, "concepts", index) for text in other),
            str(entry.get("note") or "").strip(),
            tuple(_phrase(text, lang, particles, "concepts", index) for text in unless)))
    address = None
    if raw.get("address") is not None:
        entry = raw["address"]
        familiar = _texts(entry.get("familiar")) if isinstance(entry, dict) else None
        imperatives = _texts(entry.get("imperatives")) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("polite"), str) or familiar is None \
                or imperatives is None:
            raise RulesError(f"{_where(lang, 'address')}: give polite (how the site addresses its reader), "
                             "familiar (pronouns and verb forms of the familiar address) and imperatives "
                             '(familiar imperatives), e.g. polite: "Ви: Отворите", familiar: ["твој"], '
                             'imperatives: ["отвори"]')
        address = AddressRule(entry["polite"].strip(), frozenset(_fold_all(familiar)),
                              frozenset(_fold_all(imperatives)))
    acronyms = []
    for index, entry in enumerate(raw.get("acronyms") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) \
                or not isinstance(entry.get("acronym"), str) or not entry["acronym"].strip():
            raise RulesError(f"{_where(lang, 'acronyms', index)}: give term (a glossary id) and acronym "
                             '(this language\'s form of it), e.g. - {term: gcm, acronym: "ГДМ"}')
        acronyms.append((entry["term"], entry["acronym"].strip()))
    return LanguageRules(lang, tuple(words), tuple(phrases), tuple(concepts), address, tuple(acronyms),
                         tuple(dict.fromkeys(names)), particles)


def load_rules(lang: str, data_dir: Path = DATA_DIR) -> tuple[TermRule, ...]:
    """The words and phrases to avoid in a language (the `rules` section)."""
    return load_language(lang, data_dir).words


_CACHES: list = [load_language]


def cached_by_rules(function):
    """An lru_cache'd function whose results depend on the rule files: cleared with them."""
    _CACHES.append(function)
    return function


def _clear_caches() -> None:
    for function in _CACHES:
        function.cache_clear()


# The build clears this when a data file changes (hooks/build_state.py).
load_rules.cache_clear = _clear_caches  # type: ignore[attr-defined]


def _phrase(text: str, lang: str, particles: frozenset[str], section: str, index: int) -> Phrase:
    try:
        return compile_phrase(text, lang, particles)
    except ValueError as problem:
        raise RulesError(f"{_where(lang, section, index)}: {problem}") from None


def _fold_all(texts: Iterable[str]) -> list[str]:
    from .folding import fold

    return [fold(text) for text in texts]


@lru_cache(maxsize=16)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    return _word_pattern(names) if names else None


# -- findings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TermFinding:
    """One place where a text says something otherwise than its language's rules."""

    file: str  # relative to docs/ ("../data/ui.yml" for data files)
    line: int
    found: str
    check: str  # the field of the error: terminology, phrase, one term per concept, form of address, ...
    advice: str  # what to write instead
    explanation: str

    def error(self) -> ContentError:
        return ContentError(self.file, self.line, self.check, self.found, self.explanation, self.advice)


@dataclass(frozen=True)
class Unit:
    """A text the check reads: a page, or one interface string of a data file."""

    file: str
    first_line: int
    text: str  # as written
    data: bool  # an interface string (its first word begins a sentence)


# -- the checks on one text ---------------------------------------------------------------


def readable(unit_text: str, rules: LanguageRules, data: bool) -> str:
    """What the checks read: the page's own words, official names blanked."""
    text = unit_text if data else own_words(unit_text)
    pattern = rules.names_pattern
    if pattern is not None:
        text = pattern.sub(lambda match: blank(match.group(0)), text)
    return text


def check_text(file: str, text: str, rules: tuple[TermRule, ...] | LanguageRules, first_line: int = 1,
               data: bool = False) -> Iterator[TermFinding]:
    """Every finding in one text: words to avoid, phrases, the form of address.

    `rules` may be a language's LanguageRules or just its word rules."""
    language = rules if isinstance(rules, LanguageRules) else LanguageRules("", words=tuple(rules))
    if not (language.words or language.phrases or language.address) and not _CYRILLIC.search(text):
        return  # no rule of its own, and no Cyrillic letter to mix with a Latin one: nothing to find
    masked = readable(text, language, data)
    lines = _line_starts(masked)
    yield from _word_findings(file, text, masked, language.words, lines, first_line)
    yield from _mixed_script_findings(file, text, masked, lines, first_line)
    if language.lang and (language.phrases or language.address):
        words = words_of(masked, language.lang, language.particles)
        yield from _phrase_findings(file, text, masked, words, language, lines, first_line)
        yield from _address_findings(file, text, words, language, lines, first_line, data)


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _line(lines: list[int], offset: int, first_line: int) -> int:
    return first_line + bisect_right(lines, offset) - 1


def _word_findings(file: str, text: str, masked: str, rules: tuple[TermRule, ...], lines: list[int],
                   first_line: int) -> Iterator[TermFinding]:
    if not rules:
        return
    lowered = " ".join(masked.lower().split())  # a phrase may break across lines
    # A plain substring test first: most texts hold none of the variants.
    rules = _rules_found_in(lowered, rules)
    if not rules:
        return
    for match in _combined(rules).finditer(masked):
        rule = rules[int(match.lastgroup[1:])]
        yield TermFinding(file, _line(lines, match.start(), first_line), text[match.start():match.end()],
                          "terminology", rule.preferred,
                          f"this language's terminology uses \"{rule.preferred}\" instead"
                          + (f" ({rule.note})" if rule.note else ""))


@lru_cache(maxsize=1024)
def _lowered(rule: TermRule) -> tuple[str, ...]:
    return tuple(" ".join(variant.lower().split()) for variant in rule.avoid)


def _rules_found_in(lowered: str, rules: tuple[TermRule, ...]) -> tuple[TermRule, ...]:
    """The rules (in their order) one of whose variants, lower-cased, is in `lowered`.

    One pass of an Aho-Corasick automaton over the text (pyahocorasick, a maintained C
    implementation) instead of one substring search per variant: a language has about 200
    variants, and the test ran on every page and interface string (0.26 s -> 0.04 s for
    the four languages at 1,000 practices). It finds every occurrence, overlapping ones
    too, so a rule is kept exactly when `variant in lowered` holds for one of its variants."""
    automaton = _automaton(rules)
    found = {index for _end, indexes in automaton.iter(lowered) for index in indexes}
    return tuple(rules[index] for index in sorted(found))


def _automaton(rules: tuple[TermRule, ...]) -> ahocorasick.Automaton:
    """The automaton of a rule set's variants, each leading to the rules that list it; made once
    per rule set (one tuple for every page, so it is known by identity, not hashed again)."""
    known = _AUTOMATA.get(id(rules))
    if known is None or known[0] is not rules:
        automaton = ahocorasick.Automaton()
        for index, rule in enumerate(rules):
            for variant in _lowered(rule):
                indexes = automaton.get(variant, None)
                if indexes is None:
                    automaton.add_word(variant, [index])
                elif indexes[-1] != index:
                    indexes.append(index)
        automaton.make_automaton()
        known = _AUTOMATA[id(rules)] = (rules, automaton)
    return known[1]


_AUTOMATA: dict[int, tuple] = {}


@lru_cache(maxsize=16)
def _combined(rules: tuple[TermRule, ...]) -> re.Pattern:
    """One pattern for all of a language's rules: a page is read once, not once per rule."""
    return re.compile("|".join(f"(?P<r{index}>{rule.pattern.pattern})" for index, rule in enumerate(rules)),
                      re.IGNORECASE)


# A Latin letter inside a Cyrillic word (or the reverse) looks right and is
# not: search, sorting and screen readers treat the word as another one.
_MIXED_SCRIPT = re.compile(r"(?<![\w-])(?=[\w-]*[a-zA-Z])(?=[\w-]*[\u0400-\u04FF])[\w]+(?:-[\w]+)*(?![\w-])")


def _mixed_script_findings(file: str, text: str, masked: str, lines: list[int],
                           first_line: int) -> Iterator[TermFinding]:
    if not (_CYRILLIC.search(masked) and _LATIN.search(masked)):
        return  # a word in both scripts needs a letter of each in the text
    for match in _MIXED_SCRIPT.finditer(masked):
        word = match.group(0)
        if "-" in word and all(_one_script(part) for part in word.split("-")):
            continue  # ГДМ-а is one script; e-RCMS-а joins two words in two scripts on purpose
        yield TermFinding(file, _line(lines, match.start(), first_line), text[match.start():match.end()],
                          "mixed script", "the word in one script",
                          "Latin and Cyrillic letters mixed in one word: it looks right but is another word "
                          "to search, sorting and screen readers; type it again in one script")


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[a-zA-Z]")


def _one_script(part: str) -> bool:
    return not (re.search(r"[a-zA-Z]", part) and re.search(r"[\u0400-\u04FF]", part))


def _phrase_findings(file: str, text: str, masked: str, words, language: LanguageRules, lines: list[int],
                     first_line: int) -> Iterator[TermFinding]:
    if not language.phrases:
        return
    rules = {rule.phrase: rule for rule in language.phrases}
    seen = set()
    for match in find(tuple(rules), words, masked):
        if (match.start, match.end) in seen:
            continue  # two forms of one rule found the same words
        seen.add((match.start, match.end))
        rule = rules[match.phrase]
        found = " ".join(text[match.start:match.end].split())
        yield TermFinding(file, _line(lines, match.start, first_line), found, "phrase", rule.write,
                          f"{PHRASE_KINDS[rule.kind]}: write \"{rule.write}\""
                          + (f" ({rule.note})" if rule.note else ""))


def _address_findings(file: str, text: str, words, language: LanguageRules, lines: list[int], first_line: int,
                      data: bool) -> Iterator[TermFinding]:
    address = language.address
    if address is None:
        return
    folded = {word.folded for word in words}
    if not (folded & address.familiar or folded & address.imperatives):
        return  # most texts hold none of the forms: no need to walk their words
    for index, word in enumerate(words):
        begins = index == 0 or words[index - 1].sentence != word.sentence
        if word.folded in address.familiar or (begins and word.folded in address.imperatives):
            kind = "a familiar imperative" if word.folded in address.imperatives else "the familiar form"
            yield TermFinding(file, _line(lines, word.start, first_line), text[word.start:word.end],
                              "form of address", address.polite,
                              f"{kind}: the site addresses its reader in the polite form ({address.polite})")
