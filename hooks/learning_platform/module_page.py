"""A training module's generated parts: its panel, and the plan a trainer runs
(objectives, the agenda with start times, the materials), in the reader's language."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from .context import Context, esc
from .facilitator import mark_facilitator_parts
from .materials import mark_material_sheets, materials_list, sheet_sections
from .model import AgendaItem, Module
from .practice_page import actions_in_words, facts_panel, review_dates


def module_panel(ctx: Context, module: Module, today: dt.date) -> str:
    rows: list[tuple[str, Sequence[str]]] = [
        (ctx.t("panel.duration"), [esc(ctx.duration(module))]),
        (ctx.t("panel.audience"), [esc(ctx.label("audiences", code)) for code in module.audience]),
        (ctx.t("panel.actions"), [ctx.action_link(number) for number in module.actions]),
    ]
    if module.practices:
        rows.append((ctx.t("panel.practices"),
                     [ctx.page_link(ctx.library.practices[slug]) for slug in module.practices]))
    rows.append((ctx.t("panel.updated"), [review_dates(ctx, module, today)]))
    glance = " · ".join(esc(part) for part in (
        ctx.duration(module),
        actions_in_words(ctx, module.actions),
    ))
    return facts_panel(ctx, glance, rows)


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda_table(ctx: Context, agenda: Sequence[AgendaItem], start: int = 0) -> str:
    """The agenda with the start time of each activity, worked out from the minutes."""
    rows, at = [], start
    for item in agenda:
        rows.append(f"<tr><td>{clock(at)}</td><td>{item.minutes}</td><td>{esc(item.activity)}</td>"
                    f"<td>{esc(item.method)}</td></tr>")
        at += item.minutes
    head = "".join(f"<th>{esc(ctx.t(key))}</th>" for key in
                   ("agenda.column.start", "agenda.column.minutes", "agenda.column.activity", "agenda.column.method"))
    total = esc(ctx.t("agenda.total", minutes=at - start, duration=clock(at - start)))
    return (f'<table class="agenda"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><td colspan="4">{total}</td></tr></tfoot></table>')


def plan_sections(ctx: Context, module: Module) -> list[tuple[str, str]]:
    """(heading, anchor) of the plan's sections, as module_plan writes them."""
    _objectives, _agenda, materials = ctx.library.module_plan(module, ctx.lang)
    sections = [(ctx.t("module.objectives.heading"), "learning-objectives"), (ctx.t("module.agenda.heading"), "agenda")]
    return sections + ([(ctx.t("module.materials.heading"), "materials")] if materials else [])


def module_plan(ctx: Context, module: Module) -> str:
    """Learning objectives, agenda and materials, from the module's front matter."""
    objectives, agenda, materials = ctx.library.module_plan(module, ctx.lang)
    parts = [
        ctx.heading(2, ctx.t("module.objectives.heading"), "learning-objectives"),
        ctx.html(f"<p>{esc(ctx.t('module.objectives.lead'))}</p><ol class=\"objectives\">"
                 + "".join(f"<li>{esc(objective)}</li>" for objective in objectives) + "</ol>"),
        ctx.heading(2, ctx.t("module.agenda.heading"), "agenda"),
        ctx.html(agenda_table(ctx, agenda)),
    ]
    if materials:
        parts += [ctx.heading(2, ctx.t("module.materials.heading"), "materials"),
                  ctx.html(materials_list(ctx, module, materials))]
    return "".join(parts)


def finish_module_html(page_html: str, module: Module, facilitator_label: str) -> str:
    """A module's converted page, made ready for the reader and the printer:
    its facilitator-only parts marked `data-audience="facilitator"` (with the
    reader's language's label), and each material to hand out starting a sheet."""
    page_html = mark_facilitator_parts(page_html, facilitator_label)
    return mark_material_sheets(page_html, sheet_sections(module))
