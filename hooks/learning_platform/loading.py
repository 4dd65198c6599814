"""Reading the docs tree: every file under docs/, every page validated, into one `Library`.

`load_library(docs_dir)` sorts every file under `docs/` (`docs_tree`: a page,
an asset, or refused by name), scans pages and text assets for personal
data, validates each page's front matter against the contract
(`CONTENT_MODEL.md`) and returns a `Library`, or raises `ContentErrors`
listing every problem of the whole tree at once. The content check
(`scripts/check.py`) and the build call this same function. No content, however
odd, ends in a traceback: an unforeseen failure on one file becomes a message
naming that file.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

from .docs_tree import DocsTree, file_name_problem, read_docs_tree
from .errors import ContentError, ContentErrors
from .frontmatter import comment_cuts, split_front_matter
from .links import check_links, insecure_addresses
from .model import Library, Module, NewsItem, Practice
from .official import OfficialTexts, load_official_texts
from .personal_data import scan_personal_data
from .safety import scan_markdown_source
from .validation import PageValidator, check_cross_references
from .vocabulary import Vocabulary, load_vocabulary

# A contact's e-mail or phone line: the contacts rule says so more precisely than the scan.
_CONTACT_DETAIL = re.compile(r"^contacts\[\d+\]\.(?:email|phone)$")


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
    return sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))


def load_library(
    docs_dir: Path,
    texts: Mapping[str, str] | None = None,
    vocabulary: Vocabulary | None = None,
    official: OfficialTexts | None = None,
    notices: list[ContentError] | None = None,
) -> Library:
    """Read, validate and index every page; raise `ContentErrors` listing all problems.

    `texts` (path → file text) lets a caller pass the files it already read.
    `notices`, when given, receives what is worth a word but does not stop the
    build: a value cut at ` #`, an address in http://.
    """
    vocabulary = vocabulary or load_vocabulary()
    official = official or load_official_texts()
    if texts is None:
        tree = read_docs_tree(docs_dir, vocabulary)
    else:
        tree = DocsTree()
        for path, text in texts.items():
            problem = file_name_problem(path, vocabulary)
            if problem is None:
                tree.pages[path] = text
            else:
                tree.errors.append(problem)
                tree.refused_texts[path] = text
    texts = tree.pages
    assets = set(tree.text_assets) | set(tree.binary_assets)
    library = Library(vocabulary=vocabulary, official=official)
    errors: list[ContentError] = list(tree.errors)
    for path, text in {**tree.text_assets, **tree.refused_texts}.items():
        errors.extend(_guarded(path, lambda: scan_personal_data(path, text)))
    for path, text in tree.refused_texts.items():
        if path.lower().endswith((".md", ".markdown", ".txt")) or "." not in path.rsplit("/", 1)[-1]:
            errors.extend(_guarded(path, lambda: scan_markdown_source(path, text)))
    pending_translations: list[tuple[str, str, str, dict, str]] = []
    english_paths: dict[str, str] = {}

    for path, text in texts.items():
        stem_path, lang = _language_of(path)
        known = _memo.get(path, text, vocabulary)
        if known is None:
            try:
                known = _check_file(path, text, stem_path, lang, vocabulary)
            except Exception as error:  # noqa: BLE001 - content never ends in a traceback
                known = ((_internal_error(path, error),), None, None, ())
            _memo.put(path, text, known)
        file_errors, translation, page, file_notices = known
        errors.extend(file_errors)
        if notices is not None:
            notices.extend(file_notices)
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
                        f"the slug '{page.slug}' is already used by docs/{other}; every practice, "
                        "training module and news entry needs its own file name",
                        advice=f"rename this file, e.g. to docs/{Path(path).parent.as_posix()}/{page.slug}-2.md",
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
                    f"this translation has no English page: docs/{source_path} does not exist",
                    advice=f"add docs/{source_path} first, or rename this file after an existing English page",
                )
            )
            continue
        validator = PageValidator(path, texts[path], front, vocabulary)
        try:
            translation = validator.translation(source_path, lang, body, library.pages.get(source_path))
        except Exception as error:  # noqa: BLE001
            errors.append(_internal_error(path, error))
            continue
        errors.extend(validator.errors)
        if translation is not None:
            library.translations[(source_path, lang)] = translation

    for check in (lambda: check_cross_references(library, dict(texts)), lambda: check_links(texts, assets)):
        errors.extend(_guarded("", check))
    if notices is not None:
        notices.extend(_guarded("", lambda: insecure_addresses(texts)))
    if errors:
        raise ContentErrors(errors)
    return library


def _guarded(path: str, check) -> list[ContentError]:
    """The errors `check` finds, or one naming the file if it fails."""
    try:
        return list(check())
    except Exception as error:  # noqa: BLE001 - content never ends in a traceback
        return [_internal_error(path or "(several files)", error)]


def _internal_error(path: str, error: Exception) -> ContentError:
    return ContentError(
        path, None, "file", type(error).__name__,
        f"the check could not read this file ({error}); this is a fault of the check, not yours",
        advice="say so in the pull request, naming this file: a maintainer will fix the check",
    )


def _check_file(path: str, text: str, stem_path: str, lang: str | None, vocabulary: Vocabulary) -> tuple:
    """(errors, the translation to check once every English page is known, or the English page, notices)."""
    errors = list(scan_markdown_source(path, text))
    personal = scan_personal_data(path, text)
    try:
        front, body, _body_line = split_front_matter(path, text)
    except ContentError as error:
        return tuple(errors + personal) + (error,), None, None, ()
    notices = tuple(comment_cuts(path, text))
    if lang is not None:
        return tuple(errors + personal), (path, stem_path, lang, front, body), None, notices
    validator = PageValidator(path, text, front, vocabulary)
    page = validator.page(body)
    contact_lines = {error.line for error in validator.errors if _CONTACT_DETAIL.match(error.field)}
    personal = [error for error in personal if error.line not in contact_lines]
    return tuple(errors + personal) + tuple(validator.errors), None, page, notices


def _language_of(path: str) -> tuple[str, str | None]:
    """("practices/foo.md", "sq") for "practices/foo.sq.md"; (path, None) for English.

    Only names `docs_tree.file_name_problem` accepts reach here, so a second
    suffix is always one of the site's translation languages."""
    stem = path[: -len(".md")]
    if "." not in stem.rsplit("/", 1)[-1]:
        return path, None
    base, lang = stem.rsplit(".", 1)
    return f"{base}.md", lang
