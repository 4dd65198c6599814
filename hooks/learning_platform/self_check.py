"""A module's self-check: the questions, each with its options, the right
answer and why, in the reader's language.

One renderer for every place a self-check appears. On the module's page (the
facilitator's guide, and the page a learner alone opens from a learning path)
each question is a `<fieldset>` of radio buttons with its answer and
explanation in a `<details>`: readable and answerable without JavaScript, and
printed open in the facilitator's guide. self-check.js (loaded where a page has
one) tells the reader at once whether the answer picked is right, and opens
the explanation. The participants' handout prints the same questions with no
answers, for the check on paper before the session and at its end.
"""
from __future__ import annotations

from .context import Context, esc
from .model import Module, Question

SECTION_ID = "self-check"
SCRIPT_STRINGS = ("self_check.right", "self_check.wrong", "self_check.score")


def self_check_section(ctx: Context, module: Module, with_answers: bool = True) -> str:
    """The self-check as a section of a page (heading and block), in `ctx.lang`."""
    questions = ctx.library.self_check(module, ctx.lang)
    if not questions:
        return ""
    return (ctx.heading(2, ctx.t("self_check.heading"), SECTION_ID)
            + ctx.html(self_check_block(ctx, module.slug, questions, with_answers)))


def self_check_block(ctx: Context, name: str, questions: tuple[Question, ...], with_answers: bool = True) -> str:
    """The questions as HTML; `name` keeps the radio groups of two self-checks on one page apart."""
    if with_answers:
        strings = "".join(f' data-{key.split(".", 1)[1]}="{esc(ctx.t(key))}"' for key in SCRIPT_STRINGS)
        lead = ctx.t("self_check.lead", count=len(questions))
        opening = f'<div class="self-check" data-self-check{strings}>'
        closing = '<p class="self-check__score" role="status" hidden></p></div>'
    else:
        lead = ctx.t("self_check.lead_participants", count=len(questions))
        opening = '<div class="self-check self-check--paper" data-self-check>'
        closing = "</div>"
    parts = [opening, f'<p class="self-check__lead">{esc(lead)}</p>']
    if not with_answers:
        parts.append(f'<p class="self-check__when">{esc(ctx.t("self_check.when"))}</p>')
    for number, question in enumerate(questions, start=1):
        parts.append(_question(ctx, f"{name}-{number}", number, question, with_answers))
    parts.append(closing)
    return "".join(parts)


def letters(ctx: Context) -> str:
    """The letters options are labelled with in the reader's language (А, Б, В in Cyrillic)."""
    return ctx.t("self_check.letters")


def _question(ctx: Context, name: str, number: int, question: Question, with_answers: bool) -> str:
    shown = letters(ctx)
    # The radio values stay A, B, C in every language: self-check.js compares them with data-answer.
    answer = f' data-answer="{question.answer_letter}" data-answer-label="{esc(shown[question.answer])}"' \
        if with_answers else ""
    options = "".join(
        f'<li><label><input type="radio" name="sc-{esc(name)}" value="{value}"> '
        f'<span class="self-check__letter">{esc(label)}</span> {esc(option)}</label></li>'
        for value, label, option in zip("ABCDEF", shown, question.options))
    parts = [f'<fieldset class="self-check__question"{answer}>',
             f'<legend><span class="self-check__number">{number}.</span> {esc(question.question)}</legend>',
             f'<ul class="self-check__options">{options}</ul>']
    if with_answers:
        parts.append('<p class="self-check__verdict" role="status"></p>')
        parts.append(
            f'<details class="self-check__answer" data-audience="facilitator">'
            f'<summary>{esc(ctx.t("self_check.answer"))}</summary>'
            f'<p><strong>{esc(ctx.t("self_check.answer_is", letter=shown[question.answer]))}</strong> '
            f'{esc(question.explanation)}</p></details>')
    parts.append("</fieldset>")
    return "".join(parts)
