"""Review dates: when each practice and module was last checked, when its next
review is due (a year after the update, or sooner where its front matter says
so), and the editors' list of what is overdue or due soon.

"Today" is the build's date, or SOURCE_DATE_EPOCH when set (reproducible
builds: two builds of the same files on the same day write the same pages)."""
from __future__ import annotations

import datetime as dt
import os

from .context import Context, esc
from .model import Library, Reviewed

DUE_SOON_DAYS = 90


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def reviewed_pages(library: Library) -> list[Reviewed]:
    return [*library.practices.values(), *library.modules.values()]


def due_lists(library: Library, today: dt.date) -> tuple[list[Reviewed], list[Reviewed]]:
    """(overdue, due within DUE_SOON_DAYS), each soonest first."""
    pages = sorted(reviewed_pages(library), key=lambda page: (page.review_due, page.path))
    overdue = [page for page in pages if page.review_due < today]
    soon = [page for page in pages if today <= page.review_due <= today + dt.timedelta(days=DUE_SOON_DAYS)]
    return overdue, soon


def reviews_page(ctx: Context, today: dt.date) -> str:
    overdue, soon = due_lists(ctx.library, today)

    def listing(pages: list[Reviewed], state: str) -> str:
        if not pages:
            return f'<p>{esc(ctx.t(f"reviews.{state}.none"))}</p>'
        entries = "".join(
            f'<li data-review="{state}">{ctx.page_link(page)}: '
            f'{esc(ctx.t("review.dates", updated=page.updated.isoformat(), due=page.review_due.isoformat()))}</li>'
            for page in pages)
        return f'<ul class="review-list">{entries}</ul>'

    return (ctx.html(f"<p>{esc(ctx.t('reviews.date', today=today.isoformat(), days=DUE_SOON_DAYS))}</p>")
            + ctx.heading(2, ctx.t("reviews.overdue.heading", count=len(overdue)), "overdue")
            + ctx.html(listing(overdue, "overdue"))
            + ctx.heading(2, ctx.t("reviews.soon.heading", count=len(soon), days=DUE_SOON_DAYS), "due-soon")
            + ctx.html(listing(soon, "soon")))
