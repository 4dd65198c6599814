"""The multilingual glossary (data/glossary.yml): terms side by side in every
language, our own definitions with their sources, and abbreviations explained
wherever they occur in a page."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit


from .errors import ContentError, ContentErrors
from .model import Source
from .vocabulary import DATA_DIR, DEFAULT_LANGUAGE, pick, read_yaml

GLOSSARY_FILE = "glossary.yml"


@dataclass(frozen=True)
class Term:
    id: str
    term: Mapping[str, str]
    definition: Mapping[str, str]
    abbreviation: str | None
    sources: tuple[Source, ...]
    variants: Mapping[str, tuple[str, ...]] = None  # other ways each language says it (search synonyms)
    usage: Mapping[str, str] = None  # per language, in that language: how usage differs between the languages

    def name(self, lang: str) -> str:
        return pick(self.term, lang)

    def meaning(self, lang: str) -> str:
        return pick(self.definition, lang)

    def usage_note(self, lang: str) -> str | None:
        """The usage note written for this language (never another language's)."""
        notes = self.usage or {}
        if lang in notes:
            return notes[lang]
        if lang == "sr-Latn" and "sr" in notes:
            from .transliteration import serbian_cyrillic_to_latin

            return serbian_cyrillic_to_latin(notes["sr"])
        return None


@lru_cache(maxsize=4)
def load_glossary(data_dir: Path = DATA_DIR, languages: tuple[str, ...] = ("en", "sq", "mk", "sr", "bs")) -> tuple[Term, ...]:
    """Every term, validated: a bad entry stops the build like a bad page does."""
    where = f"../data/{GLOSSARY_FILE}"
    raw = read_yaml(data_dir / GLOSSARY_FILE) or {}
    errors, terms, seen = [], [], set()
    for index, entry in enumerate(raw.get("terms") or [], start=1):
        field = f"terms[{index}]"
        if not isinstance(entry, dict) or set(entry) - {"id", "term", "definition", "abbreviation", "sources", "variants",
                                                          "usage"}:
            errors.append(ContentError(where, None, field, entry, "each term has id, term, definition, "
                                       "sources and optionally abbreviation, variants and usage", "- id: readmission"))
            continue
        term_id = entry.get("id")
        if not isinstance(term_id, str) or not re.fullmatch(r"[a-z0-9-]+", term_id) or term_id in seen:
            errors.append(ContentError(where, None, f"{field}.id", term_id,
                                       "must be a new lower-case identifier", "id: readmission"))
            continue
        seen.add(term_id)
        for key in ("term", "definition"):
            value = entry.get(key)
            if not isinstance(value, dict) or DEFAULT_LANGUAGE not in value or set(value) - set(languages):
                errors.append(ContentError(where, None, f"{term_id}.{key}", value,
                                           f"must give the text in English and may give it in: {', '.join(languages)}",
                                           f'{key}: {{en: "readmission", sq: "ripranim"}}'))
        sources = []
        for source in entry.get("sources") or []:
            url = source.get("url") if isinstance(source, dict) else None
            if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not source.get("title"):
                errors.append(ContentError(where, None, f"{term_id}.sources", source,
                                           "each source needs a title and a web address starting with https://",
                                           "- title: EMN Glossary\n  url: https://..."))
            else:
                sources.append(Source(source["title"], url))
        if not sources:
            errors.append(ContentError(where, None, f"{term_id}.sources", "(none)",
                                       "every definition cites at least one public source", "sources: [...]"))
        abbreviation = entry.get("abbreviation")
        if abbreviation is not None and not (isinstance(abbreviation, str) and re.fullmatch(r"[A-Z]{2,6}", abbreviation)):
            errors.append(ContentError(where, None, f"{term_id}.abbreviation", abbreviation,
                                       "must be 2 to 6 capital letters", "abbreviation: AVRR"))
        variants = entry.get("variants") or {}
        if not isinstance(variants, dict) or set(variants) - set(languages) or not all(
                isinstance(names, list) and all(isinstance(name, str) and name.strip() for name in names)
                for names in variants.values()):
            errors.append(ContentError(where, None, f"{term_id}.variants", variants,
                                       f"a list of other names per language ({', '.join(languages)}), "
                                       "each a piece of text", 'variants: {bs: ["maloljetnik bez pratnje"]}'))
            variants = {}
        usage = entry.get("usage") or {}
        if not isinstance(usage, dict) or set(usage) - set(languages) or not all(
                isinstance(note, str) and note.strip() for note in usage.values()):
            errors.append(ContentError(where, None, f"{term_id}.usage", usage,
                                       f"a note per language ({', '.join(languages)}), each written in that "
                                       "language: how the term is used there and where the languages differ",
                                       'usage: {sr: "Тумач преноси изговорену реч, преводилац писани текст."}'))
            usage = {}
        if not errors:
            terms.append(Term(term_id, entry["term"], entry["definition"], abbreviation, tuple(sources),
                              {lang: tuple(names) for lang, names in variants.items()},
                              {lang: note.strip() for lang, note in usage.items()}))
    if errors:
        raise ContentErrors(errors)
    return tuple(terms)


def abbreviations(terms: tuple[Term, ...], lang: str, text: str | None = None) -> str:
    """Markdown abbreviation definitions: every AVRR in a page gets its meaning as a tooltip.

    With `text`, only the abbreviations it contains: a page without any is
    spared the abbr extension's walk over its whole tree."""
    return "".join(f"\n*[{term.abbreviation}]: {term.name(lang)}" for term in terms
                   if term.abbreviation and (text is None or term.abbreviation in text))
