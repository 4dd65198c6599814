"""Sitemaps per language, with hreflang alternates and x-default.

mkdocs-static-i18n would write one sitemap.xml for all languages, again in
every language build, with no x-default; the hooks switch that template off
and the platform writes its own:

    <lang>/sitemap-pages.xml   every page of that language, each with its six
                               alternates and x-default (the English page)
    <lang>/sitemap.xml         a sitemap index naming that file (English: the
                               site's root sitemap.xml, naming all six)
    robots.txt                 pointing at the root index

The hreflang alternates live here, not in each page's <head>: Material's
bundle fetches `sitemap.xml` relative to every `<link rel="alternate">` of a
page, seven failed requests a page view with per-page alternates. A page's
only alternate link is now its feed (`<lang>/feed.xml`), which makes the
bundle fetch `<lang>/sitemap.xml`: the small index, which exists.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from .model import Library, Reviewed
from .urls import url_of
from .vocabulary import DEFAULT_LANGUAGE

PAGES_FILE = "sitemap-pages.xml"
INDEX_FILE = "sitemap.xml"
_URLSET = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')
_INDEX = '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def _address(base: str, url: str) -> str:
    # Without site_url the addresses are root-relative: still correct for a
    # site served at the root, and the build says so in the README.
    return (base.rstrip("/") + "/" if base else "/") + url


def language_sitemap(library: Library, lang: str, base: str,
                     generated: Sequence[tuple[str, Sequence[str]]] = ()) -> str:
    """Every page of `lang`, and the `generated` pages (path, the languages it exists in) of it."""
    codes = library.vocabulary.language_codes
    entries = [(path, codes) for path in library.pages] + [(path, languages) for path, languages in generated]
    lines = [_URLSET]
    for path, languages in sorted(entries, key=lambda entry: url_of(entry[0], lang)):
        page = library.pages.get(path)
        lines.append(f"  <url>\n    <loc>{escape(_address(base, url_of(path, lang)))}</loc>\n")
        if isinstance(page, Reviewed):
            lines.append(f"    <lastmod>{page.updated.isoformat()}</lastmod>\n")
        for code in (code for code in codes if code in languages):
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" '
                         f"href={quoteattr(_address(base, url_of(path, code)))}/>\n")
        if DEFAULT_LANGUAGE in languages:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" '
                         f"href={quoteattr(_address(base, url_of(path, DEFAULT_LANGUAGE)))}/>\n")
        lines.append("  </url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)


def sitemap_index(base: str, languages: list[str]) -> str:
    entries = "".join(f"  <sitemap><loc>{escape(_address(base, url_of(PAGES_FILE, lang)))}</loc></sitemap>\n"
                      for lang in languages)
    return _INDEX + entries + "</sitemapindex>\n"


def write_language_sitemap(site_dir: Path, library: Library, lang: str, base: str,
                           generated: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
    folder = site_dir / url_of("", lang) if lang != DEFAULT_LANGUAGE else site_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PAGES_FILE).write_text(language_sitemap(library, lang, base, generated), encoding="utf-8")
    if lang != DEFAULT_LANGUAGE:
        (folder / INDEX_FILE).write_text(sitemap_index(base, [lang]), encoding="utf-8")


def write_site_sitemaps(site_dir: Path, library: Library, base: str) -> None:
    """After the last language: the root index of every language, and robots.txt."""
    languages = list(library.vocabulary.language_codes)
    (site_dir / INDEX_FILE).write_text(sitemap_index(base, languages), encoding="utf-8")
    robots = "User-agent: *\nAllow: /\n"
    if base:
        robots += f"Sitemap: {_address(base, INDEX_FILE)}\n"
    (site_dir / "robots.txt").write_text(robots, encoding="utf-8")
