"""A copy of the built site that opens from a downloaded folder (file://).

The site's links end in a folder (`../practices/cultural-mediation/`): a web
server answers them with the folder's index.html, a browser opening files
from disk shows the folder's listing instead. The pull request's preview is
this copy, every relative link in every page ending in `index.html`, so a
reviewer downloads the artifact, unzips it and double-clicks `index.html`.

What needs a web server still needs one: the search (the browser fetches its
index) and the offline copy (a service worker). `HOW-TO-OPEN.txt`, written
at the copy's root, says how to get them in two steps (README, "The preview").
The published site is built separately and keeps its folder links.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

_LINK = re.compile(r"""(?P<before>\s(?:href|src)=)(?P<quote>["'])(?P<url>[^"'#?]*)(?P<rest>[?#][^"']*)?(?P=quote)""")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][\w+.-]*:|/|#)")

HOW_TO_OPEN = """\
The pull request's preview of the site
======================================

To read it:

1. Unzip the downloaded file (on Windows: right-click it, Extract All).
2. In the unzipped folder, double-click index.html. The site opens in your
   browser; every page and link works.

Two things need the site to come from a web server, as it does once
published: the search box, and keeping a language for reading offline.
To try them on your computer (Python 3 needed), open a terminal in the
unzipped folder and run

    python3 -m http.server 8000

then open http://127.0.0.1:8000/ in your browser; press Ctrl+C in the
terminal when you are done.
"""


def file_link(url: str) -> str:
    """A relative link to a folder made to name its index.html: `../x/` -> `../x/index.html`."""
    if not url or _EXTERNAL.match(url):
        return url
    last = url.rsplit("/", 1)[-1]
    if url.endswith("/") or last in (".", ".."):
        return url.rstrip("/") + "/index.html" if url not in ("/",) else url
    return url


def rewrite_page(html: str) -> str:
    """Every relative folder link of a page made to name its index.html."""
    def replace(match: re.Match) -> str:
        url = match.group("url")
        rest = match.group("rest") or ""
        if not url and rest.startswith("#"):
            return match.group(0)
        fixed = file_link(url) if url else ("index.html" if rest.startswith("?") else url)
        return f"{match.group('before')}{match.group('quote')}{fixed}{rest}{match.group('quote')}"

    return _LINK.sub(replace, html)


def browsable_from_disk(site: Path, target: Path) -> int:
    """Copy the built `site` to `target` with links that work from disk; the pages rewritten."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target)
    count = 0
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = rewrite_page(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
            count += 1
    (target / "HOW-TO-OPEN.txt").write_text(HOW_TO_OPEN, encoding="utf-8")
    return count
