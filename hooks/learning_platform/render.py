"""Renderers: the generated parts of pages, as Markdown, from the library.

Each renderer takes plain values and returns a string. Links point at source
files (`../practices/foo.md`), so the site generator checks them and resolves
them to the page in the reader's language.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .model import Action, Commitment, Library, Module, Page, Practice
from .vocabulary import DEFAULT_LANGUAGE

PRACTICES_INDEX = "practices/index.md"
MODULES_INDEX = "modules/index.md"
ACTIONS_INDEX = "actions/index.md"
COMMITMENTS_INDEX = "commitments/index.md"
COVERAGE = "coverage.md"
CATALOGUE = "catalogue.md"
CATALOGUE_FILES = ("catalogue/practices.json", "catalogue/practices.csv")
KOSOVO = re.compile(r"Kosov[oaëe]|Косов", re.IGNORECASE)


# -- helpers -----------------------------------------------------------------------


def md(text: str) -> str:
    """Text safe to place inside Markdown (tables and link labels included)."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#{}!])", r"\\\1", text)


def url_of(path: str, lang: str) -> str:
    """The site URL (no leading slash) of the page built from `path` in `lang`."""
    stem = path[: -len(".md")]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("/index")]
    url = f"{stem}/" if stem else ""
    return url if lang == DEFAULT_LANGUAGE else f"{lang}/{url}"


def relative_url(from_url: str, to_url: str) -> str:
    """`to_url` as seen from a page at `from_url` (both site URLs without leading slash)."""
    relative = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if relative == "." else relative + ("/" if to_url.endswith("/") or not to_url else "")


@dataclass(frozen=True)
class Links:
    """Relative links from one page to others, by their source paths."""

    page_path: str

    def to(self, target: str, anchor: str = "") -> str:
        relative = posixpath.relpath(target, posixpath.dirname(self.page_path) or ".")
        return relative + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Context:
    """Everything a renderer needs about the page being built."""

    library: Library
    lang: str
    links: Links

    def t(self, key: str, **values) -> str:
        return self.library.vocabulary.text(key, self.lang, **values)

    def label(self, vocabulary: str, code) -> str:
        return self.library.vocabulary.label(vocabulary, code, self.lang)

    def title(self, page: Page) -> str:
        return self.library.title(page, self.lang)

    def action_link(self, number: int, with_title: bool = True) -> str:
        action = self.library.actions[number]
        label = self.t("label.action", number=number)
        if with_title:
            label = f"{label}: {self.title(action)}"
        return f"[{md(label)}]({self.links.to(action.path)})"

    def commitment_link(self, number: int) -> str:
        commitment = self.library.commitments[number]
        label = f"{self.t('label.commitment', number=number)}: {self.title(commitment)}"
        return f"[{md(label)}]({self.links.to(commitment.path)})"

    def page_link(self, page: Page) -> str:
        return f"[{md(self.title(page))}]({self.links.to(page.path)})"

    def anchored(self, vocabulary: str, code, anchor: str, target: str = PRACTICES_INDEX) -> str:
        return f"[{md(self.label(vocabulary, code))}]({self.links.to(target, anchor)})"

    def duration(self, module: Module) -> str:
        count, unit = module.duration
        key = f"duration.{unit}" if count != 1 else f"duration.{unit[:-1]}"
        return self.t(key, count=count)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def anchor(*parts) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "-", str(part).lower()).strip("-") for part in parts)


# -- around every page ------------------------------------------------------------


def translation_banner(library: Library, page: Page, lang: str, page_url: str) -> str:
    """The element that tells readers (and tools) how far to trust a translation."""
    if lang == DEFAULT_LANGUAGE:
        return ""
    state = library.translation_state(page.path, lang)
    vocabulary = library.vocabulary
    source_lang = vocabulary.language(lang).generated_from or lang
    translation = library.translation(page.path, source_lang)
    message = vocabulary.text(f"translation.{state}", lang,
                              reviewer=translation.reviewed_by if translation else "")
    original = relative_url(page_url, url_of(page.path, DEFAULT_LANGUAGE))
    link_text = vocabulary.text("translation.original_link", lang)
    link = "" if state == "reviewed" else f' <a href="{html.escape(original)}" hreflang="en">{html.escape(link_text)}</a>'
    return (
        f'<div class="translation-state translation-state--{state}" '
        f'data-translation-state="{state}" role="note">'
        f"<p>{html.escape(message)}{link}</p></div>\n\n"
    )


def official_wording(library: Library, page: Page, lang: str) -> str:
    """The official text of a commitment or action, quoted with its source."""
    vocabulary, official = library.vocabulary, library.official
    if isinstance(page, Action):
        text = official.actions[page.number].text
        paragraphs = [f"<p>{html.escape(text)}</p>"]
        source = vocabulary.text("official.source.action", lang, number=page.number)
    elif isinstance(page, Commitment):
        entry = official.commitments[page.number]
        items = "".join(f"<li>{html.escape(point)}</li>" for point in entry.points)
        paragraphs = [f"<p>{html.escape(entry.declaration)}</p>", f"<ul>{items}</ul>"]
        source = vocabulary.text("official.source.commitment", lang)
    else:
        return ""
    note = ""
    if lang != DEFAULT_LANGUAGE:
        note = f' <span class="official-wording__note">{html.escape(vocabulary.text("official.in_english", lang))}</span>'
    heading = html.escape(vocabulary.text("official.heading", lang))
    return (
        f'<figure class="official-wording">'
        f'<figcaption class="official-wording__heading">{heading}</figcaption>'
        f'<blockquote lang="en">{"".join(paragraphs)}</blockquote>'
        f'<p class="official-wording__source">— <cite>{html.escape(source)}</cite>{note}</p>'
        f"</figure>\n\n"
    )


def kosovo_footnote(library: Library, markdown: str, lang: str) -> str:
    """The footnote every page that names Kosovo must carry."""
    if not KOSOVO.search(markdown):
        return ""
    text = library.vocabulary.footnote("kosovo", lang)
    return f'\n\n<p class="kosovo-footnote" id="kosovo-footnote">{html.escape(text)}</p>\n'


# -- commitment, action, practice, module pages ------------------------------------


def commitment_actions(ctx: Context, commitment: Commitment) -> str:
    rows = []
    for action in ctx.library.actions.values():
        if action.commitment != commitment.number:
            continue
        rows.append([
            ctx.action_link(action.number),
            str(len(ctx.library.practices_for_action(action.number))),
            str(len(ctx.library.modules_for_action(action.number))),
        ])
    header = [ctx.t("commitment.actions.column.action"), ctx.t("commitment.actions.column.practices"),
              ctx.t("commitment.actions.column.modules")]
    return f"## {ctx.t('commitment.actions.heading')}\n\n{table(header, rows)}\n"


def action_references(ctx: Context, action: Action) -> str:
    practices = ctx.library.practices_for_action(action.number)
    modules = ctx.library.modules_for_action(action.number)
    parts = [f"## {ctx.t('action.practices.heading')}"]
    if practices:
        parts.append(table(
            [ctx.t("column.practice"), ctx.t("column.kind"), ctx.t("column.partners")],
            ([ctx.page_link(practice), md(ctx.label("kinds", practice.kind)),
              md(", ".join(ctx.label("partners", code) for code in practice.partners)) or "—"]
             for practice in practices),
        ))
    else:
        parts.append(ctx.t("action.practices.none", matrix=ctx.links.to(COVERAGE)))
    parts.append(f"## {ctx.t('action.modules.heading')}")
    if modules:
        parts.append(table(
            [ctx.t("column.module"), ctx.t("column.duration"), ctx.t("column.audience")],
            ([ctx.page_link(module), md(ctx.duration(module)),
              md(", ".join(ctx.label("audiences", code) for code in module.audience))]
             for module in modules),
        ))
    else:
        parts.append(ctx.t("action.modules.none"))
    return "\n\n".join(parts) + "\n"


def _definition(term: str, values: Sequence[str]) -> str:
    return f"{term}\n:   " + "<br>\n    ".join(values)


def practice_panel(ctx: Context, practice: Practice) -> str:
    commitments = sorted({ctx.library.official.commitment_of(number) for number in practice.actions})
    rows = [
        _definition(ctx.t("panel.kind"), [ctx.anchored("kinds", practice.kind, anchor("kind", practice.kind))]),
        _definition(ctx.t("panel.actions"), [ctx.action_link(number) for number in practice.actions]),
        _definition(ctx.t("panel.commitments"), [ctx.commitment_link(number) for number in commitments]),
        _definition(ctx.t("panel.partners"),
                    [ctx.anchored("partners", code, anchor("partner", code)) for code in practice.partners]
                    or [md(ctx.t("panel.partners.none"))]),
    ]
    if practice.target_groups:
        rows.append(_definition(ctx.t("panel.target_groups"), [
            ctx.anchored("target_groups", code, anchor("target-group", code)) for code in practice.target_groups
        ]))
    if practice.gcm_objectives:
        rows.append(_definition(ctx.t("panel.gcm_objectives"), [
            f"[{md(ctx.t('label.gcm_objective', number=number))}: {md(ctx.label('gcm_objectives', number))}]"
            f"({ctx.links.to(PRACTICES_INDEX, anchor('gcm', number))})"
            for number in practice.gcm_objectives
        ]))
    rows.append(_definition(ctx.t("panel.updated"), [practice.updated.isoformat()]))
    return _panel(ctx.t("panel.heading"), rows)


def module_panel(ctx: Context, module: Module) -> str:
    rows = [
        _definition(ctx.t("panel.duration"), [md(ctx.duration(module))]),
        _definition(ctx.t("panel.audience"), [md(ctx.label("audiences", code)) for code in module.audience]),
        _definition(ctx.t("panel.actions"), [ctx.action_link(number) for number in module.actions]),
    ]
    if module.practices:
        rows.append(_definition(ctx.t("panel.practices"), [
            ctx.page_link(ctx.library.practices[slug]) for slug in module.practices
        ]))
    rows.append(_definition(ctx.t("panel.updated"), [module.updated.isoformat()]))
    return _panel(ctx.t("panel.heading"), rows)


def _panel(title: str, rows: Sequence[str]) -> str:
    body = "\n\n".join(rows)
    indented = "\n".join(("    " + line) if line else "" for line in body.split("\n"))
    return f'!!! facts "{title}"\n\n{indented}\n\n'


def sources_section(ctx: Context, page: Practice | Module) -> str:
    items = "\n".join(f"{index}. [{md(source.title)}]({source.url})"
                      for index, source in enumerate(page.sources, start=1))
    return f"## {ctx.t('sources.heading')}\n\n{items}\n"


def practice_modules(ctx: Context, practice: Practice) -> str:
    modules = ctx.library.modules_for_practice(practice.slug)
    if not modules:
        return ""
    items = "\n".join(f"- {ctx.page_link(module)} ({md(ctx.duration(module))})" for module in modules)
    return f"## {ctx.t('practice.modules.heading')}\n\n{items}\n"


# -- section index pages -------------------------------------------------------------


def commitments_index(ctx: Context) -> str:
    parts = [f"## {ctx.t('commitments.all.heading')}"]
    for commitment in ctx.library.commitments.values():
        actions = [a.number for a in ctx.library.actions.values() if a.commitment == commitment.number]
        parts.append(f"### {ctx.commitment_link(commitment.number)}\n\n"
                     + md(ctx.library.summary(commitment, ctx.lang)) + "\n\n"
                     + "\n".join(f"- {ctx.action_link(number)}" for number in actions))
    return "\n\n".join(parts) + "\n"


def actions_index(ctx: Context) -> str:
    rows = []
    for action in ctx.library.actions.values():
        rows.append([
            ctx.action_link(action.number),
            f"[{action.commitment}]({ctx.links.to(ctx.library.commitments[action.commitment].path)})",
            str(len(ctx.library.practices_for_action(action.number))),
            str(len(ctx.library.modules_for_action(action.number))),
        ])
    header = [ctx.t("commitment.actions.column.action"),
              ctx.t("column.commitment"), ctx.t("commitment.actions.column.practices"),
              ctx.t("commitment.actions.column.modules")]
    return f"## {ctx.t('actions.all.heading')}\n\n{table(header, rows)}\n"


def _practice_items(ctx: Context, practices: Sequence[Practice]) -> str:
    if not practices:
        return ctx.t("practices.none")
    return "\n".join(f"- {ctx.page_link(practice)}" for practice in practices)


def practices_index(ctx: Context) -> str:
    library = ctx.library
    practices = sorted(library.practices.values(), key=lambda p: ctx.title(p).casefold())
    parts = [
        f"## {ctx.t('practices.all.heading')}",
        ctx.t("practices.count", count=len(practices)),
        table(
            [ctx.t("column.practice"), ctx.t("column.kind"), ctx.t("column.actions"), ctx.t("column.partners")],
            ([ctx.page_link(p), md(ctx.label("kinds", p.kind)),
              ", ".join(f"[{n}]({ctx.links.to(library.actions[n].path)})" for n in p.actions),
              md(", ".join(ctx.label("partners", c) for c in p.partners)) or "—"]
             for p in practices),
        ),
    ]
    groups: list[tuple[str, str, str, Iterable, Callable[[Practice], Iterable]]] = [
        ("practices.by_kind.heading", "kinds", "kind", library.vocabulary.kinds, lambda p: [p.kind]),
        ("practices.by_partner.heading", "partners", "partner", library.vocabulary.partners, lambda p: p.partners),
        ("practices.by_target_group.heading", "target_groups", "target-group",
         library.vocabulary.target_groups, lambda p: p.target_groups),
        ("practices.by_gcm.heading", "gcm_objectives", "gcm", library.vocabulary.gcm_objectives,
         lambda p: p.gcm_objectives),
    ]
    for heading, vocabulary, prefix, codes, codes_of in groups:
        members: dict = {code: [] for code in codes}
        for practice in practices:
            for code in codes_of(practice):
                members[code].append(practice)
        parts.append(f"## {ctx.t(heading)}")
        for code, found in members.items():
            label = ctx.label(vocabulary, code)
            if vocabulary == "gcm_objectives":
                label = f"{ctx.t('label.gcm_objective', number=code)}: {label}"
            parts.append(f"### {md(label)} ({len(found)}) {{ #{anchor(prefix, code)} }}\n\n"
                         + _practice_items(ctx, found))
    return "\n\n".join(parts) + "\n"


def modules_index(ctx: Context) -> str:
    modules = sorted(ctx.library.modules.values(), key=lambda m: ctx.title(m).casefold())
    rows = ([ctx.page_link(m), md(ctx.duration(m)),
             md(", ".join(ctx.label("audiences", code) for code in m.audience)),
             ", ".join(ctx.action_link(n, with_title=False) for n in m.actions)]
            for m in modules)
    header = [ctx.t("column.module"), ctx.t("column.duration"), ctx.t("column.audience"), ctx.t("column.actions")]
    return f"## {ctx.t('modules.all.heading')}\n\n{table(header, rows)}\n"


# -- coverage matrix --------------------------------------------------------------------


def coverage_matrix(ctx: Context) -> str:
    """Actions × partners: each count links to the practices behind it; gaps show."""
    library = ctx.library
    partners = list(library.vocabulary.partners)
    # Codes keep the table narrow enough for a phone; the legend names each partner.
    header = [ctx.t("matrix.column.action"),
              *(f'<abbr title="{html.escape(ctx.label("partners", code))}">{code}</abbr>'
                + ("\\*" if ctx.label("partners", code).endswith("*") else "") for code in partners),
              ctx.t("matrix.column.all")]
    legend = " · ".join(f"**{code}** {md(ctx.label('partners', code))}" for code in partners)
    gap = f'<span class="coverage-gap" title="{html.escape(ctx.t("matrix.gap"))}">—</span>'
    rows, details = [], []
    for action in library.actions.values():
        practices = library.practices_for_action(action.number)
        row = [ctx.action_link(action.number)]
        by_partner = {code: [p for p in practices if code in p.partners] for code in partners}
        for code in partners:
            count = len(by_partner[code])
            row.append(f"[{count}](#{anchor('a', action.number, code)})" if count else gap)
        row.append(f"[{len(practices)}](#{anchor('a', action.number)})" if practices else gap)
        rows.append(row)
        if practices:
            details.append(_matrix_details(ctx, action, practices, by_partner))
    parts = [
        f"## {ctx.t('matrix.heading')}",
        ctx.t("matrix.explanation"),
        legend,
        f'<div class="coverage-matrix" markdown>\n\n{table(header, rows)}\n\n</div>',

        f"## {ctx.t('matrix.details.heading')}",
        *details,
    ]
    return "\n\n".join(parts) + "\n"


def _matrix_details(ctx: Context, action: Action, practices: Sequence[Practice], by_partner: dict) -> str:
    label = f"{ctx.t('label.action', number=action.number)}: {ctx.title(action)}"
    parts = [f"### {md(label)} {{ #{anchor('a', action.number)} }}"]
    for code, found in by_partner.items():
        if found:
            parts.append(f"#### {md(ctx.label('partners', code))} {{ #{anchor('a', action.number, code)} }}\n\n"
                         + _practice_items(ctx, found))
    unassigned = [p for p in practices if not p.partners]
    if unassigned:
        parts.append(f"#### {ctx.t('matrix.details.no_partner')}\n\n" + _practice_items(ctx, unassigned))
    return "\n\n".join(parts)


# -- catalogue page ----------------------------------------------------------------------


def catalogue_page(ctx: Context) -> str:
    from .catalogue import FIELDS

    json_path, csv_path = CATALOGUE_FILES
    lines = [
        f"## {ctx.t('catalogue.heading')}",
        ctx.t("catalogue.count", count=len(ctx.library.practices)),
        f"- [{md(ctx.t('catalogue.json'))}]({ctx.links.to(json_path)})\n"
        f"- [{md(ctx.t('catalogue.csv'))}]({ctx.links.to(csv_path)})",
        f"## {ctx.t('catalogue.fields.heading')}",
        table(["Field", "Meaning"], ([f"`{name}`", md(meaning)] for name, meaning in FIELDS.items())),
    ]
    return "\n\n".join(lines) + "\n"
