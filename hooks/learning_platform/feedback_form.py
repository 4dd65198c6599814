"""The participants' feedback form: one form for every module, on paper.

It is anonymous (no name, no line for one), asks the same rated statements
and open questions after every module so that a trainer can compare sessions,
and carries the module's title and a line for the date. Its words are
interface strings (data/ui.yml, `feedback.*`), in every language."""
from __future__ import annotations

from .context import Context, esc
from .model import Module

SECTION_ID = "feedback-form"
RATINGS = ("feedback.rating.objectives", "feedback.rating.useful", "feedback.rating.practice",
           "feedback.rating.time", "feedback.rating.facilitation", "feedback.rating.materials")
OPEN_QUESTIONS = ("feedback.open.useful", "feedback.open.change", "feedback.open.action", "feedback.open.other")
SCALE = range(1, 6)


def feedback_form_section(ctx: Context, module: Module) -> str:
    return ctx.heading(2, ctx.t("feedback.heading"), SECTION_ID) + ctx.html(feedback_form(ctx, module))


def feedback_form(ctx: Context, module: Module) -> str:
    head = "".join(f'<th scope="col">{number}</th>' for number in SCALE)
    rows = "".join(
        f'<tr><th scope="row">{esc(ctx.t(key))}</th>'
        + "".join(f'<td><span class="feedback-form__choice">{number}</span></td>' for number in SCALE)
        + "</tr>" for key in RATINGS)
    lines = '<span class="feedback-form__line"></span>' * 3
    questions = "".join(f'<p class="feedback-form__prompt">{esc(ctx.t(key))}</p>'
                        f'<p class="feedback-form__lines" aria-hidden="true">{lines}</p>' for key in OPEN_QUESTIONS)
    return (f'<div class="feedback-form">'
            f'<p class="feedback-form__module"><strong>{esc(ctx.t("feedback.module"))}</strong> {esc(ctx.title(module))}'
            f' <span class="feedback-form__date">{esc(ctx.t("feedback.date"))} ____________</span></p>'
            f'<p class="feedback-form__lead">{esc(ctx.t("feedback.lead"))}</p>'
            f'<table class="feedback-form__scale"><caption>{esc(ctx.t("feedback.scale"))}</caption>'
            f'<thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f'{questions}<p class="feedback-form__thanks">{esc(ctx.t("feedback.thanks"))}</p></div>')
