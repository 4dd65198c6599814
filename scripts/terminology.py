#!/usr/bin/env python3
"""The language check of one language, for its editors.

    python scripts/terminology.py check sr      # that language's problems only, by file
    python scripts/terminology.py concepts sr   # each concept's renderings and where they are
    python scripts/terminology.py try sr "Обухватите улогу."   # what the rules say of a text

`check` prints what the content check reports for the language (its pages and
interface strings) and exits 1 when there is anything to fix. `try` reads a
text given on the command line as a line of a page (add --string to read it as
an interface string), to see what a new rule catches before a test is written. `concepts` lists,
for each concept of data/terminology/<lang>.yml, the term and every other
rendering with the places they occur, the term included, so an editor can see
how the pages say a thing before settling it. The rules are explained in
data/terminology/README.md.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.acronyms import acronym_findings  # noqa: E402
from learning_platform.consistency import concept_findings, concept_usage  # noqa: E402
from learning_platform.language_check import check_language, language_units  # noqa: E402
from learning_platform.terminology import RulesError, Unit, check_text, load_language  # noqa: E402
from learning_platform.vocabulary import load_vocabulary  # noqa: E402


def _where(file: str) -> str:
    return file[3:] if file.startswith("../") else f"docs/{file}"


def check(docs_dir: Path, lang: str) -> int:
    findings = check_language(docs_dir, lang)
    by_file = defaultdict(list)
    for finding in findings:
        by_file[_where(finding.file)].append(finding)
    for file in sorted(by_file):
        print(file)
        for finding in sorted(by_file[file], key=lambda f: (f.line, f.check)):
            print(f"  line {finding.line}, {finding.check}: {finding.explanation} (found: {finding.found})")
            print(f"    Write: {finding.advice}")
    count = len(findings)
    print(f"\n{count} problem{'s' if count != 1 else ''} in {lang}." if count else f"No problems in {lang}.")
    return 1 if count else 0


def concepts(docs_dir: Path, lang: str) -> int:
    usage = concept_usage(language_units(docs_dir, lang), load_language(lang))
    if not usage:
        print(f"data/terminology/{lang}.yml lists no concepts.")
    for concept, renderings in usage.items():
        print(concept)
        for index, (rendering, places) in enumerate(renderings.items()):
            label = "term" if index == 0 else "other"
            shown = ", ".join(f"{_where(file)}:{line}" for file, line in places[:8])
            more = f" and {len(places) - 8} more" if len(places) > 8 else ""
            print(f"  {label} \"{rendering}\": {len(places)}" + (f" ({shown}{more})" if places else ""))
    return 0


def try_text(lang: str, text: str, string: bool) -> int:
    language = load_language(lang)
    unit = [Unit("(text)", 1, text, string)]
    findings = [*check_text("(text)", text, language, data=string), *concept_findings(unit, language),
                *acronym_findings(unit, language)]
    for finding in findings:
        print(f"{finding.check}: {finding.explanation} (found: {finding.found})\n    Write: {finding.advice}")
    if not findings:
        print(f"Nothing to report in {lang}.")
    return 1 if findings else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("check", "concepts", "try"))
    parser.add_argument("lang", help="a language written by hand: " + ", ".join(
        language.code for language in load_vocabulary().languages if language.generated_from is None))
    parser.add_argument("text", nargs="?", help="for try: the text to read")
    parser.add_argument("--string", action="store_true", help="for try: read the text as an interface string")
    parser.add_argument("--docs-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args(argv)
    known = [language.code for language in load_vocabulary().languages if language.generated_from is None]
    if args.lang not in known:
        parser.error(f"'{args.lang}' is not a language written by hand; known: {', '.join(known)}")
    if (args.command == "try") != (args.text is not None):
        parser.error("try takes the text to read; check and concepts take none")
    try:
        if args.command == "try":
            return try_text(args.lang, args.text, args.string)
        return check(args.docs_dir, args.lang) if args.command == "check" else concepts(args.docs_dir, args.lang)
    except RulesError as problem:
        print(f"The rules cannot be used: {problem}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
