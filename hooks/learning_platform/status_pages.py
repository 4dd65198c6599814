"""The translations page: per language, how many pages are missing, drafts,
out of date or reviewed, and the review queue: the drafts and outdated pages
in the order a native reviewer should take them (review_queue.py), each with
why it comes there and its side-by-side view; then the reviewed pages, each
with who reviewed it, and the pages not yet translated."""
from __future__ import annotations

from .compare import compare_path, is_compared
from .context import Context, esc, items
from .model import Action, Commitment, Module, NewsItem, Practice
from .paths import learning_paths
from .review_queue import QueueEntry, review_queue
from .translations import STATES, status
from .urls import anchor, relative_url, url_of

KIND_KEYS = ((Practice, "practice"), (Module, "module"), (Action, "action"), (Commitment, "commitment"),
             (NewsItem, "news"))


def translations_status(ctx: Context) -> str:
    report = status(ctx.library)
    vocabulary = ctx.library.vocabulary
    # A list, not a five-column table: it fits a phone. Each language is named
    # in itself (an endonym), marked with its language.
    overview = "".join(
        f'<li><a href="#{anchor("language", lang)}" lang="{lang}">{esc(vocabulary.language(lang).name)}</a>: '
        + " · ".join(f"{len(states[state])} {esc(vocabulary.label('translation_states', state, ctx.lang))}"
                     for state in STATES) + "</li>"
        for lang, states in report.items())
    parts = [ctx.heading(2, ctx.t("translations.heading"), "translation-status"),
             ctx.html(f'<ul class="translation-overview">{overview}</ul>'
                      f'<p class="review-queue__order">{esc(ctx.t("translations.queue.order"))}</p>')]
    for lang, states in report.items():
        parts.append(ctx.heading(3, vocabulary.language(lang).name, anchor("language", lang), lang))
        parts.append(ctx.html(_queue(ctx, lang) + _reviewed(ctx, lang, states["reviewed"])
                              + _listed(ctx, lang, "missing", states["missing"])))
    return "".join(parts)


def _queue(ctx: Context, lang: str) -> str:
    on_paths = {step.page for path in learning_paths(ctx.library) for step in path.steps}
    entries = review_queue(ctx.library, lang, on_paths)
    if not entries:
        return f'<p>{esc(ctx.t("translations.queue.empty"))}</p>'
    return (f'<ol class="review-queue" data-review-queue="{lang}">'
            + "".join(_entry(ctx, lang, entry) for entry in entries) + "</ol>")


def _entry(ctx: Context, lang: str, entry: QueueEntry) -> str:
    library = ctx.library
    page = library.pages[entry.path]
    kind = next((key for cls, key in KIND_KEYS if isinstance(page, cls)), "page")
    why = []
    if entry.on_path:
        why.append(ctx.t("translations.queue.on_path"))
    if entry.modules and not isinstance(page, Module):
        why.append(ctx.t("translations.queue.in_module"))
    if entry.actions:
        why.append(ctx.t("translations.queue.actions", count=entry.actions))
    compare = ""
    if is_compared(library, entry.path, lang):
        compare = (f' · <a href="{esc(relative_url(ctx.page_url, url_of(compare_path(entry.path), lang)))}" '
                   f'hreflang="{lang}">{esc(ctx.t("compare.link"))}</a>')
    return (f'<li data-state="{entry.state}">'
            f'<a href="{esc(relative_url(ctx.page_url, url_of(entry.path, lang)))}" hreflang="{lang}">'
            f"{esc(library.title(page, ctx.lang))}</a>{compare}"
            f'<br><span class="review-queue__why">{esc(ctx.t(f"search.kind.{kind}"))} · '
            f'<strong>{esc(library.vocabulary.label("translation_states", entry.state, ctx.lang))}</strong>'
            + "".join(f" · {esc(reason)}" for reason in why) + "</span></li>")


def _reviewed(ctx: Context, lang: str, paths: list[str]) -> str:
    library = ctx.library
    source = library.vocabulary.language(lang).generated_from or lang
    links = []
    for path in paths:
        translation = library.translation(path, source)
        reviewer = translation.reviewed_by if translation is not None and translation.reviewed_by else ""
        links.append(f'<a href="{esc(relative_url(ctx.page_url, url_of(path, lang)))}" hreflang="{lang}">'
                     f"{esc(library.title(library.pages[path], ctx.lang))}</a>"
                     + (f" · {esc(ctx.t('translation.reviewed', reviewer=reviewer))}" if reviewer else ""))
    return _details(ctx, "reviewed", links)


def _listed(ctx: Context, lang: str, state: str, paths: list[str]) -> str:
    links = [f'<a href="{esc(relative_url(ctx.page_url, url_of(path, lang)))}" hreflang="{lang}">'
             f"{esc(ctx.library.title(ctx.library.pages[path], ctx.lang))}</a>" for path in paths]
    return _details(ctx, state, links)


def _details(ctx: Context, state: str, links: list[str]) -> str:
    if not links:
        return ""
    return (f'<details class="wb-details translation-list"><summary><strong>'
            f'{esc(ctx.library.vocabulary.label("translation_states", state, ctx.lang))}</strong> '
            f"({len(links)})</summary>" + items(links, "") + "</details>")
