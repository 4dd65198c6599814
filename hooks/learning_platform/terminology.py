"""Terminology: each language's preferred terms, the variants to avoid, and a
check that finds those variants in that language's pages and interface strings.

`data/terminology/<lang>.yml` holds the rules, drawn from the glossary and from
editors' reviews:

    rules:
      - preferred: "kanalet e dakorduara"
        avoid: ["kanaleve të rëna dakord", "kanalet e rëna dakord"]
        note: "agreed channels; 'të rëna dakord' is a calque"

A variant is found as a whole word or phrase, without regard to capitals.
Quoted official text is exempt: Markdown quotations (lines starting with ">")
and text between „ and “ or « and ».
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator


from .errors import ContentError
from .vocabulary import DATA_DIR, read_yaml

TERMINOLOGY_DIR = "terminology"


@dataclass(frozen=True)
class TermRule:
    preferred: str
    avoid: tuple[str, ...]
    note: str
    pattern: re.Pattern


@dataclass(frozen=True)
class TermFinding:
    file: str
    line: int
    found: str
    rule: TermRule

    def error(self) -> ContentError:
        return ContentError(
            self.file, self.line, "terminology", self.found,
            f"this language's terminology uses \"{self.rule.preferred}\" instead"
            + (f" ({self.rule.note})" if self.rule.note else ""),
            self.rule.preferred,
        )


def _pattern(variants: Iterable[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=8)
def load_rules(lang: str, data_dir: Path = DATA_DIR) -> tuple[TermRule, ...]:
    path = data_dir / TERMINOLOGY_DIR / f"{lang}.yml"
    if not path.exists():
        return ()
    raw = read_yaml(path) or {}
    rules = []
    for index, entry in enumerate(raw.get("rules") or [], start=1):
        where = f"../data/{TERMINOLOGY_DIR}/{lang}.yml"
        if not isinstance(entry, dict) or not isinstance(entry.get("preferred"), str) \
                or not isinstance(entry.get("avoid"), list) or not entry["avoid"] \
                or not all(isinstance(v, str) and v.strip() for v in entry["avoid"]):
            raise ValueError(f"{where}, rules[{index}]: each rule gives preferred (text) and avoid "
                             f'(a list of texts), e.g. - {{preferred: "ММО", avoid: ["МОМ"]}}')
        avoid = tuple(v.strip() for v in entry["avoid"])
        rules.append(TermRule(entry["preferred"].strip(), avoid, str(entry.get("note") or "").strip(),
                              _pattern(avoid)))
    return tuple(rules)


_QUOTED = re.compile(r"„[^“\n]*“|«[^»\n]*»")


def _exempt(line: str) -> str:
    """The line with quoted official text blanked (same length, so columns hold)."""
    if line.lstrip().startswith(">"):
        return " " * len(line)
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), line)


@lru_cache(maxsize=16)
def _combined(rules: tuple[TermRule, ...]) -> re.Pattern:
    """One pattern for all of a language's rules: a page is read once, not once per rule."""
    return re.compile("|".join(f"(?P<r{index}>{rule.pattern.pattern})" for index, rule in enumerate(rules)),
                      re.IGNORECASE)


def check_text(file: str, text: str, rules: tuple[TermRule, ...], first_line: int = 1) -> Iterator[TermFinding]:
    lowered = " ".join(text.lower().split())  # a phrase may break across lines
    # A plain substring test first: most texts hold none of the variants.
    rules = tuple(rule for rule in rules if any(variant.lower() in lowered for variant in rule.avoid))
    if not rules:
        return
    visible, in_code = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            visible.append(" " * len(line))
        else:
            visible.append(" " * len(line) if in_code else _exempt(line))
    masked = "\n".join(visible)
    starts = [0]
    for match in re.finditer("\n", masked):
        starts.append(match.end())
    for match in _combined(rules).finditer(masked):
        index = int(match.lastgroup[1:])
        line = bisect_right(starts, match.start()) - 1
        yield TermFinding(file, first_line + line, text[match.start():match.end()], rules[index])


def check_language(docs_dir: Path, lang: str, data_dir: Path = DATA_DIR) -> list[TermFinding]:
    """Every variant to avoid in this language's translation files and interface strings."""
    rules = load_rules(lang, data_dir)
    if not rules:
        return []
    findings: list[TermFinding] = []
    for path in sorted(docs_dir.rglob(f"*.{lang}.md")):
        relative = path.relative_to(docs_dir).as_posix()
        findings.extend(_page_findings(relative, path.read_text(encoding="utf-8"), rules))
    for name in ("ui.yml", "vocabulary.yml", "glossary.yml"):
        findings.extend(_data_findings(name, (data_dir / name).read_text(encoding="utf-8"), lang, rules))
    return findings


# The same text and rules give the same findings: the preview checks again
# after every save, and only the saved file is read again.
@lru_cache(maxsize=4096)
def _page_findings(file: str, text: str, rules: tuple[TermRule, ...]) -> tuple[TermFinding, ...]:
    return tuple(check_text(file, text, rules))


@lru_cache(maxsize=64)
def _data_findings(name: str, text: str, lang: str, rules: tuple[TermRule, ...]) -> tuple[TermFinding, ...]:
    findings: list[TermFinding] = []
    for number, line in enumerate(text.split("\n"), start=1):
        part = _language_part(line, lang)
        if part:
            findings.extend(check_text(f"../data/{name}", part, rules, number))
    return tuple(findings)


def _language_part(line: str, lang: str) -> str:
    """In a YAML line of labels, only this language's text (`sq: "..."`)."""
    parts = re.findall(rf"(?<![\w-]){re.escape(lang)}:\s*\"((?:[^\"\\]|\\.)*)\"", line)
    return " … ".join(parts)
