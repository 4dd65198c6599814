"""The fast build: the work after the English pages are read, in two processes.

mkdocs-static-i18n builds the languages one after another, inside the
English build's on_post_build. With PLATFORM_BUILD_WORKERS=2 (set by
`scripts/build.py`), the English build reads and converts its pages as usual;
then, before it writes anything (MkDocs' on_env), the process forks. The
parent writes the English pages and the English search index and builds two
of the other languages; the child skips the English output and builds the
other three. Both share what the English build left in memory (the library,
the English pages' converted text, which the untranslated copies reuse) and
write into the same site folder, each language into its own. The parent
waits for the child before writing what spans languages (the root 404 page
and sitemap index, the `_headers` file with every script hash).

Only which process does a piece of work changes: every page is made by the
same code from the same state, so the files written are byte for byte those
of the ordinary build (tests/test_speed.py compares the two).

mkdocs-static-i18n has no option for this: its `build_languages` also decides
each page's alternates (the language menu), so the languages cannot simply be
switched off. Instead the `build` function its loop calls is wrapped to skip
the languages the other process builds, and in the child the English build's
writing steps (MkDocs' `_build_page`, `_build_theme_template`,
`_build_extra_template`, `Files.copy_static_files`) do nothing until its
first language starts.
"""
from __future__ import annotations

import json
import os
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
_WRITERS = ("_build_page", "_build_theme_template", "_build_extra_template")


def _nothing(*args: Any, **kwargs: Any) -> None:
    return None


class LanguageWorkers:
    def __init__(self) -> None:
        self.role = "single"  # "single", "parent" or "child"
        self.child_pid: int | None = None
        self.results: Path | None = None
        self.mine: list[str] | None = None  # the languages after English this process builds

    @staticmethod
    def requested() -> int:
        value = os.environ.get(ENVIRONMENT, "1").strip()
        return int(value) if value.isdigit() else 1

    def split(self, i18n: Any, default: str, files: Any) -> None:
        """Once the English pages are read, before anything is written: fork,
        and let each process build its share."""
        import mkdocs.commands.build as mkdocs_build
        import mkdocs_static_i18n.plugin as plugin

        if self.requested() < 2 or self.role != "single":
            return
        remaining = [lang for lang in i18n.build_languages if lang != default]
        if len(remaining) < 2:
            return
        # The parent takes fewer: it also writes what spans languages at the end.
        half = len(remaining) // 2
        handle, name = tempfile.mkstemp(prefix="platform-languages-", suffix=".json")
        os.close(handle)
        self.results = Path(name)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.role, self.mine = "child", remaining[half:]
        else:
            self.role, self.mine, self.child_pid = "parent", remaining[:half], pid
        original = plugin.build
        mine = set(self.mine)
        writers = {name: getattr(mkdocs_build, name) for name in _WRITERS}
        if self.role == "child":
            # The parent writes the English pages, theme files and assets.
            for name in _WRITERS:
                setattr(mkdocs_build, name, _nothing)
            files.copy_static_files = _nothing
            for file in files.documentation_pages():
                if file.page is not None:
                    file.page.links_to_anchors = None  # checked, and reported, by the parent

        def build_mine(config: Any, dirty: bool = False) -> None:
            if i18n.current_language in mine:
                for name, function in writers.items():
                    setattr(mkdocs_build, name, function)
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
        """The parent waits for the child and takes its share; a failed child fails the build."""
        if self.role != "parent" or self.child_pid is None:
            return set()
        _pid, status = os.waitpid(self.child_pid, 0)
        self.child_pid = None
        try:
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError("the languages built in the second process failed: see the messages above")
            return set(json.loads(self.results.read_text(encoding="utf-8")))
        finally:
            if self.results is not None:
                self.results.unlink(missing_ok=True)
