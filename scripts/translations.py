#!/usr/bin/env python3
"""Translations at a glance, and bookkeeping after translating or reviewing.

    python scripts/translations.py status [LANG ...]       what is missing, a draft, out of date, reviewed
    python scripts/translations.py mark-current FILE ...   record that FILE matches today's English page
    python scripts/translations.py mark-current FILE --reviewed-by "Return counsellor, native speaker"
                                                           ... and that a native speaker reviewed it
                                                           (the reviewing organisation or role, never a person)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.errors import ContentErrors  # noqa: E402
from learning_platform.loading import load_library  # noqa: E402
from learning_platform.translations import STATES, mark_current, status  # noqa: E402

DOCS = REPO / "docs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("status", help="list pages by translation state")
    show.add_argument("languages", nargs="*")
    show.add_argument("--all", action="store_true", help="list reviewed pages too")
    mark = commands.add_parser("mark-current", help="record the English version a translation matches")
    mark.add_argument("files", nargs="+")
    mark.add_argument("--reviewed-by", help="the reviewing organisation or role (never a person's name or contact)")
    args = parser.parse_args(argv)

    if args.command == "mark-current":
        for name in args.files:
            relative = Path(name).resolve().relative_to(DOCS).as_posix()
            value = mark_current(DOCS, relative, args.reviewed_by)
            print(f"docs/{relative}: source_fingerprint {value}"
                  + (f", reviewed by {args.reviewed_by}" if args.reviewed_by else ""))
        return 0

    try:
        library = load_library(DOCS)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    report = status(library)
    for lang in args.languages or report:
        if lang not in report:
            print(f"Unknown language '{lang}'; known: {', '.join(report)}", file=sys.stderr)
            return 2
        counts = ", ".join(f"{len(report[lang][state])} {state}" for state in STATES)
        print(f"{lang}: {counts}")
        for state in STATES:
            if state == "reviewed" and not args.all:
                continue
            for path in report[lang][state]:
                print(f"  {state:9} docs/{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
