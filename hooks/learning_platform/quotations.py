"""What the language checks read of a Markdown page: the words the page says
in its own voice.

Left out, blanked to spaces of the same length (so every finding keeps its
line and column):

- code: fenced blocks and `inline code`;
- the address of a link or an image, `[text](address)` (the text stays);
- HTML comments;
- a **quotation from a source**: a blockquote whose last paragraph starts with
  an em dash and names the source,

      > The words exactly as the source has them.
      >
      > — *Title of the source*, where in it

Nothing else is a quotation. Text between quotation marks („...“, "...",
«...») is checked like any other text, and so is a blockquote without its
source line: a name or a phrase that the rules would flag but that is right
where it stands (an institution's official name) is listed in the rule's
`names:` instead (data/terminology/README.md).
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>")
# The source line: the quotation's last paragraph opens with an em dash (or a
# horizontal bar), after the ">" and optional spaces.
_SOURCE_LINE = re.compile(r"^\s{0,3}>\s*[—―]\s*\S")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_LINK_ADDRESS = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def blank(text: str) -> str:
    """Spaces for every character but line breaks."""
    return re.sub(r"[^\n]", " ", text)


def own_words(text: str) -> str:
    """The page's text with code, link addresses, comments and quotations from
    a source blanked: what the language checks read."""
    lines = text.split("\n")
    in_code = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
            lines[index] = blank(line)
        elif in_code:
            lines[index] = blank(line)
    for start, end in quotations_from_a_source(lines):
        for index in range(start, end):
            lines[index] = blank(lines[index])
    text = "\n".join(lines)
    text = _COMMENT.sub(lambda match: blank(match.group(0)), text)
    text = _INLINE_CODE.sub(lambda match: blank(match.group(0)), text)
    return _LINK_ADDRESS.sub(lambda match: blank(match.group(0)), text)


def quotations_from_a_source(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, line after the last) of each blockquote that ends with its source line."""
    found, index = [], 0
    while index < len(lines):
        if not _BLOCKQUOTE.match(lines[index]):
            index += 1
            continue
        start = index
        while index < len(lines) and _BLOCKQUOTE.match(lines[index]):
            index += 1
        if _ends_with_source(lines[start:index]):
            found.append((start, index))
    return found


def _ends_with_source(block: list[str]) -> bool:
    """The blockquote's last paragraph starts with the source line."""
    paragraph_start = 0
    for offset, line in enumerate(block):
        if not line.strip().lstrip(">").strip():
            paragraph_start = offset + 1
    return paragraph_start < len(block) and bool(_SOURCE_LINE.match(block[paragraph_start]))
