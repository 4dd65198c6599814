"""The files a build writes beside the pages: once per language (search index,
feed, sitemap, the catalogue, the web app manifest and the offline list) or
once per site (the JSON Schemas, the root 404 page, the sitemap index, the
`_headers` file with every script hash, the service worker).

Who writes what is fixed, so that no two builds (in the fast build, no two
processes) write one file: a language build writes into its own folder only;
what sits at the site's root is the English build's; what spans languages is
written after the last language, by the process that built English.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

from learning_platform import feeds, offline, policy, schema, search, served_assets, sitemaps
from learning_platform.model import Library
from learning_platform.page_assembly import catalogue_files
from learning_platform.urls import url_of
from learning_platform.vocabulary import DEFAULT_LANGUAGE

# Templates whose output sits at the site's root for every language: the
# English build renders them, no other language build does.
ROOT_TEMPLATES = ("404.html",)


def serve_assets_lighter(files: Files) -> None:
    """The platform's own scripts and stylesheets written without their
    comments (learning_platform/served_assets.py), before any list of the
    site's files (the offline save's sizes and hashes) is made."""
    for file in files.media_files():
        if file.src_uri.startswith("assets/") and file.src_uri.endswith((".js", ".css")):
            served = served_assets.served_text(file.src_uri, file.content_string)
            if served is not None:
                file.content_string = served


def choose_templates(config: Any, lang: str) -> None:
    """The theme's own pages this language build renders."""
    # The engine's sitemap.xml (mkdocs-static-i18n's, every page of every
    # language, rendered again in each language build, then gzipped) is
    # replaced by the platform's own (sitemaps.py, on_post_build): not
    # rendering it saves six passes over every page.
    config.theme.static_templates.discard("sitemap.xml")
    # The root 404 page is the English build's alone. Every language build
    # used to render it into the same site/404.html; in the fast build the
    # second process's Serbian or Bosnian one could land between the English
    # build's writing it and reading it back, and win.
    if lang == DEFAULT_LANGUAGE:
        config.theme.static_templates.update(ROOT_TEMPLATES)
    else:
        config.theme.static_templates.difference_update(ROOT_TEMPLATES)


def add_catalogue(files: Files, config: Any, library: Library, lang: str, base: str,
                  kept: dict[str, list[tuple[str, str]]] | None = None) -> None:
    """The catalogue (JSON, CSV) of this language, as files the build writes.

    `kept` (the preview): the catalogue made when it started, written again
    after each save instead of made again, as the lists and the search are kept."""
    # The theme's sitemap.xml template, no longer rendered, would be copied
    # as it is into site/ by every language build; the platform writes that
    # file once, after the last language.
    for file in [file for file in files if file.src_uri == sitemaps.INDEX_FILE]:
        files.remove(file)
    contents = kept.get(lang) if kept is not None else None
    if contents is None:
        contents = catalogue_files(library, lang, base)
        if kept is not None:
            kept[lang] = contents
    for path, content in contents:
        generated = File.generated(config, path, content=content)
        if lang != DEFAULT_LANGUAGE:
            generated.dest_uri = f"{lang}/{path}"
        files.append(generated)


def leave_root_files_to_english(files: Files, lang: str) -> None:
    """A language build after English writes into its own folder only."""
    # The theme's assets and the site's own (assets/...) sit at the root,
    # for every language, and the English build copied them there: so no
    # two builds (in the fast build, no two processes) write one file.
    # Pages have been converted and their links resolved by now: leaving
    # the files out here changes nothing but the copying.
    for file in files:
        if not file.is_documentation_page() and not file.dest_uri.startswith(f"{lang}/"):
            file.inclusion = InclusionLevel.EXCLUDED


def write_language_files(site: Path, library: Library, lang: str, base: str, index: search.SearchIndex,
                         generated_entries: list, today: Any, serving: bool, keep_index: bool) -> None:
    """What each language has once: its search index, feed and sitemap (and, for English, the schemas)."""
    index_folder = site / url_of("search/", lang)
    if not (keep_index and (index_folder / "meta.json").exists()):
        search.write_index(index, index_folder)
    (site / url_of(feeds.FEED_FILE, lang)).write_bytes(feeds.atom_feed(library, lang, base, today))
    sitemaps.write_language_sitemap(site, library, lang, base, generated_entries)
    offline.write_manifest(site, library.vocabulary, lang)
    if not serving:  # the offline list: what "keep this language" downloads (completed in write_site_files)
        offline.write_language_list(site, lang, library.vocabulary.language_codes)
    if lang == DEFAULT_LANGUAGE:
        for path, text in schema.schema_files(library.vocabulary, base).items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(text, encoding="utf-8")


def write_site_files(site: Path, library: Library, base: str, scripts: policy.InlineScripts, serving: bool) -> None:
    """What spans languages, after the last one: the sitemap index, the `_headers`
    file, and the offline lists' shared part with the service worker."""
    sitemaps.write_site_sitemaps(site, library, base)
    policy.write_headers(site, scripts)
    if not serving:  # the offline lists' shared assets and version, and the worker (sw.js)
        offline.write_site_files(site, library.vocabulary, library.vocabulary.language_codes)
