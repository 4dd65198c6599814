"""The fast build: the work after the English pages are read, in two or more processes.

mkdocs-static-i18n builds the languages one after another, inside the
English build's on_post_build. With PLATFORM_BUILD_WORKERS=2 or more (set by
`scripts/build.py`), the English build reads and converts its pages as usual;
then, before it writes anything (MkDocs' on_env), the process forks once per
extra worker. The parent writes the English pages and the English search
index and builds the smallest share of the other languages (two of five with
two processes, one with three: `language_groups`); each child skips the
English output and builds its share. All share what the English build left
in memory (the library, the English pages' converted text, which the
untranslated copies reuse) and write into the same site folder, each
language into its own (the root 404 page and assets are the English build's:
site_outputs.py). The parent waits for every child before writing what spans
languages (the sitemap index, the `_headers` file with every script hash).

Only which process does a piece of work changes: every page is made by the
same code from the same state, so the files written are byte for byte those
of the ordinary build (tests/test_speed.py compares the two).

In the child, the English build writes nothing, by MkDocs' public means:
once its pages are converted (on_env), every English file is marked
`InclusionLevel.EXCLUDED`, which MkDocs' build skips when it copies files and
writes pages, and the theme's root templates are set aside until the child's
first language starts.

Which languages each process builds has no public way. mkdocs-static-i18n
builds the others in a loop over `build_languages` inside its on_post_build,
calling MkDocs' `build` through its own module's name for it; and
`build_languages` (each language's `build:` flag) also decides every page's
alternates (the language menu) and which files each language build reads, so
switching a language off there changes the pages. So that one name,
`mkdocs_static_i18n.plugin.build`, is wrapped in both processes to skip the
languages the others build; MkDocs' own functions are left alone. The
identity tests (tests/test_speed.py: repeated fast builds, and each process
held back in turn) compare every file with the ordinary build's and fail on
any difference, should a plugin upgrade change that loop.
"""
from __future__ import annotations

import atexit
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ENVIRONMENT = "PLATFORM_BUILD_WORKERS"
# Test-only (tests/test_speed.py): "parent:SECONDS" or "child:SECONDS" holds
# that process back for so long once the English pages are done, before it
# goes on to its languages, to force one order of the two processes' writes.
# Nothing else sets it; a build without it never waits.
TEST_DELAY = "PLATFORM_TEST_DELAY"


class LanguageWorkers:
    def __init__(self) -> None:
        self.role = "single"  # "single", "parent" or "child"
        self.children: list[tuple[int, Path]] = []  # the parent's: (process id, its results file)
        self.results: Path | None = None  # a child's results file
        self.mine: list[str] | None = None  # the languages after English this process builds

    @staticmethod
    def requested() -> int:
        value = os.environ.get(ENVIRONMENT, "1").strip()
        return int(value) if value.isdigit() else 1

    def split(self, config: Any, i18n: Any, default: str, files: Any) -> None:
        """Once the English pages are read, before anything is written: fork,
        and let each process build its share."""
        import mkdocs_static_i18n.plugin as plugin
        from mkdocs.structure.files import InclusionLevel

        if self.requested() < 2 or self.role != "single":
            return
        remaining = [lang for lang in i18n.build_languages if lang != default]
        if len(remaining) < 2:
            return
        groups = language_groups(remaining, self.requested())
        self.role, self.mine = "parent", groups[0]
        for group in groups[1:]:
            handle, name = tempfile.mkstemp(prefix="platform-languages-", suffix=".json")
            os.close(handle)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                self.role, self.mine, self.results, self.children = "child", group, Path(name), []
                break
            self.children.append((pid, Path(name)))
        original = plugin.build
        mine = set(self.mine)
        set_aside: dict[str, list] = {}
        if self.role == "child":
            # The parent writes the English pages, theme files and assets (and
            # checks the English pages' links to anchors): MkDocs' build skips
            # excluded files, and renders no template left out of these lists.
            for file in files:
                file.inclusion = InclusionLevel.EXCLUDED
            set_aside = {"static": list(config.theme.static_templates), "extra": list(config.extra_templates)}
            config.theme.static_templates.clear()
            config.extra_templates.clear()

        def build_mine(config: Any, dirty: bool = False) -> None:
            if i18n.current_language in mine:
                if set_aside:  # the child's first language: the templates as the English build had them
                    config.theme.static_templates.update(set_aside.pop("static"))
                    config.extra_templates.extend(set_aside.pop("extra"))
                original(config, dirty=dirty)

        plugin.build = build_mine

    def pause_for_test(self) -> None:
        """Hold this process back if the test-only PLATFORM_TEST_DELAY names it."""
        role, _, seconds = os.environ.get(TEST_DELAY, "").partition(":")
        if role == self.role and seconds:
            time.sleep(float(seconds))

    @property
    def writes_english(self) -> bool:
        return self.role != "child"

    def last_language(self, languages: list[str]) -> str:
        """The last language this process builds."""
        return self.mine[-1] if self.mine else languages[-1]

    def report(self, hashes: set[str]) -> None:
        """The child's share of what spans languages, for the parent."""
        if self.role == "child" and self.results is not None:
            self.results.write_text(json.dumps(sorted(hashes)), encoding="utf-8")

    def join(self) -> set[str]:
        """The parent waits for every child and takes their shares; a failed child fails the build."""
        if self.role != "parent":
            return set()
        seen: set[str] = set()
        failed = False
        for pid, results in self.children:
            _pid, status = os.waitpid(pid, 0)
            try:
                if os.waitstatus_to_exitcode(status) != 0:
                    failed = True
                else:
                    seen |= set(json.loads(results.read_text(encoding="utf-8")))
            finally:
                results.unlink(missing_ok=True)
        self.children = []
        if failed:
            raise RuntimeError("the languages built in another process failed: see the messages above")
        return seen


def language_groups(languages: list[str], processes: int) -> list[list[str]]:
    """The languages after English in `processes` groups, in their order, the
    first (the parent's) the smallest: the parent also writes the English
    pages, the English search index and what spans languages."""
    processes = max(1, min(processes, len(languages)))
    size, extra = divmod(len(languages), processes)
    sizes = [size] + [size + (1 if index < extra else 0) for index in range(processes - 1)]
    groups, start = [], 0
    for count in sizes:
        groups.append(languages[start:start + count])
        start += count
    return groups


class BackgroundLanguageCheck:
    """The fast build's language check (terminology and consistency of every
    translated page: about half of the content check), run in a child process
    while this one reads and converts the English pages; the build waits for it
    before it writes anything (site_hooks.on_env) and fails on its errors with
    the same report as the ordinary build. `outcome` stands for
    `language_problems(docs_dir, vocabulary)`: its errors, or its exception raised again."""

    def __init__(self, docs_dir: Path) -> None:
        from learning_platform.language_check import language_problems
        from learning_platform.vocabulary import load_vocabulary

        self.docs_dir = docs_dir
        handle, name = tempfile.mkstemp(prefix="platform-language-check-", suffix=".pickle")
        os.close(handle)
        self.results = Path(name)
        atexit.register(self.results.unlink, missing_ok=True)  # should the build stop before it waits
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the child: check, write the outcome, leave without running anything else
            status = 0
            try:
                try:
                    outcome: Any = ("errors", language_problems(docs_dir, load_vocabulary()))
                except Exception as error:  # noqa: BLE001 - raised again in the parent, as the ordinary build would
                    outcome = ("raised", error)
                try:
                    data = pickle.dumps(outcome)
                except Exception as error:  # noqa: BLE001 - an exception that does not pickle
                    data = pickle.dumps(("raised", RuntimeError(f"{type(error).__name__}: {error}")))
                self.results.write_bytes(data)
            except BaseException:  # noqa: BLE001 - whatever happens, the child never returns into the build
                status = 1
            finally:
                os._exit(status)

    def outcome(self) -> list:
        """Wait for the check; its errors, or the exception it raised."""
        _pid, status = os.waitpid(self.pid, 0)
        try:
            if os.waitstatus_to_exitcode(status) != 0 or not self.results.stat().st_size:
                raise RuntimeError("the language check's process failed")
            try:
                kind, value = pickle.loads(self.results.read_bytes())
            except Exception as error:  # noqa: BLE001 - an outcome that does not unpickle
                raise RuntimeError(f"{type(error).__name__}: {error}") from None
        finally:
            self.results.unlink(missing_ok=True)
        if kind == "raised":
            raise value
        return value
