"""The content check: every rule the build applies to the content, without
building the site.

`content_problems(docs_dir)` is the one implementation: the build calls it
before anything is rendered (hooks/site_hooks.py) and `scripts/check.py` calls
it for contributors and for pull requests. It returns every problem of every
file at once, and the notices (worth a word, not an error: a translation the
English page has outgrown, an address in http://, a value cut at ` #`).

Three ways to show them, all from here:

- `report`: plain text grouped by file, each with its line, field, the value
  found, what to do and the line to paste;
- `annotations`: GitHub Actions workflow commands, so each problem shows on
  its line of the pull request (GitHub shows the first 10 errors and 10
  warnings of a step there, hence the summary);
- `job_summary`: Markdown for the run's summary page (`$GITHUB_STEP_SUMMARY`),
  with every problem, a link to each line and the line to paste.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote

from .errors import ContentError, ContentErrors
from .glossary import load_glossary
from .loading import load_library
from .paths import path_problems
from .model import Library
from .language_check import language_problems
from .vocabulary import DEFAULT_LANGUAGE, load_vocabulary

# GitHub shows at most this many error (and as many warning) annotations of one
# step on the lines of a pull request; the summary lists the rest.
ANNOTATIONS_SHOWN = 10
# GitHub keeps at most 1 MiB of a step's summary; past this the summary says where the rest is.
SUMMARY_LIMIT = 900_000


@dataclass
class CheckResult:
    library: Library | None
    errors: list[ContentError] = field(default_factory=list)
    notices: list[ContentError] = field(default_factory=list)  # not errors: the build goes on

    @property
    def ok(self) -> bool:
        return not self.errors


def content_problems(docs_dir: Path) -> CheckResult:
    """Validate pages, links, glossary and terminology; collect the notices."""
    result = library_problems(docs_dir)
    result.errors.extend(language_errors(docs_dir, result.errors))
    return result


def library_problems(docs_dir: Path) -> CheckResult:
    """Everything `content_problems` checks but the language check: the glossary,
    every page's front matter and links, the learning paths; and the notices."""
    errors: list[ContentError] = []
    notices: list[ContentError] = []
    library = None
    try:
        load_glossary()
    except ContentErrors as problems:
        errors.extend(problems.errors)
    try:
        library = load_library(docs_dir, notices=notices)
    except ContentErrors as problems:
        errors.extend(problems.errors)
    if library is not None:
        errors.extend(path_problems(library))  # data/paths.yml names pages: checked once they are known
        notices.extend(outdated_translations(library, docs_dir))
    return CheckResult(library, errors, sorted(notices, key=_order))


def language_errors(docs_dir: Path, errors: list[ContentError],
                    check: Callable[[], list[ContentError]] | None = None) -> list[ContentError]:
    """The language check's errors (terminology, consistency), after `errors`, the
    other checks' (a file that is not UTF-8 is named there already). `check`, when
    given, stands for `language_problems(docs_dir, vocabulary)`: the fast build runs
    it in another process while the pages are read (hooks/language_workers.py)."""
    try:
        return check() if check is not None else language_problems(docs_dir, load_vocabulary())
    except UnicodeDecodeError:
        # A file that is not UTF-8 is already named, with what to do (docs_tree); the language
        # check reads the pages again once it is saved as UTF-8.
        if not any(error.field == "file" and "UTF-8" in error.problem for error in errors):
            raise
        return []
    except Exception as error:  # noqa: BLE001 - content never ends in a traceback
        return [ContentError("(language check)", None, "file", type(error).__name__,
                             f"the language check stopped ({error}); this is a fault of the check, not yours",
                             advice="say so in the pull request: a maintainer will fix the check")]


def outdated_translations(library: Library, docs_dir: Path | None = None) -> list[ContentError]:
    """Translations made from an older English text: the translation's file and
    its `source_fingerprint` line, and the line that marks it current."""
    notices = []
    for (path, lang), translation in sorted(library.translations.items()):
        if lang == DEFAULT_LANGUAGE or library.translation_state(path, lang) != "outdated":
            continue
        current = library.pages[path].fingerprint
        line = None
        if docs_dir is not None and (docs_dir / translation.path).exists():
            text = (docs_dir / translation.path).read_text(encoding="utf-8", errors="replace")
            line = next((number for number, content in enumerate(text.split("\n"), start=1)
                         if content.startswith("source_fingerprint")), None)
        notices.append(ContentError(
            translation.path, line, "source_fingerprint", translation.source_fingerprint,
            f"the English page docs/{path} has changed since this translation was made, so the site shows the "
            "translation as out of date; once the translation follows today's English page, replace the line with",
            f'source_fingerprint: "{current}"',
        ))
    return notices


def _order(error: ContentError) -> tuple:
    return (error.file, error.line or 0, error.field)


def _where(error: ContentError) -> str:
    return f"docs/{error.file}" if not error.file.startswith("../") else error.file[3:]


# -- plain text -------------------------------------------------------------------------


def report(result: CheckResult) -> str:
    """Problems grouped by file, then the notices."""
    lines = []
    by_file = _by_file(result.errors)
    for file, errors in by_file.items():
        lines.append(file)
        lines.extend("  " + _body(error) for error in errors)
    if result.errors:
        count, files = len(result.errors), len(by_file)
        lines.append(f"\n{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}: "
                     "the site cannot be built until each is fixed.")
    else:
        lines.append("No problems found: the content follows every rule of the build.")
    if result.notices:
        count = len(result.notices)
        lines.append(f"\n{count} notice{'s' if count != 1 else ''} (not errors: the site is built, but each is "
                     "worth a look):")
        for file, notices in _by_file(result.notices).items():
            lines.append(file)
            for notice in notices:
                lines.append("  " + _body(notice))
                if notice.details:
                    lines.append("      " + notice.details.replace("\n", "\n      "))
    return "\n".join(lines)


def _by_file(errors: Iterable[ContentError]) -> dict[str, list[ContentError]]:
    grouped: dict[str, list[ContentError]] = defaultdict(list)
    for error in errors:
        grouped[_where(error)].append(error)
    return {file: sorted(grouped[file], key=lambda e: (e.line or 0, e.field)) for file in sorted(grouped)}


def _body(error: ContentError) -> str:
    text = str(error)
    # str(error) starts with "docs/<file>, " already printed as the group's heading.
    prefix = f"docs/{error.file}"
    if text.startswith(prefix):
        text = text[len(prefix):].lstrip(", ")
    return text


# -- GitHub: annotations and the job summary -----------------------------------------------


def annotations(result: CheckResult, changed: frozenset[str] | None = None) -> str:
    """GitHub Actions workflow commands: one ::error per problem, ::warning per notice
    (only in the files the pull request changes, when they are known: GitHub shows
    ten of each on the pull request's lines, and they belong to what it changes)."""
    out = []
    notices = [notice for notice in result.notices if changed is None or _where(notice) in changed]
    for level, entries in (("error", result.errors), ("warning", notices)):
        for error in entries:
            where = f"file={_escape_property(_where(error))}"
            if error.line:
                where += f",line={error.line}"
            message = f"{error.problem} (found: {error.shown_value})"
            if error.advice:
                message += f"\nTo fix: {error.advice}"
            if error.example:
                message += f"\nPaste:\n{error.example}"
            out.append(f"::{level} {where},title={_escape_property(error.field)}::{_escape_data(message)}")
    return "\n".join(out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True)
class PullRequest:
    """Where the pull request's files can be read and edited (from the workflow's environment)."""

    server: str = "https://github.com"
    repository: str = ""  # owner/name the workflow runs in
    commit: str = ""  # the commit checked
    head_repository: str = ""  # the contributor's fork, where the web editor can save
    head_branch: str = ""
    changed: frozenset[str] | None = None  # the files the pull request changes, when known

    def view(self, file: str, line: int | None) -> str | None:
        if not (self.repository and self.commit):
            return None
        return f"{self.server}/{self.repository}/blob/{self.commit}/{quote(file)}" + (f"#L{line}" if line else "")

    def edit(self, file: str) -> str | None:
        if not (self.head_repository and self.head_branch):
            return None
        return f"{self.server}/{self.head_repository}/edit/{quote(self.head_branch, safe='')}/{quote(file)}"


def job_summary(result: CheckResult, pull_request: PullRequest | None = None) -> str:
    """Markdown for the run's summary page: every problem and notice, each with its
    line, what to do and the line to paste."""
    pull_request = pull_request or PullRequest()
    out = []
    errors, notices = result.errors, result.notices
    by_file = _by_file(errors)
    if errors:
        count, files = len(errors), len(by_file)
        out.append(f"## Content check: {count} problem{'s' if count != 1 else ''} in {files} "
                   f"file{'s' if files != 1 else ''}")
        out.append("")
        out.append("The site cannot be built until each problem below is fixed. Open the file with its **Edit** "
                   "link (or in **Files changed**, the file's **⋯** menu, **Edit file**), correct the line, and "
                   "commit: the check runs again by itself.")
        if count > ANNOTATIONS_SHOWN:
            out.append("")
            out.append(f"GitHub marks only the first {ANNOTATIONS_SHOWN} of them on the lines in **Files changed**; "
                       f"all {count} are here.")
    else:
        out.append("## Content check: no problems")
        out.append("")
        out.append("The content follows every rule of the build.")
    for file, entries in by_file.items():
        out.extend(_summary_file(file, entries, pull_request))
    changed = pull_request.changed
    own = [notice for notice in notices if changed is None or _where(notice) in changed]
    others = [notice for notice in notices if notice not in own]
    if own:
        count = len(own)
        out.append("")
        out.append(f"## {count} notice{'s' if count != 1 else ''}: worth a look, not errors")
        out.append("")
        out.append("These do not stop the pull request.")
        for file, entries in _by_file(own).items():
            out.extend(_summary_file(file, entries, pull_request))
    if others:
        count, files = len(others), len(_by_file(others))
        out.append("")
        out.append(f"<details><summary>{count} more notice{'s' if count != 1 else ''} in {files} "
                   f"file{'s' if files != 1 else ''} this pull request does not change</summary>")
        out.append("")
        for error in sorted(others, key=_order):
            where = f"line {error.line}" if error.line else "the file"
            out.append(f"- {_code(_where(error))}, {where}: {_markdown_text(error.problem)} "
                       f"(found: {_code(error.shown_value)})")
        out.append("")
        out.append("</details>")
    text = "\n".join(out) + "\n"
    if len(text.encode("utf-8")) > SUMMARY_LIMIT:
        cut = text.encode("utf-8")[:SUMMARY_LIMIT].decode("utf-8", errors="ignore").rsplit("\n- ", 1)[0]
        text = cut + ("\n\n**The list goes on beyond what GitHub keeps on this page: every problem is in the "
                      "log of the step that ran the check.**\n")
    return text


def _summary_file(file: str, entries: list[ContentError], pull_request: PullRequest) -> list[str]:
    out = ["", f"### `{file}`"]
    edit = pull_request.edit(file)
    if edit:
        out.append(f"[Edit this file]({edit})")
    for error in entries:
        out.append("")
        where = f"Line {error.line}" if error.line else "The file"
        view = pull_request.view(file, error.line)
        where = f"[{where}]({view})" if view else where
        # Each part its own paragraph inside the list item (GitHub's Markdown: a blank line, two spaces).
        out.append(f"- **{where}**, {_code(error.field)}: {_markdown_text(error.problem)} "
                   f"(found: {_code(error.shown_value)})")
        if error.advice:
            out.append("")
            out.append(f"  **To fix:** {_markdown_text(error.advice)}")
        if error.example:
            out.append("")
            out.append("  **Paste:**")
            out.append("")
            out.extend("  " + line for line in _fenced(error.example, "yaml" if error.field not in
                                                        ("text", "link", "image", "address") else "markdown"))
        if error.details:
            out.append("")
            out.append("  <details><summary>What changed in the English page</summary>")
            out.append("")
            out.extend("  " + line for line in _fenced(error.details, "diff"))
            out.append("")
            out.append("  </details>")
    return out


def _code(text: str) -> str:
    """`text` as inline code that no backtick inside it can close."""
    text = str(text).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fenced(text: str, language: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`{3,}|~{3,}", text)), default=2)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", *text.split("\n"), fence]


def _markdown_text(text: str) -> str:
    """Plain words that Markdown must not read as markup (a `<script>` named in a message stays text)."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([*_\[\]|])", r"\\\1", text)


def problem_files(errors: Iterable[ContentError]) -> set[str]:
    return {_where(error) for error in errors}
