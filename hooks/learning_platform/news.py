"""News and events: `docs/news/<slug>.md` entries, the timeline page that lists
them newest first in every language, and dates written the reader's way.

A new entry needs nothing but its file: the timeline, the feeds and the home
page pick it up from its front matter."""
from __future__ import annotations

import datetime as dt

from typing import Sequence

from babel.dates import format_date, get_date_format

from .context import Context, esc
from .model import NewsItem
from .urls import anchor

# Babel's locale for each language of the site (British English, Serbian in both scripts).
LOCALES = {"en": "en_GB", "sq": "sq", "mk": "mk", "sr": "sr", "sr-Latn": "sr_Latn", "bs": "bs"}


def long_date(day: dt.date, lang: str, months: Sequence[str]) -> str:
    """The language's long date (Babel's pattern: "5 December 2026", "5. децембра 2026.")
    with the month as a date writes it after its day (data/ui.yml date.months:
    Serbian and Bosnian decline it, where the locale data has the nominative)."""
    locale = LOCALES.get(lang, "en_GB")
    pattern = get_date_format("long", locale=locale).pattern
    return format_date(day, pattern.replace("MMMM", f"'{months[day.month - 1]}'"), locale=locale)


def event_dates(item: NewsItem, lang: str, months: Sequence[str]) -> str:
    """"16 November 2022", or "15–16 November 2022" for an event over several days."""
    start, end = item.date, item.end_date
    locale = LOCALES.get(lang, "en_GB")
    if not end or end == start:
        return long_date(start, lang, months)
    if (start.year, start.month) == (end.year, end.month):
        return f"{format_date(start, 'd', locale=locale)}–{long_date(end, lang, months)}"
    return f"{long_date(start, lang, months)} – {long_date(end, lang, months)}"


def _dates(ctx: Context, item: NewsItem) -> str:
    return (f'<time datetime="{item.date.isoformat()}">'
            f'{esc(event_dates(item, ctx.lang, ctx.t("date.months").split(",")))}</time>')


def news_header(ctx: Context, item: NewsItem) -> str:
    partners = ", ".join(ctx.label("partners", code) for code in item.partners)
    meta = _dates(ctx, item)
    if partners:
        meta += f' · {esc(partners)}'
    return f'<p class="news-meta">{meta}</p>'


def news_timeline(ctx: Context) -> str:
    items = ctx.library.news_by_date
    if not items:
        return ctx.html(f"<p>{esc(ctx.t('news.none'))}</p>")
    parts = []
    year = None
    for item in items:
        if item.date.year != year:
            year = item.date.year
            parts.append(ctx.heading(2, str(year), anchor("year", year)))
        partners = ", ".join(ctx.label("partners", code) for code in item.partners)
        parts.append(ctx.html(
            f'<article class="timeline__entry"><p class="timeline__date">'
            f'{_dates(ctx, item)}</p>'
            f'<h3 class="timeline__title">{ctx.page_link(item)}</h3>'
            f'<p>{esc(ctx.summary(item))}</p>'
            + (f'<p class="timeline__partners">{esc(partners)}</p>' if partners else "")
            + "</article>"))
    return ctx.html('<div class="timeline">') + "".join(parts) + ctx.html("</div>")


def latest_news(ctx: Context, count: int = 3) -> str:
    """The newest entries, for the home page."""
    items = ctx.library.news_by_date[:count]
    if not items:
        return ""
    entries = "".join(
        f'<li>{_dates(ctx, item)}: {ctx.page_link(item)}</li>'
        for item in items)
    return (ctx.heading(2, ctx.t("home.news.heading"), "news")
            + ctx.html(f'<ul class="latest-news">{entries}</ul><p>{ctx.a(ctx.t("home.news.all"), "news/index.md")}</p>'))
