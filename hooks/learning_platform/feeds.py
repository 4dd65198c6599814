"""One Atom feed per language: new and updated practices, modules and news,
newest first, with absolute links to that language's pages.

Written with feedgen, a maintained Atom/RSS library: it escapes text, writes
valid Atom dates and ids, and sets the feed's language per file, so six feeds
are six small calls rather than an XML writer of our own."""
from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from .model import Library, Module, NewsItem, Page, Practice
from .urls import url_of

FEED_FILE = "feed.xml"
FEED_SIZE = 50


def absolute(base: str, url: str) -> str:
    return (base.rstrip("/") + "/" if base else "/") + url


def feed_entries(library: Library) -> list[tuple[dt.date, Page]]:
    """Every practice, module and news entry with its date, newest first."""
    dated: list[tuple[dt.date, Page]] = []
    dated += [(p.updated, p) for p in library.practices.values()]
    dated += [(m.updated, m) for m in library.modules.values()]
    dated += [(n.date, n) for n in library.news.values()]
    return sorted(dated, key=lambda pair: (pair[0], pair[1].path), reverse=True)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def atom_feed(library: Library, lang: str, base: str, today: dt.date) -> bytes:
    vocabulary = library.vocabulary
    entries = feed_entries(library)[:FEED_SIZE]
    home = absolute(base, url_of("index.md", lang))
    feed = FeedGenerator()
    feed.id(absolute(base, url_of(FEED_FILE, lang)))
    feed.title(vocabulary.text("feed.title", lang))
    feed.subtitle(vocabulary.text("feed.subtitle", lang))
    feed.language(lang)
    feed.link(href=home, rel="alternate")
    feed.link(href=absolute(base, url_of(FEED_FILE, lang)), rel="self")
    feed.author({"name": vocabulary.text("site.name", lang)})
    # The newest entry's date, not the clock: the same files give the same feed.
    feed.updated(_moment(entries[0][0] if entries else today))
    for day, page in entries:
        entry = feed.add_entry(order="append")
        address = absolute(base, url_of(page.path, lang))
        kind = ("feed.kind.practice" if isinstance(page, Practice) else
                "feed.kind.module" if isinstance(page, Module) else "feed.kind.news")
        entry.id(address)
        entry.title(f"{vocabulary.text(kind, lang)}: {library.title(page, lang)}")
        entry.link(href=address, rel="alternate")
        entry.summary(library.summary(page, lang) or library.title(page, lang))
        entry.updated(_moment(day))
        if isinstance(page, NewsItem):
            entry.published(_moment(page.date))
    return feed.atom_str(pretty=True)
