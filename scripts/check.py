#!/usr/bin/env python3
"""Check the content without building the site: every rule the build applies.

    python scripts/check.py            # the whole docs/ tree
    python scripts/check.py --docs-dir other/docs

Exit code 0 when the content is fine, 1 when there are problems. In GitHub
Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow
annotation, so it shows on its line in the pull request.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.check import annotations, content_problems, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args(argv)
    result = content_problems(args.docs_dir)
    print(report(result))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        text = annotations(result)
        if text:
            print(text)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
