"""Pages with no source file (learning_platform/generated.py), in each language build.

The domain declares them (`page_assembly.generated_pages`); this module makes
each one a page of MkDocs like any other, so the theme renders it with the
menu, the language switch and the security policy, and the platform's
sitemaps and search list it:

    on_files       a virtual Markdown file per page of this language
                   (`File.generated`, under /<lang>/ for other languages)
    on_page_markdown   the renderer's Markdown, title and description
    on_page_content    its fragments in place; the page waits for the rest
    on_env         every page of the language is converted: the parts made
                   with ctx.later get the other pages' converted text, then
                   the page is finished (abbreviations, print addresses,
                   footnote) and indexed for search
    on_page_context    the language menu: the same page, or its fallback
    on_post_build  the language's sitemap lists them

Nothing is added, and nothing costs, when no page is declared.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from learning_platform.context import Context, Fragments, PageText
from learning_platform.generated import GeneratedPage, pages_in
from learning_platform.model import Library
from learning_platform.page_assembly import generated_pages
from learning_platform.urls import url_of
from learning_platform.vocabulary import DEFAULT_LANGUAGE


@dataclass
class _Waiting:
    page: Any  # the MkDocs page, converted, its late parts still placeholders
    declared: GeneratedPage
    fragments: Fragments


@dataclass
class GeneratedPages:
    """The generated pages of one build (all its languages)."""

    declared: dict[str, dict[str, GeneratedPage]] = field(default_factory=dict)  # language -> path -> page
    waiting: dict[str, list[_Waiting]] = field(default_factory=dict)  # language -> converted pages
    read: dict[str, frozenset[str]] = field(default_factory=dict)  # language -> source pages read

    def add_files(self, files: Files, config: Any, library: Library, lang: str, keep_built: bool = False) -> None:
        """This language's generated pages, as files MkDocs builds like the others.

        `keep_built` (the preview, `mkdocs serve --dirty`): a page already built,
        whose own source pages (the ones it reads, the one it is made from) have
        not changed since, is kept as it is, as the lists and the search are."""
        try:
            pages = pages_in(generated_pages(library), lang, frozenset(library.pages))
        except ValueError as problem:
            raise PluginError(str(problem)) from None
        self.declared[lang] = {page.path: page for page in pages}
        self.read[lang] = frozenset(path for page in pages for path in page.reads)
        for page in pages:
            file = File.generated(config, page.path, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            if lang != DEFAULT_LANGUAGE:
                file.dest_uri = f"{lang}/{file.dest_uri}"
            if keep_built and _built_after(os.path.join(config.site_dir, file.dest_uri),
                                           _sources(config.docs_dir, page, library.vocabulary.language_codes)):
                file.is_modified = _unchanged  # MkDocs' dirty build asks each file this
            files.append(file)

    def get(self, lang: str, path: str) -> GeneratedPage | None:
        return self.declared.get(lang, {}).get(path)

    def reads(self, lang: str) -> frozenset[str]:
        """The source pages whose converted text this language's generated pages ask for."""
        return self.read.get(lang, frozenset())

    def markdown(self, declared: GeneratedPage, ctx: Context, page: Any, site_description: str) -> str:
        page.meta["title"] = declared.title_in(ctx)
        page.meta["description"] = declared.summary_in(ctx) or site_description
        if declared.hide:
            page.meta["hide"] = list(declared.hide)
        return declared.render(ctx)

    def wait(self, lang: str, page: Any, declared: GeneratedPage, fragments: Fragments) -> None:
        self.waiting.setdefault(lang, []).append(_Waiting(page, declared, fragments))

    def finish(self, lang: str, text_for: Callable[[GeneratedPage, str], PageText],
               finish_page: Callable[[str, Any], str], index: Callable[[Any, str], None]) -> None:
        """Once every page of `lang` is converted: the late parts, then what every page gets."""
        for waiting in self.waiting.pop(lang, []):
            page = waiting.page
            html = waiting.fragments.fill_later(page.content, text_for(waiting.declared, page.url))
            page.content = finish_page(html, page)
            if waiting.declared.search:
                index(page, page.content)

    def menu_link(self, declared: GeneratedPage, lang: str) -> str:
        """Where the language menu of a generated page leads for `lang`."""
        return url_of(declared.path if declared.exists_in(lang) else declared.fallback, lang)

    def sitemap_entries(self, lang: str, codes: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
        return [(page.path, tuple(code for code in codes if page.exists_in(code)))
                for page in self.declared.get(lang, {}).values() if page.sitemap]


def _unchanged() -> bool:
    return False


def _sources(docs_dir: str, page: GeneratedPage, codes: tuple[str, ...]) -> list[str]:
    """The files a generated page is made from: its source pages in every language."""
    pages = {*page.reads, page.fallback}
    return [os.path.join(docs_dir, name) for path in pages if path.endswith(".md")
            for name in (path, *(f"{path[:-3]}.{code}.md" for code in codes))]


def _built_after(built: str, sources: list[str]) -> bool:
    """Whether `built` exists and is newer than every one of `sources` that exists."""
    try:
        written = os.path.getmtime(built)
    except OSError:
        return False
    for source in sources:
        try:
            if os.path.getmtime(source) >= written:
                return False
        except OSError:
            continue
    return True
