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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import ContentError
from .vocabulary import DATA_DIR

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
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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


def check_text(file: str, text: str, rules: tuple[TermRule, ...], first_line: int = 1) -> Iterator[TermFinding]:
    in_code = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        visible = _exempt(line)
        for rule in rules:
            for match in rule.pattern.finditer(visible):
                yield TermFinding(file, number, line[match.start():match.end()], rule)


def check_language(docs_dir: Path, lang: str, data_dir: Path = DATA_DIR) -> list[TermFinding]:
    """Every variant to avoid in this language's translation files and interface strings."""
    rules = load_rules(lang, data_dir)
    if not rules:
        return []
    findings: list[TermFinding] = []
    for path in sorted(docs_dir.rglob(f"*.{lang}.md")):
        relative = path.relative_to(docs_dir).as_posix()
        findings.extend(check_text(relative, path.read_text(encoding="utf-8"), rules))
    for name in ("ui.yml", "vocabulary.yml", "glossary.yml"):
        path = data_dir / name
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            part = _language_part(line, lang)
            if part:
                findings.extend(check_text(f"../data/{name}", part, rules, number))
    return findings


def _language_part(line: str, lang: str) -> str:
    """In a YAML line of labels, only this language's text (`sq: "..."`)."""
    parts = re.findall(rf"(?<![\w-]){re.escape(lang)}:\s*\"((?:[^\"\\]|\\.)*)\"", line)
    return " … ".join(parts)
