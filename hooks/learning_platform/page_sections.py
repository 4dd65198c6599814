"""A page's own sections, listed on its first screen: one tap to the steps.

On a phone the theme's table of contents is out of reach (the drawer lists the
site's menu), and a practice's steps start on its third or fourth screen. So
under the facts panel of a practice or a module the build writes the page's
own second-level headings as links. A short list shows as it is; a long one
(a module has a dozen sections) sits behind one control that opens it.

The headings are read from the page's Markdown, before conversion; their
anchors are worked out as the converter's table of contents will make them
(`slugs.heading_slug`, then `_1`, `_2` for a repeated anchor), and a test
checks every link against the built pages.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Sequence

from .context import Context, esc
from .slugs import heading_slug

# A list longer than this opens from one control rather than showing whole.
OPEN_LIMIT = 8

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTRIBUTES = re.compile(r"\{\s*[^}]*\}\s*$")
_CUSTOM_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_TAG = re.compile(r"<[^>]+>")
_COUNT = re.compile(r"^(.*)_([0-9]+)$")


def headings(markdown: str) -> list[tuple[int, str, str | None]]:
    """(level, text as read, custom anchor or None) of every ATX heading outside code."""
    found, fence = [], None
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)[0]
            if fence is None:
                fence = marker
            elif fence == marker:
                fence = None
            continue
        if fence is not None:
            continue
        match = _HEADING.match(line)
        if not match:
            continue
        raw = match.group(2)
        custom = _CUSTOM_ID.search(raw)
        text = _ATTRIBUTES.sub("", raw).strip()
        text = _LINK.sub(r"\1", text)
        text = _MARKUP.sub(r"\2", text)
        text = html.unescape(_TAG.sub("", text)).strip()
        found.append((len(match.group(1)), text, custom.group(1) if custom else None))
    return found


def _unique(anchor: str, used: set[str]) -> str:
    # As Python-Markdown's toc extension makes a repeated anchor unique.
    while anchor in used or not anchor:
        counted = _COUNT.match(anchor)
        anchor = f"{counted.group(1)}_{int(counted.group(2)) + 1}" if counted else f"{anchor}_1"
    used.add(anchor)
    return anchor


def page_sections(generated_before: Sequence[tuple[str, str]], markdown: str) -> list[tuple[str, str]]:
    """(label, anchor) of a page's sections in reading order: the generated
    second-level headings that come before its text (a module's objectives,
    agenda and materials), then its own."""
    used = {anchor for _label, anchor in generated_before}
    sections = list(generated_before)
    for level, text, custom in headings(markdown):
        anchor = custom or _unique(heading_slug(text), used)
        if custom:
            used.add(custom)
        if level == 2 and text:
            sections.append((text, anchor))
    return sections


def section_list(ctx: Context, sections: Iterable[tuple[str, str]]) -> str:
    """The list under the facts panel; empty for a page of fewer than two sections."""
    sections = list(sections)
    if len(sections) < 2:
        return ""
    label = ctx.t("sections.label")
    links = "".join(f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>' for text, anchor in sections)
    if len(sections) <= OPEN_LIMIT:
        return (f'<nav class="sections" aria-label="{esc(label)}" data-sections>'
                f'<p class="sections__label" aria-hidden="true">{esc(label)}</p>'
                f'<ul class="sections__list">{links}</ul></nav>')
    return (f'<nav class="sections" aria-label="{esc(label)}" data-sections>'
            f'<details class="wb-details sections__more"><summary>'
            f'{esc(ctx.t("sections.count", count=len(sections)))}</summary>'
            f'<ul class="sections__list">{links}</ul></details></nav>')
