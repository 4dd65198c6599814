"""An untranslated copy's Markdown converted once per language and text, not once per page.

A copy (a page with no translation in the language being built) takes the
English page's converted text (english_text.py): what is left of its Markdown
is its generated parts around one mark, placeholders numbered from 0 and a few
headings in the reader's language, so hundreds of copies in a language have
the very same text. MkDocs still makes a new converter with every extension
for every page and runs it (`Page.render`), about a millisecond each even for
those few lines: at 1,000 practices, 5,000 conversions that change nothing.

MkDocs has no event that lets a page skip its conversion, and calls
`page.render(config, files)` on the page object right after on_page_markdown.
So for a copy, and for that page object alone, `render` is set to one that
looks up the text: the first copy with a text is converted by MkDocs' own
`Page.render`; the next copies with the same text in the same language take
what that gave (HTML, table of contents, title from the text, anchors, links
to its own anchors for MkDocs' check). Only a conversion whose HTML links
nowhere but to its own anchors or to full addresses is reused: a relative
link is resolved, and checked, from each page's own address. Everything else
the page gets (its fragments, the English text, its address) is put in
afterwards by on_page_content, page by page, as before; the files written are
the same bytes (tests/test_speed.py compares whole builds).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

_ADDRESS = re.compile(r'\s(?:href|src)="([^"]*)"')
_FULL_ADDRESS = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Conversion:
    """What MkDocs' `Page.render` leaves on a page, for a text that reads the same from any page."""

    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    own_anchor_links: dict[str, str] | None  # None where MkDocs keeps none (debug logging)

    def give(self, page: Any) -> None:
        page.content = self.content
        page.toc = copy.deepcopy(self.toc)
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchors)
        if self.own_anchor_links is not None:
            page.links_to_anchors = {page.file: dict(self.own_anchor_links)} if self.own_anchor_links else {}


def reusable(page: Any) -> Conversion | None:
    """The page's conversion, if another page with the same text may take it as it is."""
    links = vars(page).get("links_to_anchors")
    if any(target is not page.file for target in links or {}):
        return None
    if any(not (url.startswith("#") or _FULL_ADDRESS.match(url)) for url in _ADDRESS.findall(page.content)):
        return None
    return Conversion(page.content, copy.deepcopy(page.toc), page._title_from_render,
                      frozenset(page.present_anchor_ids or ()),
                      None if links is None else dict(links.get(page.file, {})))


class CopyConversions:
    """The conversions of one build's untranslated copies, by language and text."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, str], Conversion | None] = {}
        self.converted = 0  # how many times MkDocs converted a copy (the rest reused one)

    def convert_once(self, page: Any, lang: str) -> None:
        """Set this page's `render` to convert its text only if no copy in `lang` had the same."""

        def render(config: Any, files: Any) -> None:
            key = (lang, page.markdown)
            done = self._done.get(key)
            if done is not None:
                done.give(page)
                return
            type(page).render(page, config, files)  # MkDocs' own conversion
            self.converted += 1
            self._done[key] = reusable(page)

        page.render = render
