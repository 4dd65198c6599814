#!/usr/bin/env python3
"""The fast build: every language, the five after English in two processes (or more: --workers).

    python scripts/build.py [--site-dir site] [--workers 2] [any other mkdocs build option]

The files it writes are byte for byte those of `mkdocs build --strict`
(tests/test_speed.py compares them); only the time differs. See
hooks/language_workers.py.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    args, rest = parser.parse_known_args(argv)
    env = {**os.environ, "PLATFORM_BUILD_WORKERS": str(args.workers), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *rest]
    return subprocess.run(command, cwd=Path.cwd(), env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
