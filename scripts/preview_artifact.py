#!/usr/bin/env python3
"""The pull request's preview: a copy of the built site that opens from disk.

    python scripts/preview_artifact.py site site-preview

Copies the built site and makes every folder link name its index.html, so
that a reviewer who downloads the artifact and unzips it can double-click
index.html and follow every link. Writes HOW-TO-OPEN.txt at the top (the two
steps, and how to get the search with a local web server).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.file_preview import browsable_from_disk  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("target", type=Path, help="where the copy is written (replaced if it exists)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site} holds no built site (no index.html)", file=sys.stderr)
        return 2
    pages = browsable_from_disk(args.site, args.target)
    print(f"Written: {args.target} ({pages} pages with links for reading from disk)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
