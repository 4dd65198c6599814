#!/usr/bin/env python3
"""One-off: write `published:` into the front matter of every English practice,
module and news entry that lacks it, from the day git first saw the file.

    python scripts/fill_published.py [--dry-run]

It was run once when the field was introduced (December 2026) and its result
committed; the build itself never reads git, so the same files always give the
same site. New pages get `published:` from scripts/new.py. Kept for a fork
whose pages predate the field; running it again changes nothing.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ("practices", "modules", "news")
ENGLISH = re.compile(r"^[a-z0-9-]+\.md$")


def first_seen(path: Path) -> str:
    """The author date (year-month-day) of the commit that added `path`, following renames."""
    out = subprocess.run(["git", "log", "--follow", "--diff-filter=A", "--format=%as", "--", str(path)],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    if not out:
        raise SystemExit(f"{path.relative_to(REPO)}: not in git's history; commit it first, or write published: by hand")
    return out[-1]


def with_published(text: str, day: str, folder: str) -> str:
    """The page's text with `published: <day>` in its front matter: before `updated:`
    on a practice or module, after `date:` (or `end_date:`) on a news entry."""
    head, rest = text.split("\n---\n", 1) if text.startswith("---\n") else (None, None)
    if head is None:
        raise ValueError("no front matter")
    lines = head.split("\n")
    if any(line.startswith("published:") for line in lines):
        return text
    if folder == "news":
        anchor = max(i for i, line in enumerate(lines) if re.match(r"(end_)?date:", line)) + 1
    else:
        anchor = next(i for i, line in enumerate(lines) if line.startswith("updated:"))
    lines.insert(anchor, f"published: {day}")
    return "\n".join(lines) + "\n---\n" + rest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print what would be written, change nothing")
    args = parser.parse_args(argv)
    for folder in FOLDERS:
        for path in sorted((REPO / "docs" / folder).glob("*.md")):
            if not ENGLISH.match(path.name) or path.name == "index.md":
                continue
            text = path.read_text(encoding="utf-8")
            new = with_published(text, first_seen(path), folder)
            if new != text:
                print(f"{path.relative_to(REPO)}: published: {first_seen(path)}")
                if not args.dry_run:
                    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
