#!/usr/bin/env python3
"""Write the allowed-values tables of the contributors' guides from the vocabulary.

    python scripts/contributing.py

CONTRIBUTING.md (English) and docs/contribute*.md (the site's "How to
contribute" page in every language) carry the allowed values of each field as
tables in words, between `<!-- allowed values: NAME -->` and
`<!-- end of allowed values -->`. After a change to data/vocabulary.yml (or
to an action's title), run this; a test fails while a guide differs.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.contributor_guide import refresh  # noqa: E402
from learning_platform.frontmatter import split_front_matter  # noqa: E402
from learning_platform.model import ACTION_COUNT  # noqa: E402
from learning_platform.vocabulary import DEFAULT_LANGUAGE, load_vocabulary  # noqa: E402


def guides() -> dict[Path, str]:
    """Each guide and its language."""
    found = {REPO / "CONTRIBUTING.md": DEFAULT_LANGUAGE, REPO / "docs/contribute.md": DEFAULT_LANGUAGE}
    for path in sorted((REPO / "docs").glob("contribute.*.md")):
        found[path] = path.name.split(".")[1]
    return found


def action_titles(lang: str) -> dict[int, str]:
    """Each action's title in `lang` (the English one where the translation has none), from its page."""
    titles = {}
    for number in range(1, ACTION_COUNT + 1):
        for path in (REPO / f"docs/actions/{number}.{lang}.md", REPO / f"docs/actions/{number}.md"):
            if path.exists():
                front, _body, _line = split_front_matter(path.name, path.read_text(encoding="utf-8"))
                if isinstance(front.get("title"), str):
                    titles[number] = front["title"]
                    break
    return titles


def main() -> int:
    vocabulary = load_vocabulary()
    for path, lang in guides().items():
        text = path.read_text(encoding="utf-8")
        new = refresh(text, vocabulary, lang, action_titles(lang))
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"Written: {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
