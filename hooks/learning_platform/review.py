"""Review dates: when each practice and module was last checked, when its next
review is due (a year after the update, or sooner where its front matter says
so), and the editors' page: what is overdue, what falls due in the next twelve
months month by month (a year ahead, because pages are reviewed once a year:
a shorter window shows nothing until the day a whole batch falls due), and,
beside the content, the translations waiting for a native speaker.

"Today" is the build's date, or SOURCE_DATE_EPOCH when set (reproducible
builds: two builds of the same files on the same day write the same pages)."""
from __future__ import annotations

import datetime as dt
import os
from itertools import groupby

from .context import Context, esc
from .model import Library, Reviewed
from .translations import status
from .urls import anchor

HORIZON_MONTHS = 12


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def months_ahead(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter: 31 Jan + 1 -> 28 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def reviewed_pages(library: Library) -> list[Reviewed]:
    return [*library.practices.values(), *library.modules.values()]


def due_lists(library: Library, today: dt.date) -> tuple[list[Reviewed], list[Reviewed]]:
    """(overdue, due within the next twelve months), each soonest first."""
    pages = sorted(reviewed_pages(library), key=lambda page: (page.review_due, page.path))
    horizon = months_ahead(today, HORIZON_MONTHS)
    overdue = [page for page in pages if page.review_due < today]
    soon = [page for page in pages if today <= page.review_due <= horizon]
    return overdue, soon


def month_name(ctx: Context, day: dt.date) -> str:
    """'December 2027', 'децембар 2027.', in the reader's language (the months of data/ui.yml)."""
    return ctx.t("date.month_year", month=ctx.t("date.months_alone").split(",")[day.month - 1], year=day.year)


def translation_queue(ctx: Context) -> str:
    """Per language, the translations a native speaker should review (machine
    drafts) or bring up to date (outdated), linked to the translations page."""
    rows = []
    for lang, states in status(ctx.library).items():
        waiting = len(states["machine"]) + len(states["outdated"])
        name = esc(ctx.library.vocabulary.language(lang).name)
        rows.append(f'<li data-review-language="{lang}"><a href="{esc(ctx.href("translations.md", anchor("language", lang)))}" '
                    f'lang="{lang}">{name}</a>: '
                    f'{esc(ctx.t("reviews.translations.counts", machine=len(states["machine"]), outdated=len(states["outdated"]), waiting=waiting))}</li>')
    return (f'<p>{esc(ctx.t("reviews.translations.lead"))} {ctx.a(ctx.t("reviews.translations.link"), "translations.md")}</p>'
            f'<ul class="review-list">{"".join(rows)}</ul>')


def reviews_page(ctx: Context, today: dt.date) -> str:
    overdue, soon = due_lists(ctx.library, today)

    def entry(page: Reviewed, state: str) -> str:
        return (f'<li data-review="{state}">{ctx.page_link(page)}: '
                f'{esc(ctx.t("review.dates", updated=page.updated.isoformat(), due=page.review_due.isoformat()))}</li>')

    if overdue:
        overdue_html = '<ul class="review-list">' + "".join(entry(page, "overdue") for page in overdue) + "</ul>"
    else:
        overdue_html = f'<p>{esc(ctx.t("reviews.overdue.none"))}</p>'
    if soon:
        soon_html = "".join(
            f'<h3 class="review-month">{esc(month_name(ctx, month))}</h3><ul class="review-list">'
            + "".join(entry(page, "soon") for page in pages) + "</ul>"
            for month, pages in ((month, list(group)) for month, group in
                                 groupby(soon, key=lambda page: page.review_due.replace(day=1))))
    else:
        soon_html = f'<p>{esc(ctx.t("reviews.soon.none"))}</p>'
    horizon = months_ahead(today, HORIZON_MONTHS)
    return (ctx.html(f"<p>{esc(ctx.t('reviews.date', today=today.isoformat(), until=horizon.isoformat()))}</p>")
            + ctx.heading(2, ctx.t("reviews.overdue.heading", count=len(overdue)), "overdue")
            + ctx.html(overdue_html)
            + ctx.heading(2, ctx.t("reviews.soon.heading", count=len(soon)), "due-soon")
            + ctx.html(soon_html)
            + ctx.heading(2, ctx.t("reviews.translations.heading"), "translations")
            + ctx.html(translation_queue(ctx)))
