#!/usr/bin/env python3
"""Write the JSON Schemas of the front matter into schema/ (also published with
the site at <site_url>/schema/). Run after changing data/vocabulary.yml; a test
fails while the committed files differ from what this writes.

    python scripts/schema.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.schema import schema_files  # noqa: E402
from learning_platform.vocabulary import load_vocabulary  # noqa: E402


def site_url() -> str:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for line in config.splitlines():
        if line.startswith("site_url:"):
            return yaml.safe_load(line)["site_url"]
    return ""


def main() -> int:
    for path, text in schema_files(load_vocabulary(), site_url()).items():
        (REPO / path).parent.mkdir(parents=True, exist_ok=True)
        (REPO / path).write_text(text, encoding="utf-8")
        print(f"Written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
