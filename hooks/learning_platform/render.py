"""Renderers: the generated parts of pages, from the library.

Each renderer takes plain values and returns Markdown in which generated
tables, lists and panels stand as placeholders (`Fragments`): only headings go
through the Markdown converter (so they reach the table of contents), the rest
is HTML written here and put in place after conversion. Python-Markdown spends
milliseconds on every link it parses; a practice list of a thousand entries
then costs nothing.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
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
# Kosovo in every language and case of the site; plain substring tests, as the
# check runs over every page's HTML.
KOSOVO_NAMES = ("Kosov", "KOSOV", "kosov", "Косов", "КОСОВ", "косов")
# A paragraph of one made-up word, not an HTML comment: raw HTML sends every
# page through md_in_html's HTML parser (a third of a millisecond a page).
# (bare, before conversion, as renderers' own tests see it)
_PLACEHOLDER = re.compile(r"<p>zzgeneratedzz(\d+)zz</p>|zzgeneratedzz(\d+)zz")
esc = html.escape


# -- helpers -----------------------------------------------------------------------


def md(text: str) -> str:
    """Text safe to place inside Markdown (headings included)."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#{}!])", r"\\\1", text)


def url_of(path: str, lang: str) -> str:
    """The site URL (no leading slash) of the page built from `path` in `lang`
    (or of the file at `path`, such as a catalogue download)."""
    if not path.endswith(".md"):
        return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"
    stem = path[: -len(".md")]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("/index")]
    url = f"{stem}/" if stem else ""
    return url if lang == DEFAULT_LANGUAGE else f"{lang}/{url}"


def relative_url(from_url: str, to_url: str) -> str:
    """`to_url` as seen from a page at `from_url` (both site URLs without leading slash)."""
    # Plain string work: posixpath.relpath was a tenth of the hooks' time.
    here = from_url.split("/")[:-1]
    there = to_url.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:]) or "./"


def anchor(*parts) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "-", str(part).lower()).strip("-") for part in parts)


@dataclass
class Fragments:
    """Generated HTML of one page, held apart from its Markdown."""

    parts: list[str] = field(default_factory=list)

    def add(self, fragment: str) -> str:
        """A placeholder for `fragment`, as a Markdown block of its own."""
        self.parts.append(fragment)
        return f"\n\nzzgeneratedzz{len(self.parts) - 1}zz\n\n"

    def fill(self, page_html: str) -> str:
        return _PLACEHOLDER.sub(lambda match: self.parts[int(match.group(1) or match.group(2))], page_html)


@dataclass
class Context:
    """Everything a renderer needs about the page being built."""

    library: Library
    lang: str
    page_path: str
    fragments: Fragments = field(default_factory=Fragments)

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

    def duration(self, module: Module) -> str:
        count, unit = module.duration
        key = f"duration.{unit}" if count != 1 else f"duration.{unit[:-1]}"
        return self.t(key, count=count)

    # links, in the reader's language tree
    def href(self, target: str, fragment: str = "") -> str:
        if target not in self._hrefs:
            self._hrefs[target] = relative_url(self.page_url, url_of(target, self.lang))
        return self._hrefs[target] + (f"#{fragment}" if fragment else "")

    def a(self, text: str, target: str, fragment: str = "") -> str:
        return f'<a href="{esc(self.href(target, fragment))}">{esc(text)}</a>'

    def action_link(self, number: int, with_title: bool = True) -> str:
        action = self.library.actions[number]
        label = self.t("label.action", number=number)
        return self.a(f"{label}: {self.title(action)}" if with_title else label, action.path)

    def commitment_link(self, number: int) -> str:
        commitment = self.library.commitments[number]
        return self.a(f"{self.t('label.commitment', number=number)}: {self.title(commitment)}",
                      commitment.path)

    def page_link(self, page: Page) -> str:
        return self.a(self.title(page), page.path)

    def anchored(self, vocabulary: str, code, fragment: str, target: str = PRACTICES_INDEX) -> str:
        return self.a(self.label(vocabulary, code), target, fragment)

    # blocks
    def html(self, fragment: str) -> str:
        return self.fragments.add(fragment)

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


# -- around every page ------------------------------------------------------------


def translation_banner(ctx: Context, page: Page) -> str:
    """The element that tells readers (and tools) how far to trust a translation."""
    library, lang = ctx.library, ctx.lang
    if lang == DEFAULT_LANGUAGE:
        return ""
    state = library.translation_state(page.path, lang)
    source_lang = library.vocabulary.language(lang).generated_from or lang
    translation = library.translation(page.path, source_lang)
    message = ctx.t(f"translation.{state}", reviewer=translation.reviewed_by if translation else "")
    original = relative_url(ctx.page_url, url_of(page.path, DEFAULT_LANGUAGE))
    link = "" if state == "reviewed" else (
        f' <a href="{esc(original)}" hreflang="en">{esc(ctx.t("translation.original_link"))}</a>'
    )
    return (
        f'<div class="translation-state translation-state--{state}" '
        f'data-translation-state="{state}" role="note"><p>{esc(message)}{link}</p></div>'
    )


def official_wording(ctx: Context, page: Page) -> str:
    """The official text of a commitment or action, quoted with its source."""
    official = ctx.library.official
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


def kosovo_footnote(library: Library, page_html: str, lang: str) -> str:
    """The footnote every page that names Kosovo must carry, or nothing."""
    if not any(name in page_html for name in KOSOVO_NAMES):
        return ""
    text = library.vocabulary.footnote("kosovo", lang)
    return f'<p class="kosovo-footnote" id="kosovo-footnote">{esc(text)}</p>'


# -- commitment, action, practice, module pages ------------------------------------


def commitment_actions(ctx: Context, commitment: Commitment) -> str:
    library = ctx.library
    rows = [
        [ctx.action_link(action.number),
         str(len(library.practices_for_action(action.number))),
         str(len(library.modules_for_action(action.number)))]
        for action in library.actions.values() if action.commitment == commitment.number
    ]
    header = [ctx.t("commitment.actions.column.action"), ctx.t("commitment.actions.column.practices"),
              ctx.t("commitment.actions.column.modules")]
    return (ctx.heading(2, ctx.t("commitment.actions.heading"), "actions-under-this-commitment")
            + ctx.html(table(header, rows)))


def action_references(ctx: Context, action: Action) -> str:
    practices = ctx.library.practices_for_action(action.number)
    modules = ctx.library.modules_for_action(action.number)
    parts = [ctx.heading(2, ctx.t("action.practices.heading"), "practices-for-this-action")]
    if practices:
        parts.append(ctx.html(table(
            [ctx.t("column.practice"), ctx.t("column.kind"), ctx.t("column.partners")],
            ([ctx.page_link(practice), esc(ctx.label("kinds", practice.kind)),
              esc(", ".join(ctx.label("partners", code) for code in practice.partners)) or "—"]
             for practice in practices),
        )))
    else:
        none = esc(ctx.t("action.practices.none", matrix="\0")).replace(
            "\0", esc(ctx.href(COVERAGE)))
        parts.append(ctx.html(f"<p>{_markdown_link_to_html(none)}</p>"))
    parts.append(ctx.heading(2, ctx.t("action.modules.heading"), "training-modules-for-this-action"))
    if modules:
        parts.append(ctx.html(table(
            [ctx.t("column.module"), ctx.t("column.duration"), ctx.t("column.audience")],
            ([ctx.page_link(module), esc(ctx.duration(module)),
              esc(", ".join(ctx.label("audiences", code) for code in module.audience))]
             for module in modules),
        )))
    else:
        parts.append(ctx.html(f"<p>{esc(ctx.t('action.modules.none'))}</p>"))
    return "".join(parts)


def _markdown_link_to_html(text: str) -> str:
    """Interface strings write one link as [text](address); turn it into HTML."""
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)


def _facts(title: str, rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    entries = "".join(
        f"<dt>{esc(term)}</dt>" + "".join(f"<dd>{value}</dd>" for value in values)
        for term, values in rows
    )
    return (f'<div class="admonition facts"><p class="admonition-title">{esc(title)}</p>'
            f"<dl>{entries}</dl></div>")


def practice_panel(ctx: Context, practice: Practice) -> str:
    commitments = sorted({ctx.library.official.commitment_of(number) for number in practice.actions})
    rows: list[tuple[str, Sequence[str]]] = [
        (ctx.t("panel.kind"), [ctx.anchored("kinds", practice.kind, anchor("kind", practice.kind))]),
        (ctx.t("panel.actions"), [ctx.action_link(number) for number in practice.actions]),
        (ctx.t("panel.commitments"), [ctx.commitment_link(number) for number in commitments]),
        (ctx.t("panel.partners"),
         [ctx.anchored("partners", code, anchor("partner", code)) for code in practice.partners]
         or [esc(ctx.t("panel.partners.none"))]),
    ]
    if practice.target_groups:
        rows.append((ctx.t("panel.target_groups"), [
            ctx.anchored("target_groups", code, anchor("target-group", code))
            for code in practice.target_groups
        ]))
    if practice.gcm_objectives:
        rows.append((ctx.t("panel.gcm_objectives"), [
            ctx.a(f"{ctx.t('label.gcm_objective', number=number)}: {ctx.label('gcm_objectives', number)}",
                  PRACTICES_INDEX, anchor("gcm", number))
            for number in practice.gcm_objectives
        ]))
    rows.append((ctx.t("panel.updated"), [practice.updated.isoformat()]))
    return _facts(ctx.t("panel.heading"), rows)


def module_panel(ctx: Context, module: Module) -> str:
    rows: list[tuple[str, Sequence[str]]] = [
        (ctx.t("panel.duration"), [esc(ctx.duration(module))]),
        (ctx.t("panel.audience"), [esc(ctx.label("audiences", code)) for code in module.audience]),
        (ctx.t("panel.actions"), [ctx.action_link(number) for number in module.actions]),
    ]
    if module.practices:
        rows.append((ctx.t("panel.practices"),
                     [ctx.page_link(ctx.library.practices[slug]) for slug in module.practices]))
    rows.append((ctx.t("panel.updated"), [module.updated.isoformat()]))
    return _facts(ctx.t("panel.heading"), rows)


def sources_section(ctx: Context, page: Practice | Module) -> str:
    entries = "".join(f'<li><a href="{esc(source.url)}">{esc(source.title)}</a></li>'
                      for source in page.sources)
    return ctx.heading(2, ctx.t("sources.heading"), "sources") + ctx.html(f"<ol>{entries}</ol>")


def practice_modules(ctx: Context, practice: Practice) -> str:
    modules = ctx.library.modules_for_practice(practice.slug)
    if not modules:
        return ""
    links = [f"{ctx.page_link(module)} ({esc(ctx.duration(module))})" for module in modules]
    return (ctx.heading(2, ctx.t("practice.modules.heading"), "training-modules-that-teach-this-practice")
            + ctx.html(items(links, "")))


# -- section index pages -------------------------------------------------------------


def commitments_index(ctx: Context) -> str:
    parts = [ctx.heading(2, ctx.t("commitments.all.heading"), "the-three-commitments")]
    for commitment in ctx.library.commitments.values():
        label = f"{ctx.t('label.commitment', number=commitment.number)}: {ctx.title(commitment)}"
        actions = [a.number for a in ctx.library.actions.values() if a.commitment == commitment.number]
        parts.append(ctx.heading(3, label, anchor("commitment", commitment.number)))
        parts.append(ctx.html(
            f"<p>{esc(ctx.library.summary(commitment, ctx.lang))} {ctx.a(ctx.t('label.commitment', number=commitment.number), commitment.path)}</p>"
            + items([ctx.action_link(number) for number in actions], "")
        ))
    return "".join(parts)


def actions_index(ctx: Context) -> str:
    library = ctx.library
    rows = [
        [ctx.action_link(action.number),
         ctx.a(str(action.commitment), library.commitments[action.commitment].path),
         str(len(library.practices_for_action(action.number))),
         str(len(library.modules_for_action(action.number)))]
        for action in library.actions.values()
    ]
    header = [ctx.t("commitment.actions.column.action"), ctx.t("column.commitment"),
              ctx.t("commitment.actions.column.practices"), ctx.t("commitment.actions.column.modules")]
    return ctx.heading(2, ctx.t("actions.all.heading"), "all-actions") + ctx.html(table(header, rows))


def practices_index(ctx: Context) -> str:
    library = ctx.library
    practices = sorted(library.practices.values(), key=lambda p: ctx.title(p).casefold())
    links = {p.slug: ctx.page_link(p) for p in practices}
    action_links = {n: ctx.a(str(n), a.path) for n, a in library.actions.items()}
    parts = [
        ctx.heading(2, ctx.t("practices.all.heading"), "all-practices"),
        ctx.html(f"<p>{esc(ctx.t('practices.count', count=len(practices)))}</p>" + table(
            [ctx.t("column.practice"), ctx.t("column.kind"), ctx.t("column.actions"), ctx.t("column.partners")],
            ([links[p.slug], esc(ctx.label("kinds", p.kind)),
              ", ".join(action_links[n] for n in p.actions),
              esc(", ".join(ctx.label("partners", c) for c in p.partners)) or "—"]
             for p in practices),
        )),
    ]
    groups: list[tuple[str, str, str, str, Iterable, Callable[[Practice], Iterable]]] = [
        ("practices.by_kind.heading", "by-kind", "kinds", "kind", library.vocabulary.kinds, lambda p: [p.kind]),
        ("practices.by_partner.heading", "by-partner", "partners", "partner", library.vocabulary.partners,
         lambda p: p.partners),
        ("practices.by_target_group.heading", "by-target-group", "target_groups", "target-group",
         library.vocabulary.target_groups, lambda p: p.target_groups),
        ("practices.by_gcm.heading", "by-gcm-objective", "gcm_objectives", "gcm",
         library.vocabulary.gcm_objectives, lambda p: p.gcm_objectives),
    ]
    none = ctx.t("practices.none")
    for heading, heading_id, vocabulary, prefix, codes, codes_of in groups:
        members: dict = {code: [] for code in codes}
        for practice in practices:
            for code in codes_of(practice):
                members[code].append(links[practice.slug])
        parts.append(ctx.heading(2, ctx.t(heading), heading_id))
        for code, found in members.items():
            label = ctx.label(vocabulary, code)
            if vocabulary == "gcm_objectives":
                label = f"{ctx.t('label.gcm_objective', number=code)}: {label}"
            parts.append(ctx.heading(3, f"{label} ({len(found)})", anchor(prefix, code)))
            parts.append(ctx.html(items(found, none)))
    return "".join(parts)


def modules_index(ctx: Context) -> str:
    modules = sorted(ctx.library.modules.values(), key=lambda m: ctx.title(m).casefold())
    rows = ([ctx.page_link(m), esc(ctx.duration(m)),
             esc(", ".join(ctx.label("audiences", code) for code in m.audience)),
             ", ".join(ctx.action_link(n, with_title=False) for n in m.actions)]
            for m in modules)
    header = [ctx.t("column.module"), ctx.t("column.duration"), ctx.t("column.audience"), ctx.t("column.actions")]
    return ctx.heading(2, ctx.t("modules.all.heading"), "all-training-modules") + ctx.html(table(header, rows))


# -- coverage matrix --------------------------------------------------------------------


def coverage_matrix(ctx: Context) -> str:
    """Actions × partners: each count links to the practices behind it; gaps show."""
    library = ctx.library
    partners = list(library.vocabulary.partners)
    gap = f'<span class="coverage-gap" title="{esc(ctx.t("matrix.gap"))}">—</span>'
    # Codes keep the table narrow enough for a phone; the legend names each partner.
    head = "".join(
        f'<th><abbr title="{esc(ctx.label("partners", code))}">{code}</abbr>'
        + ("*" if ctx.label("partners", code).endswith("*") else "") + "</th>"
        for code in partners
    )
    header = (f"<thead><tr><th>{esc(ctx.t('matrix.column.action'))}</th>{head}"
              f"<th>{esc(ctx.t('matrix.column.all'))}</th></tr></thead>")
    rows, details = [], []
    for action in library.actions.values():
        practices = library.practices_for_action(action.number)
        by_partner = {code: [p for p in practices if code in p.partners] for code in partners}
        cells = [ctx.action_link(action.number)]
        for code in partners:
            count = len(by_partner[code])
            cells.append(f'<a href="#{anchor("a", action.number, code)}">{count}</a>' if count else gap)
        cells.append(f'<a href="#{anchor("a", action.number)}">{len(practices)}</a>' if practices else gap)
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        if practices:
            details.append(_matrix_details(ctx, action, practices, by_partner))
    legend = " · ".join(f"<strong>{code}</strong> {esc(ctx.label('partners', code))}" for code in partners)
    matrix = (f"<p>{esc(ctx.t('matrix.explanation'))}</p><p>{legend}</p>"
              f'<div class="coverage-matrix"><table>{header}<tbody>{"".join(rows)}</tbody></table></div>')
    return (ctx.heading(2, ctx.t("matrix.heading"), "practices-per-action-and-partner") + ctx.html(matrix)
            + ctx.heading(2, ctx.t("matrix.details.heading"), "practices-behind-each-number")
            + "".join(details))


def _matrix_details(ctx: Context, action: Action, practices: Sequence[Practice], by_partner: dict) -> str:
    label = f"{ctx.t('label.action', number=action.number)}: {ctx.title(action)}"
    parts = [ctx.heading(3, label, anchor("a", action.number))]
    for code, found in by_partner.items():
        if found:
            parts.append(ctx.heading(4, ctx.label("partners", code), anchor("a", action.number, code)))
            parts.append(ctx.html(items([ctx.page_link(p) for p in found], "")))
    unassigned = [p for p in practices if not p.partners]
    if unassigned:
        parts.append(ctx.heading(4, ctx.t("matrix.details.no_partner"), anchor("a", action.number, "none")))
        parts.append(ctx.html(items([ctx.page_link(p) for p in unassigned], "")))
    return "".join(parts)


# -- catalogue page ----------------------------------------------------------------------


def catalogue_page(ctx: Context) -> str:
    from .catalogue import FIELDS

    json_path, csv_path = CATALOGUE_FILES
    downloads = (
        f"<p>{esc(ctx.t('catalogue.count', count=len(ctx.library.practices)))}</p><ul>"
        f'<li><a href="{esc(ctx.href(json_path))}" download>{esc(ctx.t("catalogue.json"))}</a></li>'
        f'<li><a href="{esc(ctx.href(csv_path))}" download>{esc(ctx.t("catalogue.csv"))}</a></li></ul>'
    )
    fields = table([ctx.t("catalogue.column.field"), ctx.t("catalogue.column.meaning")], ([f"<code>{name}</code>", esc(ctx.t(f"catalogue.field.{name}"))] for name in FIELDS))
    return (ctx.heading(2, ctx.t("catalogue.heading"), "download-the-catalogue") + ctx.html(downloads)
            + ctx.heading(2, ctx.t("catalogue.fields.heading"), "fields") + ctx.html(fields))


# -- translations ------------------------------------------------------------------------


def script_switch(ctx: Context, page: Page) -> str:
    """Serbian pages link to the same page in the other script."""
    vocabulary = ctx.library.vocabulary
    current = vocabulary.language(ctx.lang)
    pairs = [l for l in vocabulary.languages
             if (l.generated_from == ctx.lang) or (current.generated_from and l.code == current.generated_from)]
    if not pairs:
        return ""
    other = pairs[0]
    href = relative_url(ctx.page_url, url_of(page.path, other.code))
    return (
        f'<p class="script-switch"><a href="{esc(href)}" hreflang="{other.code}">'
        f"{esc(ctx.t('script.switch'))}</a></p>"
    )


def translations_status(ctx: Context) -> str:
    """Per language: how many pages are missing, drafts, out of date or reviewed, and which."""
    from .translations import STATES, status

    report = status(ctx.library)
    vocabulary = ctx.library.vocabulary
    header = [ctx.t("translations.column.language"),
              *(vocabulary.label("translation_states", state, ctx.lang) for state in STATES)]
    # Each language is named in itself (an endonym), marked with its language.
    rows = [[f'<a href="#{anchor("language", lang)}" lang="{lang}">{esc(vocabulary.language(lang).name)}</a>',
             *(str(len(states[state])) for state in STATES)] for lang, states in report.items()]
    parts = [ctx.heading(2, ctx.t("translations.heading"), "translation-status"), ctx.html(table(header, rows))]
    for lang, states in report.items():
        parts.append(ctx.heading(3, vocabulary.language(lang).name, anchor("language", lang), lang))
        for state in STATES:
            if state == "reviewed" or not states[state]:
                continue
            links = [
                f'<a href="{esc(relative_url(ctx.page_url, url_of(path, lang)))}" hreflang="{lang}">'
                f"{esc(ctx.library.title(ctx.library.pages[path], ctx.lang))}</a>"
                for path in states[state]
            ]
            parts.append(ctx.html(
                f"<p><strong>{esc(vocabulary.label('translation_states', state, ctx.lang))}</strong> "
                f"({len(links)})</p>" + items(links, "")
            ))
    return "".join(parts)


# -- glossary -----------------------------------------------------------------------------


def glossary_page(ctx: Context) -> str:
    """Terms side by side in every language, then each definition in the reader's language."""
    from .glossary import load_glossary

    terms = sorted(load_glossary(), key=lambda term: term.name(ctx.lang).casefold())
    languages = [language for language in ctx.library.vocabulary.languages]
    head = "".join(f'<th lang="{language.code}">{esc(language.name)}</th>' for language in languages)
    rows = "".join(
        "<tr>" + "".join(
            f'<td lang="{language.code}">'
            + (f'<a href="#{anchor("term", term.id)}">{esc(term.name(language.code))}</a>'
               if language.code == ctx.lang else esc(term.name(language.code)))
            + (f" ({term.abbreviation})" if term.abbreviation and language.code == DEFAULT_LANGUAGE else "")
            + "</td>" for language in languages) + "</tr>"
        for term in terms
    )
    side_by_side = f'<div class="glossary-table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    parts = [ctx.heading(2, ctx.t("glossary.languages.heading"), "terms-in-every-language"), ctx.html(side_by_side),
             ctx.heading(2, ctx.t("glossary.definitions.heading"), "definitions")]
    for term in terms:
        sources = "; ".join(f'<a href="{esc(s.url)}">{esc(s.title)}</a>' for s in term.sources)
        parts.append(ctx.heading(3, term.name(ctx.lang) + (f" ({term.abbreviation})" if term.abbreviation else ""),
                                 anchor("term", term.id)))
        parts.append(ctx.html(f"<p>{esc(term.meaning(ctx.lang))}</p>"
                              f'<p class="glossary-source">{esc(ctx.t("glossary.source"))}: {sources}</p>'))
    return "".join(parts)
