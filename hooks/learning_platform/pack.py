"""The workshop pack: a trainer picks modules (and practices, to read) and gets
one printable document for the day: a cover with the title, the date, the
agenda of the day, the readings, and the pack's own address and QR code; then
each part in order, each on its own sheets.

The choice lives in the page's address (workshop-pack/?m=slug,slug&p=slug),
so a trainer can send it to co-trainers. Only what the trainer set is written
there (`title`, `date`, `start`, `lunch`, `coffee`): a colleague who opens the
link in another language sees that language's own default title, and the
date of the day they open it, in their own date format.

The build writes here what the browser cannot know: each module's agenda
with the role of each entry (opening, break, closing: data from front matter,
never guessed from the words), each practice's reading time in this
language, the kind of each page and the words of the day (breaks, opening,
closing, month names). docs/assets/javascripts/pack.js plans the day, fetches
the chosen pages of this language and assembles the pack. Without JavaScript
the page lists the modules and practices to open and print one by one."""
from __future__ import annotations

import datetime as dt
import json
import math

from .context import Context, esc
from .model import Module, Practice, count_words

# Silent reading of non-fiction runs at about 240 words a minute in English
# (Brysbaert 2019, a meta-analysis of 190 studies); 200 leaves room for a
# reader in a second language and for the field's terms. Rounded up: a
# trainer plans whole minutes.
WORDS_PER_MINUTE = 200
DEFAULT_START = "09:00"
DEFAULT_LUNCH = 60
DEFAULT_COFFEE = 15
# Words the script needs, as data-* attributes of the form (data-<key after "pack.">).
PACK_STRINGS = (
    "pack.cover", "pack.agenda", "pack.day_total", "pack.print", "pack.empty", "pack.loading", "pack.failed",
    "pack.up", "pack.down", "pack.link", "pack.part", "pack.opening", "pack.closing", "pack.lunch",
    "pack.coffee", "pack.readings", "pack.readings_lead", "pack.reading_time", "pack.online", "pack.long_day",
    "pack.kind.module", "pack.kind.practice", "pack.qr", "date.long", "date.months",
)


def reading_minutes(words: int) -> int:
    """Minutes a reader needs for `words` words, rounded up; at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def practice_words(ctx: Context, practice: Practice) -> int:
    """The words of the practice as this language's reader gets it: its
    translation (Serbian Latin reads the Serbian), or else the English text."""
    source_lang = ctx.library.vocabulary.language(ctx.lang).generated_from or ctx.lang
    translation = ctx.library.translation(practice.path, source_lang)
    return count_words(translation.body) if translation and translation.body.strip() else practice.words


def module_agenda(ctx: Context, module: Module) -> str:
    """The module's agenda in this language as JSON: [minutes, activity, role] per entry."""
    _objectives, agenda, _materials = ctx.library.module_plan(module, ctx.lang)
    return json.dumps([[item.minutes, item.activity, item.role] for item in agenda],
                      ensure_ascii=False, separators=(",", ":"))


def _attribute(key: str) -> str:
    """pack.kind.module -> kind-module; date.long -> date-long."""
    name = key.split(".", 1)[1] if key.startswith("pack.") else key
    return name.replace("_", "-").replace(".", "-")


def _strings(ctx: Context) -> str:
    words = "".join(f' data-{_attribute(key)}="{esc(ctx.t(key))}"' for key in PACK_STRINGS)
    return words + "".join(f' data-col-{column}="{esc(ctx.t("agenda.column." + column))}"'
                           for column in ("start", "minutes", "activity"))


def _module_choice(ctx: Context, module: Module) -> str:
    title = ctx.title(module)
    return (f'<li><label><input type="checkbox" name="m" value="{module.slug}" data-href="{esc(ctx.href(module.path))}" '
            f'data-title="{esc(title)}" data-minutes="{module.minutes}" data-agenda="{esc(module_agenda(ctx, module))}"> '
            f'{esc(title)} <span class="pack__duration">({esc(ctx.duration(module))})</span></label> '
            f'<a href="{esc(ctx.href(module.path))}">{esc(ctx.t("pack.open"))}</a></li>')


def _practice_choice(ctx: Context, practice: Practice) -> str:
    title = ctx.title(practice)
    reading = reading_minutes(practice_words(ctx, practice))
    return (f'<li><label><input type="checkbox" name="p" value="{practice.slug}" '
            f'data-href="{esc(ctx.href(practice.path))}" data-title="{esc(title)}" data-reading="{reading}"> '
            f'{esc(title)} <span class="pack__duration">({esc(ctx.t("pack.reading_time", minutes=reading))})</span>'
            f'</label> <a href="{esc(ctx.href(practice.path))}">{esc(ctx.t("pack.open"))}</a></li>')


def _field(label: str, control: str) -> str:
    return f"<label>{esc(label)} {control}</label> "


def workshop_pack(ctx: Context, today: dt.date | None = None) -> str:
    """The pack's form and the place its document is assembled in.

    `today` is not used: the date of the day is the day the reader opens the
    page (pack.js), not the day the site was built."""
    library = ctx.library
    modules = sorted(library.modules.values(), key=lambda m: ctx.title(m).casefold())
    practices = sorted(library.practices.values(), key=lambda p: ctx.title(p).casefold())
    fields = (
        _field(ctx.t("pack.title_label"),
               f'<input type="text" name="title" value="" placeholder="{esc(ctx.t("pack.default_title"))}" '
               f'data-default="">')
        + _field(ctx.t("pack.date_label"), '<input type="date" name="date" value="" data-default="">')
        + _field(ctx.t("pack.start_label"),
                 f'<input type="time" name="start" value="{DEFAULT_START}" data-default="{DEFAULT_START}">')
        + _field(ctx.t("pack.lunch_label"),
                 f'<input type="number" name="lunch" min="0" max="180" step="5" value="{DEFAULT_LUNCH}" '
                 f'data-default="{DEFAULT_LUNCH}">')
        + _field(ctx.t("pack.coffee_label"),
                 f'<input type="number" name="coffee" min="0" max="60" step="5" value="{DEFAULT_COFFEE}" '
                 f'data-default="{DEFAULT_COFFEE}">'))
    form = (
        f'<form class="pack__form" data-pack data-default-title="{esc(ctx.t("pack.default_title"))}"{_strings(ctx)}>'
        f'<p class="pack__fields">{fields}</p>'
        f'<fieldset><legend>{esc(ctx.t("pack.modules"))}</legend><ul class="pack__choices">'
        + "".join(_module_choice(ctx, m) for m in modules) + "</ul></fieldset>"
        f'<details class="wb-details pack__practices"><summary>{esc(ctx.t("pack.practices"))}</summary>'
        f'<fieldset><legend class="sr-only">{esc(ctx.t("pack.practices"))}</legend><ul class="pack__choices">'
        + "".join(_practice_choice(ctx, p) for p in practices) + "</ul></fieldset></details>"
        f'<div class="pack__order" hidden><p><strong>{esc(ctx.t("pack.order"))}</strong></p><ol></ol></div>'
        f'<p class="pack__actions" hidden><button type="button" class="md-button md-button--primary pack__print">'
        f'{esc(ctx.t("pack.print"))}</button> <span class="pack__share"></span></p>'
        f'<p class="pack__status" role="status" aria-live="polite"></p></form>')
    return (ctx.heading(2, ctx.t("pack.choose.heading"), "choose")
            + ctx.html(f'<p class="pack__nojs">{esc(ctx.t("pack.nojs"))}</p>' + form)
            + ctx.html('<div class="pack__document" hidden></div>'))
