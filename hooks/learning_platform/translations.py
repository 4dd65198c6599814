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


# Who reviewed a translation is recorded by organisation or role, as the page
# shows it ("Translation reviewed by ..."), never by a way to reach a person:
# e-mail addresses and phone numbers are refused everywhere (personal_data.py),
# handles and web addresses here. Names are not guessed at: "Caritas Albania"
# and a person's name look alike, and the language's reviewers read the line
# in the pull request (.github/CODEOWNERS).
REVIEWER_EXAMPLE = "Return counsellor, native speaker"
_HANDLE = re.compile(r"(?<![\w.])@[\w-]+")
_WEB = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|org|net|gov|edu|al|mk|rs|ba|me|eu|int)\b", re.I)


def reviewer_problem(value: str) -> str | None:
    """Why a `reviewed_by` value cannot be published as written, or None when it can."""
    if _HANDLE.search(value):
        return "names an account (@...), which leads to a person: write the organisation or the role instead"
    if _WEB.search(value):
        return "holds a web address: write the organisation's name or the reviewer's role, without an address"
    return None


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
