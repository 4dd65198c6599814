"""What the adapter reads from MkDocs and mkdocs-static-i18n about the build
under way: which language is being built, which comes last, where a page's
source is, the site's address. The one place that knows the plugin's
attribute names (`current_language`, `build_languages`, `building`), so an
engine or plugin change is looked for here first.
"""
from __future__ import annotations

from typing import Any

from learning_platform.urls import relative_url
from learning_platform.vocabulary import DEFAULT_LANGUAGE


def current_language(config: Any) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def build_languages(config: Any) -> list[str]:
    i18n = config.plugins.get("i18n")
    return list(getattr(i18n, "build_languages", None) or [DEFAULT_LANGUAGE])


def building_other_language(config: Any) -> bool:
    """True inside mkdocs-static-i18n's builds of the languages after the first."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def site_base(config: Any) -> str:
    return (config.site_url or "").rstrip("/") + "/" if config.site_url else ""


def source_path(page: Any) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def relative(here: str, there: str) -> str:
    return relative_url(here, there)


def language_relative(url: str, lang: str) -> str:
    """A page's address from its language's root (the search index stores these)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return url[len(prefix):] if url.startswith(prefix) else url
