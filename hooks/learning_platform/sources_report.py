"""Every outside address the pages cite, with the pages that cite it, so an
editor can re-check them all in one pass; and the addresses that carry a
locale other than English or navigation and tracking junk.

    python scripts/sources.py            # the report
    python scripts/sources.py --problems # only the addresses to fix
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit


from .frontmatter import split_front_matter
from .loading import markdown_files
from .vocabulary import DATA_DIR, read_yaml

_LINK = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<(https?://[^>\s]+)>")
# A path segment or suffix that names a language other than English.
_LOCALES = ("hu", "da", "fi", "ru", "ar", "de", "fr", "es", "it", "sq", "sr", "bs", "mk", "bg", "el", "ro",
            "pl", "cs", "sk", "sl", "hr", "tr", "zh", "ja", "pt", "nl", "sv", "et", "lv", "lt", "uk", "me")
_LOCALE_SEGMENT = re.compile(rf"^/(?:{'|'.join(_LOCALES)})(?:[-_][a-z]{{2}})?(?:/|$)|^/en-(?!gb|us)[a-z]{{2}}/")
_LOCALE_SUFFIX = re.compile(rf"_(?:{'|'.join(_LOCALES)})(?:$|[/?#.])")
JUNK_PARAMETERS = ("utm_", "fbclid", "gclid", "p_l_back_url", "category_id", "rid", "page", "preflang", "ref")


@dataclass
class Citation:
    url: str
    titles: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)


def citations(docs_dir: Path) -> dict[str, Citation]:
    """Every http(s) address in front matter sources, contacts and page text, by address."""
    found: dict[str, Citation] = {}
    for path in markdown_files(docs_dir):
        text = (docs_dir / path).read_text(encoding="utf-8")
        try:
            front, body, _ = split_front_matter(path, text)
        except Exception:  # a broken file is the check's business, not this report's
            front, body = {}, text
        for entry in (front.get("sources") or []) + (front.get("contacts") or []):
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                citation = found.setdefault(entry["url"].strip(), Citation(entry["url"].strip()))
                citation.pages.add(path)
                if isinstance(entry.get("title"), str):
                    citation.titles.add(entry["title"].strip())
        for match in _LINK.finditer(body):
            url = match.group(1) or match.group(2)
            found.setdefault(url, Citation(url)).pages.add(path)
    return dict(sorted(found.items()))


def locale_exceptions(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Addresses kept with a locale, and why (data/sources.yml)."""
    path = data_dir / "sources.yml"
    raw = read_yaml(path) if path.exists() else {}
    return {entry["url"]: entry["reason"] for entry in (raw or {}).get("locale_exceptions") or []}


def address_problems(url: str) -> list[str]:
    """What is wrong with an address: a non-English locale, junk parameters."""
    parts = urlsplit(url)
    problems = []
    if (_LOCALE_SEGMENT.search(parts.path) or _LOCALE_SUFFIX.search(parts.path)) and url not in locale_exceptions():
        problems.append("the address names a language other than English: use the English page's address")
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        lowered = name.lower()
        if any(lowered == junk or (junk.endswith("_") and lowered.startswith(junk)) for junk in JUNK_PARAMETERS):
            problems.append(f"the parameter {name}={value} is navigation or tracking: leave it out")
        if lowered in ("lang", "langtag", "hl") and not value.lower().startswith("en"):
            problems.append(f"the parameter {name}={value} asks for another language: use the English page")
    if parts.fragment.startswith(":~:text="):
        problems.append("the text fragment #:~:text= is a browser's highlight, not part of the address")
    return problems


def report(found: dict[str, Citation], only_problems: bool = False) -> str:
    lines = []
    problems = 0
    for url, citation in found.items():
        issues = address_problems(url)
        problems += bool(issues)
        if only_problems and not issues:
            continue
        lines.append(url)
        for title in sorted(citation.titles):
            lines.append(f"    title: {title}")
        lines.append(f"    cited by: {', '.join('docs/' + page for page in sorted(citation.pages))}")
        for issue in issues:
            lines.append(f"    PROBLEM: {issue}")
    by_host = defaultdict(int)
    for url in found:
        by_host[urlsplit(url).netloc] += 1
    lines.append(f"\n{len(found)} outside addresses on {len(by_host)} sites; {problems} to fix.")
    return "\n".join(lines)
