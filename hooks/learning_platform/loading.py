"""Reading the docs tree: every Markdown file, validated, into one `Library`.

`load_library(docs_dir)` reads every Markdown file under `docs/`, validates its
front matter against the contract (`CONTENT_MODEL.md`) and returns a `Library`,
or raises `ContentErrors` listing every problem of the whole tree at once. The
content check (`scripts/check.py`) and the build call this same function.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from .errors import ContentError, ContentErrors
from .frontmatter import split_front_matter
from .model import LANGUAGE_SUFFIX, Library, Module, NewsItem, Practice
from .official import OfficialTexts, load_official_texts
from .personal_data import scan_personal_data
from .safety import scan_markdown_source
from .validation import PageValidator, check_cross_references, page_type
from .vocabulary import DEFAULT_LANGUAGE, Vocabulary, load_vocabulary

# Pages about people on the move never carry personal data (CONTENT_MODEL.md).
PERSONAL_DATA_GUARDED = ("practice", "module", "news")


class _FileMemo:
    """What one file's text gave, checked alone: scans, front matter, page.

    Every per-file step depends on the file's text and the vocabulary only, so
    a file whose text is unchanged gives the same answer. Under the preview
    (`mkdocs serve`), the library is loaded again after every save; with this,
    only the saved file is read again (1.6 s -> 0.3 s at 1,000 practices).
    The cross-page checks always run on the whole library."""

    def __init__(self) -> None:
        self.vocabulary: Vocabulary | None = None
        self.files: dict[str, tuple[str, tuple]] = {}

    def get(self, path: str, text: str, vocabulary: Vocabulary) -> tuple | None:
        if vocabulary != self.vocabulary:
            self.vocabulary, self.files = vocabulary, {}
            return None
        seen = self.files.get(path)
        return seen[1] if seen is not None and seen[0] == text else None

    def put(self, path: str, text: str, result: tuple) -> None:
        self.files[path] = (text, result)


_memo = _FileMemo()

def markdown_files(docs_dir: Path) -> list[str]:
    """Every Markdown file under `docs_dir`, as sorted POSIX paths relative to it."""
    found = []
    for root, _dirs, names in os.walk(docs_dir):
        for name in names:
            if name.endswith(".md"):
                found.append(Path(root, name).relative_to(docs_dir).as_posix())
    return sorted(found)


def load_library(
    docs_dir: Path,
    texts: Mapping[str, str] | None = None,
    vocabulary: Vocabulary | None = None,
    official: OfficialTexts | None = None,
) -> Library:
    """Read, validate and index every page; raise `ContentErrors` listing all problems.

    `texts` (path → file text) lets a caller pass the files it already read.
    """
    vocabulary = vocabulary or load_vocabulary()
    official = official or load_official_texts()
    if texts is None:
        texts = {
            path: (docs_dir / path).read_text(encoding="utf-8") for path in markdown_files(docs_dir)
        }
    library = Library(vocabulary=vocabulary, official=official)
    errors: list[ContentError] = []
    pending_translations: list[tuple[str, str, str, dict, str]] = []
    english_paths: dict[str, str] = {}

    for path, text in texts.items():
        stem_path, lang = _language_of(path)
        known = _memo.get(path, text, vocabulary)
        if known is None:
            known = _check_file(path, text, stem_path, lang, vocabulary)
            _memo.put(path, text, known)
        file_errors, translation, page = known
        errors.extend(file_errors)
        if translation is not None:
            pending_translations.append(translation)
            continue
        if page is None:
            continue
        if isinstance(page, (Practice, Module, NewsItem)):
            other = english_paths.get(page.slug)
            if other is not None:
                errors.append(
                    ContentError(
                        path,
                        None,
                        "file name",
                        page.slug,
                        f"the slug '{page.slug}' is already used by {other}; every practice, "
                        "training module and news entry needs its own slug",
                        "a different file name, e.g. "
                        f"{Path(path).parent.as_posix()}/{page.slug}-2.md",
                    )
                )
                continue
            english_paths[page.slug] = path
        library.pages[path] = page

    for path, source_path, lang, front, body in pending_translations:
        if source_path not in texts:
            errors.append(
                ContentError(
                    path,
                    None,
                    "file name",
                    Path(path).name,
                    f"this translation has no English source: {source_path} does not exist",
                    f"add {source_path} first, or rename this file after an existing English page",
                )
            )
            continue
        validator = PageValidator(path, texts[path], front, vocabulary)
        translation = validator.translation(source_path, lang, body, library.pages.get(source_path))
        errors.extend(validator.errors)
        if translation is not None:
            library.translations[(source_path, lang)] = translation

    errors.extend(check_cross_references(library, dict(texts)))
    if errors:
        raise ContentErrors(errors)
    return library


def _check_file(path: str, text: str, stem_path: str, lang: str | None, vocabulary: Vocabulary) -> tuple:
    """(errors, the translation to check once every English page is known, or the English page)."""
    errors = list(scan_markdown_source(path, text))
    if page_type(stem_path) in PERSONAL_DATA_GUARDED:
        errors.extend(scan_personal_data(path, text))
    try:
        front, body, _body_line = split_front_matter(path, text)
    except ContentError as error:
        return tuple(errors) + (error,), None, None
    if lang is not None:
        problem = _check_language_suffix(path, stem_path, lang, vocabulary)
        if problem:
            return tuple(errors) + (problem,), None, None
        return tuple(errors), (path, stem_path, lang, front, body), None
    validator = PageValidator(path, text, front, vocabulary)
    page = validator.page(body)
    return tuple(errors) + tuple(validator.errors), None, page


def _language_of(path: str) -> tuple[str, str | None]:
    """("practices/foo.md", "sq") for "practices/foo.sq.md"; (path, None) for English."""
    stem = path[: -len(".md")]
    match = LANGUAGE_SUFFIX.match(stem)
    if match is None or "/" in match.group("lang"):
        return path, None
    return f"{match.group('stem')}.md", match.group("lang")


def _check_language_suffix(
    path: str, source_path: str, lang: str, vocabulary: Vocabulary
) -> ContentError | None:
    allowed = ", ".join(vocabulary.translatable_languages)
    if lang == DEFAULT_LANGUAGE:
        return ContentError(
            path, None, "file name", Path(path).name,
            "English pages carry no language code in their file name",
            f"rename it to {source_path}",
        )
    if lang in vocabulary.language_codes and lang not in vocabulary.translatable_languages:
        origin = vocabulary.language(lang).generated_from
        return ContentError(
            path, None, "file name", Path(path).name,
            f"'{lang}' pages are generated from '{origin}' during the build and are never "
            "written by hand",
            f"translate into {origin} instead: {source_path[:-3]}.{origin}.md",
        )
    if lang not in vocabulary.language_codes:
        return ContentError(
            path, None, "file name", Path(path).name,
            f"'{lang}' is not a language of this site (allowed language codes: {allowed})",
            f"{source_path[:-3]}.sq.md",
        )
    return None
