"""Acronyms written out where they first appear.

`data/terminology/all-languages.yml` lists, under `acronyms`, the glossary
terms whose acronym a reader must not be left to guess (GCM). On every page
of every language, the paragraph where the acronym first appears also holds
the term written out, in any of its forms (the glossary's term or a variant,
in any inflected form); an interface string that holds the acronym holds the
term too, since it is read on its own. A language writes its own form of the
acronym where it has one (`acronyms:` in its rule file: sr ГДМ).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .phrases import Phrase, compile_phrase, find, words_of
from .terminology import LanguageRules, RulesError, TermFinding, Unit, cached_by_rules, readable
from .vocabulary import DATA_DIR, DEFAULT_LANGUAGE, read_yaml

SHARED_RULES = "terminology/all-languages.yml"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@cached_by_rules
@lru_cache(maxsize=4)
def shared_rules(data_dir: Path = DATA_DIR) -> dict:
    path = data_dir / SHARED_RULES
    raw = read_yaml(path) if path.exists() else {}
    if not isinstance(raw, dict):
        raise RulesError(f"data/{SHARED_RULES}: the sections acronyms and apart")
    return raw


@cached_by_rules
@lru_cache(maxsize=16)
def acronyms_to_explain(language: LanguageRules, data_dir: Path = DATA_DIR) -> tuple[tuple[str, re.Pattern, str, tuple[Phrase, ...]], ...]:
    """(term id, the acronym's pattern, the term as written, its forms as phrases) in this language."""
    from .errors import ContentErrors
    from .glossary import load_glossary

    try:
        glossary = load_glossary()
    except ContentErrors:  # the glossary check reports it; nothing to explain from a broken glossary
        return ()
    wanted = shared_rules(data_dir).get("acronyms") or []
    if not isinstance(wanted, list) or not all(isinstance(item, str) for item in wanted):
        raise RulesError(f"data/{SHARED_RULES}, acronyms: a list of glossary ids, e.g. acronyms: [gcm]")
    lang = language.lang or DEFAULT_LANGUAGE
    terms = {term.id: term for term in glossary}
    local = dict(language.acronyms)
    out = []
    for term_id in wanted:
        term = terms.get(term_id)
        if term is None or not (term.abbreviation or term_id in local):
            raise RulesError(f"data/{SHARED_RULES}, acronyms: '{term_id}' is not a glossary term with an "
                             "abbreviation (data/glossary.yml)")
        acronym = local.get(term_id, term.abbreviation)
        forms = [term.name(lang), *((term.variants or {}).get(lang, ()))]
        phrases = tuple(compile_phrase(form, lang, language.particles) for form in dict.fromkeys(forms))
        # The acronym not inside a longer word: (?<![\w-])GCM(?!\w), written with the acronym
        # first so that the engine looks for it as a string rather than trying every position.
        pattern = re.compile(rf"{re.escape(acronym)}(?<![\w-]{re.escape(acronym)})(?!\w)")
        out.append((term_id, pattern, term.name(lang), phrases))
    return tuple(out)


def acronym_findings(units: Iterable[Unit], language: LanguageRules, data_dir: Path = DATA_DIR) -> list[TermFinding]:
    explain = acronyms_to_explain(language, data_dir)
    if not explain:
        return []
    findings = []
    for unit in units:
        findings.extend(_unit_findings(unit, language, explain))
    return findings


@cached_by_rules
@lru_cache(maxsize=16384)
def _unit_findings(unit: Unit, language: LanguageRules, explain: tuple) -> tuple[TermFinding, ...]:
    # What the checks read is the text with some parts blanked (code, addresses, quotations,
    # official names), never with anything added, and every blanked part ends in a character
    # an acronym cannot follow: a text whose own letters hold none of the acronyms holds none
    # once blanked, and most pages are not read twice.
    if not any(pattern.search(unit.text) for _term_id, pattern, _name, _phrases in explain):
        return ()
    text = readable(unit.text, language, unit.data)
    out = []
    for _term_id, pattern, name, phrases in explain:
        first = pattern.search(text)
        if first is None:
            continue
        start, end = _paragraph(text, first.start())
        paragraph = text[start:end]
        words = words_of(paragraph, language.lang or DEFAULT_LANGUAGE, language.particles)
        if any(True for _ in find(phrases, words, paragraph)):
            continue
        line = unit.first_line + text.count("\n", 0, first.start())
        where = "in this interface string" if unit.data else "in the paragraph where it first appears on this page"
        out.append(TermFinding(
            unit.file, line, first.group(0), "acronym", f"{name} ({first.group(0)})",
            f"the acronym {first.group(0)} is not written out {where}: write the term out the first time"))
    return tuple(out)


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text, 0, offset):
        start = match.end()
    following = _PARAGRAPH_BREAK.search(text, offset)
    return start, following.start() if following else len(text)
