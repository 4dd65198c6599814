"""The build's state, in one owner: `Platform`, of which site_hooks.py holds
the one instance.

Two lifetimes. What lasts while MkDocs runs (under `mkdocs serve`, many
builds, and MkDocs does not reload hooks): the content library, read and
validated once per state of the files on disk; whether the site is served;
the theme's compiled templates. What one build collects, all its languages
(generated HTML between events, search indexes, the English texts the
untranslated copies reuse, script hashes for the security policy): a
`BuildState`, made anew in on_pre_build of the first language, so that a
served site starts each build clean. MkDocs runs every event once per
language: everything per language in it is keyed by the language.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

from copy_conversion import CopyConversions
from english_text import Texts
from generated_pages import GeneratedPages
from language_workers import BackgroundLanguageCheck, LanguageWorkers
from learning_platform import policy, search
from learning_platform.check import content_problems, language_errors, library_problems
from learning_platform.context import Fragments
from learning_platform.errors import ContentErrors
from learning_platform.glossary import load_glossary
from learning_platform.loading import markdown_files
from learning_platform.model import Library
from learning_platform.official import load_official_texts
from learning_platform.review import build_date
from learning_platform.terminology import load_rules
from learning_platform.vocabulary import DATA_DIR, load_vocabulary


class CompiledTemplates(jinja2.BytecodeCache):
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


@dataclass
class BuildState:
    """What one build (all its languages) collects between MkDocs events."""

    today: Any
    html_problems: list[str] = field(default_factory=list)
    fragments: dict[str, Fragments] = field(default_factory=dict)  # per page, Markdown to HTML
    search_indexes: dict[str, search.SearchIndex] = field(default_factory=dict)
    search_strings: dict[str, dict[str, str]] = field(default_factory=dict)
    texts: Texts = field(default_factory=lambda: Texts({}, {}))  # english_text.py
    copy_conversions: CopyConversions = field(default_factory=CopyConversions)  # copy_conversion.py
    generated: GeneratedPages = field(default_factory=GeneratedPages)
    scripts: policy.InlineScripts = field(default_factory=policy.InlineScripts)
    workers: LanguageWorkers = field(default_factory=LanguageWorkers)

    def search_index(self, lang: str) -> search.SearchIndex:
        if lang not in self.search_indexes:
            self.search_indexes[lang] = search.SearchIndex(lang, search.stemmer_for(lang), search.synonyms_for(lang),
                                                           search.dialect_rules_for(lang))
        return self.search_indexes[lang]


class Platform:
    """The owner of all the adapter keeps: the library, the serve flags, the build under way."""

    def __init__(self) -> None:
        self.serving = False  # `mkdocs serve` or the preview
        self.dirty = False  # `mkdocs serve --dirty`: only changed pages are rebuilt
        self.compiled_templates = CompiledTemplates()
        self.kept_catalogues: dict[str, list[tuple[str, str]]] = {}  # the preview's, per language, from its start
        self._build: BuildState | None = None
        self._library: Library | None = None
        self._signature: tuple | None = None
        self._data_signature: tuple | None = None
        self._language_check: BackgroundLanguageCheck | None = None  # the fast build's, while it runs

    def start(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # `mkdocs serve --dirty` rebuilds only the pages whose file changed: the
        # search index of such a rebuild would hold those pages alone.
        self.dirty = command == "serve" and dirty

    def begin(self) -> None:
        """A new build: once per build, not per language (the English build comes
        first), and data/search.yml may have changed under `mkdocs serve`."""
        self._build = BuildState(today=build_date())
        search.load_stemmers.cache_clear()
        search.load_synonyms.cache_clear()
        try:
            search.load_stemmers()
        except search.SearchRulesError as problem:
            raise PluginError(str(problem)) from None

    @property
    def building(self) -> bool:
        return self._build is not None

    @property
    def build(self) -> BuildState:
        if self._build is None:
            raise PluginError("The build state was not created (on_pre_build did not run)")
        return self._build

    @property
    def library(self) -> Library:
        """The library loaded by this build's on_pre_build (checked once per language build)."""
        if self._library is None:
            raise PluginError("The content library was not loaded")
        return self._library

    def load(self, docs_dir: Path, other_language: bool) -> Library:
        """Load and validate every page once per state of the files on disk."""
        if self._library is not None and other_language:
            # mkdocs-static-i18n builds the other languages inside the first build:
            # the files were checked at its start.
            return self._library
        signature, data_signature = _files_signature(docs_dir), _files_signature(None)
        if self._library is not None and signature == self._signature:
            return self._library
        if data_signature != self._data_signature:
            # The data files, read again only when one changed: a page saved in the
            # preview keeps the vocabulary and rules objects, so the check's
            # memos (loading.py, language_check.py) skip every unchanged file.
            load_vocabulary.cache_clear()
            load_official_texts.cache_clear()
            load_glossary.cache_clear()
            load_rules.cache_clear()
            self._data_signature = data_signature
        # The same rules as scripts/check.py, in the same functions. The fast build
        # checks the language of the pages in another process meanwhile, and waits
        # for it before writing (`check_languages`); the rest is checked here.
        if LanguageWorkers.requested() >= 2 and not self.serving:
            self._language_check = BackgroundLanguageCheck(docs_dir)
            result = library_problems(docs_dir)
            if not result.ok:
                self.check_languages(result.errors)
        else:
            result = content_problems(docs_dir)
        if not result.ok:
            self._library = None
            raise PluginError(ContentErrors(result.errors).report())
        self._library = result.library
        self._signature = signature
        return self._library

    def check_languages(self, errors: list | None = None) -> None:
        """The fast build: wait for the language check begun by `load`; its errors
        (after `errors`, the other checks') stop the build, with the ordinary build's report."""
        if self._language_check is None:
            return
        pending, self._language_check = self._language_check, None
        errors = [] if errors is None else errors
        errors.extend(language_errors(pending.docs_dir, errors, pending.outcome))
        if errors:
            self._library = None
            raise PluginError(ContentErrors(errors).report())


def _files_signature(docs_dir: Path | None) -> tuple:
    """Each file's modification time and size: the pages and the data files, or
    (docs_dir None) the data files alone."""
    paths = [docs_dir / path for path in markdown_files(docs_dir)] if docs_dir is not None else []
    paths += sorted(DATA_DIR.glob("*.yml")) + sorted(DATA_DIR.glob("terminology/*.yml"))
    signature = []
    for path in paths:
        stat = os.stat(path)
        signature.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(signature)
