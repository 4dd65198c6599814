"""What every renderer works with: the page being built, its words and links,
and the generated HTML held apart from the Markdown.

Renderers return Markdown in which generated tables, lists and panels stand as
placeholders (`Fragments`): only headings go through the Markdown converter
(so they reach the table of contents), the rest is HTML written here and put
in place after conversion. Python-Markdown spends milliseconds on every link
it parses; a practice list of a thousand entries then costs nothing.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence
from urllib.parse import urlencode

from .model import Library, Module, Page
from .repository import Repository
from .urls import PRACTICES_INDEX, relative_url, url_of


# A paragraph of one made-up word, not an HTML comment: raw HTML sends every
# page through md_in_html's HTML parser (a third of a millisecond a page).
# (bare, before conversion, as renderers' own tests see it)
_PLACEHOLDER = re.compile(r"<p>zzgeneratedzz(\d+)zz</p>|zzgeneratedzz(\d+)zz")
esc = html.escape

# The finder's filters as they appear in its address (practices/?action=16&partner=BA).
FINDER_PARAMETERS = {
    "commitment": "commitments", "action": "actions", "partner": "partners",
    "group": "target_groups", "kind": "kind", "gcm": "gcm_objectives",
    "audience": "audience", "stage": "stage",
}


def md(text: str) -> str:
    """Text safe to place inside Markdown (headings included)."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#{}!])", r"\\\1", text)


# What ctx.later gives its function: the converted HTML of a page's own text
# in a language (path, lang), or None (see generated.py).
PageText = Callable[[str, str], Optional[str]]


@dataclass
class Fragments:
    """Generated HTML of one page, held apart from its Markdown."""

    parts: list[str | Callable[[PageText], str]] = field(default_factory=list)

    def add(self, fragment: str) -> str:
        """A placeholder for `fragment`, as a Markdown block of its own."""
        self.parts.append(fragment)
        return f"\n\nzzgeneratedzz{len(self.parts) - 1}zz\n\n"

    def later(self, fill: Callable[[PageText], str]) -> str:
        """A placeholder for HTML made once every page of the language is converted."""
        self.parts.append(fill)
        return f"\n\nzzgeneratedzz{len(self.parts) - 1}zz\n\n"

    @property
    def waiting(self) -> bool:
        """Whether some part is made only once every page is converted."""
        return any(callable(part) for part in self.parts)

    def fill(self, page_html: str) -> str:
        """The page with its fragments in place; those made later stay placeholders."""
        def part(match: re.Match) -> str:
            fragment = self.parts[int(match.group(1) or match.group(2))]
            return match.group(0) if callable(fragment) else fragment

        return _PLACEHOLDER.sub(part, page_html)

    def fill_later(self, page_html: str, text: PageText) -> str:
        """The parts made once every page is converted, in place."""
        def part(match: re.Match) -> str:
            fragment = self.parts[int(match.group(1) or match.group(2))]
            return fragment(text) if callable(fragment) else fragment

        return _PLACEHOLDER.sub(part, page_html)


@dataclass
class Context:
    """Everything a renderer needs about the page being built."""

    library: Library
    lang: str
    page_path: str
    fragments: Fragments = field(default_factory=Fragments)
    base: str = ""  # the site's published address (site_url), for addresses printed on paper; "" when unknown
    repository: Repository | None = None  # where the site's files live (mkdocs.yml repo_url), for links to it

    def __post_init__(self) -> None:
        self.page_url = url_of(self.page_path, self.lang)
        self._hrefs: dict[str, str] = {}

    # words
    def t(self, key: str, **values) -> str:
        return self.library.vocabulary.text(key, self.lang, **values)

    def label(self, vocabulary: str, code) -> str:
        return self.library.vocabulary.label(vocabulary, code, self.lang)

    def title(self, page: Page) -> str:
        return self.library.title(page, self.lang)

    def summary(self, page: Page) -> str:
        return self.library.summary(page, self.lang)

    def duration(self, module: Module) -> str:
        count, unit = module.duration
        key = f"duration.{unit}" if count != 1 else f"duration.{unit[:-1]}"
        return self.t(key, count=count)

    def minutes(self, minutes: int) -> str:
        return self.t("duration.minutes" if minutes != 1 else "duration.minute", count=minutes)

    # links, in the reader's language tree
    def href(self, target: str, fragment: str = "") -> str:
        if target not in self._hrefs:
            self._hrefs[target] = relative_url(self.page_url, url_of(target, self.lang))
        return self._hrefs[target] + (f"#{fragment}" if fragment else "")

    def a(self, text: str, target: str, fragment: str = "") -> str:
        return f'<a href="{esc(self.href(target, fragment))}">{esc(text)}</a>'

    def finder_href(self, **filters) -> str:
        """The practice finder filtered, e.g. finder_href(action=16, partner="BA")."""
        query = urlencode([(name, value) for name, value in filters.items() if value is not None])
        return self.href(PRACTICES_INDEX) + (f"?{query}" if query else "")

    def finder_link(self, text: str, **filters) -> str:
        return f'<a href="{esc(self.finder_href(**filters))}">{esc(text)}</a>'

    def action_label(self, number: int) -> str:
        return f"{self.t('label.action', number=number)}: {self.title(self.library.actions[number])}"

    def actions_short(self, numbers) -> str:
        """'Action 16' for one action, 'Actions 15, 19' for more: the one-line facts and the finder's cards."""
        numbers = list(numbers)
        if len(numbers) == 1:
            return self.t("label.action", number=numbers[0])
        return self.t("panel.glance.actions", numbers=", ".join(str(n) for n in numbers))

    def action_link(self, number: int, with_title: bool = True) -> str:
        action = self.library.actions[number]
        label = self.action_label(number) if with_title else self.t("label.action", number=number)
        return self.a(label, action.path)

    def commitment_link(self, number: int) -> str:
        commitment = self.library.commitments[number]
        return self.a(f"{self.t('label.commitment', number=number)}: {self.title(commitment)}",
                      commitment.path)

    def page_link(self, page: Page) -> str:
        return self.a(self.title(page), page.path)

    # blocks
    def html(self, fragment: str) -> str:
        return self.fragments.add(fragment)

    def later(self, fill: Callable[[PageText], str]) -> str:
        """A block made once every page of this language is converted: `fill(text)`
        returns its HTML, `text(path, lang)` being another page's converted text
        (generated pages only; see generated.py)."""
        return self.fragments.later(fill)

    def heading(self, level: int, text: str, identifier: str, lang: str | None = None) -> str:
        language = f" lang={lang}" if lang else ""
        return f"\n\n{'#' * level} {md(text)} {{ #{identifier}{language} }}\n\n"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """An HTML table; header cells are plain text, row cells ready-made HTML."""
    head = "".join(f"<th>{esc(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table_html = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="{css}">{table_html}</div>' if css else table_html


def items(links: Sequence[str], empty: str) -> str:
    if not links:
        return f"<p>{esc(empty)}</p>"
    return "<ul>" + "".join(f"<li>{link}</li>" for link in links) + "</ul>"


def markdown_link_to_html(text: str) -> str:
    """Interface strings write one link as [text](address); turn it into HTML."""
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)
