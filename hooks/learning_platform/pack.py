"""The workshop pack: a trainer picks modules (and practices, if they wish) and
gets one printable document: a cover with the title, date and agenda of the
day, then each part in order.

The choice lives in the page's address (workshop-pack/?m=slug,slug&p=slug&
title=...&date=...&start=09:00), so a trainer can send it to co-trainers.
The build writes the choices and each module's agenda into the page;
docs/assets/javascripts/pack.js fetches the chosen pages of the same language
and assembles the pack. Without JavaScript the page lists the modules and
practices to open and print one by one."""
from __future__ import annotations

import datetime as dt
import json

from .context import Context, esc

PACK_STRINGS = ("pack.cover", "pack.agenda", "pack.day_total", "pack.print", "pack.empty", "pack.loading",
                "pack.failed", "pack.up", "pack.down", "pack.remove", "pack.link", "pack.part")


def _module_data(ctx: Context, module) -> str:
    _objectives, agenda, _materials = ctx.library.module_plan(module, ctx.lang)
    return json.dumps([[item.minutes, item.activity] for item in agenda], ensure_ascii=False, separators=(",", ":"))


def workshop_pack(ctx: Context, today: dt.date) -> str:
    library = ctx.library
    modules = sorted(library.modules.values(), key=lambda m: ctx.title(m).casefold())
    practices = sorted(library.practices.values(), key=lambda p: ctx.title(p).casefold())
    strings = "".join(f' data-{key.split(".", 1)[1].replace("_", "-")}="{esc(ctx.t(key))}"' for key in PACK_STRINGS)
    strings += "".join(f' data-col-{column}="{esc(ctx.t("agenda.column." + column))}"'
                       for column in ("start", "minutes", "activity"))
    module_options = "".join(
        f'<li><label><input type="checkbox" name="m" value="{m.slug}" data-href="{esc(ctx.href(m.path))}" '
        f'data-title="{esc(ctx.title(m))}" data-minutes="{m.minutes}" data-agenda="{esc(_module_data(ctx, m))}"> '
        f'{esc(ctx.title(m))} <span class="pack__duration">({esc(ctx.duration(m))})</span></label> '
        f'<a href="{esc(ctx.href(m.path))}">{esc(ctx.t("pack.open"))}</a></li>'
        for m in modules)
    practice_options = "".join(
        f'<li><label><input type="checkbox" name="p" value="{p.slug}" data-href="{esc(ctx.href(p.path))}" '
        f'data-title="{esc(ctx.title(p))}"> {esc(ctx.title(p))}</label> '
        f'<a href="{esc(ctx.href(p.path))}">{esc(ctx.t("pack.open"))}</a></li>'
        for p in practices)
    form = (
        f'<form class="pack__form" data-pack{strings}>'
        f'<p class="pack__fields"><label>{esc(ctx.t("pack.title_label"))} '
        f'<input type="text" name="title" value="{esc(ctx.t("pack.default_title"))}"></label> '
        f'<label>{esc(ctx.t("pack.date_label"))} <input type="date" name="date" value="{today.isoformat()}"></label> '
        f'<label>{esc(ctx.t("pack.start_label"))} <input type="time" name="start" value="09:00"></label></p>'
        f'<fieldset><legend>{esc(ctx.t("pack.modules"))}</legend><ul class="pack__choices">{module_options}</ul></fieldset>'
        f'<details class="wb-details"><summary>{esc(ctx.t("pack.practices"))}</summary>'
        f'<fieldset><legend class="sr-only">{esc(ctx.t("pack.practices"))}</legend>'
        f'<ul class="pack__choices">{practice_options}</ul></fieldset></details>'
        f'<div class="pack__order" hidden><p><strong>{esc(ctx.t("pack.order"))}</strong></p><ol></ol></div>'
        f'<p class="pack__actions" hidden><button type="button" class="md-button md-button--primary pack__print">'
        f'{esc(ctx.t("pack.print"))}</button> <span class="pack__share"></span></p>'
        f'<p class="pack__status" role="status" aria-live="polite"></p></form>')
    return (ctx.heading(2, ctx.t("pack.choose.heading"), "choose")
            + ctx.html(f'<p class="pack__nojs">{esc(ctx.t("pack.nojs"))}</p>' + form)
            + ctx.html('<div class="pack__document" hidden></div>'))
