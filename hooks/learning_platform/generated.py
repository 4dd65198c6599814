"""Pages the build makes that have no source file.

A module's participants' handout, a translated page side by side with the
English, a learning path per audience, a pre-filtered finder page: each is a
page of the site in one or more languages, with a menu, a language switch,
the security policy and a place in the sitemaps, but nobody writes its
Markdown. A feature declares such pages as plain values, `GeneratedPage`, and
lists its declarations in `page_assembly.GENERATED_PAGES`; the adapter
(`hooks/generated_pages.py`) adds them to each language build and renders
them through the theme like any other page. Nothing here knows the engine.

    # hooks/learning_platform/participants.py (a worked example)
    def participants_handouts(library: Library) -> list[GeneratedPage]:
        return [GeneratedPage(
            path=f"modules/{module.slug}/participants.md",   # -> /modules/<slug>/participants/, /sq/modules/...
            title=lambda ctx, module=module: ctx.t("handout.participants", title=ctx.title(module)),
            render=lambda ctx, module=module: handout_markdown(ctx, module),
            search=False,                       # the module's own page is what search should find
            reads=(module.path,),               # render asks for the module's converted text (below)
            fallback=module.path,               # (every language has it; see `languages`)
        ) for module in library.modules.values()]

    # hooks/learning_platform/page_assembly.py
    GENERATED_PAGES = (participants_handouts,)

`render(ctx)` returns Markdown with fragments, like every renderer of
`page_assembly.py`: headings as Markdown (they reach the table of contents),
everything else as `ctx.html(...)` fragments.

Collect, then render. A renderer that needs another page's converted HTML (a
side-by-side view needs the page's own text in English and in its language)
cannot have it while pages are still being converted. It names those pages in
`reads` and leaves a placeholder, `ctx.later(fill)`: once every page of the
language is converted, and before any template is rendered, the adapter
calls `fill(text)`, where `text(path, lang)` is the converted HTML of that
page's own text (what its author wrote, without the panels and lists the
build adds around it), its relative links rebased to the generated page's
address; `lang` is the generated page's language or English. An
untranslated page's text is the English, inside `<div lang="en">`. `text`
returns None for a page not named in `reads`, or whose text could not be
told apart (a page that ends inside raw HTML). Headings inside such late HTML
are not in the page's table of contents.

A generated page exists in `languages` (None: every language of the site);
in a language where it does not, the language menu leads to `fallback`.
With no page declared, the build does nothing more than before.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

from .context import Context
from .urls import HOME

Text = Union[str, Callable[[Context], str]]


@dataclass(frozen=True)
class GeneratedPage:
    """One page the build makes in each of its languages."""

    path: str  # like a source file's: "modules/<slug>/participants.md" -> /modules/<slug>/participants/
    title: Text  # the page's title, or a function of the page's Context (its language)
    render: Callable[[Context], str]  # Markdown with fragments
    search: bool = True  # whether the language's search index holds it
    sitemap: bool = True  # whether the language's sitemap lists it (not a view that repeats other pages' text)
    languages: frozenset[str] | None = None  # None: every language of the site
    reads: tuple[str, ...] = ()  # source pages whose converted text `render` asks for through ctx.later
    summary: Text | None = None  # the page's description; None: the site's
    fallback: str = HOME  # where the language menu leads in a language without this page
    hide: tuple[str, ...] = ()  # the theme's parts to leave out ("navigation", "toc"), as a page's `hide:`

    def __post_init__(self) -> None:
        if not self.path.endswith(".md") or self.path.startswith("/") or ".." in self.path.split("/"):
            raise ValueError(f"A generated page's path is written like a source file's, "
                             f"such as 'modules/slug/participants.md', not {self.path!r}")

    def exists_in(self, lang: str) -> bool:
        return self.languages is None or lang in self.languages

    def title_in(self, ctx: Context) -> str:
        return self.title(ctx) if callable(self.title) else self.title

    def summary_in(self, ctx: Context) -> str | None:
        return self.summary(ctx) if callable(self.summary) else self.summary


def pages_in(declared: list[GeneratedPage], lang: str, source_paths: set[str] | frozenset[str]) -> list[GeneratedPage]:
    """The pages of one language, checked: a path is declared once and is no source file's."""
    seen: dict[str, GeneratedPage] = {}
    for page in declared:
        if page.path in source_paths:
            raise ValueError(f"The generated page {page.path} would replace the page docs/{page.path}: "
                             "choose another path")
        if page.path in seen:
            raise ValueError(f"The generated page {page.path} is declared twice")
        seen[page.path] = page
    return [page for page in declared if page.exists_in(lang)]
