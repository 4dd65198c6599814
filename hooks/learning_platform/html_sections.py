"""A page's converted text cut into its sections, at its own headings.

The side-by-side view (compare.py) pairs the English and the translated
text section by section, and the correction links (corrections.py) go at the
end of each section of a translated page: both need the sections of HTML that
Python-Markdown wrote, cut only at headings that stand at the top level of
the text (a heading inside a facilitator's block or an admonition belongs to
the section around it, and cutting there would break the HTML apart)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that never have an end tag: they open no level of nesting.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
_BLOCK_TAGS = re.compile(r"</?(?:p|li|ul|ol|dl|dt|dd|h[1-6]|div|br|hr|tr|td|th|table|thead|tbody|tfoot|caption"
                         r"|blockquote|details|summary|section|figure|figcaption|pre|fieldset|legend)\b[^>]*>")
_TAGS = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_ID = re.compile(r'\bid="([^"]*)"')


@dataclass(frozen=True)
class Section:
    """One section of a page's text: its heading (none for the text before the first) and its HTML."""

    level: int  # 2 or 3; 0 for the text before the first heading
    anchor: str  # the heading's id ("" for the text before the first heading)
    heading: str  # the heading as readers see it, without its permalink sign
    html: str  # the heading and everything up to the next section, as written


class _TopLevelHeadings(HTMLParser):
    """The offsets and levels of the headings that stand at the top level of a text."""

    def __init__(self, levels: frozenset[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.levels = {f"h{level}": level for level in levels}
        self.depth = 0
        self.found: list[tuple[tuple[int, int], int]] = []  # ((line, column), level)

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.depth == 0 and tag in self.levels:
            self.found.append((self.getpos(), self.levels[tag]))
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.depth > 0:
            self.depth -= 1


def heading_offsets(text: str, levels: tuple[int, ...] = (2,)) -> list[tuple[int, int]]:
    """(offset in `text`, level) of each top-level heading of those levels, in order."""
    if not any(f"<h{level}" in text for level in levels):
        return []
    parser = _TopLevelHeadings(frozenset(levels))
    parser.feed(text)
    parser.close()
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return [(line_starts[line - 1] + column, level) for (line, column), level in parser.found]


def split_sections(text: str, levels: tuple[int, ...] = (2,)) -> list[Section]:
    """The text before its first heading (if any), then one section per top-level heading."""
    offsets = heading_offsets(text, levels)
    sections: list[Section] = []
    intro = text[:offsets[0][0]] if offsets else text
    if intro.strip():
        sections.append(Section(0, "", "", intro))
    for index, (start, level) in enumerate(offsets):
        end = offsets[index + 1][0] if index + 1 < len(offsets) else len(text)
        chunk = text[start:end]
        head = chunk[:chunk.find(">") + 1]
        anchor = _ID.search(head)
        sections.append(Section(level, anchor.group(1) if anchor else "", heading_text(chunk), chunk))
    return sections


def heading_text(section_html: str) -> str:
    """The words of the heading a section starts with."""
    close = re.search(r"</h[1-6]>", section_html)
    return plain_text(_HEADERLINK.sub("", section_html[:close.start()] if close else section_html))


def plain_text(fragment: str) -> str:
    """What a reader reads in an HTML fragment: no tags, entities resolved, spaces as one."""
    return " ".join(html.unescape(_TAGS.sub("", _BLOCK_TAGS.sub(" ", fragment))).split())


def body_text(section_html: str) -> str:
    """The words of a section after its heading."""
    close = re.search(r"</h[1-6]>", section_html)
    rest = section_html[close.end():] if close and section_html.lstrip().startswith("<h") else section_html
    return plain_text(_HEADERLINK.sub("", rest))
