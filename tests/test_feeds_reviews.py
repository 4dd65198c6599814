"""Feeds and reviews that tell the truth (issue 18, item 7): each entry's
published and updated dates come from front matter, news sits among the
rest by date, an updated entry says so; the editors' page looks a year ahead
and links the translations' work beside the content reviews."""
from __future__ import annotations

from pathlib import Path

from conftest import REPO
from test_site import front_matter
from test_validation import NEWS, PRACTICE, edited, message_about, refused, write

ENGLISH_PAGES = sorted(path for folder in ("practices", "modules", "news") for path in (REPO / "docs" / folder).glob("*.md")
                       if path.stem != "index" and "." not in path.stem)


# -- the published: field ----------------------------------------------------------------


def test_every_practice_module_and_news_entry_says_when_it_was_published():
    assert len(ENGLISH_PAGES) >= 30
    for path in ENGLISH_PAGES:
        meta = front_matter(path)
        assert "published" in meta, path
        if "updated" in meta:
            assert meta["published"] <= meta["updated"], path


def test_published_after_the_last_update_fails_naming_file_field_and_the_line_to_paste(docs_copy: Path):
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated: 2025-01-30", "published: 2025-03-01\nupdated: 2025-01-30"))
    message = message_about(refused(docs_copy), "practices/x.md", "published")
    assert "docs/practices/x.md" in message and "line 9" in message and "2025-03-01" in message
    assert "published: 2025-01-30" in message


def test_a_published_date_that_is_not_a_date_fails_naming_the_news_entry(docs_copy: Path):
    write(docs_copy, "news/x.md", edited(NEWS, "partners:", "published: last week\npartners:"))
    message = message_about(refused(docs_copy), "news/x.md", "published")
    assert "docs/news/x.md" in message and "last week" in message and "published: 2026-11-23" in message
