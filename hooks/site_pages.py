"""What every page of the site gets, event by event: its Markdown with the
generated parts around its own text (on_page_markdown), its HTML finished
(on_page_content), what the theme's templates read (on_page_context).

The parts themselves are made by the domain (learning_platform.page_assembly,
page_parts, handout...): this module hands them MkDocs' page and config as
plain values and puts the answers back.
"""
from __future__ import annotations

from typing import Any

import english_text
from build_state import BuildState
from engine import language_relative, relative, site_base, source_path
from learning_platform import feeds, offline, page_styles, search
from learning_platform.context import Context
from learning_platform.corrections import suggestions_on_page
from learning_platform.glossary import abbreviations, load_glossary
from learning_platform.handout import print_addresses
from learning_platform.model import Library, Module
from learning_platform.module_page import finish_module_html
from learning_platform.page_assembly import LISTING_PAGES, surroundings
from learning_platform.page_parts import (
    display_title, explain_abbreviations, kosovo_footnote, label_task_checkboxes, permalink_titles,
)
from learning_platform.safety import scan_html
from learning_platform.tables import keep_words_whole
from learning_platform.transliteration import serbian_cyrillic_to_latin as transliterate
from learning_platform.urls import url_of
from learning_platform.vocabulary import DEFAULT_LANGUAGE

SEARCH_STRINGS = ("search.label", "search.placeholder", "search.hint", "search.open", "search.close",
                  "search.loading", "search.none", "search.count", "search.more", "search.failed")


def page_markdown(state: BuildState, lib: Library, lang: str, markdown: str, page: Any, config: Any) -> str:
    """The page's Markdown with the generated parts around its own text."""
    path = source_path(page)
    entry = lib.pages.get(path)
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
    copy = missing and state.texts.english_copy(path) is not None
    body = english_text.marked_body(markdown, copy=copy)
    if copy:  # its text is the same as many other copies': converted once (copy_conversion.py)
        state.copy_conversions.convert_once(page, lang)
    page_markdown = parts.head + parts.plan + body + parts.tail
    return page_markdown + abbreviations(load_glossary(), lang, page_markdown)


def page_content(state: BuildState, lib: Library, lang: str, html: str, page: Any, config: Any) -> str:
    """The converted page, checked, its generated parts in place, finished and indexed."""
    # What the contributor wrote is checked as the browser will get it; the
    # generated HTML, escaped by the renderers, goes in afterwards.
    for problem in scan_html(html):
        state.html_problems.append(f"  - docs/{page.file.src_uri}: {problem}")
    html = label_task_checkboxes(html)
    path = source_path(page)
    fragments = state.fragments.pop(page.file.src_uri, None)
    if fragments is None:
        return html
    declared = state.generated.get(lang, path)
    if declared is not None:  # finished in on_env, once every page of the language is converted
        state.generated.wait(lang, page, declared, fragments)
        return fragments.fill(html)
    html = fragments.fill(html)
    missing = lang != DEFAULT_LANGUAGE and lib.translation_state(path, lang) == "missing"
    if lang == DEFAULT_LANGUAGE:
        html = english_text.keep_english_body(state.texts, path, page, html)
    elif missing:
        html = english_text.english_body_in_place(state.texts, path, page, html)
    else:
        html = english_text.keep_page_text(state.texts, path, lang, html, path in state.generated.reads(lang),
                                           lambda body: suggestions_on_page(lib, path, lang, page.meta.get("title") or "",
                                                                            body, site_base(config),
                                                                            config.extra.get("repository")))
    if isinstance(lib.pages[path], Module):  # facilitator-only parts marked, the self-check and feedback form in place
        html = finish_module_html(html, lib.pages[path], lib.vocabulary.text("facilitator.label", lang))
    html = finish(lib, html, page, lang, config)
    if not missing:
        # An untranslated copy stays out of this language's search: the English index has it.
        state.search_index(lang).add(language_relative(page.url, lang), page.meta.get("title") or page.title or "",
                                     html, listing=path in LISTING_PAGES)
    return html


def finish(lib: Library, html: str, page: Any, lang: str, config: Any) -> str:
    """What every page gets once its parts are in place."""
    html = explain_abbreviations(html)
    html = keep_words_whole(html, lang)
    html = permalink_titles(html, lib.vocabulary.text("heading.permalink", lang))
    html = print_addresses(html, page.url, site_base(config))
    return html + kosovo_footnote(lib, html, lang)


def finish_generated_pages(state: BuildState, lib: Library, lang: str, config: Any) -> None:
    """Every page of the language is converted: the generated pages that wait for others' text are finished."""
    state.generated.finish(lang, lambda declared, here: english_text.page_text(state.texts, lib, declared, here, lang),
                           lambda html, page: finish(lib, html, page, lang, config),
                           lambda page, html: state.search_index(lang).add(language_relative(page.url, lang),
                                                                          page.meta.get("title") or "", html))


def page_context(state: BuildState, lib: Library, lang: str, context: Any, page: Any, config: Any,
                 serving: bool) -> Any:
    """What the theme's templates read: the language menu's links, the search box, the platform's parts."""
    here = page.url
    path = source_path(page)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    declared = state.generated.get(lang, path)
    if path in lib.pages:
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
            (key, lib.vocabulary.text(key, lang)) for key in SEARCH_STRINGS)
    vocabulary = lib.vocabulary
    context["platform_search"] = {
        "index": relative(here, url_of("search/", lang)),
        "strings": state.search_strings[lang],
    }
    context["platform"] = {
        "feed": relative(here, url_of(feeds.FEED_FILE, lang)),
        "feed_title": vocabulary.text("feed.title", lang),
        "follow": vocabulary.text("feed.follow", lang),
        "language_name": vocabulary.language(lang).name,
        "language_code": lang.split("-")[0].upper() + ("-" + lang.split("-")[1] if "-" in lang else ""),
        "language_label": vocabulary.text("language.current", lang),
        "scroll_hint": vocabulary.text("table.scroll_hint", lang),
        "canonical": feeds.absolute(site_base(config), url_of(source_path(page), lang)) if site_base(config) else None,
        # Stylesheets only some pages use (the finder's, the workshop's, the side-by-side view's).
        "stylesheets": page_styles.page_stylesheets(here if lang == DEFAULT_LANGUAGE else here[len(lang) + 1:]),
        # The manifest and the "keep this language" control; no worker under `mkdocs serve`.
        "offline": offline.control(vocabulary, lang, "../" * here.count("/"), worker=not serving),
    }
    return context
