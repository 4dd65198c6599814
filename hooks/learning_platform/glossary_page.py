"""The glossary page: each term in the reader's language beside English, every
language a tap away, then each definition in the reader's language."""
from __future__ import annotations

from .context import Context, esc
from .glossary import load_glossary
from .urls import anchor
from .vocabulary import DEFAULT_LANGUAGE


def glossary_page(ctx: Context) -> str:
    terms = sorted(load_glossary(), key=lambda term: term.name(ctx.lang).casefold())
    languages = list(ctx.library.vocabulary.languages)
    mine = ctx.library.vocabulary.language(ctx.lang)
    english = ctx.library.vocabulary.language(DEFAULT_LANGUAGE)
    pair = [mine] if ctx.lang == DEFAULT_LANGUAGE else [mine, english]

    def cell(term, language) -> str:
        name = term.name(language.code)
        text = (f'<a href="#{anchor("term", term.id)}">{esc(name)}</a>' if language.code == ctx.lang else esc(name))
        if term.abbreviation and language.code == DEFAULT_LANGUAGE:
            text += f" ({term.abbreviation})"
        return f'<td lang="{language.code}">{text}</td>'

    def rows(columns) -> str:
        return "".join("<tr>" + "".join(cell(term, language) for language in columns) + "</tr>" for term in terms)

    def head(columns) -> str:
        return "".join(f'<th lang="{language.code}">{esc(language.name)}</th>' for language in columns)

    side_by_side = (f'<div class="glossary-table glossary-table--pair"><table><thead><tr>{head(pair)}</tr></thead>'
                    f"<tbody>{rows(pair)}</tbody></table></div>"
                    f'<details class="wb-details glossary-all"><summary>{esc(ctx.t("glossary.all_languages"))}</summary>'
                    f'<div class="glossary-table"><table><thead><tr>{head(languages)}</tr></thead>'
                    f"<tbody>{rows(languages)}</tbody></table></div></details>")
    parts = [ctx.heading(2, ctx.t("glossary.languages.heading"), "terms-in-every-language"), ctx.html(side_by_side),
             ctx.heading(2, ctx.t("glossary.definitions.heading"), "definitions")]
    for term in terms:
        sources = "; ".join(f'<a href="{esc(s.url)}">{esc(s.title)}</a>' for s in term.sources)
        parts.append(ctx.heading(3, term.name(ctx.lang) + (f" ({term.abbreviation})" if term.abbreviation else ""),
                                 anchor("term", term.id)))
        note = term.usage_note(ctx.lang)
        usage = (f'<p class="glossary-usage"><strong>{esc(ctx.t("glossary.usage"))}:</strong> {esc(note)}</p>'
                 if note else "")
        parts.append(ctx.html(f"<p>{esc(term.meaning(ctx.lang))}</p>{usage}"
                              f'<p class="glossary-source">{esc(ctx.t("glossary.source"))}: {sources}</p>'))
    return "".join(parts)
