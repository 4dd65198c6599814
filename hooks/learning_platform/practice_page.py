"""A practice page's generated parts: the panel of facts, the modules that
teach it, the institutional contacts and the sources."""
from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from .context import Context, esc, items
from .model import Module, NewsItem, Practice, Reviewed


def facts_panel(ctx: Context, glance: str, rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A compact panel: one line of the essentials, the rest a tap away.

    It is a <details> element: closed, it costs a phone one line; its summary
    is a button screen readers announce, and opening it reads every fact."""
    entries = "".join(
        f"<dt>{esc(term)}</dt>" + "".join(f"<dd>{value}</dd>" for value in values)
        for term, values in rows
    )
    return (f'<details class="wb-details facts"><summary><span class="facts__title">{esc(ctx.t("panel.heading"))}</span>'
            f'<span class="facts__glance">{glance}</span></summary><dl>{entries}</dl></details>')


def practice_panel(ctx: Context, practice: Practice, today: dt.date) -> str:
    library = ctx.library
    commitments = sorted({library.official.commitment_of(number) for number in practice.actions})
    rows: list[tuple[str, Sequence[str]]] = [
        (ctx.t("panel.kind"), [ctx.finder_link(ctx.label("kinds", practice.kind), kind=practice.kind)]),
        (ctx.t("panel.actions"), [ctx.action_link(number) for number in practice.actions]),
        (ctx.t("panel.commitments"), [ctx.commitment_link(number) for number in commitments]),
        (ctx.t("panel.partners"),
         [ctx.finder_link(ctx.label("partners", code), partner=code) for code in practice.partners]
         or [esc(ctx.t("panel.partners.none"))]),
    ]
    for field, parameter, vocabulary in (("target_groups", "group", "target_groups"),
                                         ("audience", "audience", "audiences"),
                                         ("stage", "stage", "stages")):
        codes = getattr(practice, field)
        if codes:
            rows.append((ctx.t(f"panel.{field}"),
                         [ctx.finder_link(ctx.label(vocabulary, code), **{parameter: code}) for code in codes]))
    if practice.gcm_objectives:
        rows.append((ctx.t("panel.gcm_objectives"), [
            ctx.finder_link(f"{ctx.t('label.gcm_objective', number=number)}: {ctx.label('gcm_objectives', number)}",
                            gcm=number)
            for number in practice.gcm_objectives
        ]))
    rows.append((ctx.t("panel.updated"), [review_dates(ctx, practice, today)]))
    glance = " · ".join(esc(part) for part in (
        ctx.label("kinds", practice.kind),
        actions_in_words(ctx, practice.actions),
        partners_in_words(ctx, practice.partners),
    ))
    return facts_panel(ctx, glance, rows)


def actions_in_words(ctx: Context, numbers: Sequence[int]) -> str:
    """The actions by their short names ("Risk screening, Information and
    referral"), for the one-line facts; "Action 4" where an action has none."""
    names = ctx.library.vocabulary.action_names
    return ", ".join(ctx.label("action_names", number) if number in names else ctx.t("label.action", number=number)
                     for number in numbers)


def partners_in_words(ctx: Context, codes: Sequence[str]) -> str:
    """The partners by name; all of them in two words; none, said so."""
    if not codes:
        return ctx.t("panel.partners.none")
    if set(codes) >= set(ctx.library.vocabulary.partners):
        return ctx.t("panel.partners.all")
    return ", ".join(ctx.label("partners", code) for code in codes)


def review_dates(ctx: Context, page: Reviewed, today: dt.date) -> str:
    """When the page was last updated and when its next review is due; overdue shows."""
    text = esc(ctx.t("review.dates", updated=page.updated.isoformat(), due=page.review_due.isoformat()))
    if page.review_overdue(today):
        return (f'<span class="review review--overdue" data-review="overdue">{text} '
                f'<strong>{esc(ctx.t("review.overdue"))}</strong></span>')
    return f'<span class="review" data-review="current">{text}</span>'


def review_notice(ctx: Context, page: Reviewed, today: dt.date) -> str:
    """A visible warning under the title when a page's review is overdue."""
    if not page.review_overdue(today):
        return ""
    return (f'<p class="review-notice" role="note" data-review="overdue">'
            f'{esc(ctx.t("review.overdue_notice", due=page.review_due.isoformat()))}</p>')


def practice_modules(ctx: Context, practice: Practice) -> str:
    modules = ctx.library.modules_for_practice(practice.slug)
    if not modules:
        return ""
    links = [f"{ctx.page_link(module)} ({esc(ctx.duration(module))})" for module in modules]
    return (ctx.heading(2, ctx.t("practice.modules.heading"), "training-modules-that-teach-this-practice")
            + ctx.html(items(links, "")))


def contacts_section(ctx: Context, practice: Practice) -> str:
    """Institutional contact points, the only contact details a page may carry."""
    if not practice.contacts:
        return ""
    entries = []
    for contact in practice.contacts:
        entries.append(f"<li><strong>{esc(contact.organisation)}</strong>, {esc(contact.role)}: "
                       f'<a href="{esc(contact.url)}">{esc(contact.url)}</a></li>')
    return (ctx.heading(2, ctx.t("contacts.heading"), "contacts")
            + ctx.html(f'<p>{esc(ctx.t("contacts.note"))}</p><ul class="contacts">{"".join(entries)}</ul>'))


_CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF](?:[\u0400-\u04FF\d\s.,:;–-]*[\u0400-\u04FF])?")


def marked_title(title: str, lang: str) -> str:
    """A source's title marked with its language; words in Cyrillic carry theirs
    (Macedonian where the letters say so, else Serbian), so that a Serbian
    Latin page marks the Cyrillic it quotes."""
    def cyrillic(match: re.Match) -> str:
        text = match.group(0)
        code = "mk" if any(letter in "ѓќѕЃЌЅ" for letter in text) else (lang if lang in ("sr", "mk", "ru", "bg") else "sr")
        return f'<span lang="{code}">{esc(text)}</span>'

    parts, last = [], 0
    for match in _CYRILLIC_RUN.finditer(title):
        parts.append(esc(title[last:match.start()]))
        parts.append(cyrillic(match))
        last = match.end()
    parts.append(esc(title[last:]))
    return f'<cite lang="{esc(lang)}">{"".join(parts)}</cite>'


def sources_section(ctx: Context, page: Practice | Module | NewsItem) -> str:
    entries = "".join(f'<li><a href="{esc(source.url)}" hreflang="{esc(source.lang)}">'
                      f"{marked_title(source.title, source.lang)}</a></li>"
                      for source in page.sources)
    return ctx.heading(2, ctx.t("sources.heading"), "sources") + ctx.html(f'<ol class="sources">{entries}</ol>')
