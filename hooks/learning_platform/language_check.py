"""The language check of one language: its pages and its interface strings,
read against its terminology (terminology.py), one term per concept
(consistency.py) and the acronyms written out (acronyms.py).

The content check (check.py) calls `check_language` for every language of
the site; the interface labels that must stay apart are checked once for all
languages (labels.py).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .acronyms import SHARED_RULES, acronym_findings
from .consistency import concept_findings
from .errors import ContentError
from .labels import label_findings, short_name_problems
from .loading import markdown_files
from .model import LANGUAGE_SUFFIX
from .terminology import (
    TERMINOLOGY_DIR, LanguageRules, RulesError, TermFinding, Unit, cached_by_rules, check_text, load_language,
)
from .vocabulary import DATA_DIR, DEFAULT_LANGUAGE, Vocabulary

DATA_STRINGS = ("ui.yml", "vocabulary.yml", "glossary.yml", "paths.yml")


def language_units(docs_dir: Path, lang: str, data_dir: Path = DATA_DIR,
                   pages: list[str] | None = None) -> list[Unit]:
    """The texts of one language: its pages (English: the source pages) and its interface strings.

    `pages`: this language's pages, when the caller has sorted the files already
    (`pages_by_language`: the whole site's check lists docs/ once, not once per language)."""
    if pages is None:
        pages = pages_by_language(docs_dir).get(lang, [])
    units = [Unit(relative, 1, (docs_dir / relative).read_text(encoding="utf-8"), False) for relative in pages]
    for name in DATA_STRINGS:
        units.extend(data_units(name, (data_dir / name).read_text(encoding="utf-8"), lang))
    return units


def pages_by_language(docs_dir: Path) -> dict[str, list[str]]:
    """Every Markdown page outside docs/assets/, sorted, under its language (English: no suffix)."""
    by_language: dict[str, list[str]] = {}
    for relative in markdown_files(docs_dir):
        if relative.startswith("assets/"):
            continue
        suffix = LANGUAGE_SUFFIX.match(relative[:-3])
        by_language.setdefault(suffix.group("lang") if suffix else DEFAULT_LANGUAGE, []).append(relative)
    return by_language


_USAGE = re.compile(r"^\s+usage:\s*$")


@lru_cache(maxsize=64)
def data_units(name: str, text: str, lang: str) -> tuple[Unit, ...]:
    """Each interface string of a data file in this language, with its line.

    The glossary's usage notes are left out: they name the forms to avoid on purpose."""
    out = []
    notes_indent = None
    strings = re.compile(rf"(?<![\w-]){re.escape(lang)}:\s*\"((?:[^\"\\]|\\.)*)\"")
    marker = f"{lang}:"
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip())
        if notes_indent is not None and line.strip() and indent <= notes_indent:
            notes_indent = None
        if _USAGE.match(line):
            notes_indent = indent
        if notes_indent is not None or marker not in line:
            continue
        for part in strings.findall(line):
            out.append(Unit(f"../data/{name}", number, part.replace('\\"', '"'), True))
    return tuple(out)


def check_language(docs_dir: Path, lang: str, data_dir: Path = DATA_DIR,
                   pages: list[str] | None = None) -> list[TermFinding]:
    """Every finding in this language's pages and interface strings."""
    language = load_language(lang, data_dir)
    return list(_language_findings(tuple(language_units(docs_dir, lang, data_dir, pages)), language, data_dir))


# A language whose texts are all as they were gives the findings it gave: the
# preview checks every language after a save, and a save changes one of them.
@cached_by_rules
@lru_cache(maxsize=8)
def _language_findings(units: tuple[Unit, ...], language: LanguageRules, data_dir: Path) -> tuple[TermFinding, ...]:
    findings: list[TermFinding] = []
    for unit in units:
        findings.extend(_findings(unit, language))
    findings.extend(concept_findings(units, language))
    findings.extend(acronym_findings(units, language, data_dir))
    return tuple(findings)


# The same text and rules give the same findings: the preview checks again
# after every save, and only the saved file is read again.
@cached_by_rules
@lru_cache(maxsize=16384)
def _findings(unit: Unit, language: LanguageRules) -> tuple[TermFinding, ...]:
    return tuple(check_text(unit.file, unit.text, language, unit.first_line, data=unit.data))


def language_problems(docs_dir: Path, vocabulary: Vocabulary, data_dir: Path = DATA_DIR) -> list[ContentError]:
    """The language check of the whole site, as content errors: every language
    written by hand (English included), then the interface labels."""
    errors: list[ContentError] = []
    pages = pages_by_language(docs_dir)
    for language in vocabulary.languages:
        if language.generated_from is not None:
            continue  # Serbian Latin is the Serbian text, transliterated
        try:
            errors.extend(finding.error() for finding in check_language(docs_dir, language.code, data_dir,
                                                                        pages.get(language.code, [])))
        except RulesError as problem:
            errors.append(ContentError(f"../data/{TERMINOLOGY_DIR}/{language.code}.yml", None, "rules", "",
                                       str(problem)))
    try:
        errors.extend(label_findings(vocabulary, data_dir))
        errors.extend(short_name_problems(vocabulary, data_dir))
    except RulesError as problem:
        errors.append(ContentError(f"../data/{SHARED_RULES}", None, "apart", "", str(problem)))
    return errors
