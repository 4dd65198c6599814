"""The content model: commitments, actions, practices, training modules, news
and their translations, as plain data.

Reading and validating the files is `loading.load_library`; this module only
says what a page is, so validation can build pages without importing the
loader (one direction: loading -> validation -> model).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Iterable

from .official import OfficialTexts
from .transliteration import serbian_cyrillic_to_latin
from .vocabulary import DEFAULT_LANGUAGE, Vocabulary

ACTION_COUNT = 21
COMMITMENT_COUNT = 3
GCM_OBJECTIVE_COUNT = 23
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A second suffix that looks like a language code: "page.sq.md", "page.sr-Latn.md", "page.cnr.md".
LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})*)$")
TRANSLATION_STATES_WRITTEN = ("machine", "reviewed")
# A practice or module is due for review a year after its last update, unless
# its front matter names an earlier date.
REVIEW_INTERVAL_DAYS = 365
# What an agenda entry is for the day, beyond its own activity: the workshop
# pack merges the openings and closings of modules that share a day and
# places its breaks by them (hooks/learning_platform/pack.py). Data, not a
# guess from the activity's words, which differ in every language.
AGENDA_ROLES = ("opening", "break", "closing")


# -- the content types --------------------------------------------------------


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    lang: str = "en"  # the language of the source's title (and page)


@dataclass(frozen=True)
class Contact:
    """An institution's public contact point, declared in front matter (never a person):
    its web address only, never an e-mail address or a phone number (CONTENT_MODEL.md)."""

    organisation: str
    role: str
    url: str


@dataclass(frozen=True)
class AgendaItem:
    minutes: int
    activity: str
    method: str = ""
    role: str = ""  # one of AGENDA_ROLES, or "" for the module's own content


@dataclass(frozen=True)
class Material:
    """One entry of a module's `materials`: supplied by the module (a `section`
    of its page, or a `page` such as the participants' handout) or, with
    neither, something the trainer brings (a flip chart)."""

    name: str
    section: str = ""  # an anchor of the module's page, e.g. "case-cards"
    page: str = ""  # "participants": the participants' handout

    @property
    def supplied(self) -> bool:
        return bool(self.section or self.page)


@dataclass(frozen=True)
class Question:
    """One question of a module's self-check, with its answer and why."""

    question: str
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str

    @property
    def answer_letter(self) -> str:
        return "ABCDEFGH"[self.answer]


@dataclass(frozen=True)
class Translation:
    """A translated page: only what it translates plus its state."""

    path: str  # relative to docs/, e.g. "practices/foo.sq.md"
    source_path: str  # the English page it translates, e.g. "practices/foo.md"
    language: str
    title: str | None
    summary: str | None
    state: str  # "machine" or "reviewed" as written
    reviewed_by: str | None
    source_fingerprint: str | None
    body: str = field(default="", repr=False, compare=False)  # the translated text
    # A module's teaching plan in this language (same length as the English lists).
    objectives: tuple[str, ...] = ()
    agenda: tuple[tuple[str, str], ...] = ()  # (activity, method)
    materials: tuple[str, ...] = ()
    # The self-check in this language: (question, options, explanation) per question.
    self_check: tuple[tuple[str, tuple[str, ...], str], ...] = ()
    facilitator_blocks: int = 0  # parts marked for the facilitator only, as in the English page
    sections: tuple[str, ...] = ()  # anchors of its text's headings


@dataclass(frozen=True)
class Page:
    """Any English page; typed pages below add their structured fields."""

    path: str
    title: str | None
    summary: str | None
    fingerprint: str  # of the text a translation is made from
    markdown: str = field(default="", compare=False, repr=False)  # its English text, below the front matter

    @cached_property
    def words(self) -> int:
        """The words of its English text: a reading's time in the workshop pack. Counted when
        the pack asks, not for every page the content check reads (0.36 s at 1,000 practices)."""
        return count_words(self.markdown)

    @property
    def slug(self) -> str:
        # String work, not Path(...).stem: asked for tens of thousands of times a build.
        return self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


@dataclass(frozen=True)
class Commitment(Page):
    number: int = 0


@dataclass(frozen=True)
class Action(Page):
    number: int = 0
    commitment: int = 0


@dataclass(frozen=True)
class Reviewed(Page):
    """A page whose content is checked on a schedule: practices and modules."""

    updated: dt.date = dt.date.min
    review_due_date: dt.date | None = None  # written in front matter, when sooner than a year
    published_date: dt.date | None = None  # written in front matter; the feeds' first date

    @property
    def published(self) -> dt.date:
        """When the page first appeared: `published:`, or else its last update."""
        return self.published_date or self.updated

    @property
    def review_due(self) -> dt.date:
        default = self.updated + dt.timedelta(days=REVIEW_INTERVAL_DAYS)
        return min(self.review_due_date, default) if self.review_due_date else default

    def review_overdue(self, today: dt.date) -> bool:
        return self.review_due < today


@dataclass(frozen=True)
class Practice(Reviewed):
    kind: str = ""
    actions: tuple[int, ...] = ()
    partners: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    gcm_objectives: tuple[int, ...] = ()
    audience: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Module(Reviewed):
    duration: tuple[int, str] = (0, "hours")
    audience: tuple[str, ...] = ()
    actions: tuple[int, ...] = ()
    practices: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    materials: tuple[Material, ...] = ()
    sources: tuple[Source, ...] = ()
    self_check: tuple[Question, ...] = ()
    facilitator_blocks: int = 0  # parts of its text marked `/// facilitator`
    body: str = field(default="", repr=False, compare=False)  # its text, for the participants' handout

    @property
    def minutes(self) -> int:
        count, unit = self.duration
        return round(count * {"minutes": 1, "hours": 60, "days": 60 * 24}[unit])


@dataclass(frozen=True)
class NewsItem(Page):
    date: dt.date = dt.date.min
    end_date: dt.date | None = None
    partners: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    published_date: dt.date | None = None  # written in front matter; the event's date is not when it was posted

    @property
    def published(self) -> dt.date:
        """When the entry was posted: `published:`, or else the event's first day."""
        return self.published_date or self.date


@dataclass
class Library:
    """Every page of the site, indexed the ways the generated tables need."""

    vocabulary: Vocabulary
    official: OfficialTexts
    pages: dict[str, Page] = field(default_factory=dict)  # English pages by path
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)

    @property
    def commitments(self) -> dict[int, Commitment]:
        return self._typed(Commitment, lambda page: page.number)

    @property
    def actions(self) -> dict[int, Action]:
        return self._typed(Action, lambda page: page.number)

    @property
    def practices(self) -> dict[str, Practice]:
        return self._typed(Practice, lambda page: page.slug)

    @property
    def modules(self) -> dict[str, Module]:
        return self._typed(Module, lambda page: page.slug)

    @property
    def news(self) -> dict[str, NewsItem]:
        """News and events by slug; `news_by_date` gives them newest first."""
        return self._typed(NewsItem, lambda page: page.slug)

    @property
    def news_by_date(self) -> list[NewsItem]:
        return sorted(self.news.values(), key=lambda item: (item.date, item.slug), reverse=True)

    def _typed(self, kind: type, key) -> dict:
        cache = self.__dict__.setdefault("_typed_cache", {})
        if kind not in cache:
            found = [page for page in self.pages.values() if type(page) is kind]
            cache[kind] = {key(page): page for page in sorted(found, key=key)}
        return cache[kind]

    def practices_for_action(self, number: int) -> list[Practice]:
        return self._by_action("practices", self.practices.values()).get(number, [])

    def modules_for_action(self, number: int) -> list[Module]:
        return self._by_action("modules", self.modules.values()).get(number, [])

    def modules_for_practice(self, slug: str) -> list[Module]:
        cache = self.__dict__.setdefault("_modules_by_practice", None)
        if cache is None:
            cache = defaultdict(list)
            for module in self.modules.values():
                for practice in module.practices:
                    cache[practice].append(module)
            self.__dict__["_modules_by_practice"] = cache
        return cache.get(slug, [])

    def _by_action(self, name: str, items: Iterable) -> dict[int, list]:
        key = f"_by_action_{name}"
        if key not in self.__dict__:
            index: dict[int, list] = defaultdict(list)
            for item in sorted(items, key=lambda item: (item.title or "").casefold()):
                for number in item.actions:
                    index[number].append(item)
            self.__dict__[key] = index
        return self.__dict__[key]

    def translation(self, path: str, lang: str) -> Translation | None:
        return self.translations.get((path, lang))

    def translation_state(self, path: str, lang: str) -> str:
        """`missing`, `machine`, `outdated` or `reviewed` for page `path` in `lang`."""
        if lang == DEFAULT_LANGUAGE:
            return "reviewed"
        generated_from = self.vocabulary.language(lang).generated_from
        translation = self.translation(path, generated_from or lang)
        if translation is None:
            return "missing"
        page = self.pages[path]
        if translation.source_fingerprint and translation.source_fingerprint != page.fingerprint:
            return "outdated"
        return translation.state

    def title(self, page: Page, lang: str) -> str:
        translation = self.translation(page.path, self._source_language(lang))
        text = (translation and translation.title) or page.title or page.slug
        return self._script(text, lang)

    def summary(self, page: Page, lang: str) -> str:
        translation = self.translation(page.path, self._source_language(lang))
        text = (translation and translation.summary) or page.summary or ""
        return self._script(text, lang)

    def _source_language(self, lang: str) -> str:
        return self.vocabulary.language(lang).generated_from or lang

    def _script(self, text: str, lang: str) -> str:
        if self.vocabulary.language(lang).generated_from == "sr":
            return serbian_cyrillic_to_latin(text)
        return text

    def module_plan(self, module: Module, lang: str) -> tuple[tuple[str, ...], tuple[AgendaItem, ...],
                                                              tuple[Material, ...]]:
        """A module's objectives, agenda and materials in `lang` (English where not translated)."""
        translation = self.translation(module.path, self._source_language(lang))
        objectives = (translation and translation.objectives) or module.objectives
        materials = module.materials
        if translation and translation.materials:
            materials = tuple(replace(material, name=name)
                              for material, name in zip(module.materials, translation.materials))
        materials = tuple(replace(material, name=self._script(material.name, lang)) for material in materials)
        agenda = module.agenda
        if translation and translation.agenda:
            agenda = tuple(AgendaItem(item.minutes, activity, method, item.role)
                           for item, (activity, method) in zip(module.agenda, translation.agenda))
        script = lambda texts: tuple(self._script(text, lang) for text in texts)  # noqa: E731
        agenda = tuple(AgendaItem(item.minutes, self._script(item.activity, lang), self._script(item.method, lang),
                                  item.role) for item in agenda)
        return script(objectives), agenda, materials

    def self_check(self, module: Module, lang: str) -> tuple[Question, ...]:
        """A module's self-check in `lang` (English where not translated); answers from the English."""
        translation = self.translation(module.path, self._source_language(lang))
        questions = module.self_check
        if translation and translation.self_check:
            questions = tuple(Question(text, options, english.answer, explanation)
                              for english, (text, options, explanation) in zip(module.self_check,
                                                                               translation.self_check))
        return tuple(Question(self._script(q.question, lang), tuple(self._script(o, lang) for o in q.options),
                              q.answer, self._script(q.explanation, lang)) for q in questions)


def count_words(markdown: str) -> int:
    """The words a reader reads in a Markdown text: no link addresses, tags or
    attribute lists, which a plain split would count."""
    text = _NOT_READ.sub(" ", markdown)
    return len(_WORD.findall(text))


_NOT_READ = re.compile(r"\]\([^)]*\)|<[^>]+>|\{\s*[:#.][^}]*\}|^ {0,3}(?:[-*_] *){3,}$|https?://\S+", re.M)
_WORD = re.compile(r"\w[\w'’-]*")


# -- fingerprints -----------------------------------------------------------------


def _translated(values: Any) -> Any:
    """A list as far as a translation follows it: an agenda entry's role is
    structure no translation repeats, so marking it leaves translations current."""
    if isinstance(values, list):
        return [{k: v for k, v in value.items() if k != "role"} if isinstance(value, dict) else value
                for value in values]
    return values

# Front matter a translation translates besides title and summary: a module's
# teaching plan. A change to it makes the translations out of date.
TRANSLATED_LISTS = ("objectives", "agenda", "materials", "self_check")


def fingerprint(title: Any, summary: Any, body: str, front: dict | None = None) -> str:
    """What a translation is made from: title, summary and text of the English page
    (and, for a module, its objectives, agenda, materials and self-check)."""
    digest = hashlib.sha256()
    for part in (str(title or ""), str(summary or ""), body.strip()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    for name in TRANSLATED_LISTS:
        if front and front.get(name):
            digest.update(f"{name}={_translated(front[name])!r}".encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()[:16]


