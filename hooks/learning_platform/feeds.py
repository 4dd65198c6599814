"""One Atom feed per language: new and updated practices, modules and news,
newest first, with absolute links to that language's pages.

Each entry's dates come from front matter, never from the clock or from git
(the same files give the same feed): `published` is the day the page first
appeared (`published:`), `updated` the day of its last change (`updated:`; a
news entry is not updated, so both are its `published:`). Entries are in the
order of their last change, news among the rest; an entry changed after it
was first published says so in its title and summary, so a reader of the feed
tells a new page from a revised one.

Written with feedgen, a maintained Atom/RSS library: it escapes text, writes
valid Atom dates and ids, and sets the feed's language per file, so six feeds
are six small calls rather than an XML writer of our own."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from .model import Library, Module, NewsItem, Page, Practice
from .urls import url_of

FEED_FILE = "feed.xml"
FEED_SIZE = 50


def absolute(base: str, url: str) -> str:
    return (base.rstrip("/") + "/" if base else "/") + url


@dataclass(frozen=True)
class FeedEntry:
    page: Page
    published: dt.date
    updated: dt.date

    @property
    def revised(self) -> bool:
        """Changed after it first appeared."""
        return self.updated > self.published


def feed_entries(library: Library) -> list[FeedEntry]:
    """Every practice, module and news entry with its dates, last changed first."""
    entries = [FeedEntry(page, page.published, page.updated)
               for page in (*library.practices.values(), *library.modules.values())]
    entries += [FeedEntry(item, item.published, item.published) for item in library.news.values()]
    return sorted(entries, key=lambda entry: (entry.updated, entry.published, entry.page.path), reverse=True)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _kind(page: Page) -> str:
    return ("feed.kind.practice" if isinstance(page, Practice) else
            "feed.kind.module" if isinstance(page, Module) else "feed.kind.news")


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
    feed.updated(_moment(entries[0].updated if entries else today))
    for item in entries:
        page = item.page
        entry = feed.add_entry(order="append")
        address = absolute(base, url_of(page.path, lang))
        kind = vocabulary.text(_kind(page), lang)
        title = library.title(page, lang)
        summary = library.summary(page, lang) or title
        if item.revised:
            kind = vocabulary.text("feed.revised", lang, kind=kind)
            summary = vocabulary.text("feed.revised_summary", lang, updated=item.updated.isoformat(),
                                      published=item.published.isoformat()) + " " + summary
        entry.id(address)
        entry.title(f"{kind}: {title}")
        entry.link(href=address, rel="alternate")
        entry.summary(summary)
        entry.published(_moment(item.published))
        entry.updated(_moment(item.updated))
        entry.category(term="updated" if item.revised else "new",
                       label=vocabulary.text("feed.category.updated" if item.revised else "feed.category.new", lang))
    return feed.atom_str(pretty=True)
