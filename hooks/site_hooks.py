"""MkDocs adapter: the only module that knows MkDocs.

Each event is a few lines that hand plain values to `learning_platform` and put
its answer back. Replacing the site generator means replacing this file.

MkDocs runs every event once per language (mkdocs-static-i18n builds the
languages one after another inside the first build), so the library is cached
by the state of the files on disk, not by build, and everything per language is
keyed by the language being built. What one build collects (generated HTML
between events, search indexes, feed entries, script hashes for the security
policy) lives in one `BuildState`, made anew in `on_pre_build` of the first
language and dropped when the build ends, so `mkdocs serve` starts clean.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents

from generated_pages import GeneratedPages
from language_workers import LanguageWorkers
from learning_platform import feeds, offline, policy, schema, search, sitemaps
from learning_platform.check import content_problems
from learning_platform.context import Context, Fragments, PageText
from learning_platform.corrections import suggestions_on_page
from learning_platform.generated import GeneratedPage
from learning_platform.errors import ContentErrors
from learning_platform.glossary import abbreviations, load_glossary
from learning_platform.handout import print_addresses, running_head
from learning_platform.loading import markdown_files
from learning_platform.model import Library
from learning_platform.official import load_official_texts
from learning_platform.page_assembly import LISTING_PAGES, catalogue_files, surroundings
from learning_platform.page_parts import (
    Repository, display_title, explain_abbreviations, kosovo_footnote, label_task_checkboxes, permalink_titles,
)
from learning_platform.review import build_date
from learning_platform.safety import scan_html
from learning_platform.slugs import heading_slug
from learning_platform.tables import keep_words_whole
from learning_platform.terminology import load_rules
from learning_platform.transliteration import serbian_cyrillic_to_latin as transliterate
from learning_platform.urls import rebase_links, url_of
from learning_platform.vocabulary import DATA_DIR, DEFAULT_LANGUAGE, load_vocabulary

SEARCH_STRINGS = ("search.label", "search.placeholder", "search.hint", "search.open", "search.close",
                  "search.loading", "search.none", "search.count", "search.more", "search.failed")
# Paragraphs of one made-up word that mark, in the converted HTML, where the
# page's own text begins and ends, and where an untranslated copy takes the
# English text.
BODY_START, BODY_END, ENGLISH_BODY = "zzbodystartzz", "zzbodyendzz", "zzenglishbodyzz"
# Templates whose output sits at the site's root for every language: the
# English build renders them, no other language build does.
ROOT_TEMPLATES = ("404.html",)
# A relative address of a file rather than a page ("../form.pdf"): the same
# text would point elsewhere from another language's folder.
_FILE_LINK = re.compile(r'(?:href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)[^"#?]*\.[A-Za-z0-9]{1,5}(?:[?#][^"]*)?"')


@dataclass(frozen=True)
class EnglishBody:
    html: str
    toc: tuple  # the TOC entries of the page's own text, not of its generated parts
    anchors: frozenset[str]
    title: str | None
    file_links: bool  # links to files that the same text would miss from another language's folder


@dataclass
class BuildState:
    """What one build (all its languages) collects between MkDocs events."""

    today: Any
    html_problems: list[str] = field(default_factory=list)
    fragments: dict[str, Fragments] = field(default_factory=dict)  # per page, Markdown to HTML
    search_indexes: dict[str, search.SearchIndex] = field(default_factory=dict)
    search_strings: dict[str, dict[str, str]] = field(default_factory=dict)
    # The converted English text of each page, for its untranslated copies in the
    # other languages: converting the same Markdown five more times was most of
    # what a build spent on pages nobody has translated yet.
    english_bodies: dict[str, EnglishBody] = field(default_factory=dict)
    # The converted text of translated pages that generated pages read: (path, language) -> HTML.
    page_texts: dict[tuple[str, str], str] = field(default_factory=dict)
    generated: GeneratedPages = field(default_factory=GeneratedPages)
    scripts: policy.InlineScripts = field(default_factory=policy.InlineScripts)
    workers: LanguageWorkers = field(default_factory=LanguageWorkers)


PREVIEW_ENVIRONMENT = "PLATFORM_PREVIEW_LANGUAGE"
_dirty = False
_serving = False
_state: BuildState | None = None
_library: Library | None = None
_signature: tuple | None = None


# -- hooks ----------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    # Headings get the same anchors in Cyrillic and in Latin (Serbian pages and
    # their Serbian Latin copies): the slug is made from the transliterated text.
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    # Material shows repo_url as a widget that asks api.github.com for stars and
    # forks on every page view: a request to a third party. The address is kept
    # for the platform's own edit links, and hidden from the theme.
    if config.repo_url:
        config.extra["repository"] = Repository.from_config(config.repo_url, config.edit_uri)
        config.repo_url = None
        config.edit_uri = None
    # The preview (scripts/preview.py): English and one language, not all six.
    preview = os.environ.get(PREVIEW_ENVIRONMENT, "").strip()
    i18n = config.plugins.get("i18n")
    if preview and i18n is not None:
        known = [language.locale for language in i18n.config.languages]
        if preview not in known:
            raise PluginError(f"{PREVIEW_ENVIRONMENT}={preview}: not a language of this site ({', '.join(known)})")
        for language in i18n.config.languages:
            language.build = language.locale in (DEFAULT_LANGUAGE, preview)
    return config


on_config = event_priority(50)(on_config)


def on_startup(command: str, dirty: bool) -> None:
    global _dirty, _serving
    # `mkdocs serve` reloads pages with an inline script of its own, new on every
    # page view: the security policy would block it, so served previews go
    # without the policy. Built sites (make build, CI, Pages) always carry it.
    _serving = command == "serve"
    # `mkdocs serve --dirty` rebuilds only the pages whose file changed: the
    # search index of such a rebuild would hold those pages alone.
    _dirty = command == "serve" and dirty


def on_pre_build(config: Any) -> None:
    global _state
    if not _building_other_language(config) or _state is None:
        # Once per build, not per language: the English build comes first, and
        # data/search.yml may have changed under `mkdocs serve`.
        _state = BuildState(today=build_date())
        search.load_stemmers.cache_clear()
        search.load_synonyms.cache_clear()
        try:
            search.load_stemmers()
        except search.SearchRulesError as problem:
            raise PluginError(str(problem)) from None
    _ensure_loaded(config)  # validate before anything is built: a bad page stops the build here
    # The engine's sitemap.xml (mkdocs-static-i18n's, every page of every
    # language, rendered again in each language build, then gzipped) is
    # replaced by the platform's own (sitemaps.py, on_post_build): not
    # rendering it saves six passes over every page.
    config.theme.static_templates.discard("sitemap.xml")
    # The root 404 page is the English build's alone. Every language build
    # used to render it into the same site/404.html; in the fast build the
    # second process's Serbian or Bosnian one could land between the English
    # build's writing it and reading it back, and win.
    if current_language(config) == DEFAULT_LANGUAGE:
        config.theme.static_templates.update(ROOT_TEMPLATES)
    else:
        config.theme.static_templates.difference_update(ROOT_TEMPLATES)


def on_files(files: Files, config: Any) -> Files:
    # Runs after mkdocs-static-i18n (-100) has picked this language's files.
    lang = current_language(config)
    lib = library()
    # The theme's sitemap.xml template, no longer rendered, would be copied
    # as it is into site/ by every language build; the platform writes that
    # file once, after the last language.
    for file in [file for file in files if file.src_uri == sitemaps.INDEX_FILE]:
        files.remove(file)
    for path, content in catalogue_files(lib, lang, site_base(config)):
        generated = File.generated(config, path, content=content)
        if lang != DEFAULT_LANGUAGE:
            generated.dest_uri = f"{lang}/{path}"
        files.append(generated)
    build_state().generated.add_files(files, config, lib, lang)
    return files


on_files = event_priority(-200)(on_files)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    lang = current_language(config)
    lib = library()
    path = source_path(page)
    entry = lib.pages.get(path)
    state = build_state()
    if entry is None:  # every page was validated: this is a generated page or file
        declared = state.generated.get(lang, path)
        if declared is None:
            return markdown
        ctx = Context(lib, lang, path, base=site_base(config), repository=config.extra.get("repository"))
        state.fragments[page.file.src_uri] = ctx.fragments
        markdown = state.generated.markdown(declared, ctx, page, lib.vocabulary.text("site.description", lang))
        return markdown + abbreviations(load_glossary(), lang, markdown)
    missing = lang != DEFAULT_LANGUAGE and lib.translation_state(path, lang) == "missing"
    generated_from = lib.vocabulary.language(lang).generated_from
    if generated_from and lib.translation(path, generated_from) is not None:
        # Serbian Latin is never written by hand: it is the Serbian page, transliterated.
        markdown = transliterate(lib.translation(path, generated_from).body)
    ctx = Context(lib, lang, path)
    state.fragments[page.file.src_uri] = ctx.fragments
    title = display_title(ctx, entry)
    page.meta["title"] = title
    summary = ctx.summary(entry) or lib.vocabulary.text("site.description", lang)
    page.meta["description"] = summary
    parts = surroundings(ctx, entry, state.today, site_base(config), config.extra.get("repository"), markdown)
    if missing and _english_copy(path) is not None:
        body = f"\n\n{ENGLISH_BODY}\n\n"  # the English page's HTML goes here after conversion
    else:  # marked: kept for copies and generated pages, given its correction links
        body = f"\n\n{BODY_START}\n\n{markdown.rstrip()}\n\n{BODY_END}\n\n"
    page_markdown = parts.head + parts.plan + body + parts.tail
    return page_markdown + abbreviations(load_glossary(), lang, page_markdown)


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    # What the contributor wrote is checked as the browser will get it; the
    # generated HTML, escaped by the renderers, goes in afterwards.
    state = build_state()
    for problem in scan_html(html):
        state.html_problems.append(f"  - docs/{page.file.src_uri}: {problem}")
    html = label_task_checkboxes(html)
    lang = current_language(config)
    path = source_path(page)
    fragments = state.fragments.pop(page.file.src_uri, None)
    if fragments is None:
        return html
    declared = state.generated.get(lang, path)
    if declared is not None:  # finished in on_env, once every page of the language is converted
        state.generated.wait(lang, page, declared, fragments)
        return fragments.fill(html)
    html = fragments.fill(html)
    missing = lang != DEFAULT_LANGUAGE and library().translation_state(path, lang) == "missing"
    if lang == DEFAULT_LANGUAGE:
        html = _keep_english_body(path, page, html)
    elif missing:
        html = _english_body_in_place(path, page, html)
    else:
        html = _keep_page_text(path, lang, html, path in state.generated.reads(lang),
                               lambda body: suggestions_on_page(library(), path, lang, page.meta.get("title") or "",
                                                                body, site_base(config),
                                                                config.extra.get("repository")))
    html = _finish(html, page, lang, config)
    if not missing:
        # An untranslated copy stays out of this language's search: the English index has it.
        search_index(lang).add(_language_relative(page.url, lang), page.meta.get("title") or page.title or "",
                               html, listing=path in LISTING_PAGES)
    return html


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    lang = current_language(config)
    state = build_state()
    here = page.url
    path = source_path(page)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    declared = state.generated.get(lang, path)
    if path in library().pages:
        # mkdocs-static-i18n makes the home page's language links absolute
        # ("/platform/sq/", from site_url); every other page's are relative.
        # Relative everywhere: the site works wherever it is served.
        for alternate in alternates:
            alternate["link"] = url_of(path, alternate["lang"]) or "."
    elif declared is not None:
        # mkdocs-static-i18n leaves files it did not make alone (and the menu as
        # the page before left it): each language's link is set here.
        for alternate in alternates:
            alternate["link"] = state.generated.menu_link(declared, alternate["lang"]) or "."
        context["i18n_page_locale"] = lang
    if lang not in state.search_strings:
        state.search_strings[lang] = search.interface_strings(
            (key, library().vocabulary.text(key, lang)) for key in SEARCH_STRINGS)
    vocabulary = library().vocabulary
    context["platform_search"] = {
        "index": _relative(here, url_of("search/", lang)),
        "strings": state.search_strings[lang],
    }
    context["platform"] = {
        "feed": _relative(here, url_of(feeds.FEED_FILE, lang)),
        "feed_title": vocabulary.text("feed.title", lang),
        "follow": vocabulary.text("feed.follow", lang),
        "language_name": vocabulary.language(lang).name,
        "language_code": lang.split("-")[0].upper() + ("-" + lang.split("-")[1] if "-" in lang else ""),
        "language_label": vocabulary.text("language.current", lang),
        "scroll_hint": vocabulary.text("table.scroll_hint", lang),
        "canonical": feeds.absolute(site_base(config), url_of(source_path(page), lang)) if site_base(config) else None,
        # The manifest and the "keep this language" control; no worker under `mkdocs serve`.
        "offline": offline.control(vocabulary, lang, "../" * here.count("/"), worker=not _serving),
    }
    return context


# After mkdocs-static-i18n's (priority 0), which resets the language links.
on_page_context = event_priority(-200)(on_page_context)


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = policy.mark_toc_languages(output)
    if source_path(page) in library().pages:  # every sheet printed says what and where it is from
        address = url_of(source_path(page), current_language(config))
        output = running_head(output, page.meta.get("title") or "", feeds.absolute(site_base(config), address))
    # The page is written next and nothing reads its text again, but MkDocs and
    # mkdocs-static-i18n keep every page of every language until the build
    # ends: without this, all their HTML stays in memory (a third of the peak
    # at 3,000 practices).
    # (The Markdown becomes "", not None: MkDocs reads a page's title as None
    # when its Markdown is None, and a title from the first heading of the
    # Markdown when its content is None; from "" it reads none, as before.)
    page.content = None
    page.markdown = ""
    return output if _serving else build_state().scripts.protect(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # The 404 page is a template, not a page: it gets the same policy.
    if template_name.endswith(".html") and _state is not None and not _serving:
        return build_state().scripts.protect(output)
    return output


def on_post_build(config: Any) -> None:
    # Runs once per language: mkdocs-static-i18n builds the others from its own
    # on_post_build (priority -100), after this one.
    state = build_state()
    lang = current_language(config)
    site = Path(config.site_dir)
    if lang == DEFAULT_LANGUAGE:
        state.workers.pause_for_test()
    if lang == DEFAULT_LANGUAGE and not state.workers.writes_english:
        return  # the fast build's second process: the first writes what is English
    index_folder = site / url_of("search/", lang)
    if not (_dirty and (index_folder / "meta.json").exists()):
        search.write_index(search_index(lang), index_folder)
    lib = library()
    base = site_base(config)
    (site / url_of(feeds.FEED_FILE, lang)).write_bytes(feeds.atom_feed(lib, lang, base, state.today))
    sitemaps.write_language_sitemap(site, lib, lang, base,
                                    state.generated.sitemap_entries(lang, lib.vocabulary.language_codes))
    offline.write_manifest(site, lib.vocabulary, lang)
    if not _serving:  # the offline list: what "keep this language" downloads (completed below)
        offline.write_language_list(site, lang, lib.vocabulary.language_codes)
    if lang == DEFAULT_LANGUAGE:
        for path, text in schema.schema_files(lib.vocabulary, base).items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(text, encoding="utf-8")
    if lang == last_language(config):
        if state.workers.role == "child":
            state.workers.report(state.scripts.seen)
            return
        try:
            state.scripts.seen |= state.workers.join()
        except RuntimeError as problem:
            raise PluginError(str(problem)) from None
        sitemaps.write_site_sitemaps(site, lib, base)
        policy.write_headers(site, state.scripts)
        if not _serving:  # the offline lists' shared assets and version, and the worker (sw.js)
            offline.write_site_files(site, lib.vocabulary, lib.vocabulary.language_codes)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per process rather than once per
    language build and per preview rebuild (Jinja checks each template's source
    against what it compiled). The fast build's second process compiles its own
    once: which partials a page includes is known only as it renders."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()


def on_env(env: Any, config: Any, files: Files) -> Any:
    env.bytecode_cache = _compiled_templates
    state = build_state()
    if state.html_problems:
        raise PluginError(
            "The site was not built: these pages would run script in a reader's browser.\n"
            + "\n".join(state.html_problems)
        )
    lang = current_language(config)
    # Every page of the language is converted: the generated pages that wait for others' text are finished.
    state.generated.finish(lang, lambda declared, here: _page_text(declared, here, lang),
                           lambda html, page: _finish(html, page, lang, config),
                           lambda page, html: search_index(lang).add(_language_relative(page.url, lang),
                                                                    page.meta.get("title") or "", html))
    if lang == DEFAULT_LANGUAGE and not _building_other_language(config):
        # The fast build (scripts/build.py): what is left, in two processes.
        state.workers.split(config.plugins.get("i18n"), DEFAULT_LANGUAGE, files)
    elif lang != DEFAULT_LANGUAGE:
        # The theme's assets and the site's own (assets/...) sit at the root,
        # for every language, and the English build copied them there: a
        # language build writes into its own folder only, so no two builds
        # (in the fast build, no two processes) write one file. Pages have
        # been converted and their links resolved by now: leaving the files
        # out here changes nothing but the copying.
        for file in files:
            if not file.is_documentation_page() and not file.dest_uri.startswith(f"{lang}/"):
                file.inclusion = InclusionLevel.EXCLUDED
    return env


# -- helpers --------------------------------------------------------------------------


def site_base(config: Any) -> str:
    return (config.site_url or "").rstrip("/") + "/" if config.site_url else ""


def source_path(page: Any) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def _relative(here: str, there: str) -> str:
    from learning_platform.urls import relative_url

    return relative_url(here, there)


def _body_bounds(html: str) -> tuple[int, int, int, int] | None:
    start, end = html.find(f"<p>{BODY_START}</p>"), html.find(f"<p>{BODY_END}</p>")
    if start < 0 or end < start:
        return None
    return start, start + len(f"<p>{BODY_START}</p>"), end, end + len(f"<p>{BODY_END}</p>")


def _finish(html: str, page: Any, lang: str, config: Any) -> str:
    """What every page gets once its parts are in place."""
    html = explain_abbreviations(html)
    html = keep_words_whole(html, lang)
    html = permalink_titles(html, library().vocabulary.text("heading.permalink", lang))
    html = print_addresses(html, page.url, site_base(config))
    return html + kosovo_footnote(library(), html, lang)


def _keep_english_body(path: str, page: Any, html: str) -> str:
    """Remember the English page's own text for its copies; take out the marks."""
    bounds = _body_bounds(html)
    if bounds is None:  # the text ends inside raw HTML that swallowed a mark: no copies
        return html.replace(f"<p>{BODY_START}</p>", "").replace(f"<p>{BODY_END}</p>", "")
    body = html[bounds[1]:bounds[2]]
    toc = tuple(item for item in page.toc if f'id="{item.id}"' in body)
    build_state().english_bodies[path] = EnglishBody(body, toc, frozenset(page.present_anchor_ids or ()),
                                                     getattr(page, "_title_from_render", None),
                                                     bool(_FILE_LINK.search(body)))
    return html[:bounds[0]] + body + html[bounds[3]:]


def _english_copy(path: str) -> EnglishBody | None:
    """The English text an untranslated copy of `path` takes, if it can."""
    english = build_state().english_bodies.get(path)
    return english if english is not None and not english.file_links else None


def _keep_page_text(path: str, lang: str, html: str, read: bool, suggest: Callable[[str], str]) -> str:
    """A translated page's own text, remembered for the generated pages that read it
    (`read`), then given its correction links (`suggest`). Its marks go with the
    line break each added."""
    bounds = _body_bounds(html)
    if bounds is None:
        return html.replace(f"<p>{BODY_START}</p>\n", "").replace(f"<p>{BODY_END}</p>\n", "")
    body = html[bounds[1]:bounds[2]].removeprefix("\n")
    if read:
        build_state().page_texts[(path, lang)] = body
    return html[:bounds[0]] + suggest(body) + html[bounds[3]:].removeprefix("\n")


def _page_text(declared: GeneratedPage, here: str, lang: str) -> PageText:
    """What ctx.later's functions get: the pages' converted texts, as seen from the page at `here`."""

    def text(path: str, language: str) -> str | None:
        if path not in declared.reads or language not in (lang, DEFAULT_LANGUAGE):
            return None
        english = build_state().english_bodies.get(path)
        if language == DEFAULT_LANGUAGE:
            return rebase_links(english.html, url_of(path, DEFAULT_LANGUAGE), here) if english else None
        if (path, language) in build_state().page_texts:
            return rebase_links(build_state().page_texts[(path, language)], url_of(path, language), here)
        if english is None or library().translation_state(path, language) != "missing":
            return None
        origin = url_of(path, DEFAULT_LANGUAGE if english.file_links else language)
        return f'<div lang="{DEFAULT_LANGUAGE}">{rebase_links(english.html, origin, here)}</div>'

    return text


def _english_body_in_place(path: str, page: Any, html: str) -> str:
    """An untranslated copy: the English text, marked as English for screen readers."""
    placeholder = f"<p>{ENGLISH_BODY}</p>"
    english = _english_copy(path)
    if english is not None and placeholder in html:
        page.toc = TableOfContents(_merge_toc(list(page.toc), list(english.toc)))
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | english.anchors
        if english.title and not getattr(page, "_title_from_render", None):
            page._title_from_render = english.title
        return html.replace(placeholder, f'<div lang="{DEFAULT_LANGUAGE}">{english.html}</div>', 1)
    bounds = _body_bounds(html)
    if bounds is None:
        return f'<div lang="{DEFAULT_LANGUAGE}">{html}</div>'
    return (html[:bounds[0]] + f'<div lang="{DEFAULT_LANGUAGE}">' + html[bounds[1]:bounds[2]]
            + "</div>" + html[bounds[3]:])


def _merge_toc(own: list, english: list) -> list:
    """The copy's generated headings that come before the English text (a module's
    objectives and agenda), then the English text's, then the rest."""
    first = [item for item in own if item.id in ("learning-objectives", "agenda", "materials")]
    rest = [item for item in own if item not in first]
    return first + english + rest


def search_index(lang: str) -> search.SearchIndex:
    indexes = build_state().search_indexes
    if lang not in indexes:
        indexes[lang] = search.SearchIndex(lang, search.stemmer_for(lang), search.synonyms_for(lang),
                                           search.dialect_rules_for(lang))
    return indexes[lang]


def _language_relative(url: str, lang: str) -> str:
    """A page's address from its language's root (the search index stores these)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return url[len(prefix):] if url.startswith(prefix) else url


def current_language(config: Any) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def last_language(config: Any) -> str:
    i18n = config.plugins.get("i18n")
    languages = list(getattr(i18n, "build_languages", None) or [DEFAULT_LANGUAGE])
    return build_state().workers.last_language(languages)


def _building_other_language(config: Any) -> bool:
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def build_state() -> BuildState:
    if _state is None:
        raise PluginError("The build state was not created (on_pre_build did not run)")
    return _state


def library() -> Library:
    """The library loaded by this build's on_pre_build (checked once per language build)."""
    if _library is None:
        raise PluginError("The content library was not loaded")
    return _library


def _ensure_loaded(config: Any) -> Library:
    """Load and validate every page once per state of the files on disk."""
    global _library, _signature
    if _library is not None and _building_other_language(config):
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
    load_rules.cache_clear()
    # The same rules as scripts/check.py, in the same function.
    result = content_problems(docs_dir)
    if not result.ok:
        _library = None
        raise PluginError(ContentErrors(result.errors).report())
    _library = result.library
    _signature = signature
    return _library


def _files_signature(docs_dir: Path) -> tuple:
    paths = [docs_dir / path for path in markdown_files(docs_dir)]
    paths += sorted(DATA_DIR.glob("*.yml")) + sorted(DATA_DIR.glob("terminology/*.yml"))
    signature = []
    for path in paths:
        stat = os.stat(path)
        signature.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(signature)
