"""The English text an untranslated copy reuses, and the translated text a
generated page reads: a page's own text, cut out of its converted HTML.

A page is its own text with generated parts around it (banner, facts, lists,
sources), all converted in one pass: MkDocs turns a page's whole Markdown into
HTML at once (`Page.render`), and no public event sees the HTML of a part of
a page. So on_page_markdown puts a paragraph of one made-up word before and
after the page's own text, and on_page_content finds them in the HTML, keeps
what lies between and takes them out. Converting the text on its own instead
would give other anchors (heading ids are made unique across the whole page)
and another table of contents than the page's, and would convert it twice.
The words are made up so that no page says them (a paragraph holding only
`zzbodystartzz`).

An untranslated copy (a page with no translation in the language being
built) is not converted again: its Markdown carries one mark, and its HTML
takes the English page's converted text there, with the English page's
headings in its table of contents. Converting the same Markdown five more
times was most of what a build spent on pages nobody has translated yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from mkdocs.structure.toc import TableOfContents

from learning_platform.context import PageText
from learning_platform.generated import GeneratedPage
from learning_platform.model import Library
from learning_platform.urls import rebase_links, url_of
from learning_platform.vocabulary import DEFAULT_LANGUAGE

# Paragraphs of one made-up word that mark, in the converted HTML, where the
# page's own text begins and ends, and where an untranslated copy takes the
# English text.
BODY_START, BODY_END, ENGLISH_BODY = "zzbodystartzz", "zzbodyendzz", "zzenglishbodyzz"
# A relative address of a file rather than a page ("../form.pdf"): the same
# text would point elsewhere from another language's folder.
_FILE_LINK = re.compile(r'(?:href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)[^"#?]*\.[A-Za-z0-9]{1,5}(?:[?#][^"]*)?"')


@dataclass(frozen=True)
class EnglishBody:
    html: str
    toc: tuple  # the TOC entries of the page's own text, not of its generated parts
    anchors: frozenset[str]
    title: str | None
    file_links: bool  # links to files that the same text would miss from another language's folder


@dataclass
class Texts:
    """The texts one build keeps (all its languages)."""

    english: dict[str, EnglishBody]  # path -> the English page's own text
    translated: dict[tuple[str, str], str]  # (path, language) -> a translated page's text, for generated pages

    def english_copy(self, path: str) -> EnglishBody | None:
        """The English text an untranslated copy of `path` takes, if it can."""
        english = self.english.get(path)
        return english if english is not None and not english.file_links else None


def marked_body(markdown: str, copy: bool) -> str:
    """The page's own Markdown as on_page_markdown hands it on: one mark where an
    untranslated copy takes the English text (`copy`), else the text between two
    marks (kept for copies and generated pages, given its correction links)."""
    if copy:
        return f"\n\n{ENGLISH_BODY}\n\n"  # the English page's HTML goes here after conversion
    return f"\n\n{BODY_START}\n\n{markdown.rstrip()}\n\n{BODY_END}\n\n"


def _body_bounds(html: str) -> tuple[int, int, int, int] | None:
    start, end = html.find(f"<p>{BODY_START}</p>"), html.find(f"<p>{BODY_END}</p>")
    if start < 0 or end < start:
        return None
    return start, start + len(f"<p>{BODY_START}</p>"), end, end + len(f"<p>{BODY_END}</p>")


def keep_english_body(texts: Texts, path: str, page: Any, html: str) -> str:
    """Remember the English page's own text for its copies; take out the marks."""
    bounds = _body_bounds(html)
    if bounds is None:  # the text ends inside raw HTML that swallowed a mark: no copies
        return html.replace(f"<p>{BODY_START}</p>", "").replace(f"<p>{BODY_END}</p>", "")
    body = html[bounds[1]:bounds[2]]
    toc = tuple(item for item in page.toc if f'id="{item.id}"' in body)
    texts.english[path] = EnglishBody(body, toc, frozenset(page.present_anchor_ids or ()),
                                      getattr(page, "_title_from_render", None), bool(_FILE_LINK.search(body)))
    return html[:bounds[0]] + body + html[bounds[3]:]


def keep_page_text(texts: Texts, path: str, lang: str, html: str, read: bool, suggest: Callable[[str], str]) -> str:
    """A translated page's own text, remembered for the generated pages that read it
    (`read`), then given its correction links (`suggest`). Its marks go with the
    line break each added."""
    bounds = _body_bounds(html)
    if bounds is None:
        return html.replace(f"<p>{BODY_START}</p>\n", "").replace(f"<p>{BODY_END}</p>\n", "")
    body = html[bounds[1]:bounds[2]].removeprefix("\n")
    if read:
        texts.translated[(path, lang)] = body
    return html[:bounds[0]] + suggest(body) + html[bounds[3]:].removeprefix("\n")


def english_body_in_place(texts: Texts, path: str, page: Any, html: str) -> str:
    """An untranslated copy: the English text, marked as English for screen readers."""
    placeholder = f"<p>{ENGLISH_BODY}</p>"
    english = texts.english_copy(path)
    if english is not None and placeholder in html:
        page.toc = TableOfContents(_merge_toc(list(page.toc), list(english.toc)))
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | english.anchors
        if english.title and not getattr(page, "_title_from_render", None):
            page._title_from_render = english.title
        return html.replace(placeholder, f'<div lang="{DEFAULT_LANGUAGE}">{english.html}</div>', 1)
    bounds = _body_bounds(html)
    if bounds is None:
        return f'<div lang="{DEFAULT_LANGUAGE}">{html}</div>'
    return (html[:bounds[0]] + f'<div lang="{DEFAULT_LANGUAGE}">' + html[bounds[1]:bounds[2]]
            + "</div>" + html[bounds[3]:])


def _merge_toc(own: list, english: list) -> list:
    """The copy's generated headings that come before the English text (a module's
    objectives and agenda), then the English text's, then the rest."""
    first = [item for item in own if item.id in ("learning-objectives", "agenda", "materials")]
    rest = [item for item in own if item not in first]
    return first + english + rest


def page_text(texts: Texts, library: Library, declared: GeneratedPage, here: str, lang: str) -> PageText:
    """What ctx.later's functions get: the pages' converted texts, as seen from the page at `here`."""

    def text(path: str, language: str) -> str | None:
        if path not in declared.reads or language not in (lang, DEFAULT_LANGUAGE):
            return None
        english = texts.english.get(path)
        if language == DEFAULT_LANGUAGE:
            return rebase_links(english.html, url_of(path, DEFAULT_LANGUAGE), here) if english else None
        if (path, language) in texts.translated:
            return rebase_links(texts.translated[(path, language)], url_of(path, language), here)
        if english is None or library.translation_state(path, language) != "missing":
            return None
        origin = url_of(path, DEFAULT_LANGUAGE if english.file_links else language)
        return f'<div lang="{DEFAULT_LANGUAGE}">{rebase_links(english.html, origin, here)}</div>'

    return text
