"""Readers who correct what they read: a "suggest a better translation" link
at the end of every section of a translated page.

Each link opens a new issue on the repository with the issue form
`.github/ISSUE_TEMPLATE/translation-correction.yml`, its fields filled from
the address (GitHub issue forms take `?template=<form>&<field id>=<value>`):
the page's address with the section's anchor, the language, the file to
change (on a Serbian Latin page the Serbian Cyrillic file it is made from),
the section's heading and anchor, and the start of its text. The reader adds
what it should say. The start of the text is a few hundred characters at
most, cut at a word, and shorter where the whole address would pass
`ADDRESS_LIMIT`: an address of Cyrillic text grows six characters a letter
once encoded, and long addresses break in mail, chat and some browsers."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from .context import esc
from .html_sections import Section, body_text, split_sections
from .model import Library
from .urls import url_of
from .vocabulary import DEFAULT_LANGUAGE

# The issue form, and the ids of the fields the link fills (the form's `id:`s;
# a test reads the form and checks that every one exists there).
FORM = "translation-correction.yml"
FIELDS = ("page", "language", "file", "section", "text")
EXCERPT_LIMIT = 300  # characters of the section's text, at most
ADDRESS_LIMIT = 1800  # characters of the whole address, at most
# The section before a page's first heading carries the title and summary too:
# its anchor is the page's title.
TITLE_ANCHOR = "page-title"


@dataclass(frozen=True)
class TranslatedPage:
    """What a suggestion says about the page it comes from."""

    address: str  # the page's full address, without an anchor
    lang: str  # the page's language code (sr-Latn for Serbian Latin)
    language: str  # "shqip (sq)": the language in itself, and its code
    file: str  # the file to change: docs/practices/x.sq.md (Serbian Latin: the Serbian Cyrillic file)
    title: str  # the page's title as readers see it
    summary: str = ""  # its summary, which the first section's suggestion quotes with the title


def translated_page(library: Library, path: str, lang: str, base: str, title: str,
                    docs_dir: str = "docs") -> TranslatedPage | None:
    """The page `path` in `lang`, if it is a translation (not English, not missing)."""
    if lang == DEFAULT_LANGUAGE or library.translation_state(path, lang) == "missing":
        return None
    source_lang = library.vocabulary.language(lang).generated_from or lang
    translation = library.translation(path, source_lang)
    if translation is None:
        return None
    address = (base.rstrip("/") + "/" if base else "/") + url_of(path, lang)
    language = f"{library.vocabulary.language(lang).name} ({lang})"
    return TranslatedPage(address, lang, language, f"{docs_dir}/{translation.path}", title,
                          library.summary(library.pages[path], lang))


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """The start of a text, at most `limit` characters, cut after a whole word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def issue_address(repository_url: str, page: TranslatedPage, anchor: str, heading: str, text: str) -> str:
    """The new-issue address, its fields filled, at most ADDRESS_LIMIT characters."""
    section = f"{heading} (#{anchor})" if anchor else heading
    # The fields before the text, encoded once; only the text is cut and encoded again.
    start = f"{repository_url.rstrip('/')}/issues/new?" + urlencode({
        "template": FORM,
        "title": f"Translation ({page.lang}): {page.title}" + (f" › {heading}" if heading != page.title else ""),
        "page": page.address + (f"#{anchor}" if anchor else ""),
        "language": page.language,
        "file": page.file,
        "section": section,
    }) + "&text="
    limit = EXCERPT_LIMIT
    while True:
        text_value = excerpt(text, limit) if limit > 0 else ""
        encoded = quote_plus(text_value)
        address = start + encoded
        if len(address) <= ADDRESS_LIMIT or limit <= 0:
            return address
        # Shorten the text by what the address is over, in characters as encoded.
        over = len(address) - ADDRESS_LIMIT
        encoded_per_character = max(1, len(encoded)) / max(1, len(text_value))
        limit = max(0, min(limit - 10, int(len(text_value) - over / encoded_per_character) - 1))


def suggest_link(address: str, text: str, label: str) -> str:
    """The link at the end of a section (`data-suggest`), named for screen readers by its section."""
    return (f'<p class="suggest"><a href="{esc(address)}" data-suggest rel="nofollow" '
            f'aria-label="{esc(label)}">{esc(text)}</a></p>')


def suggestions_on_page(library: Library, path: str, lang: str, title: str, body_html: str, base: str,
                        repository) -> str:
    """A page's own text in `lang` with its correction links, if it is a translation and the
    site names its repository (`repository`: page_parts.Repository or None)."""
    if repository is None:
        return body_html
    page = translated_page(library, path, lang, base, title, repository.docs_dir)
    if page is None:
        return body_html
    return with_suggestions(body_html, repository.url, page, library.vocabulary.text("suggest.link", lang),
                            library.vocabulary.text("suggest.label", lang, section="{section}"))


def with_suggestions(body_html: str, repository_url: str, page: TranslatedPage, link_text: str,
                     label: str) -> str:
    """A translated page's own text with a correction link at the end of each section.

    `label` is the link's accessible name with `{section}` for the section's
    heading. Text before the first heading goes with the page's title and
    summary (anchor `page-title`): its link comes right before the first
    heading. (Where there is no such text, the title and summary are
    corrected from the side-by-side view, or with the first section: a link
    of their own would stand between the list of sections and the text.)"""
    sections = split_sections(body_html) or [Section(0, "", "", "")]
    parts = []
    for section in sections:
        if section.level:
            anchor, heading, text = section.anchor, section.heading, body_text(section.html)
        else:
            anchor, heading, text = TITLE_ANCHOR, page.title, f"{page.summary} {body_text(section.html)}"
        address = issue_address(repository_url, page, anchor, heading, text)
        body = section.html.rstrip("\n")
        parts.append((body + "\n" if body else "")
                     + suggest_link(address, link_text, label.format(section=heading)) + "\n")
    return "".join(parts)
