"""Commitment, action and module listings: what each commitment and action is
served by, generated from the practices' and modules' front matter."""
from __future__ import annotations

from .context import Context, esc, items, markdown_link_to_html
from .model import Action, Commitment
from .urls import COVERAGE, anchor


def _counts(ctx: Context, number: int) -> str:
    practices = len(ctx.library.practices_for_action(number))
    modules = len(ctx.library.modules_for_action(number))
    text = esc(ctx.t("action.counts", practices=practices, modules=modules))
    if practices + modules == 0:
        return f'<span class="counts counts--none">{text}</span>'
    return f'<span class="counts">{ctx.finder_link(ctx.t("action.counts", practices=practices, modules=modules), action=number)}</span>' \
        if practices else f'<span class="counts">{text}</span>'


def commitment_actions(ctx: Context, commitment: Commitment) -> str:
    entries = [f"{ctx.action_link(action.number)} {_counts(ctx, action.number)}"
               for action in ctx.library.actions.values() if action.commitment == commitment.number]
    return (ctx.heading(2, ctx.t("commitment.actions.heading"), "actions-under-this-commitment")
            + ctx.html('<ul class="action-list">' + "".join(f"<li>{entry}</li>" for entry in entries) + "</ul>"))


def commitments_index(ctx: Context) -> str:
    parts = [ctx.heading(2, ctx.t("commitments.all.heading"), "the-three-commitments")]
    for commitment in ctx.library.commitments.values():
        label = f"{ctx.t('label.commitment', number=commitment.number)}: {ctx.title(commitment)}"
        actions = [a.number for a in ctx.library.actions.values() if a.commitment == commitment.number]
        parts.append(ctx.heading(3, label, anchor("commitment", commitment.number)))
        parts.append(ctx.html(
            f"<p>{esc(ctx.summary(commitment))} {ctx.a(ctx.t('label.commitment', number=commitment.number), commitment.path)}</p>"
            + items([ctx.action_link(number) for number in actions], "")
        ))
    return "".join(parts)


def actions_index(ctx: Context) -> str:
    library = ctx.library
    parts = [ctx.heading(2, ctx.t("actions.all.heading"), "all-actions")]
    for commitment in library.commitments.values():
        parts.append(ctx.heading(3, f"{ctx.t('label.commitment', number=commitment.number)}: {ctx.title(commitment)}",
                                 anchor("commitment", commitment.number)))
        entries = [f"{ctx.action_link(action.number)} {_counts(ctx, action.number)}"
                   for action in library.actions.values() if action.commitment == commitment.number]
        parts.append(ctx.html('<ul class="action-list">' + "".join(f"<li>{e}</li>" for e in entries) + "</ul>"))
    return "".join(parts)


def _reference_list(ctx: Context, pages, kind) -> str:
    """Practices or modules as a list: link, what kind (or how long), and the summary."""
    entries = "".join(
        f'<li>{ctx.page_link(page)} <span class="card__kind">{esc(kind(page))}</span>'
        f'<br><span class="card__summary">{esc(ctx.summary(page))}</span></li>'
        for page in pages)
    return ctx.html(f'<ul class="reference-list">{entries}</ul>')


def action_references(ctx: Context, action: Action) -> str:
    practices = ctx.library.practices_for_action(action.number)
    modules = ctx.library.modules_for_action(action.number)
    parts = [ctx.heading(2, ctx.t("action.practices.heading"), "practices-for-this-action")]
    if practices:
        parts.append(_reference_list(ctx, practices, lambda p: ctx.label("kinds", p.kind)))
    else:
        none = esc(ctx.t("action.practices.none", matrix="\0")).replace("\0", esc(ctx.href(COVERAGE)))
        parts.append(ctx.html(f"<p>{markdown_link_to_html(none)}</p>"))
    parts.append(ctx.heading(2, ctx.t("action.modules.heading"), "training-modules-for-this-action"))
    if modules:
        parts.append(_reference_list(ctx, modules, ctx.duration))
    else:
        parts.append(ctx.html(f"<p>{esc(ctx.t('action.modules.none'))}</p>"))
    return "".join(parts)


def modules_index(ctx: Context) -> str:
    modules = sorted(ctx.library.modules.values(), key=lambda m: ctx.title(m).casefold())
    entries = "".join(
        f'<li class="card"><p class="card__title">{ctx.page_link(m)}</p>'
        f'<p class="card__meta"><span class="card__kind">{esc(ctx.duration(m))}</span> '
        f'{esc(", ".join(ctx.label("audiences", code) for code in m.audience))}</p>'
        f'<p class="card__summary">{esc(ctx.summary(m))}</p>'
        f'<p class="card__actions">{", ".join(ctx.action_link(n, with_title=False) for n in m.actions)}</p></li>'
        for m in modules)
    return (ctx.heading(2, ctx.t("modules.all.heading"), "all-training-modules")
            + ctx.html(f'<ul class="cards">{entries}</ul>'))

