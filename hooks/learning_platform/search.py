"""Site search: one small index per language, in the form readers type.

Every word of a page is folded (`folding`: no diacritics, Cyrillic as Latin,
đ as dj and as d) and stemmed (`data/search.yml`), so that what a reader
types and what the page says meet whatever the diacritics, script or
inflection. The reader's browser (docs/assets/javascripts/search.js) applies
the same folding tables and stemming rules to the query: it receives them in
the language's `meta.json`, written from here.

The index of a language is split so that a query downloads little:

    search/<lang>/meta.json        pages (address, title, kind), the list of
                                   shards, the folding tables, the stemmer and
                                   the words results are labelled with
    search/<lang>/t/<ab>.json      the terms that begin with "ab", each with
                                   the pages that contain it and a weight
    search/<lang>/p/<n>.json       the text of page n, for the result snippet,
                                   fetched only for results that are shown

Nothing here knows MkDocs: it takes a page's address, title and HTML.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any, Iterable


from .folding import CYRILLIC, LATIN, fold, variants
from .vocabulary import DATA_DIR, load_vocabulary, read_yaml

# Letters and digits, as the browser's /[\p{L}\p{N}]+/gu sees them (after NFC).
WORD = re.compile(r"[^\W_]+")
SHARD_KEY_LENGTH = 2
# Where a word occurs says more than how often: a word of the title outweighs
# any number of mentions in the body (a list page that names every practice
# must not outrank the practice itself).
TITLE_WEIGHT = 30
HEADING_WEIGHT, HEADING_CAP = 5, 15
BODY_CAP = 10
# Generated parts that say the same on every page would match every query.
SKIPPED_CLASSES = frozenset({"headerlink", "translation-state", "script-switch", "md-source-file", "sr-only",
                             "edit-links", "qr", "handout-footer", "finder__form"})
SNIPPET_TEXT_LIMIT = 20_000
# What a result is, named above its title in the reader's language: a module
# and the practice it teaches often share a title.
RESULT_KINDS = ("practice", "module", "action", "commitment", "news", "page")
_KIND_OF_SECTION = {"practices": "practice", "modules": "module", "actions": "action",
                    "commitments": "commitment", "news": "news"}
# Words of the results list that are needed only once there are results: in
# meta.json, not in every page's HTML.
RESULT_WORDS = ("missing", "complete")


def result_kind(url: str) -> str:
    """The kind of the page at a language-relative address ("practices/x/" is a
    practice, and so is nothing else: a section's own list is a page)."""
    section, _, rest = url.strip("/").partition("/")
    return _KIND_OF_SECTION.get(section, "page") if rest else "page"


# -- stemming ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stemmer:
    """Replaces the longest known ending of a folded word, once; then, where the
    language has them, rewrites dialect forms into one (ijekavian savjet and
    ekavian savet both become savet)."""

    min_stem: int
    endings: tuple[tuple[str, str, int], ...]  # (ending, replacement, min_stem), longest first
    dialect: tuple[tuple[str, str], ...] = ()  # (regular expression, replacement), in order

    def __post_init__(self) -> None:
        # The endings that can apply to a word, by its last letter.
        by_letter: dict[str, list[tuple[str, str, int]]] = {}
        for rule in self.endings:
            by_letter.setdefault(rule[0][-1], []).append(rule)
        object.__setattr__(self, "_by_letter", {letter: tuple(rules) for letter, rules in by_letter.items()})
        object.__setattr__(self, "_dialect", tuple((re.compile(pattern), replacement)
                                                   for pattern, replacement in self.dialect))

    def stem(self, word: str) -> str:
        # Dialect forms are unified before the ending is cut (dijete and dete
        # both become det) and after it (a cut may leave a new "je").
        word = self.unify(word)
        for ending, replacement, min_stem in self._by_letter.get(word[-1:], ()):
            if word.endswith(ending):
                stem = word[: len(word) - len(ending)] + replacement
                if len(stem) >= min_stem:
                    return self.unify(stem)
                # a shorter ending may still apply ("is" kept, "s" not)
        return self.unify(word)

    def unify(self, word: str) -> str:
        """One form for the dialects' forms of a word (applied after stemming)."""
        for pattern, replacement in self._dialect:
            word = pattern.sub(replacement, word)
        return word

    def as_json(self) -> dict[str, Any]:
        return {"endings": [list(ending) for ending in self.endings],
                "dialect": [list(rule) for rule in self.dialect]}


@lru_cache(maxsize=4)
def load_stemmers(data_dir: Path = DATA_DIR) -> dict[str, Stemmer]:
    """The stemmers of `data/search.yml`, checked: a bad rule fails the build."""
    path = data_dir / "search.yml"
    raw = read_yaml(path) or {}
    stemmers, problems = {}, []
    dialects = raw.get("dialects") or {}
    for lang, spec in (raw.get("stemmers") or {}).items():
        try:
            stemmers[lang] = _stemmer(spec, dialects.get(lang) or [])
        except KeyError as missing:
            problems.append(f"  - data/{path.name}, stemmers.{lang}: {missing} is missing")
        except (TypeError, ValueError, AttributeError) as problem:
            problems.append(f"  - data/{path.name}, stemmers.{lang}: {problem}")
    if problems:
        raise SearchRulesError(
            "The site was not built: the search rules are wrong.\n" + "\n".join(problems)
            + "\n    Allowed: min_stem: a whole number; endings: a list of [ending, replacement]"
            " or [ending, replacement, min_stem], in lower-case ASCII letters."
            '\n    Example: - ["ama", ""]'
        )
    return stemmers


class SearchRulesError(ValueError):
    """data/search.yml does not say what the stemmers need."""


def _stemmer(spec: dict, dialect: list) -> Stemmer:
    min_stem = spec["min_stem"]
    if not isinstance(min_stem, int) or min_stem < 1:
        raise ValueError(f"min_stem is {min_stem!r}")
    endings = []
    for rule in spec["endings"]:
        if not isinstance(rule, list) or len(rule) not in (2, 3):
            raise ValueError(f"rule {rule!r} is not [ending, replacement] or [ending, replacement, min_stem]")
        if any(isinstance(part, bool) for part in rule[:2]):
            raise ValueError(
                f"rule {rule!r}: YAML reads a bare no, yes, on or off as False or True; "
                'put the ending in quotes, as in ["no", ""]')
        ending, replacement = str(rule[0]), str(rule[1])
        if not re.fullmatch(r"[a-z]+", ending) or not re.fullmatch(r"[a-z]*", replacement):
            raise ValueError(
                f"rule {rule!r}: endings use only the letters a to z, because words are searched "
                "without diacritics and in Latin letters (write ë as e, ш as s)")
        endings.append((ending, replacement, int(rule[2]) if len(rule) == 3 else min_stem))
    endings.sort(key=lambda rule: -len(rule[0]))
    rules = []
    for rule in dialect:
        if not isinstance(rule, list) or len(rule) != 2 or not all(isinstance(part, str) for part in rule):
            raise ValueError(f"dialect rule {rule!r} is not [pattern, replacement]")
        try:
            re.compile(rule[0])
        except re.error as problem:
            raise ValueError(f"dialect rule {rule!r}: {problem}") from None
        if "\\" in rule[1] or "$" in rule[1]:
            raise ValueError(f"dialect rule {rule!r}: the replacement is plain letters (use a lookbehind, "
                             "(?<=...), for letters that stay)")
        rules.append((rule[0], rule[1]))
    return Stemmer(min_stem, tuple(endings), tuple(rules))


def stemmer_for(lang: str) -> Stemmer:
    stemmers = load_stemmers()
    if lang not in stemmers:
        raise KeyError(f"No stemmer for language '{lang}' in data/search.yml; known: {', '.join(stemmers)}")
    return stemmers[lang]


# -- synonyms: the glossary's terms and their variants ---------------------------

SYNONYM_PREFIX = "00"  # synonym groups are terms of their own, in shard "00"


@lru_cache(maxsize=4)
def load_synonyms(data_dir: Path = DATA_DIR) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Per language: (group, phrases) for every glossary term said more than one way.

    A phrase is the text as written ("djeca bez pratnje"); `synonyms_for`
    reduces it to terms with the language's stemmer."""
    raw = read_yaml(data_dir / "glossary.yml") or {}
    from .transliteration import serbian_cyrillic_to_latin

    found: dict[str, list] = {}
    for entry in raw.get("terms") or []:
        group = SYNONYM_PREFIX + re.sub(r"[^a-z0-9]", "", str(entry.get("id", "")))
        names = dict(entry.get("term") or {})
        variants = dict(entry.get("variants") or {})
        languages = set(names) | set(variants)
        if "sr" in languages:
            languages.add("sr-Latn")
        for lang in languages:
            source = "sr" if lang == "sr-Latn" else lang
            phrases = [names[source]] if source in names else []
            phrases += list(variants.get(source) or [])
            if lang == "sr-Latn":
                phrases = [serbian_cyrillic_to_latin(phrase) for phrase in phrases]
            if entry.get("abbreviation"):
                phrases.append(entry["abbreviation"])
            unique = tuple(dict.fromkeys(phrases))
            if len(unique) > 1:
                found.setdefault(lang, []).append((group, unique))
    return {lang: tuple(groups) for lang, groups in found.items()}


def synonyms_for(lang: str) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(group term, phrases as term sequences) for `lang`."""
    stemmer = stemmer_for(lang)
    out = []
    for group, phrases in load_synonyms().get(lang, ()):
        reduced = tuple(dict.fromkeys(tuple(query_terms(phrase, stemmer)) for phrase in phrases))
        reduced = tuple(phrase for phrase in reduced if phrase)
        if len(reduced) > 1:
            out.append((group, reduced))
    return tuple(out)


def dialect_rules_for(lang: str) -> tuple[tuple[str, str], ...]:
    return stemmer_for(lang).dialect


def words(text: str) -> list[str]:
    """The words of a text as the browser splits them."""
    return WORD.findall(unicodedata.normalize("NFC", text))


def terms_of_word(word: str, stemmer: Stemmer) -> set[str]:
    """The index terms of one word as written on a page (đ gives two)."""
    return {stemmer.stem(form) for form in variants(word)}


def query_terms(query: str, stemmer: Stemmer) -> list[str]:
    """What a typed query looks up: one term per word (the browser does the same)."""
    return [stemmer.stem(fold(word)) for word in words(query)]


# -- reading a page -------------------------------------------------------------


_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->|<[^>]*>|([^<]+)", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "embed", "track"})
# Tags inside a line of text: no space around them ("<a>case</a>," stays "case,").
_INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small",
                     "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins"})
_SKIPPED_TAGS = frozenset({"script", "style", "template"})


def page_text(html: str) -> tuple[str, str]:
    """(heading text, all text) of a page's HTML, whitespace collapsed.

    A scan of the tags rather than html.parser: the HTML is MkDocs' own, well
    formed, and this is a third of the time html.parser took.
    """
    headings: list[str] = []
    body: list[str] = []
    skipping: list[str] = []  # open tags inside a skipped element
    heading_depth = 0
    for match in _TOKEN.finditer(html):
        closing, tag, attrs, text = match.groups()
        if text is not None:
            if not skipping:
                text = unescape(text) if "&" in text else text
                # Soft hyphens (tables.py) are not part of the word.
                text = text.replace("\u00ad", "") if "\u00ad" in text else text
                body.append(text)
                if heading_depth:
                    headings.append(text)
            continue
        if tag is None:  # a comment or doctype
            continue
        tag = tag.lower()
        if tag in _VOID or (attrs and attrs.rstrip().endswith("/")):
            body.append(" ")
            continue
        if skipping:
            if closing:
                skipping.pop()
            else:
                skipping.append(tag)
            continue
        if not closing and (tag in _SKIPPED_TAGS or _skipped_class(attrs)):
            skipping.append(tag)
            continue
        if tag in _HEADINGS:
            heading_depth += -1 if closing else 1
            headings.append(" ")
        if tag not in _INLINE:
            body.append(" ")
    squeeze = lambda parts: " ".join("".join(parts).split())  # noqa: E731
    return squeeze(headings), squeeze(body)


def _skipped_class(attrs: str) -> bool:
    if "class" not in attrs:
        return False
    found = _CLASS.search(attrs)
    return bool(found) and not SKIPPED_CLASSES.isdisjoint((found.group(1) or found.group(2) or found.group(3)).split())


# -- the index --------------------------------------------------------------------


@dataclass
class SearchDocument:
    url: str
    title: str
    text: str
    weights: dict[str, int]
    listing: bool = False  # an index, matrix or status page: ranked below content pages


def search_document(url: str, title: str, html: str, stemmer: Stemmer,
                    cache: dict[str, tuple[str, ...]] | None = None,
                    synonyms: tuple = (), listing: bool = False,
                    primary: dict[str, str] | None = None) -> SearchDocument:
    """One page, ready for the index: its terms weighted by where they occur.

    `cache` (word → terms) is shared by the pages of one language: words
    repeat, and folding and stemming each distinct word once is most of the
    saving."""
    headings, text = page_text(html)
    cache = {} if cache is None else cache
    counts: dict[str, list[int]] = {}  # term -> [in title, in headings, in body]
    parts = [words(source) for source in (title, headings, text)]  # split once, for terms and phrases
    tallies = [Counter(found) for found in parts]
    for part, tally in enumerate(tallies):
        for word, times in tally.items():
            terms = cache.get(word)
            if terms is None:
                terms = cache[word] = tuple(sorted(
                    term for term in terms_of_word(word, stemmer) if len(term) >= SHARD_KEY_LENGTH))
            for term in terms:
                counts.setdefault(term, [0, 0, 0])[part] += times
    if synonyms:
        firsts = _first_terms(synonyms)
        # Only a page that has a phrase's first term can hold the phrase.
        if not firsts.isdisjoint(counts):
            primary = {} if primary is None else primary
            for part, found in enumerate(parts):
                for group, times in _phrases_in(found, tallies[part], stemmer, synonyms, primary).items():
                    counts.setdefault(group, [0, 0, 0])[part] += times
    weights = {
        term: (TITLE_WEIGHT if in_title else 0) + min(HEADING_WEIGHT * in_headings, HEADING_CAP)
        + min(in_body, BODY_CAP)
        for term, (in_title, in_headings, in_body) in counts.items()
    }
    return SearchDocument(url, title, text[:SNIPPET_TEXT_LIMIT], weights, listing)


@lru_cache(maxsize=16)
def _phrases_by_first(synonyms: tuple) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    by_first: dict[str, list] = {}
    for group, phrases in synonyms:
        for phrase in phrases:
            by_first.setdefault(phrase[0], []).append((phrase, group))
    return {first: tuple(entries) for first, entries in by_first.items()}


def _first_terms(synonyms: tuple) -> frozenset[str]:
    return frozenset(_phrases_by_first(synonyms))


def _phrase_groups(text: str, stemmer: Stemmer, synonyms: tuple, primary: dict | None = None) -> Counter:
    """How often each synonym group's phrases occur in a text (as consecutive terms)."""
    found = words(text)
    return _phrases_in(found, Counter(found), stemmer, synonyms, {} if primary is None else primary)


def _phrases_in(found: list[str], tally: Counter, stemmer: Stemmer, synonyms: tuple, primary: dict) -> Counter:
    """`_phrase_groups` of a text already split into words (`tally`: each distinct word).

    Each distinct word is reduced to its query term once (`primary`, shared by
    the pages of a language); only the places where a phrase's first term
    stands are compared, not every word of the text."""
    by_first = _phrases_by_first(synonyms)
    starts = set()
    for word in tally:
        term = primary.get(word)
        if term is None:
            term = primary[word] = stemmer.stem(fold(word))
        if term in by_first:
            starts.add(word)
    out: Counter = Counter()
    if not starts:
        return out
    for index in [index for index, word in enumerate(found) if word in starts]:
        for phrase, group in by_first[primary[found[index]]]:
            if tuple(primary[word] for word in found[index:index + len(phrase)]) == phrase:
                out[group] += 1
    return out


@dataclass
class SearchIndex:
    """The search index of one language."""

    lang: str
    stemmer: Stemmer
    synonyms: tuple = ()
    dialect: tuple = ()
    _pages: list[tuple[str, str, str, bool]] = field(default_factory=list, repr=False)
    _documents: list[SearchDocument] = field(default_factory=list, repr=False)
    _terms: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _primary: dict[str, str] = field(default_factory=dict, repr=False)  # word -> its query term

    def add(self, url: str, title: str, html: str, listing: bool = False) -> None:
        """Take a page; its terms are worked out when the index is written.

        Later, not now: the fast build (hooks/language_workers.py) divides the
        work after the English pages are read, and the English index is part
        of what it can divide."""
        self._pages.append((url, title, html, listing))

    @property
    def documents(self) -> list[SearchDocument]:
        for url, title, html, listing in self._pages:
            self._documents.append(search_document(url, title, html, self.stemmer, self._terms,
                                                   self.synonyms, listing, self._primary))
        self._pages.clear()
        return self._documents

    def files(self) -> dict[str, str]:
        """Path (inside the language's search folder) → JSON text."""
        documents = sorted(self.documents, key=lambda document: document.url)
        shards: dict[str, dict[str, list[int]]] = {}
        for number, document in enumerate(documents):
            for term, weight in document.weights.items():
                shards.setdefault(term[:SHARD_KEY_LENGTH], {}).setdefault(term, []).append(number)
                shards[term[:SHARD_KEY_LENGTH]][term].append(weight)
        vocabulary = load_vocabulary()
        out = {
            "meta.json": _json({
                "lang": self.lang,
                # [address, title, 1 for a list or status page, index into "kinds"]
                "pages": [[document.url, document.title, 1 if document.listing else 0,
                           RESULT_KINDS.index(result_kind(document.url))] for document in documents],
                "kinds": [vocabulary.text(f"search.kind.{kind}", self.lang) for kind in RESULT_KINDS],
                "words": {word: vocabulary.text(f"search.{word}", self.lang) for word in RESULT_WORDS},
                "shards": sorted(shards),
                "stemmer": self.stemmer.as_json(),
                "synonyms": [[group, [list(phrase) for phrase in phrases]] for group, phrases in self.synonyms],
                "fold": {"cyrillic": CYRILLIC, "latin": LATIN},
            }),
        }
        for key, terms in shards.items():
            out[f"t/{key}.json"] = _json({term: _delta(postings) for term, postings in sorted(terms.items())})
        for number, document in enumerate(documents):
            out[f"p/{number}.json"] = _json({"x": document.text})
        return out


def _delta(postings: list[int]) -> list[int]:
    """[page, weight, page, weight, ...] with each page number as the step from the last."""
    out, last = [], 0
    for index in range(0, len(postings), 2):
        out += [postings[index] - last, postings[index + 1]]
        last = postings[index]
    return out


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_index(index: SearchIndex, folder: Path) -> int:
    """Write the index files under `folder`; returns how many were written."""
    files = index.files()
    for directory in {(folder / name).parent for name in files}:
        directory.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        # Thousands of small files: bytes through os.write cost less than text files.
        descriptor = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(descriptor, content.encode("utf-8"))
        finally:
            os.close(descriptor)
    return len(files)


def interface_strings(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The search box's words, keyed as search.js reads them."""
    return {key.removeprefix("search."): text for key, text in texts}
