#!/usr/bin/env python3
"""Start a new page from the templates, with valid front matter.

    python scripts/new.py practice "Family tracing for separated children" \\
        --kind method --actions 13,21 --partners BA,RS --groups separated-children
    python scripts/new.py module "Readmission interviews" --actions 15 --audience return-officers
    python scripts/new.py news "Regional meeting on return" --date 2026-11-20 --partners BA,ME
    python scripts/new.py translation docs/practices/cultural-mediation.md sq

Options left out are asked for when the command runs in a terminal. The file
name comes from the title (Cyrillic written in Latin); an existing one is
refused. A translation starts from the English text, with the fingerprint of
the English version it follows.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.review import build_date  # noqa: E402
from learning_platform.scaffold import ScaffoldError, new_page, new_translation  # noqa: E402
from learning_platform.vocabulary import load_vocabulary  # noqa: E402


def _codes(text: str | None) -> list[str] | None:
    return None if text is None else [part.strip() for part in text.split(",") if part.strip()]


def _ask(label: str, allowed: list[str] | None = None) -> str | None:
    if not sys.stdin.isatty():
        return None
    hint = f" ({', '.join(allowed)})" if allowed else ""
    answer = input(f"{label}{hint}, separated by commas, or Enter to skip: ").strip()
    return answer or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("type", choices=["practice", "module", "news", "translation"])
    parser.add_argument("title", help="the title; for a translation: the English page")
    parser.add_argument("language", nargs="?", help="for a translation: sq, mk, sr or bs")
    parser.add_argument("--slug", help="the file name, if not made from the title")
    parser.add_argument("--summary")
    parser.add_argument("--kind", help="kind of practice")
    parser.add_argument("--actions", help="e.g. 16,21")
    parser.add_argument("--partners", help="e.g. BA,RS")
    parser.add_argument("--groups", help="target groups, e.g. returnees,families")
    parser.add_argument("--audience", help="e.g. return-officers,social-workers")
    parser.add_argument("--stage", help="e.g. return-preparation")
    parser.add_argument("--date", help="news: the day of the event, year-month-day")
    parser.add_argument("--docs-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args(argv)
    vocabulary = load_vocabulary()
    try:
        if args.type == "translation":
            if not args.language:
                parser.error("a translation needs the language: sq, mk, sr or bs")
            path = new_translation(args.docs_dir, Path(args.title), args.language, vocabulary)
        else:
            fields = {"summary": args.summary}
            if args.type in ("practice", "module"):
                fields["actions"] = _codes(args.actions or _ask("Actions (1-21)")) or None
                fields["audience"] = _codes(args.audience or _ask("Audience", list(vocabulary.audiences)))
            if args.type == "practice":
                fields["kind_of_practice"] = args.kind or _ask("Kind", list(vocabulary.kinds))
                fields["partners"] = _codes(args.partners or _ask("Partners", list(vocabulary.partners)))
                fields["target_groups"] = _codes(args.groups or _ask("Target groups", list(vocabulary.target_groups)))
                fields["stage"] = _codes(args.stage or _ask("Stages", list(vocabulary.stages)))
            if args.type == "news":
                fields["date"] = args.date
                fields["partners"] = _codes(args.partners)
            path = new_page(args.docs_dir, args.type, args.title, vocabulary, build_date(), slug=args.slug,
                            **{k: v for k, v in fields.items() if v is not None})
    except ScaffoldError as problem:
        print(f"Not written: {problem}", file=sys.stderr)
        return 2
    print(f"Written: {path.relative_to(args.docs_dir.parent) if args.docs_dir.parent in path.parents else path}")
    print("Next: write the text, then run python scripts/check.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
