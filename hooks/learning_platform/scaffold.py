"""Starting a page: a practice, a training module, a news entry or a
translation, written from the templates in `templates/` with valid front
matter, today's date and a file name (slug) made from the title.

`scripts/new.py` is the command; it calls these functions, and the new file
passes the same check as every page (`check.content_problems`)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Sequence

import yaml

from .frontmatter import split_front_matter
from .model import SLUG, TRANSLATED_LISTS, fingerprint
from .slugs import file_slug
from .validation import page_type
from .vocabulary import Vocabulary

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FOLDERS = {"practice": "practices", "module": "modules", "news": "news"}


class ScaffoldError(ValueError):
    """What the scaffold cannot do, said so the contributor can fix it."""


def slug_from_title(title: str) -> str:
    """A file name from a title: Cyrillic written in Latin, no diacritics, hyphens."""
    slug = file_slug(title)
    if not slug or not SLUG.match(slug):
        raise ScaffoldError(f"cannot make a file name from the title {title!r}: give one with --slug")
    return slug


def _yaml(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*|\d{4}-\d{2}-\d{2}", str(value)) and str(value).lower() not in (
            "yes", "no", "on", "off", "true", "false", "null"):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _template(kind: str) -> tuple[str, str]:
    """(front matter text, body) of a template."""
    text = (TEMPLATES / f"{kind}.md").read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 4)
    return text[4:front_end + 1], text[front_end + 5:]


def _set_fields(front: str, values: dict) -> str:
    """The template's front matter with these top-level fields replaced, comments kept."""
    lines = front.split("\n")
    for key, value in values.items():
        for index, line in enumerate(lines):
            if re.match(rf"^{re.escape(key)}\s*:", line):
                comment = line[line.index("#"):] if "  #" in line else ""
                lines[index] = f"{key}: {_yaml(value)}" + (f"  {comment}" if comment else "")
                break
        else:
            raise ScaffoldError(f"the template has no field {key}")
    return "\n".join(lines)


def _check_codes(vocabulary: Vocabulary, name: str, codes: Sequence[str], label: str) -> None:
    allowed = list(getattr(vocabulary, name))
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise ScaffoldError(f"unknown {label}: {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def new_page(docs_dir: Path, kind: str, title: str, vocabulary: Vocabulary, today: dt.date,
             slug: str | None = None, **fields) -> Path:
    """Write docs/<folder>/<slug>.md from the template; refuse a slug that exists."""
    if kind not in FOLDERS:
        raise ScaffoldError(f"unknown kind of page {kind!r}: one of {', '.join(FOLDERS)}")
    slug = slug or slug_from_title(title)
    if not SLUG.match(slug):
        raise ScaffoldError(f"the file name {slug!r} may use only a-z, digits and hyphens")
    for folder in FOLDERS.values():
        existing = docs_dir / folder / f"{slug}.md"
        if existing.exists():
            raise ScaffoldError(f"docs/{folder}/{slug}.md already exists: choose another title, or --slug")
    front, body = _template(kind)
    values: dict = {"title": title}
    if fields.get("summary"):
        values["summary"] = fields["summary"]
    values["published"] = today.isoformat()
    if kind in ("practice", "module"):
        values["updated"] = today.isoformat()
        if fields.get("actions"):
            bad = [n for n in fields["actions"] if not 1 <= int(n) <= 21]
            if bad:
                raise ScaffoldError(f"actions are numbers from 1 to 21 (found {bad})")
            values["actions"] = [int(n) for n in fields["actions"]]
    if kind == "news":
        values["date"] = (fields.get("date") or today).isoformat() if not isinstance(fields.get("date"), str) \
            else fields["date"]
    if kind == "practice":
        if fields.get("kind_of_practice"):
            _check_codes(vocabulary, "kinds", [fields["kind_of_practice"]], "kind")
            values["kind"] = fields["kind_of_practice"]
        for name, vocab, label in (("partners", "partners", "partner"), ("target_groups", "target_groups", "target group"),
                                   ("audience", "audiences", "audience"), ("stage", "stages", "stage")):
            if fields.get(name) is not None:
                _check_codes(vocabulary, vocab, fields[name], label)
                values[name] = list(fields[name])
    if kind == "module" and fields.get("audience") is not None:
        _check_codes(vocabulary, "audiences", fields["audience"], "audience")
        values["audience"] = list(fields["audience"])
    if kind == "news" and fields.get("partners") is not None:
        _check_codes(vocabulary, "partners", fields["partners"], "partner")
        values["partners"] = list(fields["partners"])
    path = docs_dir / FOLDERS[kind] / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + _set_fields(front, values) + "---\n" + body, encoding="utf-8")
    return path


def new_translation(docs_dir: Path, english: Path, lang: str, vocabulary: Vocabulary) -> Path:
    """Start a translation from the English text, with the English page's fingerprint."""
    english = english if english.is_absolute() else Path.cwd() / english
    try:
        relative = english.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        raise ScaffoldError(f"{english} is not a page under {docs_dir}") from None
    if re.search(r"\.[a-z]{2,3}(?:-[A-Za-z]{4})?\.md$", relative):
        raise ScaffoldError(f"{relative} is a translation; give the English page")
    if lang not in vocabulary.translatable_languages:
        raise ScaffoldError(f"'{lang}' is not a language translations are written in; one of "
                            f"{', '.join(vocabulary.translatable_languages)} (sr-Latn is made from sr)")
    target = docs_dir / f"{relative[:-3]}.{lang}.md"
    if target.exists():
        raise ScaffoldError(f"docs/{target.relative_to(docs_dir).as_posix()} already exists")
    text = english.read_text(encoding="utf-8")
    front, body, _ = split_front_matter(relative, text)
    lines = ["---"]
    for key in ("title", "summary"):
        if front.get(key):
            lines.append(f"{key}: {_yaml(front[key])}")
    lines.append("translation: machine")
    lines.append(f'source_fingerprint: "{fingerprint(front.get("title"), front.get("summary"), body, front)}"')
    if page_type(relative) == "module":
        for name in TRANSLATED_LISTS:
            if not front.get(name):
                continue
            lines.append(f"{name}:")
            for item in front[name]:
                if name == "agenda":
                    entry = {"activity": item["activity"], **({"method": item["method"]} if item.get("method") else {})}
                    lines.append("  - " + yaml.safe_dump(entry, allow_unicode=True, default_flow_style=True,
                                                          width=10_000).strip())
                else:
                    lines.append(f"  - {_yaml(item)}")
    lines.append("---")
    target.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    return target
