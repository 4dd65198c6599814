"""One term per concept: a concept of the glossary said one way across all of a
language's pages and interface strings.

A language's rule file lists, per concept, its term (with the forms it
accepts) and the other renderings found or to be expected. Each rendering is
found in any inflected form (phrases.py). Where the term and another
rendering overlap (`забрана протеривања или враћања` holds `забрана
протеривања`), the term wins. Every other rendering is reported with its own
place and the place where the page set already uses the term, so an editor
sees both and keeps one.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from .phrases import Match, find, words_of
from .terminology import ConceptRule, LanguageRules, TermFinding, Unit, cached_by_rules, readable


def concept_findings(units: Iterable[Unit], language: LanguageRules) -> list[TermFinding]:
    if not language.concepts:
        return []
    term_places: dict[str, tuple[str, int]] = {}
    others: list[tuple[ConceptRule, Unit, int, str]] = []
    for unit in units:
        for concept, is_term, line, found in _renderings(unit, language):
            if is_term:
                where = term_places.get(concept.concept)
                # The first place in a page, rather than in an interface string.
                if where is None or (where[0].startswith("../") and not unit.file.startswith("../")):
                    term_places[concept.concept] = (unit.file, line)
            else:
                others.append((concept, unit, line, found))
    findings = []
    for concept, unit, line, found in others:
        term = concept.use[0].text
        where = term_places.get(concept.concept)
        seen = (f"as docs/{where[0]} says on line {where[1]}".replace("docs/../", "")
                if where else "the glossary's term")
        findings.append(TermFinding(
            unit.file, line, found, "one term per concept", term,
            f"one concept, one term: {_label(concept.concept)} is \"{term}\" in this language ({seen}), "
            "not another rendering" + (f"; {concept.note}" if concept.note else "")))
    return findings


def concept_usage(units: Iterable[Unit], language: LanguageRules) -> dict[str, dict[str, list[tuple[str, int]]]]:
    """For an editor settling terms: per concept, each rendering found (term first,
    as written, lower-cased) with every place it occurs."""
    usage: dict[str, dict[str, list[tuple[str, int]]]] = {
        concept.concept: {concept.use[0].text.replace(" …", ""): []} for concept in language.concepts}
    for unit in units:
        for concept, is_term, line, found in _renderings(unit, language):
            key = concept.use[0].text.replace(" …", "") if is_term else found.lower()
            usage[concept.concept].setdefault(key, []).append((unit.file, line))
    return usage


@cached_by_rules
@lru_cache(maxsize=8192)
def _renderings(unit: Unit, language: LanguageRules) -> tuple[tuple[ConceptRule, bool, int, str], ...]:
    """(concept, is its term, line, text found) for every rendering in one text."""
    text = readable(unit.text, language, unit.data)
    words = words_of(text, language.lang, language.particles)
    owner: dict = {}
    for concept in language.concepts:
        for phrase in concept.use:
            owner[phrase] = (concept, True)
        for phrase in concept.other:
            owner.setdefault(phrase, (concept, False))
        for phrase in concept.unless:
            owner.setdefault(phrase, (concept, None))
    matches = list(find(tuple(owner), words, text))
    # A term, or a phrase where another rendering means something else, covers what it holds.
    covers = [match for match in matches if owner[match.phrase][1] is not False]
    out, seen = [], set()
    for match in matches:
        concept, is_term = owner[match.phrase]
        if is_term is None or (concept.concept, match.start, match.end) in seen:
            continue
        seen.add((concept.concept, match.start, match.end))
        if not is_term and _covered(match, covers, owner):
            continue
        line = unit.first_line + text.count("\n", 0, match.start)
        out.append((concept, is_term, line, " ".join(unit.text[match.start:match.end].split())))
    return tuple(out)


def _covered(other: Match, covers: list[Match], owner: dict) -> bool:
    concept = owner[other.phrase][0]
    return any(owner[match.phrase][0] is concept and match.start <= other.start and other.end <= match.end
               for match in covers)


def _label(concept: str) -> str:
    """The concept's English name in the glossary, or its identifier."""
    from .glossary import load_glossary

    try:
        for term in load_glossary():
            if term.id == concept:
                return f"\"{term.name('en')}\""
    except Exception:  # a broken glossary is reported by the glossary check
        pass
    return concept
