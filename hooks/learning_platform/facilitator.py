"""Parts of a module for the facilitator only, and the participants' version
without them.

A contributor marks them in the Markdown with a block that the web editor
and a translator keep as it is (pymdownx.blocks, no indentation needed):

    /// facilitator
    **Debrief.** Ask: ... Draw out that ...
    ///

A block may hold whole sections (its headings included) and other blocks; an
outer block then uses more slashes (`////`). The facilitator's guide (the
module's page) shows every block, marked `data-audience="facilitator"`; the
participants' handout is the same Markdown with the blocks taken out.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .errors import ContentError

NAME = "facilitator"
_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>/{3,})[ \t]*(?P<name>[\w-]+)[ \t]*(?:\|.*)?$")
_CLOSE = re.compile(r"^[ \t]*(?P<fence>/{3,})[ \t]*$")
_CODE_FENCE = re.compile(r"^[ \t]*(```|~~~)")
EXAMPLE = "/// facilitator\n**Debrief.** Ask: ... Draw out that ...\n///"


@dataclass(frozen=True)
class FacilitatorMarkupError(Exception):
    line: int  # in the text given, from 1
    problem: str

    def content_error(self, path: str, line: int | None) -> ContentError:
        return ContentError(path, line, "/// facilitator", self.problem.split(":")[0], self.problem, EXAMPLE)


def facilitator_blocks(markdown: str) -> list[tuple[int, int]]:
    """(first line, last line) of each top-level facilitator block, counted from 0.

    Raises `FacilitatorMarkupError` for a block that is never closed or that is
    indented (inside a list or an admonition, where the participants' version
    could not take it out cleanly)."""
    lines = markdown.split("\n")
    stack: list[tuple[str, str, int]] = []  # (fence, name, line) of open blocks
    blocks, code = [], False
    for number, line in enumerate(lines):
        if _CODE_FENCE.match(line):
            code = not code
            continue
        if code:
            continue
        opening = _OPEN.match(line)
        if opening:
            if opening.group("name") == NAME and opening.group("indent"):
                raise FacilitatorMarkupError(number + 1, "indented: a /// facilitator block starts at the "
                                                         "beginning of a line, outside lists and boxes")
            stack.append((opening.group("fence"), opening.group("name"), number))
            continue
        closing = _CLOSE.match(line)
        if closing and stack and closing.group("fence") == stack[-1][0]:
            fence, name, start = stack.pop()
            if name == NAME and not any(open_name == NAME for _f, open_name, _l in stack):
                blocks.append((start, number))
    for fence, name, start in stack:
        if name == NAME:
            raise FacilitatorMarkupError(start + 1, f"never closed: the block opened with {fence} {NAME} "
                                                    f"needs a line {fence} where it ends")
    return blocks


def without_facilitator_parts(markdown: str) -> str:
    """The Markdown with every facilitator block taken out (the participants' version)."""
    lines = markdown.split("\n")
    drop = set()
    for start, end in facilitator_blocks(markdown):
        drop.update(range(start, end + 1))
    kept = [line for number, line in enumerate(lines) if number not in drop]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


_BLOCK = re.compile(r'<div class="admonition facilitator">\s*<p class="admonition-title">(?P<title>.*?)</p>', re.S)
DEFAULT_TITLE = "Facilitator"


def mark_facilitator_parts(page_html: str, label: str) -> str:
    """Mark each facilitator block `data-audience="facilitator"` and give it the
    reader's language's label (the block's own title, if the contributor gave one)."""
    def marked(match: re.Match) -> str:
        title = match.group("title")
        shown = html.escape(label) if title == DEFAULT_TITLE else title
        return (f'<div class="admonition facilitator" data-audience="facilitator">'
                f'<p class="admonition-title">{shown}</p>')
    return _BLOCK.sub(marked, page_html)
