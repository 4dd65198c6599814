"""The parts every page carries around its own text: the translation state, the
title with its summary, the official wording, the footnote, the edit links."""
from __future__ import annotations

import html
import re

from .context import Context, esc
from .model import Action, Commitment, Library, Page
from .official import OfficialTexts
from .repository import Repository
from .urls import relative_url, url_of
from .vocabulary import DEFAULT_LANGUAGE

# Kosovo in every language and case of the site; plain substring tests, as the
# check runs over every page's HTML.
KOSOVO_NAMES = ("Kosov", "KOSOV", "kosov", "Косов", "КОСОВ", "косов")


def display_title(ctx: Context, page: Page) -> str:
    """The page's title as readers see it: actions and commitments carry their number."""
    title = ctx.title(page)
    if isinstance(page, Action):
        return f"{ctx.t('label.action', number=page.number)}: {title}"
    if isinstance(page, Commitment):
        return f"{ctx.t('label.commitment', number=page.number)}: {title}"
    return title


def title_and_summary(ctx: Context, page: Page, home_heading: bool = False) -> str:
    """The page's heading, and its one-sentence summary right under it."""
    title = ctx.t("home.heading") if home_heading else display_title(ctx, page)
    summary = ctx.summary(page)
    lead = f'<p class="page-summary">{esc(summary)}</p>' if summary else ""
    return f'<h1 id="page-title">{esc(title)}</h1>{lead}'


def translation_banner(ctx: Context, page: Page, also: str = "", script_target: str | None = None,
                       target: str | None = None) -> str:
    """One line that tells readers (and tools) how far to trust a translation,
    with the English original, `also` (another link) and, on Serbian pages,
    the other script (of `script_target`, by default the page itself).
    `target`: the page the links lead to, when it is not `page` itself (a
    module's participants' handout carries its module's state)."""
    library, lang = ctx.library, ctx.lang
    if lang == DEFAULT_LANGUAGE:
        return ""
    state = library.translation_state(page.path, lang)
    source_lang = library.vocabulary.language(lang).generated_from or lang
    translation = library.translation(page.path, source_lang)
    message = ctx.t(f"translation.{state}", reviewer=translation.reviewed_by if translation else "")
    links = []
    if state != "reviewed":
        original = relative_url(ctx.page_url, url_of(target or page.path, DEFAULT_LANGUAGE))
        links.append(f'<a href="{esc(original)}" hreflang="en">{esc(ctx.t("translation.original_link"))}</a>')
    if also:
        links.append(also)
    other = _other_script(library, lang)
    if other:
        href = relative_url(ctx.page_url, url_of(script_target or target or page.path, other))
        links.append(f'<a class="script-switch" href="{esc(href)}" hreflang="{other}" lang="{other}">'
                     f"{esc(ctx.t('script.switch'))}</a>")
    return (
        f'<div class="translation-state translation-state--{state}" '
        f'data-translation-state="{state}" role="note"><p>{esc(message)} '
        f'<span class="translation-state__links">{" · ".join(links)}</span></p></div>'
    )


def _other_script(library: Library, lang: str) -> str | None:
    """Serbian pages link to the same page in the other script."""
    current = library.vocabulary.language(lang)
    if current.generated_from:
        return current.generated_from
    for language in library.vocabulary.languages:
        if language.generated_from == lang:
            return language.code
    return None


def official_wording(ctx: Context, page: Page) -> str:
    """The official text of a commitment or action, quoted with its source."""
    official: OfficialTexts = ctx.library.official
    if isinstance(page, Action):
        paragraphs = f"<p>{esc(official.actions[page.number].text)}</p>"
        source = ctx.t("official.source.action", number=page.number)
    elif isinstance(page, Commitment):
        entry = official.commitments[page.number]
        points = "".join(f"<li>{esc(point)}</li>" for point in entry.points)
        paragraphs = f"<p>{esc(entry.declaration)}</p><ul>{points}</ul>"
        source = ctx.t("official.source.commitment")
    else:
        return ""
    note = ""
    if ctx.lang != DEFAULT_LANGUAGE:
        note = f' <span class="official-wording__note">{esc(ctx.t("official.in_english"))}</span>'
    return (
        f'<figure class="official-wording">'
        f'<figcaption class="official-wording__heading">{esc(ctx.t("official.heading"))}</figcaption>'
        f'<blockquote lang="en">{paragraphs}</blockquote>'
        f'<p class="official-wording__source">— <cite>{esc(source)}</cite>{note}</p>'
        f"</figure>"
    )


def edit_links(ctx: Context, page: Page, repository: Repository | None) -> str:
    """"Edit this page" for the file in the reader's language; where there is none,
    the English file and a link that starts the translation."""
    if repository is None:
        return ""
    library, lang = ctx.library, ctx.lang
    source_lang = library.vocabulary.language(lang).generated_from or lang
    links = []
    if lang == DEFAULT_LANGUAGE:
        links.append((ctx.t("edit.page"), repository.edit(page.path), "edit"))
    else:
        translation = library.translation(page.path, source_lang)
        if translation is not None:
            label = ctx.t("edit.translation") if source_lang == lang else ctx.t("edit.translation_source")
            links.append((label, repository.edit(translation.path), "edit"))
        else:
            target = f"{page.path[:-3]}.{source_lang}.md"
            links.append((ctx.t("edit.start_translation"), repository.new_file(target, translation_stub(page)), "new"))
        links.append((ctx.t("edit.english"), repository.edit(page.path), "edit-english"))
    entries = "".join(f'<li><a href="{esc(href)}" data-edit="{kind}" rel="nofollow">{esc(text)}</a></li>'
                      for text, href, kind in links)
    guide = ctx.a(ctx.t("edit.how"), "contribute.md") if "contribute.md" in library.pages else ""
    return (f'<aside class="edit-links" aria-label="{esc(ctx.t("edit.heading"))}">'
            f'<p class="edit-links__heading">{esc(ctx.t("edit.heading"))}</p><ul>{entries}</ul>'
            + (f"<p>{guide}</p>" if guide else "") + "</aside>")


def translation_stub(page: Page) -> str:
    """The front matter a new translation starts from, its fingerprint filled in."""
    return ("---\n"
            f"title: {_yaml(page.title or '')}\n"
            f"summary: {_yaml(page.summary or '')}\n"
            "translation: machine\n"
            f'source_fingerprint: "{page.fingerprint}"\n'
            "---\n\n")


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled)'
    r'(/?><span class="task-list-indicator"></span></label>)(.*?)(?=</li>|<ul|<ol)', re.S)
_TAGS = re.compile(r"<[^>]+>")


def label_task_checkboxes(page_html: str) -> str:
    """A checklist's boxes named by their item's text, for screen readers.

    pymdownx.tasklist puts the text beside the label, not in it: each box was
    read as an unnamed checkbox (axe-core's "label" rule)."""
    def named(match: re.Match) -> str:
        text = " ".join(html.unescape(_TAGS.sub("", match.group(3))).split())
        return f'{match.group(1)} aria-label="{esc(text)}"{match.group(2)}{match.group(3)}'

    return _TASK_ITEM.sub(named, page_html) if "task-list-item" in page_html else page_html


# The toc extension writes every heading's anchor link with one title, set once
# in mkdocs.yml ("Permanent link"); MkDocs builds all languages in one process
# from one configuration, and an untranslated copy reuses the English page's
# converted text. So the title is set here, on the page's HTML, in the page's
# language, whatever wrote the heading.
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')


def permalink_titles(page_html: str, title: str) -> str:
    """Every heading's anchor link titled in the page's language."""
    return _PERMALINK.sub(lambda match: match.group(1) + esc(title) + match.group(2), page_html) \
        if "headerlink" in page_html else page_html


_ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def explain_abbreviations(page_html: str) -> str:
    """Abbreviations that explain themselves on a tap and to screen readers.

    A title shows only under a mouse pointer: each abbreviation becomes
    focusable (a tap focuses it, and CSS then shows the meaning beside it),
    and its meaning follows it in text only screen readers read."""
    if "<abbr" not in page_html:
        return page_html
    return _ABBR.sub(
        lambda m: (f'<abbr title="{m.group(1)}" tabindex="0" data-meaning="{m.group(1)}">{m.group(2)}</abbr>'
                   f'<span class="sr-only"> ({m.group(1)})</span>'), page_html)


def kosovo_footnote(library: Library, page_html: str, lang: str) -> str:
    """The footnote every page that names Kosovo must carry, or nothing."""
    if not any(name in page_html for name in KOSOVO_NAMES):
        return ""
    text = library.vocabulary.footnote("kosovo", lang)
    return f'<p class="kosovo-footnote" id="kosovo-footnote">{esc(text)}</p>'
