"""The site's security policy, made at build time.

Content checks (`safety.py`) refuse anything that would run script or load from
elsewhere; this is the browser's second line: a Content-Security-Policy that
lets the page run only the site's own files and the theme's two small inline
scripts, named by their hashes (no 'unsafe-inline', no 'unsafe-eval').

- every page carries the policy as `<meta http-equiv="Content-Security-Policy">`
  with the hashes of its own inline scripts: GitHub Pages sends no custom
  headers, and the meta tag is what it honours;
- `_headers` (read by Netlify, Cloudflare Pages and similar hosts) sends the
  same policy for the whole site, with every hash the build saw, plus what a
  meta tag cannot carry: `frame-ancestors`, `X-Content-Type-Options`,
  `Referrer-Policy`, `Permissions-Policy`.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# Sources, apart from script-src, that every page of the site needs: its own
# files, and data: images (Material draws its icons as data: SVG in CSS).
BASE_DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    # Readers of pages about trafficking and return do not tell the sites they
    # go on to which page they came from.
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", re.S)
_CHARSET = '<meta charset="utf-8">'


def script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


# The theme writes the same few scripts on every page of a language. The cache
# wraps the plain function, which mutmut (`make mutation`) can still reach.
_known_hash = lru_cache(maxsize=256)(script_hash)


def inline_scripts(page_html: str) -> list[str]:
    """The code of every inline script that runs (JSON data blocks do not).

    Found with str.find rather than a pattern over the whole page: a page has
    a handful of scripts and is read once, on every page of every language."""
    found = []
    position = page_html.find("<script")
    while position >= 0:
        match = _INLINE_SCRIPT.match(page_html, position)
        if match is None:  # "<script" in text, not a tag
            position = page_html.find("<script", position + 7)
            continue
        position = page_html.find("<script", match.end())
        attrs = match.group("attrs")
        if "src=" in attrs:
            continue
        kind = re.search(r'type="([^"]+)"', attrs) if "type=" in attrs else None
        if kind and kind.group(1) not in ("text/javascript", "module"):
            continue
        found.append(match.group("code"))
    return found


def content_security_policy(hashes: list[str], for_headers: bool = False) -> str:
    directives = list(BASE_DIRECTIVES)
    directives.insert(1, ("script-src", " ".join(["'self'", *hashes])))
    if for_headers:
        directives.append(("frame-ancestors", "'none'"))
    return "; ".join(f"{name} {value}" for name, value in directives)


@dataclass
class InlineScripts:
    """The hashes of the inline scripts the build wrote, page by page."""

    seen: set[str] = field(default_factory=set)

    def protect(self, page_html: str) -> str:
        """The page with its policy and referrer rule at the top of its head."""
        hashes = sorted({_known_hash(code) for code in inline_scripts(page_html)})
        self.seen.update(hashes)
        meta = (f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(hashes)}">'
                '<meta name="referrer" content="no-referrer">')
        if _CHARSET in page_html:
            return page_html.replace(_CHARSET, _CHARSET + meta, 1)
        return page_html.replace("<head>", "<head>" + meta, 1)

    def headers_file(self) -> str:
        lines = ["/*", f"  Content-Security-Policy: {content_security_policy(sorted(self.seen), for_headers=True)}"]
        lines += [f"  {name}: {value}" for name, value in HEADERS]
        return "\n".join(lines) + "\n"


def write_headers(site_dir: Path, scripts: InlineScripts) -> None:
    (site_dir / "_headers").write_text(scripts.headers_file(), encoding="utf-8")


_LANG_HEADING = re.compile(r'<h[1-6] id="([^"]+)" lang="([^"]+)"')


def mark_toc_languages(page_html: str) -> str:
    """Table-of-contents entries that copy a heading in another language carry its lang."""
    marked = dict(_LANG_HEADING.findall(page_html))
    if not marked:
        return page_html

    def mark(match: re.Match) -> str:
        lang = marked.get(match.group(1))
        if not lang:
            return match.group(0)
        return match.group(0).replace('<span class="md-ellipsis">', f'<span class="md-ellipsis" lang="{lang}">', 1)

    return re.sub(r'<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">', mark, page_html)
