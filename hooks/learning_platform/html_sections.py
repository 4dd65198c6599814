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


# A scan of the tags rather than html.parser (a seventh of its time; the text is
# Python-Markdown's own HTML): a comment, a script or style element whole (its
# text is not markup), or one tag, its attributes' quoted values allowed to hold ">".
_SCAN = re.compile(r"<!--.*?-->|<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
                   r"|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S | re.I)


def heading_offsets(text: str, levels: tuple[int, ...] = (2,)) -> list[tuple[int, int]]:
    """(offset in `text`, level) of each top-level heading of those levels, in order."""
    if not any(f"<h{level}" in text for level in levels):
        return []
    wanted = {f"h{level}": level for level in levels}
    depth, found = 0, []
    for match in _SCAN.finditer(text):
        if match.group(1) is not None or match.group(3) is None:
            continue  # a comment, or a script or style element: it opens and closes no level
        tag = match.group(3).lower()
        if match.group(2):  # an end tag
            if tag not in _VOID and depth > 0:
                depth -= 1
            continue
        if depth == 0 and tag in wanted:
            found.append((match.start(), wanted[tag]))
        if tag not in _VOID and not match.group(4).endswith("/"):
            depth += 1
    return found


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
