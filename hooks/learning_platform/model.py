"""The content model: commitments, actions, practices, training modules and
their translations, as plain data.

`load_library(docs_dir)` reads every Markdown file under `docs/`, validates its
front matter against the contract (`CONTENT_MODEL.md`) and returns a `Library`,
or raises `ContentErrors` listing every problem of the whole tree at once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import ContentError, ContentErrors
from .frontmatter import split_front_matter
from .official import OfficialTexts, load_official_texts
from .safety import scan_markdown_source
from .vocabulary import DEFAULT_LANGUAGE, Vocabulary, load_vocabulary

ACTION_COUNT = 21
COMMITMENT_COUNT = 3
GCM_OBJECTIVE_COUNT = 23
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A second suffix that looks like a language code: "page.sq.md", "page.sr-Latn.md", "page.cnr.md".
LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})*)$")
TRANSLATION_STATES_WRITTEN = ("machine", "reviewed")


# -- the content types --------------------------------------------------------


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Translation:
    """A translated page: only what it translates plus its state."""

    path: str  # relative to docs/, e.g. "practices/foo.sq.md"
    source_path: str  # the English page it translates, e.g. "practices/foo.md"
    language: str
    title: str | None
    summary: str | None
    state: str  # "machine" or "reviewed" as written
    reviewed_by: str | None
    source_fingerprint: str | None
    body: str = field(default="", repr=False, compare=False)  # the translated text


@dataclass(frozen=True)
class Page:
    """Any English page; typed pages below add their structured fields."""

    path: str
    title: str | None
    summary: str | None
    fingerprint: str  # of the text a translation is made from

    @property
    def slug(self) -> str:
        # String work, not Path(...).stem: asked for tens of thousands of times a build.
        return self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


@dataclass(frozen=True)
class Commitment(Page):
    number: int = 0


@dataclass(frozen=True)
class Action(Page):
    number: int = 0
    commitment: int = 0


@dataclass(frozen=True)
class Practice(Page):
    kind: str = ""
    actions: tuple[int, ...] = ()
    partners: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    gcm_objectives: tuple[int, ...] = ()
    sources: tuple[Source, ...] = ()
    updated: dt.date = dt.date.min


@dataclass(frozen=True)
class Module(Page):
    duration: tuple[int, str] = (0, "hours")
    audience: tuple[str, ...] = ()
    actions: tuple[int, ...] = ()
    practices: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    updated: dt.date = dt.date.min


@dataclass
class Library:
    """Every page of the site, indexed the ways the generated tables need."""

    vocabulary: Vocabulary
    official: OfficialTexts
    pages: dict[str, Page] = field(default_factory=dict)  # English pages by path
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)

    @property
    def commitments(self) -> dict[int, Commitment]:
        return self._typed(Commitment, lambda page: page.number)

    @property
    def actions(self) -> dict[int, Action]:
        return self._typed(Action, lambda page: page.number)

    @property
    def practices(self) -> dict[str, Practice]:
        return self._typed(Practice, lambda page: page.slug)

    @property
    def modules(self) -> dict[str, Module]:
        return self._typed(Module, lambda page: page.slug)

    def _typed(self, kind: type, key) -> dict:
        cache = self.__dict__.setdefault("_typed_cache", {})
        if kind not in cache:
            found = [page for page in self.pages.values() if type(page) is kind]
            cache[kind] = {key(page): page for page in sorted(found, key=key)}
        return cache[kind]

    def practices_for_action(self, number: int) -> list[Practice]:
        return self._by_action("practices", self.practices.values()).get(number, [])

    def modules_for_action(self, number: int) -> list[Module]:
        return self._by_action("modules", self.modules.values()).get(number, [])

    def modules_for_practice(self, slug: str) -> list[Module]:
        cache = self.__dict__.setdefault("_modules_by_practice", None)
        if cache is None:
            cache = defaultdict(list)
            for module in self.modules.values():
                for practice in module.practices:
                    cache[practice].append(module)
            self.__dict__["_modules_by_practice"] = cache
        return cache.get(slug, [])

    def _by_action(self, name: str, items: Iterable) -> dict[int, list]:
        key = f"_by_action_{name}"
        if key not in self.__dict__:
            index: dict[int, list] = defaultdict(list)
            for item in sorted(items, key=lambda item: (item.title or "").casefold()):
                for number in item.actions:
                    index[number].append(item)
            self.__dict__[key] = index
        return self.__dict__[key]

    def translation(self, path: str, lang: str) -> Translation | None:
        return self.translations.get((path, lang))

    def translation_state(self, path: str, lang: str) -> str:
        """`missing`, `machine`, `outdated` or `reviewed` for page `path` in `lang`."""
        if lang == DEFAULT_LANGUAGE:
            return "reviewed"
        generated_from = self.vocabulary.language(lang).generated_from
        translation = self.translation(path, generated_from or lang)
        if translation is None:
            return "missing"
        page = self.pages[path]
        if translation.source_fingerprint and translation.source_fingerprint != page.fingerprint:
            return "outdated"
        return translation.state

    def title(self, page: Page, lang: str) -> str:
        translation = self.translation(page.path, self._source_language(lang))
        text = (translation and translation.title) or page.title or page.slug
        return self._script(text, lang)

    def summary(self, page: Page, lang: str) -> str:
        translation = self.translation(page.path, self._source_language(lang))
        text = (translation and translation.summary) or page.summary or ""
        return self._script(text, lang)

    def _source_language(self, lang: str) -> str:
        return self.vocabulary.language(lang).generated_from or lang

    def _script(self, text: str, lang: str) -> str:
        if self.vocabulary.language(lang).generated_from == "sr":
            from .transliteration import serbian_cyrillic_to_latin

            return serbian_cyrillic_to_latin(text)
        return text


# -- loading --------------------------------------------------------------------


def fingerprint(title: Any, summary: Any, body: str) -> str:
    """What a translation is made from: title, summary and text of the English page."""
    digest = hashlib.sha256()
    for part in (str(title or ""), str(summary or ""), body.strip()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


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
    from .validation import PageValidator

    library = Library(vocabulary=vocabulary, official=official)
    errors: list[ContentError] = []
    pending_translations: list[tuple[str, str, str, dict, str]] = []
    english_paths: dict[str, str] = {}

    for path, text in texts.items():
        errors.extend(scan_markdown_source(path, text))
        try:
            front, body, body_line = split_front_matter(path, text)
        except ContentError as error:
            errors.append(error)
            continue
        stem_path, lang = _language_of(path)
        if lang is not None:
            problem = _check_language_suffix(path, stem_path, lang, vocabulary)
            if problem:
                errors.append(problem)
                continue
            pending_translations.append((path, stem_path, lang, front, body))
            continue
        validator = PageValidator(path, text, front, vocabulary)
        page = validator.page(body)
        errors.extend(validator.errors)
        if page is None:
            continue
        if isinstance(page, (Practice, Module)):
            other = english_paths.get(page.slug)
            if other is not None:
                errors.append(
                    ContentError(
                        path,
                        None,
                        "file name",
                        page.slug,
                        f"the slug '{page.slug}' is already used by {other}; every practice "
                        "and training module needs its own slug",
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
        translation = validator.translation(source_path, lang, body)
        errors.extend(validator.errors)
        if translation is not None:
            library.translations[(source_path, lang)] = translation

    from .validation import check_cross_references

    errors.extend(check_cross_references(library, dict(texts)))
    if errors:
        raise ContentErrors(errors)
    return library


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
