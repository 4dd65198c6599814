"""The content check: every rule the build applies to the content, without
building the site.

`content_problems(docs_dir)` is the one implementation: the build calls it
before anything is rendered (hooks/site_hooks.py) and `scripts/check.py` calls
it for contributors and for pull requests. It returns every problem of every
file at once; the report groups them by file, each with its line, field, the
value found, what is allowed and an example line to paste. In GitHub Actions
each problem is also printed as a workflow annotation, so it shows on its line
of the pull request.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import ContentError, ContentErrors
from .glossary import load_glossary
from .loading import load_library
from .model import Library
from .language_check import language_problems
from .vocabulary import DEFAULT_LANGUAGE, load_vocabulary


@dataclass
class CheckResult:
    library: Library | None
    errors: list[ContentError] = field(default_factory=list)
    notices: list[ContentError] = field(default_factory=list)  # not errors: outdated translations

    @property
    def ok(self) -> bool:
        return not self.errors


def content_problems(docs_dir: Path) -> CheckResult:
    """Validate pages, glossary and terminology; note translations the English has outgrown."""
    errors: list[ContentError] = []
    library = None
    try:
        load_glossary()
    except ContentErrors as problems:
        errors.extend(problems.errors)
    try:
        library = load_library(docs_dir)
    except ContentErrors as problems:
        errors.extend(problems.errors)
    errors.extend(language_problems(docs_dir, load_vocabulary()))
    notices = outdated_translations(library) if library is not None else []
    return CheckResult(library, errors, notices)


def outdated_translations(library: Library) -> list[ContentError]:
    """Translations made from an older English text, with the line that marks them current."""
    notices = []
    for (path, lang), translation in sorted(library.translations.items()):
        if lang == DEFAULT_LANGUAGE or library.translation_state(path, lang) != "outdated":
            continue
        current = library.pages[path].fingerprint
        notices.append(ContentError(
            translation.path, None, "source_fingerprint", translation.source_fingerprint,
            f"the English page {path} has changed since this translation was made, so the page shows "
            "it as out of date. Once the translation follows today's English page, replace the line with",
            f'source_fingerprint: "{current}"',
        ))
    return notices


def _where(error: ContentError) -> str:
    return f"docs/{error.file}" if not error.file.startswith("../") else error.file[3:]


def report(result: CheckResult) -> str:
    """Problems grouped by file, then the notices."""
    lines = []
    by_file: dict[str, list[ContentError]] = defaultdict(list)
    for error in result.errors:
        by_file[_where(error)].append(error)
    for file in sorted(by_file):
        lines.append(file)
        for error in sorted(by_file[file], key=lambda e: (e.line or 0, e.field)):
            lines.append("  " + _body(error))
    if result.errors:
        count, files = len(result.errors), len(by_file)
        lines.append(f"\n{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}: "
                     "the site cannot be built until each is fixed.")
    else:
        lines.append("No problems found: the content follows every rule of the build.")
    if result.notices:
        lines.append(f"\n{len(result.notices)} translation{'s are' if len(result.notices) != 1 else ' is'} "
                     "out of date (not an error; the page says so to readers):")
        for notice in result.notices:
            lines.append(f"  {_where(notice)}: {notice.problem}\n      {notice.example}")
    return "\n".join(lines)


def _body(error: ContentError) -> str:
    text = str(error)
    # str(error) starts with "docs/<file>, " already printed as the group's heading.
    prefix = f"docs/{error.file}"
    if text.startswith(prefix):
        text = text[len(prefix):].lstrip(", ")
    return text


def annotations(result: CheckResult) -> str:
    """GitHub Actions workflow commands: one ::error per problem, ::warning per notice."""
    out = []
    for level, entries in (("error", result.errors), ("warning", result.notices)):
        for error in entries:
            where = f"file={_escape_property(_where(error))}"
            if error.line:
                where += f",line={error.line}"
            message = f"{error.problem} (found: {error.value})" + (f"\nPaste: {error.example}" if error.example else "")
            out.append(f"::{level} {where},title={_escape_property(error.field)}::{_escape_data(message)}")
    return "\n".join(out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def problem_files(errors: Iterable[ContentError]) -> set[str]:
    return {_where(error) for error in errors}
