"""Two languages side by side: a translated page beside its English original,
section by section.

Interpreters in a mixed regional workshop, a trainer preparing in two
languages and a native reviewer checking a draft read the same section in
English and in their language next to each other. Every translated practice,
module, action and commitment page (state machine, outdated or reviewed, in
every language, Serbian Latin too) links to its view, `/<lang>/compare/<path>/`,
from the line that states its translation (`data-compare`).

The view is a generated page (generated.py): it converts no Markdown of its
own, it takes the two converted texts the build already made (`reads`), cuts
them at their top-level headings (html_sections.py) and pairs the sections
in order, one row per section: the English and the translation, each in a
column marked with its language, side by side on a wide screen and one under
the other on a phone. The translations keep the English structure heading for
heading (a test checks every page), so sections pair at every second- and
third-level heading; where a translation has another structure, its second-
level headings are paired and the page says when even they differ in number.
Around the text: the title and summary, a practice's or module's facts, a
module's objectives, agenda and materials (translated in its front matter),
and an action's or commitment's official wording, which is the English text
in every language. Each section of the translation ends with the link to
suggest a better translation (corrections.py)."""
from __future__ import annotations

import datetime as dt
import re
from . import corrections
from .context import Context, PageText, esc
from .generated import GeneratedPage
from .html_sections import Section, body_text, split_sections
from .model import Action, Commitment, Library, Module, Page, Practice
from .module_page import agenda_table, module_panel
from .page_parts import display_title, official_wording, translation_banner
from .page_sections import section_list
from .practice_page import practice_panel
from .review import build_date
from .urls import relative_url, url_of
from .vocabulary import DEFAULT_LANGUAGE

FOLDER = "compare"
COMPARED = (Practice, Module, Action, Commitment)
# The English column's ids carry this prefix: the two texts may use the same
# anchor (a module's "agenda"), and a page may hold an id once.
ENGLISH_IDS = "en-"


def compare_path(path: str) -> str:
    """Where the side-by-side view of page `path` lives: compare/practices/x.md -> /sq/compare/practices/x/."""
    return f"{FOLDER}/{path}"


def is_compared(library: Library, path: str, lang: str) -> bool:
    """Whether page `path` has a side-by-side view in `lang`: a translated page of a compared type."""
    return (lang != DEFAULT_LANGUAGE and type(library.pages.get(path)) in COMPARED
            and library.translation_state(path, lang) != "missing")


def compare_pages(library: Library) -> list[GeneratedPage]:
    """The side-by-side views of every compared page, in the languages it is translated into."""
    pages = []
    for path, page in library.pages.items():
        if type(page) not in COMPARED:
            continue
        languages = frozenset(lang for lang in library.vocabulary.language_codes if is_compared(library, path, lang))
        if languages:
            pages.append(GeneratedPage(
                path=compare_path(path),
                title=lambda ctx, page=page: ctx.t("compare.title", title=display_title(ctx, page)),
                summary=lambda ctx, page=page: ctx.t("compare.summary", title=display_title(ctx, page)),
                render=lambda ctx, page=page: side_by_side(ctx, page),
                search=False,  # the page itself is what search finds
                sitemap=False,  # and what search engines index: the view repeats two pages' text
                languages=languages,
                reads=(path,),
                fallback=path,
                hide=("navigation", "toc"),  # two columns need the width
            ))
    return sorted(pages, key=lambda generated: generated.path)


def compare_link(ctx: Context, page: Page) -> str:
    """The link to the page's side-by-side view (`data-compare`), or "" where it has none."""
    if not is_compared(ctx.library, page.path, ctx.lang):
        return ""
    return (f'<a href="{esc(ctx.href(compare_path(page.path)))}" data-compare>'
            f'{esc(ctx.t("compare.link"))}</a>')


# -- the view ------------------------------------------------------------------------------


def side_by_side(ctx: Context, page: Page, today: dt.date | None = None) -> str:
    """The view's Markdown: its head now, the two texts once every page is converted."""
    english = _english(ctx)
    title = display_title(ctx, page)
    back = f'<a href="{esc(ctx.href(page.path))}">{esc(ctx.t("compare.back"))}</a>'
    other_script = _other_script(ctx)
    head = (translation_banner(ctx, page, script_target=compare_path(page.path) if other_script else None)
            + f'<h1 id="page-title">{esc(ctx.t("compare.title", title=title))}</h1>'
            + f'<p class="compare__lead">{esc(ctx.t("compare.lead"))} {back}</p>')
    suggestions = _Suggestions(ctx, page)
    generated = _generated_rows(ctx, english, page, today or build_date(), suggestions)

    def fill(text: PageText) -> str:
        english_text, translated_text = text(page.path, DEFAULT_LANGUAGE), text(page.path, ctx.lang)
        if english_text is None or translated_text is None:
            return _unavailable(ctx, page)
        pairs, notice = aligned(english_text, translated_text)
        title_row = _row(ctx,
                         _title(english, page) + _section_html(_first(pairs, 0), ENGLISH_IDS),
                         _title(ctx, page) + _section_html(_first(pairs, 1), "")
                         + suggestions.link(corrections.TITLE_ANCHOR, title,
                                            f"{ctx.summary(page)} {body_text(_first(pairs, 1).html) if _first(pairs, 1) else ''}"))
        rows = [_row(ctx, _section_html(en, ENGLISH_IDS) if en else _no_section(english),
                     (_section_html(tr, "") + suggestions.link(tr.anchor, tr.heading, body_text(tr.html)))
                     if tr else _no_section(ctx))
                for en, tr in pairs if (en is None or en.level) and (tr is None or tr.level)]
        nav = section_list(ctx, [(tr.heading, tr.anchor) for _en, tr in pairs
                                 if tr is not None and tr.level == 2 and tr.anchor]
                           + [(heading, anchor) for heading, anchor in generated.sections])
        warning = ""
        if notice:
            counts = {side: len([s for s in (pair[index] for pair in pairs) if s is not None and s.level])
                      for index, side in enumerate(("english", "translated"))}
            warning = f'<p class="compare__notice" role="note">{esc(ctx.t("compare.unaligned", **counts))}</p>'

        return (nav + warning + '<div class="compare">' + title_row + generated.before
                + "".join(rows) + "</div>")

    return ctx.html(head) + ctx.later(fill)


def aligned(english_html: str, translated_html: str) -> tuple[list[tuple[Section | None, Section | None]], bool]:
    """The two texts' sections in pairs, and whether they could not be paired heading for heading.

    Pairs at second- and third-level headings where both texts have the same
    headings in the same order, else at second-level headings; where even
    those differ in number, in order, the shorter side left empty."""
    for levels in ((2, 3), (2,)):
        english, translated = split_sections(english_html, levels), split_sections(translated_html, levels)
        english, translated = _with_intro(english), _with_intro(translated)
        if [section.level for section in english] == [section.level for section in translated]:
            return list(zip(english, translated)), False
    count = max(len(english), len(translated))
    padded = lambda sections: sections + [None] * (count - len(sections))  # noqa: E731
    return list(zip(padded(english), padded(translated))), True


def prefix_ids(fragment: str, prefix: str) -> str:
    """HTML with every id, and every reference to one within it, prefixed: two texts on one page."""
    if not prefix:
        return fragment
    fragment = re.sub(r'\b(id|for|name)="([^"]+)"', lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', fragment)
    fragment = re.sub(r'\bhref="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', fragment)
    return re.sub(r'\b(aria-(?:labelledby|describedby|controls))="([^"]+)"',
                  lambda m: f'{m.group(1)}="' + " ".join(prefix + part for part in m.group(2).split()) + '"',
                  fragment)


# -- parts ----------------------------------------------------------------------------------


class _Generated:
    """The rows made from front matter and vocabulary, not from the page's text."""

    def __init__(self, before: str, sections: list[tuple[str, str]]) -> None:
        self.before = before
        self.sections = sections


def _generated_rows(ctx: Context, english: Context, page: Page, today: dt.date,
                    suggestions: "_Suggestions") -> _Generated:
    if isinstance(page, (Action, Commitment)):
        return _Generated(f'<div class="compare__whole">{official_wording(ctx, page)}</div>', [])
    if isinstance(page, Practice):
        return _Generated(_row(ctx, practice_panel(english, page, today), practice_panel(ctx, page, today)), [])
    if not isinstance(page, Module):
        return _Generated("", [])
    rows = [_row(ctx, module_panel(english, page, today), module_panel(ctx, page, today))]
    sections = []
    plans = {lang_ctx.lang: ctx.library.module_plan(page, lang_ctx.lang) for lang_ctx in (english, ctx)}
    for part, anchor, key in ((0, "learning-objectives", "module.objectives.heading"),
                              (1, "agenda", "module.agenda.heading"),
                              (2, "materials", "module.materials.heading")):
        if part == 2 and not plans[DEFAULT_LANGUAGE][2]:
            continue
        cells = []
        for lang_ctx, prefix in ((english, ENGLISH_IDS), (ctx, "")):
            values = plans[lang_ctx.lang][part]
            heading = lang_ctx.t(key)
            if part == 1:
                # Material wraps only tables without a class; platform.js makes this box reachable when it scrolls.
                content = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                           f"{agenda_table(lang_ctx, values)}</div></div>")
                words = " ".join(f"{item.activity} {item.method}" for item in values)
            else:
                tag = "ol" if part == 0 else "ul"
                if part == 2:  # a material is a Material: its name is what both languages say
                    values = tuple(material.name for material in values)
                content = f"<{tag}>" + "".join(f"<li>{esc(value)}</li>" for value in values) + f"</{tag}>"
                words = " ".join(values)
            cell = f'<h2 id="{prefix}{anchor}">{esc(heading)}</h2>{content}'
            if lang_ctx is ctx:
                cell += suggestions.link(anchor, heading, words)
                sections.append((heading, anchor))
            cells.append(cell)
        rows.append(_row(ctx, *cells))
    return _Generated("".join(rows), sections)


class _Suggestions:
    """The correction links of the translation's column, or nothing where the site names no repository."""

    def __init__(self, ctx: Context, page: Page) -> None:
        self.ctx = ctx
        repository = ctx.repository
        self.repository_url = repository.url if repository is not None else ""
        self.page = corrections.translated_page(ctx.library, page.path, ctx.lang, ctx.base, display_title(ctx, page),
                                                repository.docs_dir if repository is not None else "docs")

    def link(self, anchor: str, heading: str, text: str) -> str:
        if not self.repository_url or self.page is None:
            return ""
        address = corrections.issue_address(self.repository_url, self.page, anchor, heading, text)
        return corrections.suggest_link(address, self.ctx.t("suggest.link"),
                                        self.ctx.t("suggest.label", section=heading))


def _english(ctx: Context) -> Context:
    """A context in English that writes its links from the view's own address."""
    english = Context(ctx.library, DEFAULT_LANGUAGE, ctx.page_path, fragments=ctx.fragments)
    english.page_url = ctx.page_url
    return english


def _other_script(ctx: Context) -> str | None:
    vocabulary = ctx.library.vocabulary
    if vocabulary.language(ctx.lang).generated_from:
        return vocabulary.language(ctx.lang).generated_from
    return next((language.code for language in vocabulary.languages if language.generated_from == ctx.lang), None)


def _title(ctx: Context, page: Page) -> str:
    summary = ctx.summary(page)
    return (f'<h2 class="compare__title">{esc(display_title(ctx, page))}</h2>'
            + (f'<p class="page-summary">{esc(summary)}</p>' if summary else ""))


def _row(ctx: Context, english: str, translated: str) -> str:
    language = ctx.library.vocabulary.language(ctx.lang)
    return ('<div class="compare__row">'
            f'<div class="compare__cell compare__cell--en" lang="{DEFAULT_LANGUAGE}">'
            f'<p class="compare__lang">{esc(ctx.library.vocabulary.language(DEFAULT_LANGUAGE).name)}</p>{english}</div>'
            f'<div class="compare__cell" lang="{ctx.lang}">'
            f'<p class="compare__lang">{esc(language.name)}</p>{translated}</div>'
            "</div>")


def _first(pairs: list[tuple[Section | None, Section | None]], side: int) -> Section | None:
    """The text before the first heading on one side, if there is any."""
    section = pairs[0][side] if pairs else None
    return section if section is not None and section.level == 0 else None


def _section_html(section: Section | None, prefix: str) -> str:
    if section is None:
        return ""
    return prefix_ids(section.html, prefix)


def _no_section(ctx: Context) -> str:
    return f'<p class="compare__missing">{esc(ctx.t("compare.no_section"))}</p>'


def _unavailable(ctx: Context, page: Page) -> str:
    english = f'<a href="{esc(relative_url(ctx.page_url, url_of(page.path, DEFAULT_LANGUAGE)))}" hreflang="en">' \
              f'{esc(ctx.t("translation.original_link"))}</a>'
    here = f'<a href="{esc(ctx.href(page.path))}">{esc(ctx.t("compare.back"))}</a>'
    return f'<p class="compare__notice" role="note">{esc(ctx.t("compare.unavailable"))} {english} · {here}</p>'


def _with_intro(sections: list[Section]) -> list[Section]:
    """Every text starts with its part before the first heading, empty if it has none."""
    return sections if sections and sections[0].level == 0 else [Section(0, "", "", ""), *sections]

