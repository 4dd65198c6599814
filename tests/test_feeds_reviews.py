"""Feeds and reviews that tell the truth (issue 18, item 7): each entry's
published and updated dates come from front matter, news sits among the
rest by date, an updated entry says so; the editors' page looks a year ahead
and links the translations' work beside the content reviews."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO
from helpers import PRACTICE
from learning_platform.feeds import atom_feed
from learning_platform.loading import load_library
from test_site import front_matter
from test_validation import NEWS, edited, message_about, refused, write

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
    assert "docs/news/x.md" in message and "last week" in message
    assert "To fix: write the date as year-month-day: 2025-01-30 is 30 January 2025" in message  # no made-up date


# -- feeds -------------------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_url:"))


def entries_of(feed_xml: bytes) -> list[dict]:
    root = ET.fromstring(feed_xml)
    return [{"title": entry.find(f"{ATOM}title").text, "link": entry.find(f"{ATOM}link").get("href"),
             "published": entry.find(f"{ATOM}published").text[:10], "updated": entry.find(f"{ATOM}updated").text[:10],
             "summary": entry.find(f"{ATOM}summary").text, "category": entry.find(f"{ATOM}category").get("term")}
            for entry in root.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("lang", ["en", "sr"])
def test_each_feed_entry_carries_published_and_updated_from_front_matter(built_site, lang):
    entries = entries_of((built_site / ("" if lang == "en" else f"{lang}/") / "feed.xml").read_bytes())
    assert len(entries) == len(ENGLISH_PAGES)
    for entry in entries:
        path = entry["link"][len(SITE_URL) + (0 if lang == "en" else len(lang) + 1):].rstrip("/")
        meta = front_matter(REPO / "docs" / f"{path}.md")
        assert entry["published"] == str(meta["published"]), path
        assert entry["updated"] == str(meta.get("updated", meta["published"])), path
    updated = [entry["updated"] for entry in entries]
    assert updated == sorted(updated, reverse=True)


DATED_PRACTICE = PRACTICE.replace("updated: 2025-01-30", "published: {published}\nupdated: {updated}")
OLD_EVENT = NEWS.replace("date: 2025-01-28\nend_date: 2025-01-30", "date: 2019-03-01\npublished: 2025-05-15")


def _feed_with_fixtures(docs: Path, lang: str) -> list[dict]:
    write(docs, "practices/zz-revised.md", DATED_PRACTICE.format(published="2025-01-10", updated="2025-06-01")
          .replace("Test practice", "Zz revised practice"))
    write(docs, "practices/zz-new.md", DATED_PRACTICE.format(published="2025-05-01", updated="2025-05-01")
          .replace("Test practice", "Zz new practice"))
    write(docs, "news/zz-old-event.md", OLD_EVENT.replace("Test event", "Zz old event"))
    library = load_library(docs)
    return [entry for entry in entries_of(atom_feed(library, lang, SITE_URL, dt.date(2025, 7, 1)))
            if "/zz-" in entry["link"]]


def test_news_sits_among_the_other_entries_by_the_day_it_was_posted_not_the_day_of_the_event(docs_copy: Path):
    entries = _feed_with_fixtures(docs_copy, "en")
    assert [entry["link"].rsplit("/", 2)[-2] for entry in entries] == ["zz-revised", "zz-old-event", "zz-new"]
    news = entries[1]
    assert news["title"] == "News: Zz old event" and news["published"] == news["updated"] == "2025-05-15"


def test_an_updated_entry_is_marked_as_updated_and_a_new_one_is_not(docs_copy: Path):
    revised, _news, new = _feed_with_fixtures(docs_copy, "en")
    assert revised["title"] == "Practice (updated): Zz revised practice"
    assert revised["summary"].startswith("Updated 2025-06-01; first published 2025-01-10. ")
    assert (revised["published"], revised["updated"], revised["category"]) == ("2025-01-10", "2025-06-01", "updated")
    assert new["title"] == "Practice: Zz new practice" and new["category"] == "new"
    assert not new["summary"].startswith("Updated")
    serbian = _feed_with_fixtures(docs_copy, "sr")[0]
    assert serbian["title"] == "Пракса (ажурирање): Zz revised practice"
    assert serbian["summary"].startswith("Ажурирано 2025-06-01; први пут објављено 2025-01-10. ")


# -- the editors' page ----------------------------------------------------------------------------


def _editors_page(docs: Path, lang: str, today: dt.date) -> str:
    from learning_platform.context import Context
    from learning_platform.review import reviews_page

    ctx = Context(load_library(docs), lang, "reviews.md")
    markdown = reviews_page(ctx, today)
    return ctx.fragments.fill(markdown)


def test_the_editors_page_looks_twelve_months_ahead_month_by_month(docs_copy: Path):
    write(docs_copy, "practices/zz-june.md", DATED_PRACTICE.format(published="2025-06-03", updated="2025-06-03")
          .replace("Test practice", "Zz June practice"))  # due 2026-06-03
    write(docs_copy, "practices/zz-late.md", DATED_PRACTICE.format(published="2025-12-20", updated="2025-12-20")
          .replace("Test practice", "Zz late practice"))  # due 2026-12-20: past the twelve months
    write(docs_copy, "practices/zz-old.md", DATED_PRACTICE.format(published="2024-01-05", updated="2024-01-05")
          .replace("Test practice", "Zz old practice"))  # due 2025-01-05: overdue
    page = _editors_page(docs_copy, "en", dt.date(2025, 12, 15))
    overdue, soon = page.split("## Due in the next twelve months", 1)
    assert "Zz old practice" in overdue and "Zz June practice" not in overdue
    assert "until 2026-12-15" in page
    june = soon.split('<h3 class="review-month">June 2026</h3>', 1)[1].split("<h3", 1)[0]
    assert "Zz June practice" in june
    assert "Zz late practice" not in page
    serbian = _editors_page(docs_copy, "sr", dt.date(2025, 12, 15))
    assert '<h3 class="review-month">јун 2026.</h3>' in serbian


def test_the_editors_page_links_the_translations_review_queue_beside_content_reviews(docs_copy: Path):
    page = _editors_page(docs_copy, "en", dt.date(2026, 12, 15))
    queue = page.split("## Translations waiting for review", 1)[1]
    assert '<a href="../translations/">the translations page.</a>' in queue
    for lang in ("sq", "mk", "sr", "bs"):
        assert f'<li data-review-language="{lang}"><a href="../translations/#language-{lang}" lang="{lang}">' in queue
    assert re.search(r'data-review-language="sq">.*?waiting: \d+ \(machine drafts: \d+, outdated: \d+\)</li>', queue)
