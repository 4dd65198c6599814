#!/usr/bin/env python3
"""The fast build: every language, the five after English in several processes.

    python scripts/build.py [--site-dir site] [--workers N] [any other mkdocs build option]

By default one process more than the machine has CPUs, at most five (three on
a two-CPU machine): the first process also writes the English pages and what
spans languages, so with as many processes as CPUs one core waits at the end.
Measured at 1,000 practices on two idle CPUs (bench/README.md): three
processes took 33.2 and 38.0 s where two took 42.1 and 41.0 s, in alternating
builds, and each process held less (209 against 231 MB at its peak).

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
    parser.add_argument("--workers", type=int, default=min(5, (os.cpu_count() or 1) + 1))
    args, rest = parser.parse_known_args(argv)
    env = {**os.environ, "PLATFORM_BUILD_WORKERS": str(args.workers), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *rest]
    return subprocess.run(command, cwd=Path.cwd(), env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
