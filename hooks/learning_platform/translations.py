"""Translation bookkeeping: which pages are missing, drafts, out of date or reviewed,
and recording which English version a translation was made from."""
from __future__ import annotations

import re
from pathlib import Path

from .frontmatter import split_front_matter
from .model import Library, fingerprint
from .vocabulary import DEFAULT_LANGUAGE

STATES = ("missing", "machine", "outdated", "reviewed")


def status(library: Library) -> dict[str, dict[str, list[str]]]:
    """For each language but English: state → English page paths, sorted."""
    report: dict[str, dict[str, list[str]]] = {}
    for language in library.vocabulary.languages:
        if language.code == DEFAULT_LANGUAGE:
            continue
        states: dict[str, list[str]] = {state: [] for state in STATES}
        for path in sorted(library.pages):
            states[library.translation_state(path, language.code)].append(path)
        report[language.code] = states
    return report


def source_fingerprint(docs_dir: Path, english_path: str) -> str:
    """The fingerprint of the English page as it is on disk now."""
    text = (docs_dir / english_path).read_text(encoding="utf-8")
    front, body, _ = split_front_matter(english_path, text)
    return fingerprint(front.get("title"), front.get("summary"), body, front)


def english_source_of(translation_path: str) -> str:
    match = re.match(r"^(?P<stem>.+)\.[a-z]{2}(?:-[A-Za-z]{4})?\.md$", translation_path)
    if match is None:
        raise ValueError(f"{translation_path} is not a translation (expected a name like page.sq.md)")
    return f"{match.group('stem')}.md"


def mark_current(docs_dir: Path, translation_path: str, reviewed_by: str | None = None) -> str:
    """Record that a translation matches today's English page; with a reviewer, mark it reviewed."""
    file = docs_dir / translation_path
    text = file.read_text(encoding="utf-8")
    values = {"source_fingerprint": source_fingerprint(docs_dir, english_source_of(translation_path))}
    if reviewed_by:
        values.update(translation="reviewed", reviewed_by=reviewed_by)
    file.write_text(set_front_matter(text, values), encoding="utf-8")
    return values["source_fingerprint"]


def set_front_matter(text: str, values: dict[str, str]) -> str:
    """`text` with these top-level front matter fields set, other lines untouched."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        lines = ["---", "---", *lines]
    end = next(index for index, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
    for key, value in values.items():
        rendered = f"{key}: {_yaml_text(value)}"
        for index in range(1, end):
            if re.match(rf"^{re.escape(key)}\s*:", lines[index]):
                lines[index] = rendered
                break
        else:
            lines.insert(end, rendered)
            end += 1
    return "\n".join(lines)


def _yaml_text(value: str) -> str:
    return value if re.fullmatch(r"[\w .-]+", value) and not value[:1].isdigit() else '"' + value.replace('"', '\\"') + '"'
