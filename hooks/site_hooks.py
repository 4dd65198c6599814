"""MkDocs adapter: the build's events, in the order MkDocs runs them, each a
few lines that hand plain values to the domain (`learning_platform`, which
knows nothing of MkDocs) and put its answer back.

mkdocs-static-i18n builds the languages one after another, English first and
the others inside English's on_post_build, so every event below runs once per
language. Where each part lives:

    build_state.py       the one owner of what the adapter keeps (`platform`)
    engine.py            what it reads from MkDocs and mkdocs-static-i18n
    site_pages.py        what every page gets: Markdown, HTML, template context
    english_text.py      the English text untranslated copies reuse
    copy_conversion.py   their few lines of Markdown, converted once per language and text
    generated_pages.py   pages with no source file
    site_outputs.py      files per language and per site (search, feed, sitemaps, offline...)
    language_workers.py  the fast build: the languages after English in two or more processes
    preview.py           what only the preview needs
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import site_outputs
import site_pages
from build_state import Platform
from engine import build_languages, building_other_language, current_language, site_base, source_path
from learning_platform import feeds, policy
from learning_platform.handout import running_head
from learning_platform.repository import Repository
from learning_platform.slugs import heading_slug
from learning_platform.urls import url_of
from learning_platform.vocabulary import DEFAULT_LANGUAGE
from preview import limit_languages

platform = Platform()


@event_priority(50)
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
    limit_languages(config)  # the preview: English and one language, not all six
    return config


def on_startup(command: str, dirty: bool) -> None:
    platform.start(command, dirty)


def on_pre_build(config: Any) -> None:
    if not building_other_language(config) or not platform.building:
        platform.begin()
    platform.load(Path(config.docs_dir), building_other_language(config))  # a bad page stops the build here
    site_outputs.choose_templates(config, current_language(config))


@event_priority(-200)  # after mkdocs-static-i18n's (-100) has picked this language's files
def on_files(files: Files, config: Any) -> Files:
    lang = current_language(config)
    site_outputs.serve_assets_lighter(files)
    site_outputs.add_catalogue(files, config, platform.library, lang, site_base(config),
                               kept=platform.kept_catalogues if platform.dirty else None)
    platform.build.generated.add_files(files, config, platform.library, lang, keep_built=platform.dirty)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    return site_pages.page_markdown(platform.build, platform.library, current_language(config), markdown, page, config)


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    return site_pages.page_content(platform.build, platform.library, current_language(config), html, page, config)


def on_env(env: Any, config: Any, files: Files) -> Any:
    platform.check_languages()  # the fast build's language check, done before anything is written
    env.bytecode_cache = platform.compiled_templates
    state = platform.build
    if state.html_problems:
        raise PluginError("The site was not built: these pages would run script in a reader's browser.\n"
                          + "\n".join(state.html_problems))
    lang = current_language(config)
    site_pages.finish_generated_pages(state, platform.library, lang, config)
    if lang == DEFAULT_LANGUAGE and not building_other_language(config):
        # The fast build (scripts/build.py): what is left, in two or more processes.
        state.workers.split(config, config.plugins.get("i18n"), DEFAULT_LANGUAGE, files)
    elif lang != DEFAULT_LANGUAGE:
        site_outputs.leave_root_files_to_english(files, lang)
    return env


@event_priority(-200)  # after mkdocs-static-i18n's (0), which resets the language links
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    return site_pages.page_context(platform.build, platform.library, current_language(config), context, page, config,
                                   platform.serving)


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = policy.mark_toc_languages(output)
    path, lang = source_path(page), current_language(config)
    # Every sheet printed says what and where it is from: a page's, and a generated handout's.
    if path in platform.library.pages or platform.build.generated.get(lang, path) is not None:
        address = url_of(path, lang)
        output = running_head(output, page.meta.get("title") or page.title or "", feeds.absolute(site_base(config), address))
    # The page is written next and nothing reads its text again, but MkDocs and
    # mkdocs-static-i18n keep every page of every language until the build
    # ends: without this, all their HTML stays in memory (a third of the peak
    # at 3,000 practices). (The Markdown becomes "", not None: MkDocs reads a
    # page's title as None when its Markdown is None, and a title from the
    # first heading of the Markdown when its content is None; from "" it
    # reads none, as before.)
    page.content = None
    page.markdown = ""
    return output if platform.serving else platform.build.scripts.protect(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # The 404 page is a template, not a page: it gets the same policy.
    if template_name.endswith(".html") and platform.building and not platform.serving:
        return platform.build.scripts.protect(output)
    return output


def on_post_build(config: Any) -> None:
    # Runs once per language: mkdocs-static-i18n builds the others from its own
    # on_post_build (priority -100), after this one.
    state, lib, lang, base = platform.build, platform.library, current_language(config), site_base(config)
    site = Path(config.site_dir)
    if lang == DEFAULT_LANGUAGE:
        state.workers.pause_for_test()
        if not state.workers.writes_english:
            return  # the fast build's second process: the first writes what is English
    site_outputs.write_language_files(site, lib, lang, base, state.search_index(lang),
                                      state.generated.sitemap_entries(lang, lib.vocabulary.language_codes),
                                      state.today, platform.serving, keep_index=platform.dirty)
    if lang == state.workers.last_language(build_languages(config)):
        if state.workers.role == "child":
            state.workers.report(state.scripts.seen)
            return
        try:
            state.scripts.seen |= state.workers.join()
        except RuntimeError as problem:
            raise PluginError(str(problem)) from None
        site_outputs.write_site_files(site, lib, base, state.scripts, platform.serving)
