#!/usr/bin/env python3
"""Every outside address the pages cite, with the pages that cite it, for an
editor's one-pass re-check; addresses to fix are marked PROBLEM: a locale other
than English (EUR-Lex's /AUTO/ included), navigation or tracking junk, a copy on
a third-party site not labelled as one, an untitled upload.

    python scripts/sources.py              # all addresses
    python scripts/sources.py --problems   # only those to fix (exit code 1 if any)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.sources_report import citation_problems, citations, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--problems", action="store_true", help="only the addresses to fix")
    parser.add_argument("--docs-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args(argv)
    found = citations(args.docs_dir)
    print(report(found, only_problems=args.problems))
    return 1 if args.problems and any(citation_problems(citation) for citation in found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
