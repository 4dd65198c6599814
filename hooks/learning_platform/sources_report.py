"""Every outside address the pages cite, with the pages that cite it, so an
editor can re-check them all in one pass; and the addresses to fix: a locale
other than English (EUR-Lex's /AUTO/ included), navigation and tracking junk,
a copy hosted by a third party that is not labelled as one, an untitled upload.

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
JUNK_PARAMETERS = ("utm_", "fbclid", "gclid", "p_l_back_url", "category_id", "rid", "page", "preflang", "ref",
                   "qid")
# EUR-Lex puts the language in the path: /legal-content/EN/..., or AUTO (the
# reader's browser language), which is not an address of the English text.
_EURLEX_LANGUAGE = re.compile(r"^/legal-content/(?P<lang>[A-Za-z]{2,4})/", re.I)
# Sites that host copies of other publishers' documents, by the name a title
# gives them. A copy is cited only when the publisher's own address has not
# been found, and its title says so ("copy hosted by ReadKong").
COPY_HOSTS = {
    "docplayer": "DocPlayer", "lawsdocbox": "LawsDocBox", "readkong": "ReadKong", "scribd": "Scribd",
    "docslib": "Docslib", "vdocuments": "vdocuments", "pdfslide": "PDFSlide", "yumpu": "Yumpu",
    "slideshare": "SlideShare", "paperzz": "paperzz", "studylib": "Studylib", "pdffox": "PDFfox",
    "doczz": "doczz", "documents.pub": "documents.pub",
}


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
    """What is wrong with an address: a non-English locale, junk parameters, an untitled upload."""
    parts = urlsplit(url)
    problems = []
    eurlex = _EURLEX_LANGUAGE.search(parts.path) if parts.netloc.endswith("eur-lex.europa.eu") else None
    if eurlex and eurlex.group("lang").upper() == "AUTO":
        problems.append("EUR-Lex's /AUTO/ shows each reader the text in their browser's language: cite the "
                        "English address of the same document (/legal-content/EN/...), as found, not composed")
    elif eurlex and eurlex.group("lang").upper() != "EN":
        problems.append(f"the EUR-Lex address names the language {eurlex.group('lang')}: cite the English "
                        "address of the same document (/legal-content/EN/...)")
    elif (_LOCALE_SEGMENT.search(parts.path) or _LOCALE_SUFFIX.search(parts.path)) and url not in locale_exceptions():
        problems.append("the address names a language other than English: use the English page's address")
    if re.search(r"/untitled/?$", parts.path, re.I):
        problems.append("an untitled upload: cite the document from its publisher, under its own title")
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        lowered = name.lower()
        if any(lowered == junk or (junk.endswith("_") and lowered.startswith(junk)) for junk in JUNK_PARAMETERS):
            problems.append(f"the parameter {name}={value} is navigation or tracking: leave it out")
        if lowered in ("lang", "langtag", "hl") and not value.lower().startswith("en"):
            problems.append(f"the parameter {name}={value} asks for another language: use the English page")
    if parts.fragment.startswith(":~:text="):
        problems.append("the text fragment #:~:text= is a browser's highlight, not part of the address")
    return problems


def copy_host(url: str) -> str | None:
    """The name of the third-party site an address is a copy on, if it is one."""
    host = urlsplit(url).netloc.lower()
    for domain, name in COPY_HOSTS.items():
        if host == domain or host.startswith(f"{domain}.") or f".{domain}." in f".{host}" or host.endswith(f".{domain}"):
            return name
    return None


def citation_problems(citation: Citation) -> list[str]:
    """What is wrong with a citation: its address, and a third party's copy not labelled as one."""
    problems = address_problems(citation.url)
    host = copy_host(citation.url)
    if host is not None:
        unlabelled = [title for title in sorted(citation.titles) if not _labelled_copy(title, host)]
        if unlabelled or not citation.titles:
            problems.append(f"a copy hosted by {host}, a third party: cite the publisher's own address where a "
                            f"copy is found there; otherwise say so in the title, e.g. \"(..., copy hosted by {host})\"")
    return problems


def _labelled_copy(title: str, host: str) -> bool:
    lowered = title.lower()
    return "copy" in lowered and host.lower() in lowered


def report(found: dict[str, Citation], only_problems: bool = False) -> str:
    lines = []
    problems = 0
    for url, citation in found.items():
        issues = citation_problems(citation)
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
