"""Refuse content that would run script, restyle the site or load anything
from elsewhere in a reader's browser.

The HTML a page may use is an allowlist, here and only here
(`ALLOWED_ELEMENTS`, `ALLOWED_ATTRIBUTES`; CONTRIBUTING.md lists them):
ordinary text, lists, tables, links, images, quotations and the few
structural elements Markdown extensions need. Anything else, `<style>`,
`style=` and CSS that loads from elsewhere (`@import`, `url(`) included, is
refused with what to write instead.

Python-Markdown passes raw HTML, `{ onclick=... }` attribute lists and
`javascript:` links through unchanged, so every page is checked twice:

- `scan_markdown_source` reads the file a contributor wrote (front matter and
  text, code blocks excepted) and names the line, with what to write instead;
- `scan_html` reads the HTML a page turned into, so nothing written in a way the
  first check did not foresee reaches a reader.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any, Iterator

from .errors import ContentError
from .frontmatter import field_at, front_matter_end

# Elements that run script or load another document; none is needed on this site.
FORBIDDEN_ELEMENTS = {
    "script": "Remove the <script> element: pages on this site never run code "
              "(to show code as an example, put it between two ``` lines).",
    "iframe": "Embedded frames are not allowed: link to the page instead, [title](https://...).",
    "frame": "Frames are not allowed: link to the page instead, [title](https://...).",
    "frameset": "Frames are not allowed: link to the page instead, [title](https://...).",
    "object": "Embedded objects are not allowed: link to the file instead, [title](https://...).",
    "embed": "Embedded objects are not allowed: link to the file instead, [title](https://...).",
    "applet": "Applets are not allowed: link to the file instead, [title](https://...).",
    "base": "The <base> element changes where every link goes and is not allowed: remove it.",
    "meta": "A <meta> element in a page can redirect readers and is not allowed: remove it.",
}
STYLE_ADVICE = ("Pages use the site's own styles, and the site's security policy blocks styles "
                "written in a page: remove it. To stress words write **bold**; for a box write "
                "!!! note \"Title\" on a line of its own, the text indented below.")
CSS_LOAD_ADVICE = ("CSS in a page may not load anything (@import, url(...)): it could track readers "
                   "or change the site. Upload an image to docs/assets/images/ and write "
                   "![description](../assets/images/image.png).")
FORBIDDEN_ELEMENTS.update({
    "style": "<style> elements are not allowed. " + STYLE_ADVICE,
    "link": "A <link> element loads a file from elsewhere and is not allowed: link to it instead, "
            "[title](https://...).",
    "form": "Forms are not allowed: pages on this site collect nothing from readers. Link to the form instead.",
    "input": "Form fields are not allowed. For a checklist write - [ ] item.",
    "button": "Buttons are not allowed: write a link, [text](https://...).",
    "textarea": "Form fields are not allowed: pages on this site collect nothing from readers.",
    "select": "Form fields are not allowed: pages on this site collect nothing from readers.",
    "svg": "Inline SVG is not allowed (it can carry script): upload the drawing as a file to docs/assets/images/ "
           "and write ![description](../assets/images/drawing.svg).",
    "math": "Inline MathML is not allowed: write the formula as text or as an image.",
    "video": "Embedded video is not allowed: link to it, [title](https://...).",
    "audio": "Embedded audio is not allowed: link to it, [title](https://...).",
    "source": "Embedded media are not allowed: link to the file, [title](https://...).",
    "template": "<template> is not allowed: write the content itself.",
    "portal": "Embedded pages are not allowed: link to the page instead, [title](https://...).",
})
# The only HTML a contributor may write by hand. Everything Markdown writes is
# made of these too (task-list checkboxes excepted, which Markdown itself makes).
ALLOWED_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = frozenset({
    "href", "src", "alt", "title", "id", "class", "lang", "dir", "hreflang", "colspan", "rowspan",
    "scope", "headers", "open", "width", "height", "datetime", "cite", "start", "reversed", "type",
    "markdown", "name", "loading", "align", "abbr",
})
_CSS_LOAD = re.compile(r"@import|url\s*\(|expression\s*\(|behavior\s*:|-moz-binding", re.IGNORECASE)

URL_ATTRIBUTES = (
    "href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster",
    "background", "lowsrc", "dynsrc", "cite", "longdesc", "ping", "srcset", "content",
)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
SCHEME_ADVICE = {
    "javascript:": "Links must lead to a web page: write [text](https://...).",
    "vbscript:": "Links must lead to a web page: write [text](https://...).",
    "data:": "Upload the file to docs/assets/images/ and link to it: ![description](../assets/images/diagram.png).",
}
EVENT_ADVICE = (
    "Remove the event attribute: pages on this site never run code; "
    "a link needs none: write [text](https://...)."
)

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# A code span never crosses a blank line (CommonMark), so a stray backtick cannot hide a paragraph.
# (``*), not (`+): a pattern that begins with a backtick lets the engine skip ahead to one.
_CODE_SPAN = re.compile(r"(``*)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1", re.DOTALL)
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]")
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][\w:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
_OPEN_TAG_NAME = re.compile(r"<\s*([a-zA-Z][\w:-]*)")
_ATTRIBUTE = re.compile(
    # Browsers read an attribute straight after a quoted value (title="x"onclick=...), so a
    # quote counts as a separator; the lookbehind does not consume it.
    r"""(?:^|(?<=[\s"'/;{]))([^\s"'<>/=;{}]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'<>{}]+)""", re.DOTALL
)
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")
_EVENT_NAME = re.compile(r"^on[a-z]+$", re.IGNORECASE)
_MARKDOWN_URL = re.compile(
    # Browsers drop tabs and line breaks inside an address, so they are read as part of it.
    r"\]\(\s*<?(?P<inline>[^)\n>]*)"  # [text](url) and ![alt](url)
    r"|^[ \t]{0,3}\[[^\]]+\]:[ \t]*\n?[ \t]*<?(?P<reference>\S+?)>?(?:\s|$)"  # [id]: url
    r"|<(?P<autolink>[a-zA-Z][\w+.-]*:[^\s<>]*)>",  # <scheme:...>
    re.MULTILINE,
)
_FRONT_MATTER_NOTE = re.compile(r"(^|[ \t])#.*$")
_MAY_RUN = re.compile(r"[<{\[\]:]")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")


# -- shared predicates ----------------------------------------------------------


def dangerous_scheme(url: str) -> str | None:
    """The script-running scheme `url` starts with, as a browser would read it."""
    cleaned = _INVISIBLE.sub("", html.unescape(html.unescape(url))).lower()
    for scheme in DANGEROUS_SCHEMES:
        if cleaned.startswith(scheme):
            return scheme
    return None


def dangerous_text(value: str) -> str | None:
    """Why a front matter text would run script when shown on a page, or None.

    Themes print titles and summaries without escaping them, so a value is read
    the way a browser would read it: every construct the page text may not
    contain is refused here too.
    """
    if "&" not in value and not _MAY_RUN.search(value):
        # Every construct _findings reports holds one of < { [ ], and a scheme a colon; without
        # "&" no character reference can make one: most titles and summaries end here.
        return None
    unescaped = html.unescape(value)
    for _position, _snippet, _problem, advice in _findings(unescaped):
        return advice
    scheme = dangerous_scheme(value.strip())
    return SCHEME_ADVICE[scheme] if scheme else None


# -- the Markdown source ----------------------------------------------------------


def scan_markdown_source(path: str, text: str) -> list[ContentError]:
    """Every script-carrying construct in a page's source, with its line."""
    text = text.replace("\r\n", "\n")
    masked = mask_code(text)
    matter_end = front_matter_end(text)
    errors: dict[tuple[int, str], ContentError] = {}

    def report(position: int, snippet: str, problem: str, advice: str) -> None:
        line = text.count("\n", 0, position) + 1
        field = field_at(text, line) if line <= matter_end else "text"
        key = (line, problem)
        if key not in errors:
            errors[key] = ContentError(path, line, field, _short(snippet), problem, advice=advice)

    # A note after # in the front matter is never shown to anyone (its values are checked as values).
    lines = masked.split("\n")
    for index in range(1, max(0, matter_end - 1)):
        if "#" in lines[index]:  # most lines have none: no pattern to run
            lines[index] = _FRONT_MATTER_NOTE.sub(lambda match: match.group(1), lines[index])
    masked = "\n".join(lines)
    for position, snippet, problem, advice in _findings(masked):
        report(position, snippet, problem, advice)
    return list(errors.values())


def _findings(text: str) -> Iterator[tuple[int, str, str, str]]:
    for match in _TAG.finditer(text):
        name = match.group(1).lower()
        closing = match.group(0).lstrip("< \t").startswith("/")
        if name in FORBIDDEN_ELEMENTS and not closing:
            yield match.start(), match.group(0), f"<{name}> is not allowed", FORBIDDEN_ELEMENTS[name]
        elif name not in ALLOWED_ELEMENTS and not closing and not name.startswith(("http", "mailto")):
            yield (match.start(), match.group(0), f"<{name}> is not an element pages may use",
                   "Pages may use these HTML elements: " + ", ".join(sorted(ALLOWED_ELEMENTS))
                   + ". Most pages need none: write Markdown.")
        yield from _attribute_findings(match.group(2), match.start(2), allowlist=True)
    for match in _ATTR_LIST.finditer(text):
        yield from _attribute_findings(match.group(1), match.start(1), allowlist=True)
    for match in _MARKDOWN_URL.finditer(text):
        url = match.group("inline") or match.group("reference") or match.group("autolink") or ""
        scheme = dangerous_scheme(url)
        if scheme:
            yield match.start(), match.group(0), f"a '{scheme}' link is not allowed", SCHEME_ADVICE[scheme]
    # CSS that loads from elsewhere, wherever it stands (a <style> block's content).
    for match in re.finditer(r"<\s*style\b[^>]*>(?P<css>.*?)(?:<\s*/\s*style\s*>|$)", text, re.I | re.S):
        load = _CSS_LOAD.search(match.group("css"))
        if load:
            yield (match.start("css") + load.start(), load.group(0), "CSS that loads from elsewhere is not allowed",
                   CSS_LOAD_ADVICE)
    # A tag name the tag pattern cannot close (e.g. "<script" at the end of a line).
    for match in _OPEN_TAG_NAME.finditer(text):
        name = match.group(1).lower()
        if name in FORBIDDEN_ELEMENTS:
            yield match.start(), match.group(0), f"<{name}> is not allowed", FORBIDDEN_ELEMENTS[name]


def _attribute_findings(attributes: str, offset: int, allowlist: bool = False) -> Iterator[tuple[int, str, str, str]]:
    for match in _ATTRIBUTE.finditer(attributes):
        name, value = match.group(1), match.group(2)
        position = offset + match.start(1)
        if _EVENT_NAME.match(name):
            yield position, f"{name}={value}", f"the event attribute '{name}' is not allowed", EVENT_ADVICE
        elif name.lower() == "style":
            if _CSS_LOAD.search(html.unescape(value)):
                yield position, f"{name}={value}", "a style attribute that loads from elsewhere is not allowed", CSS_LOAD_ADVICE
            else:
                yield position, f"{name}={value}", "style attributes are not allowed", STYLE_ADVICE
        elif allowlist and name.lower() not in ALLOWED_ATTRIBUTES and not name.lower().startswith(("data-", "aria-")):
            yield (position, f"{name}={value}", f"the attribute '{name}' is not one pages may use",
                   "Pages may use these attributes: " + ", ".join(sorted(ALLOWED_ATTRIBUTES)) + ".")
        elif name.lower() in URL_ATTRIBUTES:
            scheme = dangerous_scheme(value.strip("\"'"))
            if scheme:
                yield position, f"{name}={value}", f"a '{scheme}' address is not allowed", SCHEME_ADVICE[scheme]


@lru_cache(maxsize=8192)
def mask_code(text: str) -> str:
    """Blank out code (fenced, indented, spans), keeping line numbers.

    Code is shown to readers as text, never run, so it may contain anything. A
    fence that is never closed is not code: Markdown shows it as ordinary text.
    """
    original = text.split("\n")
    lines = list(original)
    fence: str | None = None
    opened = 0
    for index, line in enumerate(original):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, opened = match.group(1)[0] * len(match.group(1)), index
        elif fence is not None and line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
            lines[opened:index + 1] = [""] * (index + 1 - opened)
            fence = None
    in_list = False
    previous_blank = True
    in_code = False
    for index, line in enumerate(lines):
        blank = not line.strip()
        if _INDENTED.match(line) and not blank:
            in_code = in_code or (previous_blank and not in_list)
            if in_code:
                lines[index] = ""
        elif not blank:
            in_code = False
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and not previous_blank)
        previous_blank = blank
    masked = "\n".join(lines)
    return _CODE_SPAN.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), masked)


def _short(snippet: str) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= 80 else snippet[:77] + "..."


# -- the HTML a page became ------------------------------------------------------


# Control characters and whitespace, which a browser ignores inside an address.
# (A regular expression: str.translate takes three times as long on a page
# with Cyrillic text.)
_STRIP = re.compile(r"[\x00-\x20\x7f]+")
_SUSPECT_EVENT = re.compile(r"[\s\"'/;]on[a-z]+\s*=")
_SUSPECT_WORDS = (
    "<script", "<iframe", "<frame", "<object", "<embed", "<applet", "<base", "<meta",
    "script:", "data:", "&#", "&colon;", "&tab;", "&newline;", "<style", "style=", "<link", "<form",
    "<svg", "<math", "<video", "<audio", "<portal", "<template", "<button", "<textarea", "<select",
)


def might_run_script(html_text: str) -> bool:
    """A fast test that is true for every page `scan_html` would refuse (and for a few more).

    Tags are lower-cased and whitespace removed, as a browser ignores them in an
    address; encoded characters send the page to the full check.
    """
    lowered = html_text.lower()
    squeezed = _STRIP.sub("", lowered)
    return any(word in squeezed for word in _SUSPECT_WORDS) or bool(_SUSPECT_EVENT.search(lowered))


def scan_html(html_text: str) -> list[str]:
    """Descriptions of every script-carrying element or attribute in `html_text`."""
    if not might_run_script(html_text):
        return []
    problems = []
    for match in _TAG.finditer(html_text):
        if match.group(0).lstrip("< \t").startswith("/"):
            continue
        name = match.group(1).lower()
        if name in FORBIDDEN_ELEMENTS and not _task_checkbox(name, match.group(2)):
            problems.append(f"<{name}> element: {FORBIDDEN_ELEMENTS[name]}")
        for attribute in _ATTRIBUTE.finditer(match.group(2)):
            attribute_name, value = attribute.group(1), attribute.group(2).strip("\"'")
            if _EVENT_NAME.match(attribute_name):
                problems.append(f"{attribute_name}= attribute on <{name}>: {EVENT_ADVICE}")
            elif attribute_name.lower() == "style":
                problems.append(f"style= attribute on <{name}>: {CSS_LOAD_ADVICE if _CSS_LOAD.search(value) else STYLE_ADVICE}")
            elif attribute_name.lower() in URL_ATTRIBUTES:
                scheme = dangerous_scheme(value)
                if scheme:
                    problems.append(
                        f"'{scheme}' address in {attribute_name}= on <{name}>: {SCHEME_ADVICE[scheme]}"
                    )
    return problems


def _task_checkbox(name: str, attributes: str) -> bool:
    """The disabled checkbox pymdownx.tasklist writes for `- [ ] item` (Markdown's own, never a form)."""
    return name == "input" and 'type="checkbox"' in attributes and "disabled" in attributes


def scan_values(path: str, front_matter_text: str, values: Any, field: str = "") -> list[ContentError]:
    """Front matter values (after YAML unescaping) that would run script."""
    from .frontmatter import field_line

    errors = []
    if isinstance(values, dict):
        for key, value in values.items():
            errors.extend(scan_values(path, front_matter_text, value, f"{field}.{key}" if field else str(key)))
    elif isinstance(values, list):
        for index, value in enumerate(values):
            errors.extend(scan_values(path, front_matter_text, value, f"{field}[{index + 1}]"))
    elif isinstance(values, str):
        advice = dangerous_text(values)
        if advice:
            top = field.split(".")[0].split("[")[0]
            errors.append(
                ContentError(
                    path, field_line(front_matter_text, top, values) or field_line(front_matter_text, top),
                    field, _short(values),
                    "this value would run script, restyle the page or load from elsewhere in a reader's browser",
                    advice=advice,
                )
            )
    return errors
