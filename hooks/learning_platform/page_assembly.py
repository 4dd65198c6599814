"""What the build puts around each page's own text, by page type.

A practice gets its translation banner, title and summary, review notice and
facts panel before its text, and its modules, contacts, sources, QR code,
handout footer and edit links after it; a section page gets its generated list
or table; and so on. The site generator's adapter (hooks/site_hooks.py) places
the result around the Markdown; nothing here knows the engine."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from . import catalogue, finder
from .compare import compare_link, compare_pages
from .context import Context
from .coverage import coverage_heatmap, coverage_strip
from .feedback_form import feedback_form_section
from .glossary_page import glossary_page
from .handout import handout_end
from .generated import GeneratedPage
from .model import Action, Commitment, Library, Module, NewsItem, Practice
from .module_page import module_panel, module_plan, plan_sections
from .news import latest_news, news_header, news_timeline
from .pack import workshop_pack
from .participants import module_versions, participants_handouts
from .paths import PATHS_INDEX, on_paths, path_pages, paths_index, paths_teaser
from .page_parts import edit_links, official_wording, title_and_summary, translation_banner
from .page_sections import page_sections, section_list
from .repository import Repository
from .practice_page import contacts_section, practice_modules, practice_panel, review_notice, sources_section
from .review import reviews_page
from .self_check import self_check_section
from .section_pages import action_references, actions_index, commitment_actions, commitments_index, modules_index
from .status_pages import translations_status
from .urls import (
    ACTIONS_INDEX, CATALOGUE, COMMITMENTS_INDEX, COVERAGE, HOME, MODULES_INDEX, NEWS_INDEX, PRACTICES_INDEX,
)

# Section pages whose generated body comes from one renderer.
SECTION_RENDERERS = {
    COMMITMENTS_INDEX: commitments_index,
    ACTIONS_INDEX: actions_index,
    PRACTICES_INDEX: finder.practice_finder,
    MODULES_INDEX: modules_index,
    COVERAGE: coverage_heatmap,
    CATALOGUE: catalogue.catalogue_page,
    NEWS_INDEX: news_timeline,
    "translations.md": translations_status,
    "glossary.md": glossary_page,
}
# Index, matrix and status pages list what content pages say: search ranks
# them below the pages they list.
LISTING_PAGES = frozenset({*SECTION_RENDERERS, HOME, "reviews.md", "workshop-pack.md", PATHS_INDEX})


@dataclass(frozen=True)
class Surroundings:
    head: str  # before the page's text: banner, title and summary, notices, facts panel
    plan: str  # a module's objectives, agenda and materials, between the head and the text
    tail: str  # after the text: generated lists, sources, QR code, handout footer, edit links


def surroundings(ctx: Context, entry, today: dt.date, base: str, repository: Repository | None,
                 body: str = "") -> Surroundings:
    """Everything the build adds to page `entry` in `ctx.lang`, as Markdown with HTML
    fragments; `body` is the Markdown of the page's own text, as it will be shown."""
    path = ctx.page_path
    before = [translation_banner(ctx, entry, also=compare_link(ctx, entry)), title_and_summary(ctx, entry)]
    after = []
    if isinstance(entry, Practice):
        before += [review_notice(ctx, entry, today), practice_panel(ctx, entry, today),
                   section_list(ctx, page_sections((), body))]
        after += [practice_modules(ctx, entry), on_paths(ctx, entry), contacts_section(ctx, entry),
                  sources_section(ctx, entry)]
    elif isinstance(entry, Module):
        before += [review_notice(ctx, entry, today), module_panel(ctx, entry, today), module_versions(ctx, entry),
                   section_list(ctx, page_sections(plan_sections(ctx, entry), body)
                                + [(ctx.t("self_check.heading"), "self-check"),
                                   (ctx.t("feedback.heading"), "feedback-form")])]
        after += [self_check_section(ctx, entry), feedback_form_section(ctx, entry), on_paths(ctx, entry),
                  sources_section(ctx, entry)]
    elif isinstance(entry, NewsItem):
        before.append(news_header(ctx, entry))
        after.append(sources_section(ctx, entry))
    elif isinstance(entry, (Action, Commitment)):
        before.append(official_wording(ctx, entry))
        after.append(action_references(ctx, entry) if isinstance(entry, Action) else commitment_actions(ctx, entry))
    elif path == PATHS_INDEX:  # the paths first, on a phone's first screen; how they work after
        before.append(paths_index(ctx))
    elif path in SECTION_RENDERERS:
        after.append(SECTION_RENDERERS[path](ctx))
        if path == MODULES_INDEX:
            after.append(paths_teaser(ctx))
    elif path == HOME:
        before.append(finder.finder_entry(ctx))
        after += [paths_teaser(ctx), coverage_strip(ctx), latest_news(ctx)]
    elif path == "reviews.md":
        after.append(reviews_page(ctx, today))
    elif path == "workshop-pack.md":
        after.append(workshop_pack(ctx, today))
    if isinstance(entry, (Practice, Module)):
        after.append(handout_end(ctx, entry, base))
    after.append(ctx.html(edit_links(ctx, entry, repository)))
    plan = module_plan(ctx, entry) if isinstance(entry, Module) else ""
    return Surroundings(ctx.html("".join(before)), plan, "".join(after))


# Pages the build makes with no source file (generated.py): one entry per
# feature, a function of the library returning that feature's pages.
GENERATED_PAGES: tuple[Callable[[Library], Iterable[GeneratedPage]], ...] = (compare_pages, participants_handouts,
                                                                            path_pages)


def generated_pages(library: Library) -> list[GeneratedPage]:
    """Every generated page of the site, in the order the features declare them."""
    return [page for declare in GENERATED_PAGES for page in declare(library)]


def catalogue_files(library, lang: str, base: str) -> list[tuple[str, str]]:
    """The open-data catalogue of one language, as (path, text) files."""
    json_path, csv_path = catalogue.CATALOGUE_FILES
    return [(json_path, catalogue.catalogue_json(library, lang, base or "/")),
            (csv_path, catalogue.catalogue_csv(library, lang, base or "/"))]
