"""MkDocs adapter: the only module that knows MkDocs.

Each event is a few lines that hand plain values to `learning_platform` and put
its answer back. Replacing the site generator means replacing this file.

MkDocs runs every event once per language (mkdocs-static-i18n builds the
languages one after another inside the first build), so the library is cached
by the state of the files on disk, not by build, and everything per language is
keyed by the language being built.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import TableOfContents

from learning_platform import catalogue, render
from learning_platform.errors import ContentErrors
from learning_platform.model import Library, Module, Practice, Action, Commitment, load_library, markdown_files
from learning_platform.official import load_official_texts
from learning_platform.glossary import abbreviations, load_glossary
from learning_platform.safety import scan_html
from learning_platform import search
from learning_platform.transliteration import serbian_cyrillic_to_latin as transliterate
from learning_platform.vocabulary import DATA_DIR, DEFAULT_LANGUAGE, load_vocabulary

_library: Library | None = None
_signature: tuple | None = None
_html_problems: list[str] = []
# Generated HTML of each page between its Markdown and its HTML events.
_fragments: dict[str, render.Fragments] = {}
# The search index of each language, filled page by page, written after the build.
_search_indexes: dict[str, search.SearchIndex] = {}
_search_strings: dict[str, dict[str, str]] = {}
# The converted English text of each page, for its untranslated copies in the
# other languages: converting the same Markdown five more times was most of
# what a build spent on pages nobody has translated yet.
_english_bodies: dict[str, "EnglishBody"] = {}
_english_404: bytes | None = None

# Section pages whose whole generated body comes from one renderer.
SECTION_RENDERERS = {
    render.COMMITMENTS_INDEX: render.commitments_index,
    render.ACTIONS_INDEX: render.actions_index,
    render.PRACTICES_INDEX: render.practices_index,
    render.MODULES_INDEX: render.modules_index,
    render.COVERAGE: render.coverage_matrix,
    render.CATALOGUE: render.catalogue_page,
    "translations.md": render.translations_status,
    "glossary.md": render.glossary_page,
}


# -- hooks ----------------------------------------------------------------------------


def on_pre_build(config: Any) -> None:
    global _html_problems
    _html_problems = []
    _fragments.clear()
    _search_indexes.clear()
    _search_strings.clear()
    if not getattr(config.plugins.get("i18n"), "building", False):
        # Once per build, not per language: the English build comes first, and
        # data/search.yml may have changed under `mkdocs serve`.
        _english_bodies.clear()
        search.load_stemmers.cache_clear()
        try:
            search.load_stemmers()
        except search.SearchRulesError as problem:
            raise PluginError(str(problem)) from None
    _ensure_loaded(config)  # validate before anything is built: a bad page stops the build here


def on_files(files: Files, config: Any) -> Files:
    # Runs after mkdocs-static-i18n (-100) has picked this language's files.
    lang = current_language(config)
    lib = library()
    base = (config.site_url or "/")
    for path, content in (
        (render.CATALOGUE_FILES[0], catalogue.catalogue_json(lib, lang, base)),
        (render.CATALOGUE_FILES[1], catalogue.catalogue_csv(lib, lang, base)),
    ):
        generated = File.generated(config, path, content=content)
        if lang != DEFAULT_LANGUAGE:
            generated.dest_uri = f"{lang}/{path}"
        files.append(generated)
    return files


on_files = event_priority(-200)(on_files)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    lang = current_language(config)
    lib = library()
    path = getattr(page.file, "norm_src_uri", page.file.src_uri)
    entry = lib.pages.get(path)
    if entry is None:  # every page was validated; a missing one means a generated file
        return markdown
    missing = lang != DEFAULT_LANGUAGE and lib.translation_state(path, lang) == "missing"
    generated_from = lib.vocabulary.language(lang).generated_from
    if generated_from and lib.translation(path, generated_from) is not None:
        # Serbian Latin is never written by hand: it is the Serbian page, transliterated.
        markdown = transliterate(lib.translation(path, generated_from).body)
        page.meta["title"] = lib.title(entry, lang)
    ctx = render.Context(lib, lang, path)
    _fragments[page.file.src_uri] = ctx.fragments
    before = [render.translation_banner(ctx, entry), render.script_switch(ctx, entry),
              render.official_wording(ctx, entry)]
    after = []
    if isinstance(entry, Practice):
        before.append(render.practice_panel(ctx, entry))
        after += [render.practice_modules(ctx, entry), render.sources_section(ctx, entry)]
    elif isinstance(entry, Module):
        before.append(render.module_panel(ctx, entry))
        after.append(render.sources_section(ctx, entry))
    elif isinstance(entry, Action):
        after.append(render.action_references(ctx, entry))
    elif isinstance(entry, Commitment):
        after.append(render.commitment_actions(ctx, entry))
    elif path in SECTION_RENDERERS:
        after.append(SECTION_RENDERERS[path](ctx))
    head = "".join(before)
    if missing and path in _english_bodies:
        body = f"\n\n{ENGLISH_BODY}\n\n"  # the English page's HTML goes here after conversion
    elif lang == DEFAULT_LANGUAGE or missing:
        body = f"\n\n{BODY_START}\n\n{markdown.rstrip()}\n\n{BODY_END}\n\n"
    else:
        body = markdown.rstrip() + "\n\n"
    page_markdown = (ctx.html(head) if head else "") + body + "".join(after)
    return page_markdown + abbreviations(load_glossary(), lang, page_markdown)


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    # What the contributor wrote is checked as the browser will get it; the
    # generated HTML, escaped by the renderers, goes in afterwards.
    for problem in scan_html(html):
        _html_problems.append(f"  - docs/{page.file.src_uri}: {problem}")
    html = render.label_task_checkboxes(html)
    lang = current_language(config)
    path = getattr(page.file, "norm_src_uri", page.file.src_uri)
    fragments = _fragments.pop(page.file.src_uri, None)
    if fragments is None or path not in library().pages:
        return html
    html = fragments.fill(html)
    missing = lang != DEFAULT_LANGUAGE and library().translation_state(path, lang) == "missing"
    if lang == DEFAULT_LANGUAGE:
        html = _keep_english_body(path, page, html)
    elif missing:
        html = _english_body_in_place(path, page, html)
    html += render.kosovo_footnote(library(), html, lang)
    if not missing:
        # An untranslated copy stays out of this language's search: the English index has it.
        search_index(lang).add(_language_relative(page.url, lang), page.title or "", html)
    return html


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    lang = current_language(config)
    here = page.url
    if lang not in _search_strings:
        _search_strings[lang] = search.interface_strings(
            (key, library().vocabulary.text(key, lang)) for key in SEARCH_STRINGS)
    context["platform_search"] = {
        "index": render.relative_url(here, render.url_of("search/", lang)),
        "strings": _search_strings[lang],
    }
    return context


def on_post_build(config: Any) -> None:
    # Runs once per language: mkdocs-static-i18n builds the others from its own
    # on_post_build (priority -100), after this one.
    global _english_404
    lang = current_language(config)
    folder = Path(config.site_dir) / render.url_of("search/", lang)
    search.write_index(search_index(lang), folder)
    # Every language build writes the site's one 404.html; the last one (Bosnian)
    # won. A reader who follows a broken link gets the English page, like any
    # reader whose language the site cannot tell.
    not_found = Path(config.site_dir) / "404.html"
    if lang == DEFAULT_LANGUAGE:
        _english_404 = not_found.read_bytes() if not_found.exists() else None
    elif _english_404 is not None:
        not_found.write_bytes(_english_404)


def on_env(env: Any, config: Any, files: Files) -> Any:
    if _html_problems:
        raise PluginError(
            "The site was not built: these pages would run script in a reader's browser.\n"
            + "\n".join(_html_problems)
        )
    return env


# -- helpers --------------------------------------------------------------------------

# Paragraphs of one made-up word that mark, in the converted HTML, where the
# page's own text begins and ends, and where an untranslated copy takes the
# English text.
BODY_START, BODY_END, ENGLISH_BODY = "zzbodystartzz", "zzbodyendzz", "zzenglishbodyzz"
# A relative address of a file rather than a page ("../form.pdf"): the same
# text would point elsewhere from another language's folder.
_FILE_LINK = re.compile(r'(?:href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)[^"#?]*\.[A-Za-z0-9]{1,5}(?:[?#][^"]*)?"')


@dataclass(frozen=True)
class EnglishBody:
    html: str
    toc: tuple  # the TOC entries of the page's own text, not of its generated parts
    anchors: frozenset[str]
    title: str | None


def _body_bounds(html: str) -> tuple[int, int, int, int] | None:
    start, end = html.find(f"<p>{BODY_START}</p>"), html.find(f"<p>{BODY_END}</p>")
    if start < 0 or end < start:
        return None
    return start, start + len(f"<p>{BODY_START}</p>"), end, end + len(f"<p>{BODY_END}</p>")


def _keep_english_body(path: str, page: Any, html: str) -> str:
    """Remember the English page's own text for its copies; take out the marks."""
    bounds = _body_bounds(html)
    if bounds is None:  # the text ends inside raw HTML that swallowed a mark: no copies
        return html.replace(f"<p>{BODY_START}</p>", "").replace(f"<p>{BODY_END}</p>", "")
    body = html[bounds[1]:bounds[2]]
    if not _FILE_LINK.search(body):
        toc = tuple(item for item in page.toc if f'id="{item.id}"' in body)
        _english_bodies[path] = EnglishBody(body, toc, frozenset(page.present_anchor_ids or ()),
                                            getattr(page, "_title_from_render", None))
    return html[:bounds[0]] + body + html[bounds[3]:]


def _english_body_in_place(path: str, page: Any, html: str) -> str:
    """An untranslated copy: the English text, marked as English for screen readers."""
    placeholder = f"<p>{ENGLISH_BODY}</p>"
    english = _english_bodies.get(path)
    if english is not None and placeholder in html:
        page.toc = TableOfContents(list(english.toc) + list(page.toc))
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | english.anchors
        if english.title and not getattr(page, "_title_from_render", None):
            page._title_from_render = english.title
        return html.replace(placeholder, f'<div lang="{DEFAULT_LANGUAGE}">{english.html}</div>', 1)
    bounds = _body_bounds(html)
    if bounds is None:
        return f'<div lang="{DEFAULT_LANGUAGE}">{html}</div>'
    return (html[:bounds[0]] + f'<div lang="{DEFAULT_LANGUAGE}">' + html[bounds[1]:bounds[2]]
            + "</div>" + html[bounds[3]:])


SEARCH_STRINGS = ("search.label", "search.placeholder", "search.hint", "search.open", "search.close",
                  "search.loading", "search.none", "search.count", "search.more", "search.failed")


def search_index(lang: str) -> search.SearchIndex:
    if lang not in _search_indexes:
        _search_indexes[lang] = search.SearchIndex(lang, search.stemmer_for(lang))
    return _search_indexes[lang]


def _language_relative(url: str, lang: str) -> str:
    """A page's address from its language's root (the search index stores these)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return url[len(prefix):] if url.startswith(prefix) else url



def current_language(config: Any) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def library() -> Library:
    """The library loaded by this build's on_pre_build (checked once per language build)."""
    if _library is None:
        raise PluginError("The content library was not loaded")
    return _library


def _ensure_loaded(config: Any) -> Library:
    """Load and validate every page once per state of the files on disk."""
    global _library, _signature
    i18n = config.plugins.get("i18n")
    if _library is not None and getattr(i18n, "building", False):
        # mkdocs-static-i18n builds the other languages inside the first build:
        # the files were checked at its start.
        return _library
    docs_dir = Path(config.docs_dir)
    signature = _files_signature(docs_dir)
    if _library is not None and signature == _signature:
        return _library
    load_vocabulary.cache_clear()
    load_official_texts.cache_clear()
    load_glossary.cache_clear()
    try:
        load_glossary()
        _library = load_library(docs_dir)
    except ContentErrors as errors:
        _library = None
        raise PluginError(errors.report()) from None
    _signature = signature
    return _library


def _files_signature(docs_dir: Path) -> tuple:
    paths = [docs_dir / path for path in markdown_files(docs_dir)]
    paths += sorted(DATA_DIR.glob("*.yml"))
    signature = []
    for path in paths:
        stat = os.stat(path)
        signature.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(signature)
