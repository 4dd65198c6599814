"""The participants' handout of a module: `/modules/<slug>/participants/` in
each language, the module without anything marked for the facilitator only.

What it holds, in order: the title (the module's, named as the participants'
handout) and summary, a line saying what it leaves out with a link to the
facilitator's guide; the objectives and agenda; the module's text without its
`/// facilitator` blocks (facilitator notes, debrief points, role briefs);
the self-check with no answers, for the check on paper before the session
and at its end; the feedback form; the sources; and, for paper, a QR code and
a footer with the handout's own address. The page has no source file: the
build makes it from the module's page in each language."""
from __future__ import annotations

import re

from .context import Context, esc
from .facilitator import without_facilitator_parts
from .feedback_form import feedback_form_section
from .generated import GeneratedPage
from .handout import qr_svg
from .materials import sheet_sections
from .model import Library, Module
from .module_page import agenda_table
from .page_parts import translation_banner
from .practice_page import sources_section
from .self_check import self_check_section
from .transliteration import serbian_cyrillic_to_latin
from .urls import absolute_url, relative_url, url_of
from .vocabulary import DEFAULT_LANGUAGE

PAGE_NAME = "participants"


def participants_path(module: Module) -> str:
    """The handout's place beside the module's page: modules/<slug>/participants.md."""
    return f"{module.path[:-len('.md')]}/{PAGE_NAME}.md"


def participants_markdown(markdown: str) -> str:
    """The module's text (in any language) without its facilitator-only blocks."""
    return without_facilitator_parts(markdown)


# A Markdown link to another file of the site, relative to the module's page:
# [text](../practices/x.md) or [text](../practices/x.md#part).
_RELATIVE_LINK = re.compile(r"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^)\s]+)\)")


def rebase_links(markdown: str) -> str:
    """Links written for modules/<slug>.md, made right for modules/<slug>/participants.md
    (one folder deeper); links within the page (#case-cards) stay as they are."""
    return _RELATIVE_LINK.sub(lambda match: f"](../{match.group(1)})", markdown)


def participants_text(ctx: Context, module: Module) -> tuple[str, bool]:
    """(the module's text for participants in `ctx.lang`, whether it is the English text).

    A translation is used when it marks the same facilitator-only parts as the
    English page; otherwise (an older translation) the participants get the
    English text, which the page says, rather than a text whose debriefs and
    briefs are not marked."""
    library = ctx.library
    source_lang = library.vocabulary.language(ctx.lang).generated_from or ctx.lang
    translation = library.translation(module.path, source_lang) if ctx.lang != DEFAULT_LANGUAGE else None
    if translation is not None and translation.facilitator_blocks == module.facilitator_blocks:
        text = translation.body
        if library.vocabulary.language(ctx.lang).generated_from == "sr":
            text = serbian_cyrillic_to_latin(text)
        return _sheets(participants_markdown(rebase_links(text)), module), False
    return _sheets(participants_markdown(rebase_links(module.body)), module), ctx.lang != DEFAULT_LANGUAGE


def _sheets(markdown: str, module: Module) -> str:
    """The headings of the materials to hand out start a printed sheet, as on the module's page."""
    for section in sheet_sections(module):
        markdown = markdown.replace(f"{{ #{section} }}", f"{{ #{section} .material-sheet }}")
    return markdown


def participants_page(ctx: Context, module: Module, base: str) -> str:
    """The whole handout as Markdown with fragments, for the build's generated page
    at participants_path(module) (ctx.page_path)."""
    text, english = participants_text(ctx, module)
    if english:
        text = f'<div lang="{DEFAULT_LANGUAGE}" markdown>\n\n{text.strip()}\n\n</div>'
    head = translation_banner(ctx, module, target=participants_path(module)) + participants_head(ctx, module)
    return (ctx.html(head) + participants_plan(ctx, module) + "\n\n" + text.strip() + "\n\n"
            + participants_after_text(ctx, module) + sources_section(ctx, module)
            + participants_print_parts(ctx, module, base))


def participants_title(ctx: Context, module: Module) -> str:
    return ctx.t("participants.title", title=ctx.title(module))


def participants_head(ctx: Context, module: Module) -> str:
    """Title, summary and what this version is, with the way to the facilitator's guide."""
    guide = relative_url(ctx.page_url, url_of(module.path, ctx.lang))
    summary = ctx.summary(module)
    return (f'<h1 id="page-title">{esc(participants_title(ctx, module))}</h1>'
            + (f'<p class="page-summary">{esc(summary)}</p>' if summary else "")
            + f'<p class="module-version" data-module-version="participants">{esc(ctx.t("participants.lead"))} '
              f'<a href="{esc(guide)}">{esc(ctx.t("participants.guide_link"))}</a></p>')


def participants_plan(ctx: Context, module: Module) -> str:
    """The objectives and the agenda (the materials list is the trainer's)."""
    objectives, agenda, _materials = ctx.library.module_plan(module, ctx.lang)
    return (ctx.heading(2, ctx.t("module.objectives.heading"), "learning-objectives")
            + ctx.html(f"<p>{esc(ctx.t('module.objectives.lead'))}</p><ol class=\"objectives\">"
                       + "".join(f"<li>{esc(objective)}</li>" for objective in objectives) + "</ol>")
            + ctx.heading(2, ctx.t("module.agenda.heading"), "agenda")
            + ctx.html(agenda_table(ctx, agenda)))


def participants_after_text(ctx: Context, module: Module) -> str:
    """After the text: the self-check without answers, and the feedback form."""
    return self_check_section(ctx, module, with_answers=False) + feedback_form_section(ctx, module)


def participants_print_parts(ctx: Context, module: Module, base: str) -> str:
    """The handout's own address on paper: a QR code and the footer, in the
    same `handout-end` as a module's or practice's, so they print the same way
    (the QR code beside the title on the first sheet, the footer never alone)."""
    path = participants_path(module)
    address = absolute_url(base, path, ctx.lang) if base else ctx.page_url
    parts = []
    if base:
        label = ctx.t("handout.qr", title=participants_title(ctx, module))
        parts.append(f'<figure class="qr" data-address="{esc(address)}">{qr_svg(address, label)}'
                     f'<figcaption>{esc(ctx.t("handout.online"))} <span class="qr__address">{esc(address)}</span>'
                     "</figcaption></figure>")
    parts.append(f'<p class="handout-footer">{esc(ctx.t("handout.footer", address=address, updated=module.updated.isoformat(), due=module.review_due.isoformat()))}</p>')
    return ctx.html('<div class="handout-end">' + "".join(parts) + "</div>")


def module_versions(ctx: Context, module: Module) -> str:
    """On the module's page: this is the facilitator's guide; the participants' handout is there."""
    handout = relative_url(ctx.page_url, url_of(participants_path(module), ctx.lang))
    return (f'<p class="module-version" data-module-version="facilitator">{esc(ctx.t("participants.guide_lead"))} '
            f'<a href="{esc(handout)}">{esc(ctx.t("participants.handout_link"))}</a></p>')


def participants_handouts(library: Library) -> list[GeneratedPage]:
    """Every module's participants' handout, in every language (the build's generated pages)."""
    return [GeneratedPage(
        path=participants_path(module),
        title=lambda ctx, module=module: participants_title(ctx, module),
        render=lambda ctx, module=module: participants_page(ctx, module, ctx.base),
        summary=lambda ctx, module=module: ctx.summary(module),
        search=False,  # search finds the module's own page
        fallback=module.path,
    ) for module in library.modules.values()]
