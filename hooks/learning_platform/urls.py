"""Where pages live: site addresses of pages and files, per language."""
from __future__ import annotations

import re

from .vocabulary import DEFAULT_LANGUAGE

PRACTICES_INDEX = "practices/index.md"
MODULES_INDEX = "modules/index.md"
ACTIONS_INDEX = "actions/index.md"
COMMITMENTS_INDEX = "commitments/index.md"
NEWS_INDEX = "news/index.md"
COVERAGE = "coverage.md"
CATALOGUE = "catalogue.md"
HOME = "index.md"


def url_of(path: str, lang: str) -> str:
    """The site URL (no leading slash) of the page built from `path` in `lang`
    (or of the file at `path`, such as a catalogue download)."""
    if not path.endswith(".md"):
        return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"
    stem = path[: -len(".md")]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("/index")]
    url = f"{stem}/" if stem else ""
    return url if lang == DEFAULT_LANGUAGE else f"{lang}/{url}"


def relative_url(from_url: str, to_url: str) -> str:
    """`to_url` as seen from a page at `from_url` (both site URLs without leading slash)."""
    # Plain string work: posixpath.relpath was a tenth of the hooks' time.
    here = from_url.split("/")[:-1]
    there = to_url.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:]) or "./"


def absolute_url(base: str, path: str, lang: str) -> str:
    """The full address of a page for readers outside the site (feeds, sitemaps, QR codes)."""
    return base.rstrip("/") + "/" + url_of(path, lang)


def anchor(*parts) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "-", str(part).lower()).strip("-") for part in parts)


# A relative reference in an href or src: not an address with a scheme
# (https:, mailto:), not a fragment of the same page, not from the root.
_RELATIVE_REFERENCE = re.compile(r'\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"?#]*)([^"]*)"')


def rebase_links(page_html: str, from_url: str, to_url: str) -> str:
    """HTML written for the page at `from_url`, with its relative links made to
    work from `to_url` (both site URLs without leading slash)."""
    here, there = from_url.rsplit("/", 1)[0], to_url.rsplit("/", 1)[0]
    if here == there:
        return page_html

    def rebase(match: re.Match) -> str:
        attribute, path, rest = match.groups()
        if not path:  # "" or "?query": the page itself
            target = from_url
        else:
            parts: list[str] = here.split("/") if here else []
            for part in path.split("/"):
                if part == "..":
                    if parts:
                        parts.pop()
                elif part not in (".", ""):
                    parts.append(part)
            target = "/".join(parts) + ("/" if path.endswith(("/", ".")) and parts else "")
        return f'{attribute}="{relative_url(to_url, target)}{rest}"'

    return _RELATIVE_REFERENCE.sub(rebase, page_html)
