"""Learning paths for those who learn alone: for each audience of the
vocabulary, the practices and modules to read in order, with each module's
self-check after it (data/paths.yml, written by the editors).

The choice and the order are editorial, so they live in a data file, checked
like a page: a step naming a page that does not exist, an audience the
vocabulary does not know, a sentence missing in a language or a self-check
before its module stops the build, naming the file and the line.

Each path is a page the build makes in every language (`paths/<audience>.md`,
see generated.py): an ordered list of links that works without JavaScript,
each step with its kind, its reading time and the sentence that says why it
comes there; a self-check step holds the module's questions, answered on the
page. paths.js (loaded on these pages only) lets the reader mark a step done,
counts a self-check passed when every answer is right, and keeps both in the
browser's localStorage: nothing is sent or stored anywhere else. It fills a
record of what was studied and when, to print for a supervisor, which says
that it is not a certificate.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

from .context import Context, esc
from .errors import ContentError, ContentErrors
from .generated import GeneratedPage
from .model import Library, Page
from .pack import practice_words, reading_minutes  # one reading speed for the pack and the paths
from .self_check import SECTION_ID as SELF_CHECK_ID, self_check_block
from .transliteration import serbian_cyrillic_to_latin
from .urls import relative_url, url_of
from .vocabulary import DATA_DIR, DEFAULT_LANGUAGE, SafeLoader

PATHS_FILE = "paths.yml"
WHERE = f"../data/{PATHS_FILE}"  # as errors name files: relative to docs/
PATHS_INDEX = "paths/index.md"
WRITTEN_LANGUAGES = ("en", "sq", "mk", "sr", "bs")  # sr-Latn is made from sr
KINDS = ("practice", "module", "self-check")
MINUTES_PER_QUESTION = 1
# What paths.js reads from the page, in the reader's language.
SCRIPT_STRINGS = ("paths.mark", "paths.unmark", "paths.done_on", "paths.passed_on", "paths.not_yet",
                  "paths.progress", "paths.clear_confirm", "date.long", "date.months")



# -- the data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    kind: str  # practice, module or self-check
    page: str  # the page's source path: practices/<slug>.md, modules/<slug>.md
    why: Mapping[str, str]  # language -> sentence; empty for a self-check that says nothing of its own
    line: int

    @property
    def slug(self) -> str:
        return self.page.rsplit("/", 1)[-1][:-3]

    @property
    def key(self) -> str:
        """What the reader's browser keeps progress under: the same page is done on every path."""
        return f"{self.kind}:{self.slug}"


@dataclass(frozen=True)
class LearningPath:
    audience: str
    intro: Mapping[str, str]
    steps: tuple[Step, ...]
    line: int

    @property
    def path(self) -> str:
        return f"paths/{self.audience}.md"


@lru_cache(maxsize=4)
def _read(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=SafeLoader)


def learning_paths(library: Library, data_dir: Path = DATA_DIR) -> tuple[LearningPath, ...]:
    """Every path, checked against the library; raises ContentErrors naming file and line."""
    cache = library.__dict__.setdefault("_learning_paths", {})
    if data_dir not in cache:
        cache[data_dir] = _load(library, data_dir)
    paths, errors = cache[data_dir]
    if errors:
        raise ContentErrors(errors)
    return paths


def path_problems(library: Library, data_dir: Path = DATA_DIR) -> list[ContentError]:
    """What is wrong in data/paths.yml, for the content check."""
    return _load(library, data_dir)[1]


def _load(library: Library, data_dir: Path) -> tuple[tuple[LearningPath, ...], list[ContentError]]:
    file = data_dir / PATHS_FILE
    if not file.exists():
        return (), []
    try:
        root = _read(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        return (), [ContentError(WHERE, mark.line + 1 if mark else None, "paths", "(unreadable)",
                                 f"the file is not valid YAML: {getattr(problem, 'problem', problem)}",
                                 advice="keep the indentation of the lines around it, two spaces a level, "
                                        "and each sentence in quotation marks")]
    errors: list[ContentError] = []
    paths_node = _value(root, "paths")
    if not isinstance(paths_node, yaml.MappingNode):
        return (), [ContentError(WHERE, _line(root), "paths", None,
                                 "the file starts with 'paths:', then one path per audience", "paths:")]
    audiences = library.vocabulary.audiences
    found: list[LearningPath] = []
    for key_node, value_node in paths_node.value:
        audience = key_node.value
        if audience not in audiences:
            errors.append(ContentError(
                WHERE, _line(key_node), "paths", audience,
                f"not an audience of data/vocabulary.yml; allowed: {', '.join(audiences)}",
                *_paste(f"  {_closest(audience, audiences)}:" if _closest(audience, audiences) else None,
                        "write one of the audiences above, as data/vocabulary.yml spells it")))
            continue
        path = _path(audience, value_node, library, errors)
        if path:
            found.append(path)
    missing = [code for code in audiences if code not in {path.audience for path in found}
               and code not in {key.value for key, _ in paths_node.value}]
    for code in missing:
        errors.append(ContentError(
            WHERE, _line(paths_node), f"paths.{code}", None,
            f"every audience has a learning path; '{code}' ({audiences[code]['label']['en']}) has none",
            advice=f"add '{code}:' under paths:, with its intro: and steps:, as the other audiences have"))
    order = list(audiences)
    found.sort(key=lambda path: order.index(path.audience))
    return tuple(found), errors


def _path(audience: str, node: yaml.Node, library: Library, errors: list[ContentError]) -> LearningPath | None:
    field = f"paths.{audience}"
    if not isinstance(node, yaml.MappingNode):
        errors.append(ContentError(WHERE, _line(node), field, _scalar(node), "a path has intro: and steps:",
                                   advice="give the path its intro: and steps:, as the other audiences have"))
        return None
    unknown = [key for key, _ in node.value if key.value not in ("intro", "steps")]
    for key in unknown:
        errors.append(ContentError(WHERE, _line(key), f"{field}.{key.value}", key.value,
                                   "a path has only intro: and steps:",
                                   advice="remove this line, or put what it says in a step's why:"))
    before = len(errors)
    intro = _sentences(_value(node, "intro"), f"{field}.intro", node, errors, required=True)
    steps_node = _value(node, "steps")
    steps: list[Step] = []
    if not isinstance(steps_node, yaml.SequenceNode) or not steps_node.value:
        errors.append(ContentError(WHERE, _line(steps_node or node), f"{field}.steps", None,
                                   "a path has at least one step",
                                   advice="list the pages under steps:, one '- page:' line each, with its why:"))
    else:
        for number, step_node in enumerate(steps_node.value, start=1):
            step = _step(step_node, f"{field}.steps[{number}]", library, steps, errors)
            if step:
                steps.append(step)
    if len(errors) > before:
        return None
    return LearningPath(audience, intro, tuple(steps), _line(node))


def _step(node: yaml.Node, field: str, library: Library, earlier: list[Step],
          errors: list[ContentError]) -> Step | None:
    if not isinstance(node, yaml.MappingNode):
        errors.append(ContentError(WHERE, _line(node), field, _scalar(node),
                                   "a step is 'page:' or 'self-check:' with its 'why:'",
                                   advice="start the step with '- page: ' and the page's address"))
        return None
    keys = [key.value for key, _ in node.value]
    for key, _ in node.value:
        if key.value not in ("page", "self-check", "why"):
            errors.append(ContentError(WHERE, _line(key), f"{field}.{key.value}", key.value,
                                       "a step has page: (or self-check:) and why:",
                                       advice="remove this line, or put what it says in the step's why:"))
            return None
    if ("page" in keys) == ("self-check" in keys):
        errors.append(ContentError(WHERE, _line(node), field, ", ".join(keys),
                                   "a step names one page (page:) or one module's self-check (self-check:)",
                                   advice="make two steps of it, one for the page and one for the self-check"))
        return None
    name = "page" if "page" in keys else "self-check"
    target_node = _value(node, name)
    target = _scalar(target_node)
    line = _line(target_node)
    if name == "page":
        pages = {**{f"practices/{slug}": "practice" for slug in library.practices},
                 **{f"modules/{slug}": "module" for slug in library.modules}}
        allowed = "a practice (practices/<slug>) or a training module (modules/<slug>) of the site"
    else:
        pages = {f"modules/{slug}": "self-check" for slug in library.modules}
        allowed = "a training module (modules/<slug>) of the site, whose self-check the step asks for"
    reference = str(target).strip().strip("/").removesuffix(".md").removesuffix("/index") if target else ""
    if reference.startswith("docs/"):
        reference = reference[5:]
    if reference not in pages:
        closest = _closest(reference, pages)
        errors.append(ContentError(
            WHERE, line, f"{field}.{name}", target,
            f"no such page; allowed: {allowed}",
            *_paste(f"- {name}: {closest}" if closest else None,
                    "write the page's file under docs/ without .md, such as practices/cultural-mediation")))
        return None
    kind = pages[reference]
    page = f"{reference}.md"
    if kind == "self-check":
        module = library.modules[reference.split("/", 1)[1]]
        if not any(step.kind == "module" and step.page == page for step in earlier):
            errors.append(ContentError(WHERE, line, f"{field}.self-check", target,
                                       "a self-check comes after its module's own step on the path",
                                       advice=f"move this step after the step '- page: {reference}', "
                                              "or add that step before it"))
            return None
        if not module.self_check:
            errors.append(ContentError(WHERE, line, f"{field}.self-check", target,
                                       "this module has no self-check (self_check: in its front matter)",
                                       advice="remove this step, or give the module its self-check first"))
            return None
    if any(step.kind == kind and step.page == page for step in earlier):
        errors.append(ContentError(WHERE, line, f"{field}.{name}", target,
                                   "this step is already on the path: each page comes once",
                                   advice="remove one of the two steps"))
        return None
    why = _sentences(_value(node, "why"), f"{field}.why", node, errors, required=kind != "self-check")
    return Step(kind, page, why, line)


def _sentences(node: yaml.Node | None, field: str, parent: yaml.Node, errors: list[ContentError],
               required: bool) -> dict[str, str]:
    """One sentence in each written language: en, sq, mk, sr, bs."""
    if node is None:
        if required:
            errors.append(ContentError(WHERE, _line(parent), field, None,
                                       f"a sentence in each of {', '.join(WRITTEN_LANGUAGES)}",
                                       advice="add why: under the step, then a line per language with its sentence"))
        return {}
    if not isinstance(node, yaml.MappingNode):
        errors.append(ContentError(WHERE, _line(node), field, _scalar(node),
                                   f"a sentence in each of {', '.join(WRITTEN_LANGUAGES)}, one a line",
                                   advice="write a line per language under why:, its sentence in quotation marks"))
        return {}
    sentences: dict[str, str] = {}
    for key, value in node.value:
        text = _scalar(value)
        if key.value not in WRITTEN_LANGUAGES:
            hint = " (sr-Latn is made from sr)" if key.value == "sr-Latn" else ""
            errors.append(ContentError(WHERE, _line(key), f"{field}.{key.value}", key.value,
                                       f"the languages written here are {', '.join(WRITTEN_LANGUAGES)}{hint}",
                                       advice="remove this line"))
        elif not isinstance(text, str) or not text.strip():
            errors.append(ContentError(WHERE, _line(value), f"{field}.{key.value}", text or "(empty)",
                                       "a sentence, in quotation marks",
                                       advice=f"write the sentence after '{key.value}: ', in quotation marks"))
        else:
            sentences[key.value] = " ".join(text.split())
    for lang in WRITTEN_LANGUAGES:
        if lang not in sentences and not any(key.value == lang for key, _ in node.value):
            errors.append(ContentError(WHERE, _line(node), f"{field}.{lang}", None,
                                       f"the sentence is missing in {lang}: every step says why in every language",
                                       advice=f"add a line '{lang}: ' with the sentence in {lang}, in quotation marks"))
    return sentences


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


def _scalar(node: yaml.Node | None):
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _paste(line: str | None, advice: str) -> tuple[str | None, str | None]:
    """(example, advice): a line to paste when there is a real one, else what to do in words."""
    return (line, None) if line else (None, advice)


def _closest(value: str, allowed) -> str | None:
    found = difflib.get_close_matches(str(value), list(allowed), n=1, cutoff=0.5)
    return found[0] if found else None


# -- where a page is on a path -------------------------------------------------------------


def paths_with(paths: tuple[LearningPath, ...], page: str) -> list[LearningPath]:
    """The paths that have `page` (a practice or module) as a step."""
    return [path for path in paths if any(step.page == page and step.kind != "self-check" for step in path.steps)]


# -- pages ---------------------------------------------------------------------------------


def path_pages(library: Library) -> list[GeneratedPage]:
    """One page per path, in every language (declared in page_assembly.GENERATED_PAGES)."""
    return [GeneratedPage(
        path=path.path,
        title=lambda ctx, path=path: ctx.t("paths.page_title", audience=ctx.label("audiences", path.audience)),
        render=lambda ctx, path=path: path_page(ctx, path),
        summary=lambda ctx, path=path: _text(ctx, path.intro),
        fallback=PATHS_INDEX,
    ) for path in learning_paths(library)]


def path_page(ctx: Context, path: LearningPath) -> str:
    """A path's page: what it is, the steps as an ordered list, the record to print."""
    strings = "".join(f' data-{key.replace(".", "-").replace("_", "-")}="{esc(ctx.t(key))}"'
                      for key in SCRIPT_STRINGS)
    title = ctx.t("paths.page_title", audience=ctx.label("audiences", path.audience))
    head = [_translation_note(ctx, path),
            f'<p class="learning-path__intro">{esc(_text(ctx, path.intro))}</p>',
            f'<p class="learning-path__privacy" role="note">{esc(ctx.t("paths.privacy"))}</p>',
            f'<p class="learning-path__nojs">{esc(ctx.t("paths.nojs"))}</p>',
            f'<p class="learning-path__progress" data-learning-progress hidden></p>']
    steps = "".join(_step_item(ctx, number, step) for number, step in enumerate(path.steps, start=1))
    listing = (f'<ol class="learning-path" data-learning-path="{esc(path.audience)}"{strings}>{steps}</ol>'
               f'<p class="learning-path__controls" hidden>'
               f'<button type="button" class="md-button" data-learning-clear>{esc(ctx.t("paths.clear"))}</button></p>')
    record = _record(ctx, path, title)
    others = "".join(
        f"<li>{ctx.a(ctx.label('audiences', code), f'paths/{code}.md')}</li>"
        for code in ctx.library.vocabulary.audiences if code != path.audience)
    return (ctx.html("".join(head))
            + ctx.heading(2, ctx.t("paths.steps_heading"), "steps")
            + ctx.html(listing)
            + ctx.heading(2, ctx.t("paths.record_heading"), "record")
            + ctx.html(record)
            + ctx.heading(2, ctx.t("paths.other_heading"), "other-paths")
            + ctx.html(f'<ul class="learning-path__others">{others}</ul>'
                       f'<p class="learning-path__index">{ctx.a(ctx.t("paths.index_link"), PATHS_INDEX)}</p>'))


def _step_item(ctx: Context, number: int, step: Step) -> str:
    page = ctx.library.pages[step.page]
    title = ctx.title(page)
    kind = ctx.t(f"paths.kind.{step.kind}")
    if step.kind == "self-check":
        questions = ctx.library.self_check(page, ctx.lang)
        minutes = len(questions) * MINUTES_PER_QUESTION
        link = ctx.a(ctx.t("paths.self_check_title", title=title), step.page, SELF_CHECK_ID)
        time = ctx.t("paths.answering", minutes=ctx.minutes(minutes))
        why = _text(ctx, step.why) if step.why else ctx.t("paths.self_check_why")
        extra = (f'<details class="learning-path__questions"><summary>'
                 f'{esc(ctx.t("paths.answer_here", count=len(questions)))}</summary>'
                 f'{self_check_block(ctx, step.slug, questions)}</details>')
    else:
        minutes = reading_minutes(practice_words(ctx, page))
        link = ctx.a(title, step.page)
        time = ctx.t("paths.reading", minutes=ctx.minutes(minutes))
        why = _text(ctx, step.why)
        extra = ""
    return (f'<li class="learning-path__step" id="step-{number}" data-step="{esc(step.key)}" '
            f'data-kind="{step.kind}" data-minutes="{minutes}">'
            f'<p class="learning-path__meta"><span class="learning-path__kind">{esc(kind)}</span> · '
            f'<span class="learning-path__time">{esc(time)}</span></p>'
            f'<p class="learning-path__title">{link}</p>'
            f'<p class="learning-path__why">{esc(why)}</p>{extra}'
            f'<p class="learning-path__status" role="status" hidden></p>'
            + ('' if step.kind == "self-check" else
               f'<button type="button" class="md-button learning-path__mark" aria-pressed="false" hidden>'
               f'{esc(ctx.t("paths.mark"))}</button>')
            + "</li>")


def _record(ctx: Context, path: LearningPath, title: str) -> str:
    """The record to print for a supervisor: filled by paths.js from the reader's own progress."""
    rows = "".join(
        f'<tr data-record-step="{esc(step.key)}"><td>{number}</td>'
        f'<td>{esc(_step_title(ctx, step))}</td><td>{esc(ctx.t(f"paths.kind.{step.kind}"))}</td>'
        f'<td data-record-date>{esc(ctx.t("paths.not_yet"))}</td></tr>'
        for number, step in enumerate(path.steps, start=1))
    head = "".join(f"<th>{esc(ctx.t(key))}</th>" for key in
                   ("paths.record.number", "paths.record.step", "paths.record.kind", "paths.record.date"))
    return (f'<div class="learning-record" data-learning-record>'
            f'<p class="learning-record__lead">{esc(ctx.t("paths.record.lead"))}</p>'
            f'<div class="learning-record__sheet" hidden>'
            f'<p class="learning-record__title"><strong>{esc(ctx.t("paths.record.title"))}</strong>: {esc(title)}</p>'
            f'<p class="learning-record__name">{esc(ctx.t("paths.record.name"))} '
            f'<span class="learning-record__line"></span></p>'
            f'<table class="learning-record__table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f'<p class="learning-record__summary" data-record-summary></p>'
            f'<p class="learning-record__printed" data-record-printed data-template="'
            f'{esc(ctx.t("paths.record.printed"))}"></p>'
            f'<p class="learning-record__not-certificate">'
            f'<strong>{esc(ctx.t("paths.record.not_certificate"))}</strong></p>'
            f'</div>'
            f'<p class="learning-record__controls" hidden><button type="button" class="md-button md-button--primary" '
            f'data-record-print>{esc(ctx.t("paths.record.print"))}</button></p>'
            f'</div>')


def _step_title(ctx: Context, step: Step) -> str:
    title = ctx.title(ctx.library.pages[step.page])
    return ctx.t("paths.self_check_title", title=title) if step.kind == "self-check" else title


def _translation_note(ctx: Context, path: LearningPath) -> str:
    """The path's own sentences are machine drafts outside English: say so, as a page's banner does."""
    if ctx.lang == DEFAULT_LANGUAGE:
        return ""
    english = relative_url(ctx.page_url, url_of(path.path, DEFAULT_LANGUAGE))
    return (f'<div class="translation-state translation-state--machine" data-translation-state="machine" '
            f'role="note"><p>{esc(ctx.t("translation.machine"))} '
            f'<a href="{esc(english)}" hreflang="en">{esc(ctx.t("translation.original_link"))}</a></p></div>')


def _text(ctx: Context, sentences: Mapping[str, str]) -> str:
    """A sentence of the data file in the reader's language (sr-Latn from sr)."""
    source = ctx.library.vocabulary.language(ctx.lang).generated_from or ctx.lang
    text = sentences.get(source) or sentences.get(DEFAULT_LANGUAGE, "")
    return serbian_cyrillic_to_latin(text) if source == "sr" and ctx.lang != "sr" else text


# -- the index and the pages on a path -----------------------------------------------------


def paths_index(ctx: Context) -> str:
    """Every path as a card (HTML): the audience, whom it is for, its steps and time."""
    entries = []
    for path in learning_paths(ctx.library):
        minutes = sum(_minutes(ctx, step) for step in path.steps)
        counts = ctx.t("paths.index.counts", steps=len(path.steps), time=_hours(ctx, minutes))
        entries.append(
            f'<li class="card"><p class="card__title">'
            f'{ctx.a(ctx.label("audiences", path.audience), path.path)}</p>'
            f'<p class="card__meta">{esc(counts)}</p>'
            f'<p class="card__summary">{esc(_text(ctx, path.intro))}</p></li>')
    return f'<ul class="cards learning-paths" aria-label="{esc(ctx.t("paths.index.heading"))}">{"".join(entries)}</ul>'


def _minutes(ctx: Context, step: Step) -> int:
    page = ctx.library.pages[step.page]
    if step.kind == "self-check":
        return len(ctx.library.self_check(page, ctx.lang)) * MINUTES_PER_QUESTION
    return reading_minutes(practice_words(ctx, page))


def _hours(ctx: Context, minutes: int) -> str:
    if minutes < 60:
        return ctx.minutes(minutes)
    return ctx.t("paths.hours_minutes", hours=minutes // 60, minutes=minutes % 60)


def paths_teaser(ctx: Context) -> str:
    """A short block on the home page and the modules page: a path for each role."""
    links = " · ".join(ctx.a(ctx.label("audiences", path.audience), path.path)
                       for path in learning_paths(ctx.library))
    return ctx.html(f'<div class="learning-paths-teaser"><p><strong>{ctx.a(ctx.t("paths.teaser.title"), PATHS_INDEX)}'
                    f'</strong> {esc(ctx.t("paths.teaser.text"))}</p><p>{links}</p></div>')


def on_paths(ctx: Context, page: Page) -> str:
    """On a practice or module: the paths it is on, in one line (empty when none)."""
    found = paths_with(learning_paths(ctx.library), page.path)
    if not found:
        return ""
    links = ", ".join(ctx.a(ctx.label("audiences", path.audience), path.path) for path in found)
    return ctx.html(f'<p class="on-paths">{esc(ctx.t("paths.on_paths"))} {links}</p>')
