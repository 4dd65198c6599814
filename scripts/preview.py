#!/usr/bin/env python3
"""Preview while you write: English and one language, rebuilt page by page.

    python scripts/preview.py            # English only
    python scripts/preview.py sq         # English and Albanian (sq, mk, sr, sr-Latn, bs)

It serves the site at http://127.0.0.1:8000/platform/ and, when you save a
page, rebuilds only that page (in English and in the chosen language) and
reloads it in the browser. Lists, tables and the search keep what they were
when the preview started; `make serve` rebuilds everything, in all six
languages, after every change.
"""
from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language", nargs="?", default="en")
    parser.add_argument("--address", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLATFORM_PREVIEW_LANGUAGE": args.language}
    # Not strict: MkDocs warns that a dirty build may leave other pages stale, which is
    # what a preview is; `make build` and the pull-request check are strict.
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--livereload", "-a", args.address]
    # This process becomes the server (no child left behind when it is stopped).
    os.execve(sys.executable, command, env)
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main())
