"""No page runs script in a reader's browser: one test per construct.

`scan_markdown_source` must refuse each construct naming the file, the line and
what to write instead; `scan_html` must catch it again in the HTML a page became;
front matter values are checked through `load_library`; and a few real builds
show the refusal reaches `mkdocs build`. Negative controls make sure code shown
as code, and ordinary prose, are left alone.
"""
from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from conftest import build
from helpers import PRACTICE  # the valid practice: tests/helpers.py gives its line numbers
from learning_platform.errors import ContentError, ContentErrors
from learning_platform.loading import load_library
from learning_platform.safety import scan_html, scan_markdown_source

PATH = "practices/x.md"
FRONT_MATTER = "---\ntitle: Test page\n---\n\n"  # the body starts at line 5
BODY_LINE = 5

LINK_ADVICE = "write [text](https://...)"
EVENT_ADVICE = "Remove the event attribute"
SCRIPT_ADVICE = "Remove the <script> element"
EMBED_ADVICE = "link to the"
DATA_ADVICE = "![description](../assets/images/diagram.png)"


# -- helpers ------------------------------------------------------------------------


def page(body: str) -> str:
    return FRONT_MATTER + body


def refusal(body: str, *lines: int) -> str:
    """The message refusing `body`; it must name the file and the line (any of `lines`)."""
    lines = lines or (BODY_LINE,)
    errors = scan_markdown_source(PATH, page(body))
    assert errors, f"nothing refused in:\n{body}"
    messages = [str(error) for error in errors]
    named = [message for message in messages
             if any(message.startswith(f"docs/{PATH}, line {line},") for line in lines)]
    assert named, f"no error names docs/{PATH}, line {lines}:\n" + "\n".join(messages)
    return named[0]


def assert_says(message: str, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from:\n{message}"


def assert_not_flagged(body: str) -> None:
    errors = scan_markdown_source(PATH, page(body))
    assert errors == [], "\n".join(map(str, errors))


def to_html(text: str) -> str:
    """The site's Markdown conversion, for the extensions that matter here."""
    return markdown.markdown(
        text, extensions=["attr_list", "md_in_html", "pymdownx.superfences", "footnotes"]
    )


def refused_front_matter(docs: Path, text: str) -> list[ContentError]:
    (docs / PATH).write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_library(docs)
    return caught.value.errors


def about(errors: list[ContentError], field: str, line: int) -> str:
    found = [str(error) for error in errors if error.field == field and error.line == line]
    assert found, f"no error about {field!r} at line {line}:\n" + "\n".join(map(str, errors))
    return found[0]


# -- raw HTML elements --------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<script src=x></script>",
    "<script\n>alert(1)</script>",
    "<script\nsrc=x></script>",
], ids=["lower-case", "upper-case", "with-src", "split-after-name", "split-before-attribute"])
def test_raw_script_element_is_refused(body: str) -> None:
    assert_says(refusal(body), "<script> is not allowed", SCRIPT_ADVICE)


@pytest.mark.parametrize("body, element", [
    ("<iframe src=https://example.org></iframe>", "iframe"),
    ("<object data=file.pdf></object>", "object"),
    ("<embed src=file.swf>", "embed"),
])
def test_embedding_element_is_refused(body: str, element: str) -> None:
    assert_says(refusal(body), f"<{element}> is not allowed", EMBED_ADVICE, "[title](https://...)")


# -- event attributes ---------------------------------------------------------------------


@pytest.mark.parametrize("body, attribute", [
    ("<img src=x onerror=alert(1)>", "onerror"),
    ('<a onclick="alert(1)">text</a>', "onclick"),
])
def test_event_attribute_on_html_element_is_refused(body: str, attribute: str) -> None:
    assert_says(refusal(body), f"the event attribute '{attribute}' is not allowed", EVENT_ADVICE,
                LINK_ADVICE)


@pytest.mark.parametrize("body, attribute", [
    ('[x](https://example.org){ onclick="alert(1)" }', "onclick"),
    ('## A heading {: onmouseover="alert(1)" }', "onmouseover"),
], ids=["on-a-link", "on-a-heading"])
def test_event_attribute_in_attr_list_is_refused(body: str, attribute: str) -> None:
    assert_says(refusal(body), f"the event attribute '{attribute}' is not allowed", EVENT_ADVICE)


def test_event_attribute_right_after_a_quoted_value_is_refused() -> None:
    body = '<div title="x"onclick="alert(1)">text</div>'
    assert_says(refusal(body), "the event attribute 'onclick' is not allowed", EVENT_ADVICE)
    assert scan_html(to_html(page(body)))


# -- script-running addresses ---------------------------------------------------------------


@pytest.mark.parametrize("body", [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#115;cript:alert(1))",
    "[x]( javascript:alert(1))",
], ids=["plain", "mixed-case", "character-reference", "leading-space"])
def test_javascript_link_is_refused(body: str) -> None:
    assert_says(refusal(body), "a 'javascript:' link is not allowed", LINK_ADVICE)


def test_javascript_reference_definition_is_refused() -> None:
    message = refusal("See [the form][r].\n\n[r]: javascript:alert(1)", BODY_LINE + 2)
    assert_says(message, "a 'javascript:' link is not allowed", LINK_ADVICE)


def test_data_image_is_refused() -> None:
    assert_says(refusal("![i](data:image/png;base64,AAAA)"), "a 'data:' link is not allowed",
                DATA_ADVICE)


def test_javascript_href_in_html_is_refused() -> None:
    assert_says(refusal('<a href="javascript:alert(1)">text</a>'),
                "a 'javascript:' address is not allowed", LINK_ADVICE)


# -- front matter values ---------------------------------------------------------------------


def test_script_in_front_matter_title_is_refused(docs_copy: Path) -> None:
    errors = refused_front_matter(docs_copy, PRACTICE.replace(
        "title: Test practice", "title: Test <script>alert(1)</script>"))
    assert_says(about(errors, "title", 2), f"docs/{PATH}, line 2", SCRIPT_ADVICE)


def test_javascript_source_url_is_refused(docs_copy: Path) -> None:
    errors = refused_front_matter(docs_copy, PRACTICE.replace(
        "https://publications.iom.int/books/return-counselling-toolkit", "javascript:alert(1)"))
    message = about(errors, "sources[1].url", 8)
    assert_says(message, f"docs/{PATH}, line 8", "javascript:alert(1)", LINK_ADVICE)


def test_yaml_escaped_script_in_summary_is_refused(docs_copy: Path) -> None:
    errors = refused_front_matter(docs_copy, PRACTICE.replace(
        "summary: A short summary of the practice.",
        'summary: "Text \\x3cscript\\x3ealert(1)\\x3c/script\\x3e"'))
    message = about(errors, "summary", 3)
    assert_says(message, f"docs/{PATH}, line 3", "<script>", "would run script", SCRIPT_ADVICE)


def test_yaml_escaped_javascript_link_in_title_is_refused(docs_copy: Path) -> None:
    errors = refused_front_matter(docs_copy, PRACTICE.replace(
        "title: Test practice",
        'title: "Test \\x3ca href=\\"javascript:alert(1)\\"\\x3elink\\x3c/a\\x3e"'))
    assert_says(about(errors, "title", 2), f"docs/{PATH}, line 2", LINK_ADVICE)


# -- negative controls: code shown as code, and ordinary prose --------------------------------


def test_script_in_fenced_code_block_is_not_flagged() -> None:
    assert_not_flagged("Write no scripts, such as:\n\n```html\n<script>alert(1)</script>\n```\n")


def test_script_in_inline_code_is_not_flagged() -> None:
    assert_not_flagged("Never write `<script>alert(1)</script>` in a page.\n")


def test_script_in_indented_code_block_is_not_flagged() -> None:
    assert_not_flagged("Write no scripts, such as:\n\n    <script>alert(1)</script>\n")


def test_data_colon_in_prose_is_not_flagged() -> None:
    assert_not_flagged("The monitoring data: 5 cases in the first quarter.\n")


def test_https_link_is_not_flagged() -> None:
    assert_not_flagged("See [the toolkit](https://publications.iom.int/books/return-counselling-toolkit).\n")


def test_on_word_with_equals_in_prose_is_not_flagged() -> None:
    assert_not_flagged("On the one hand = cost; on the other hand = time.\n")


# -- constructs the source check misses but the HTML check catches ------------------------------

MISSED_BY_SOURCE_SCAN = [
    pytest.param("A stray ` backtick.\n\n<script>alert(1)</script>\n\nAnother ` one.\n", (7,),
                 id="script-between-stray-backticks"),
    pytest.param("```\nnever closed\n\n<script>alert(1)</script>\n", (8,),
                 id="script-after-unclosed-fence"),
    pytest.param("See [the form][r].\n\n[r]:\n    javascript:alert(1)\n", (7, 8),
                 id="reference-address-on-next-line"),
    pytest.param("[x](java\tscript:alert(1))\n", (5,), id="tab-inside-scheme"),
]


@pytest.mark.parametrize("body, lines", MISSED_BY_SOURCE_SCAN)
def test_hidden_construct_is_caught_in_the_html(body: str, lines: tuple[int, ...]) -> None:
    assert scan_html(to_html(page(body)))


@pytest.mark.parametrize("body, lines", MISSED_BY_SOURCE_SCAN)
def test_hidden_construct_is_named_with_its_line(body: str, lines: tuple[int, ...]) -> None:
    refusal(body, *lines)


# -- scan_html ------------------------------------------------------------------------------


@pytest.mark.parametrize("html, says", [
    ('<p><a href="javascript:x">text</a></p>', "'javascript:' address in href= on <a>"),
    ('<p><img src="x" onerror="alert(1)"></p>', "onerror= attribute on <img>"),
    ("<script>alert(1)</script>", "<script> element"),
], ids=["javascript-href", "img-onerror", "script"])
def test_scan_html_flags_script(html: str, says: str) -> None:
    problems = scan_html(html)
    assert len(problems) == 1 and says in problems[0], problems


def test_scan_html_ignores_escaped_script_in_code_block() -> None:
    html = to_html("Never write:\n\n```\n<script>alert(1)</script>\n```\n")
    assert "&lt;script&gt;" in html
    assert scan_html(html) == []


# -- the build refuses them too -----------------------------------------------------------------


def _build_with_text(project: Path, body: str) -> str:
    (project / "docs" / PATH).write_text(PRACTICE + "\n" + body, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0, "the build succeeded"
    return result.stdout + result.stderr


def test_build_refuses_javascript_link_naming_file_and_line(project: Path) -> None:
    output = _build_with_text(project, "[the form](javascript:alert(1))\n")
    assert_says(output, f"docs/{PATH}, line 14", "a 'javascript:' link is not allowed")


def test_build_refuses_attr_list_event_naming_file_and_line(project: Path) -> None:
    output = _build_with_text(project, '[the form](https://example.org){ onclick="alert(1)" }\n')
    assert_says(output, f"docs/{PATH}, line 14", "the event attribute 'onclick' is not allowed")


def test_html_check_stops_what_the_source_check_missed(project: Path, monkeypatch, caplog) -> None:
    """Defence in depth: with the source check blinded, the built HTML is still refused."""
    import learning_platform.loading
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    monkeypatch.setattr(learning_platform.loading, "scan_markdown_source", lambda path, text: [])
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    (project / "docs" / PATH).write_text(PRACTICE + "\n<img src=x onerror=alert(1)>\n", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises((PluginError, Abort)) as caught:
        mkdocs_build(config)
    output = str(caught.value) + caplog.text
    assert_says(output, "would run script", f"docs/{PATH}", "onerror= attribute on <img>")


# -- styles that restyle the site or load from elsewhere -------------------------------------

STYLE_PAYLOADS = {
    "style-import": '<style>@import url("https://tracker.example/x.css");</style>',
    "style-url": "<style>body { background: url(https://tracker.example/pixel.gif); }</style>",
    "style-attribute": '<p style="background-image: url(https://tracker.example/pixel.gif)">Text</p>',
}


@pytest.mark.parametrize("payload", STYLE_PAYLOADS, ids=list(STYLE_PAYLOADS))
def test_style_payload_in_the_text_is_refused_naming_the_line(payload: str) -> None:
    message = refusal(STYLE_PAYLOADS[payload])
    assert_says(message, f"docs/{PATH}, line {BODY_LINE},")
    if payload == "style-attribute":
        assert_says(message, "a style attribute that loads from elsewhere is not allowed", "![description](../assets/images/image.png)")
    else:
        assert_says(message, "<style> is not allowed", "write **bold**")


@pytest.mark.parametrize("payload", ["style-import", "style-url"])
def test_css_that_loads_from_elsewhere_is_named_as_such(payload: str) -> None:
    errors = scan_markdown_source(PATH, page(STYLE_PAYLOADS[payload]))
    assert any(error.problem == "CSS that loads from elsewhere is not allowed" for error in errors)


@pytest.mark.parametrize("payload", STYLE_PAYLOADS, ids=list(STYLE_PAYLOADS))
def test_style_payload_in_front_matter_is_refused(docs_copy: Path, payload: str) -> None:
    value = STYLE_PAYLOADS[payload].replace('"', "'")
    errors = refused_front_matter(docs_copy, PRACTICE.replace("summary: A short summary of the practice.",
                                                               f'summary: "{value}"'))
    messages = [str(error) for error in errors if error.field == "summary" and error.line == 3]
    assert any("restyle the page or load from elsewhere" in message for message in messages), messages
    advice = "![description](../assets/images/image.png)" if payload == "style-attribute" else "write **bold**"
    assert any(advice in message for message in messages), messages


def test_plain_style_attribute_is_refused_because_the_policy_blocks_it() -> None:
    assert_says(refusal('<span style="color: red">warning</span>'), "style attributes are not allowed",
                "security policy blocks styles")


def test_style_attribute_in_an_attribute_list_is_refused() -> None:
    assert_says(refusal("A paragraph.\n{: style=\"color: red\" }", BODY_LINE, BODY_LINE + 1),
                "style attributes are not allowed")


@pytest.mark.parametrize("element", ["font", "marquee", "center"])
def test_element_outside_the_allowlist_is_refused_listing_what_is_allowed(element: str) -> None:
    assert_says(refusal(f"<{element}>x</{element}>"), f"<{element}> is not an element pages may use",
                "Pages may use these HTML elements: a, abbr")


def test_allowed_html_passes() -> None:
    assert_not_flagged('<div class="grid cards" markdown>\n\n- **Practices**\n\n</div>\n\n'
                       '<details><summary>More</summary>Text <abbr title="x">X</abbr></details>')


@pytest.mark.parametrize("payload", STYLE_PAYLOADS, ids=list(STYLE_PAYLOADS))
def test_scan_html_catches_style_payloads(payload: str) -> None:
    assert scan_html(STYLE_PAYLOADS[payload])


def test_build_refuses_a_style_import_naming_file_and_line(project: Path) -> None:
    (project / "docs" / PATH).write_text(PRACTICE + "\n" + STYLE_PAYLOADS["style-import"] + "\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert_says(result.stderr, f"docs/{PATH}, line 14", "<style> is not allowed")
