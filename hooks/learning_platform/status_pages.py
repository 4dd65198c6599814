"""The translations page: per language, how many pages are missing, drafts,
out of date or reviewed, and which."""
from __future__ import annotations

from .context import Context, esc, items
from .translations import STATES, status
from .urls import anchor, relative_url, url_of


def translations_status(ctx: Context) -> str:
    report = status(ctx.library)
    vocabulary = ctx.library.vocabulary
    # A list, not a five-column table: it fits a phone. Each language is named
    # in itself (an endonym), marked with its language.
    overview = "".join(
        f'<li><a href="#{anchor("language", lang)}" lang="{lang}">{esc(vocabulary.language(lang).name)}</a>: '
        + " · ".join(f"{len(states[state])} {esc(vocabulary.label('translation_states', state, ctx.lang))}"
                     for state in STATES) + "</li>"
        for lang, states in report.items())
    parts = [ctx.heading(2, ctx.t("translations.heading"), "translation-status"),
             ctx.html(f'<ul class="translation-overview">{overview}</ul>')]
    for lang, states in report.items():
        parts.append(ctx.heading(3, vocabulary.language(lang).name, anchor("language", lang), lang))
        for state in STATES:
            if state == "reviewed" or not states[state]:
                continue
            links = [
                f'<a href="{esc(relative_url(ctx.page_url, url_of(path, lang)))}" hreflang="{lang}">'
                f"{esc(ctx.library.title(ctx.library.pages[path], ctx.lang))}</a>"
                for path in states[state]
            ]
            parts.append(ctx.html(
                f'<details class="wb-details translation-list"><summary><strong>{esc(vocabulary.label("translation_states", state, ctx.lang))}</strong> '
                f"({len(links)})</summary>" + items(links, "") + "</details>"
            ))
    return "".join(parts)
