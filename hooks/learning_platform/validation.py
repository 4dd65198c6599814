"""Front matter rules of the contract, one small check per field.

A `PageValidator` turns one page's front matter into a typed page (or a
translation) and collects every problem instead of stopping at the first, so a
contributor sees all of them in one build.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any, Callable
from urllib.parse import urlsplit

from .errors import ContentError
from .frontmatter import field_line
from .model import (
    ACTION_COUNT,
    COMMITMENT_COUNT,
    GCM_OBJECTIVE_COUNT,
    SLUG,
    TRANSLATION_STATES_WRITTEN,
    AGENDA_ROLES,
    Action,
    AgendaItem,
    Commitment,
    Contact,
    Library,
    Module,
    NewsItem,
    Page,
    Practice,
    Source,
    Translation,
    count_words,
    fingerprint,
)
from .safety import scan_values
from .vocabulary import Vocabulary

SUMMARY_MAX = 300
DURATION = re.compile(r"^\s*(?P<count>\d+(?:\.\d+)?)\s+(?P<unit>minutes?|hours?|days?)\s*$")

# The fields each kind of page accepts; anything else is a typo or a misplaced field.
FIELDS = {
    "commitment": {"commitment", "title", "summary", "hide"},
    "action": {"action", "commitment", "title", "summary", "hide"},
    "practice": {
        "title", "summary", "kind", "actions", "partners", "target_groups",
        "gcm_objectives", "audience", "stage", "sources", "updated", "review_due", "contacts",
        "published",
    },
    "module": {
        "title", "summary", "duration", "audience", "actions", "practices", "objectives",
        "agenda", "materials", "sources", "updated", "review_due", "published",
    },
    "news": {"title", "summary", "date", "end_date", "partners", "sources", "published"},
    "page": {"title", "summary", "hide"},
    "translation": {"title", "summary", "translation", "reviewed_by", "source_fingerprint", "hide",
                    "objectives", "agenda", "materials"},
}
# What a translation may translate beyond title and summary, by the type of its English page.
TRANSLATED_FIELDS = {"module": ("objectives", "agenda", "materials")}
OBJECTIVES_MIN = 2
SOURCE_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?$")
CONTACT_FIELDS = {"organisation", "role", "url", "email", "phone"}
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")


def page_type(path: str) -> str:
    """Which kind of page a path holds, by the contract's layout."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 2 and parts[0] in SECTIONS:
        if parts[-1] == "index.md" and len(parts) == 2:
            return "page"
        return SECTIONS[parts[0]]
    return "page"


SECTIONS = {"commitments": "commitment", "actions": "action", "practices": "practice",
            "modules": "module", "news": "news"}


class PageValidator:
    def __init__(self, path: str, text: str, front: dict[str, Any], vocabulary: Vocabulary):
        self.path = path
        self.text = text
        self.front = front
        self.vocabulary = vocabulary
        self.errors: list[ContentError] = []

    # -- entry points ----------------------------------------------------------

    def page(self, body: str) -> Page | None:
        kind = page_type(self.path)
        self._known_fields(kind)
        self.errors.extend(scan_values(self.path, self.text, self.front))
        self._hide()
        common = dict(
            path=self.path,
            title=self._text("title", required=kind != "page"),
            summary=self._summary(required=kind in ("practice", "module")),
            fingerprint=fingerprint(self.front.get("title"), self.front.get("summary"), body, self.front),
            words=count_words(body),
        )
        builder: Callable[[dict], Page | None] = getattr(self, f"_{kind}")
        before = len(self.errors)
        page = builder(common)
        return page if len(self.errors) == before else None

    def translation(self, source_path: str, language: str, body: str = "",
                    source: Page | None = None) -> Translation | None:
        """A translation of `source` (the English page, when it is valid)."""
        self._known_fields("translation")
        self.errors.extend(scan_values(self.path, self.text, self.front))
        self._hide()
        state = self._choice(
            "translation", TRANSLATION_STATES_WRITTEN, required=True,
            example="translation: machine",
            why="missing and outdated are worked out by the build and never written",
        )
        reviewed_by = self._text("reviewed_by", required=state == "reviewed")
        current = source.fingerprint if source is not None else None
        paste = f'source_fingerprint: "{current}"' if current else 'source_fingerprint: "3f2a9c0d41b7e856"'
        fingerprint_value = self.front.get("source_fingerprint")
        if fingerprint_value is None:
            self._missing(
                "source_fingerprint",
                f"{paste}\n    (paste this line into the front matter if your translation follows today's "
                f"English page {source_path}; in a terminal the same is: "
                f"python scripts/translations.py mark-current docs/{self.path})",
            )
        elif not (
            isinstance(fingerprint_value, str) and re.fullmatch(r"[0-9a-f]{16}", fingerprint_value)
        ):
            self._error(
                "source_fingerprint", fingerprint_value,
                "must be the 16-letter fingerprint of the English page the translation was made from",
                paste,
            )
        lists = self._translated_lists(source_path, source)
        before = len(self.errors)
        translation = Translation(
            path=self.path, source_path=source_path, language=language,
            title=self._text("title", required=False),
            summary=self._summary(required=False),
            state=state or "machine", reviewed_by=reviewed_by,
            source_fingerprint=fingerprint_value if isinstance(fingerprint_value, str) else None,
            body=body,
            **lists,
        )
        return translation if len(self.errors) == before else None

    def _translated_lists(self, source_path: str, source: Page | None) -> dict:
        """A module translation's objectives, agenda and materials: as many as the English has."""
        allowed = TRANSLATED_FIELDS.get(page_type(source_path), ())
        found: dict = {}
        for name in ("objectives", "agenda", "materials"):
            if name not in self.front:
                continue
            if name not in allowed:
                self._error(name, self.front[name],
                            f"only translations of training modules carry {name}; remove this field")
                continue
            english = getattr(source, name, ()) if source is not None else ()
            example = (f"{name}:\n  - {{activity: \"...\", method: \"...\"}}" if name == "agenda"
                       else f"{name}:\n  - ...")
            values = self._list(name, False, example, unique=name != "agenda")
            if values is None:
                continue
            if source is not None and len(values) != len(english):
                self._error(name, f"{len(values)} entries",
                            f"the English module {source_path} has {len(english)} {name}; a translation "
                            f"gives the same {name} in the same order", example)
                continue
            if name == "agenda":
                items = []
                for index, value in enumerate(values, start=1):
                    if isinstance(value, str):
                        items.append((value.strip(), ""))
                    elif (isinstance(value, dict) and isinstance(value.get("activity"), str)
                          and set(value) <= {"activity", "method", "minutes"}
                          and isinstance(value.get("method", ""), str)):
                        if "minutes" in value and source is not None and value["minutes"] != english[index - 1].minutes:
                            self._error(f"agenda[{index}].minutes", value["minutes"],
                                        f"the minutes come from the English module ({english[index - 1].minutes}); "
                                        "leave them out of the translation", f'- {{activity: "{value["activity"]}"}}')
                        items.append((value["activity"].strip(), value.get("method", "").strip()))
                    else:
                        self._error(f"agenda[{index}]", value,
                                    "each agenda entry of a translation gives the activity (and method) in "
                                    "this language", '- {activity: "...", method: "..."}')
                found[name] = tuple(items)
            else:
                texts = [value for value in values if isinstance(value, str) and value.strip()]
                if len(texts) != len(values):
                    self._error(name, values, f"every entry of {name} is a piece of text", example)
                    continue
                found[name] = tuple(text.strip() for text in texts)
        return found

    # -- page kinds ------------------------------------------------------------

    def _page(self, common: dict) -> Page:
        return Page(**common)

    def _commitment(self, common: dict) -> Commitment | None:
        number = self._number_from_file("commitment", COMMITMENT_COUNT)
        return Commitment(**common, number=number or 0)

    def _action(self, common: dict) -> Action | None:
        number = self._number_from_file("action", ACTION_COUNT)
        commitment = self._integer("commitment", 1, COMMITMENT_COUNT, required=True,
                                   example="commitment: 3")
        if number and commitment:
            expected = 1 if number <= 5 else 2 if number <= 14 else 3
            if commitment != expected:
                self._error(
                    "commitment", commitment,
                    f"the Action Plan places action {number} under commitment {expected} "
                    "(actions 1-5: commitment 1, 6-14: commitment 2, 15-21: commitment 3)",
                    f"commitment: {expected}",
                )
        return Action(**common, number=number or 0, commitment=commitment or 0)

    def _practice(self, common: dict) -> Practice | None:
        self._slug()
        updated = self._date("updated") or dt.date.min
        return Practice(
            **common,
            kind=self._choice("kind", tuple(self.vocabulary.kinds), required=True,
                              example="kind: method") or "",
            actions=self._integers("actions", 1, ACTION_COUNT, required=True,
                                   example="actions: [16, 18]"),
            partners=self._codes("partners", tuple(self.vocabulary.partners),
                                 example="partners: [BA, MK]"),
            target_groups=self._codes("target_groups", tuple(self.vocabulary.target_groups),
                                      example="target_groups: [returnees, families]"),
            gcm_objectives=self._integers("gcm_objectives", 1, GCM_OBJECTIVE_COUNT,
                                          required=False, example="gcm_objectives: [21]"),
            audience=self._codes("audience", tuple(self.vocabulary.audiences),
                                 example="audience: [return-officers, social-workers]"),
            stage=self._codes("stage", tuple(self.vocabulary.stages),
                              example="stage: [return-preparation, reintegration]"),
            sources=self._sources(),
            updated=updated,
            review_due_date=self._review_due(updated),
            published_date=self._published(updated),
            contacts=self._contacts(),
        )

    def _module(self, common: dict) -> Module | None:
        self._slug()
        updated = self._date("updated") or dt.date.min
        duration = self._duration()
        return Module(
            **common,
            duration=duration,
            audience=self._codes("audience", tuple(self.vocabulary.audiences), required=True,
                                 example="audience: [return-officers, social-workers]"),
            actions=self._integers("actions", 1, ACTION_COUNT, required=True,
                                   example="actions: [16]"),
            practices=self._slugs("practices"),
            objectives=self._objectives(),
            agenda=self._agenda(duration),
            materials=self._texts("materials", required=True,
                                  example="materials:\n  - Printed handout (one per participant)"),
            sources=self._sources(),
            updated=updated,
            review_due_date=self._review_due(updated),
            published_date=self._published(updated),
        )

    def _news(self, common: dict) -> NewsItem | None:
        self._slug()
        date = self._date("date")
        end_date = self._date("end_date", required=False)
        if date and end_date and end_date < date:
            self._error("end_date", end_date.isoformat(),
                        f"the last day of the event is before its first day ({date.isoformat()})",
                        f"end_date: {date.isoformat()}")
        return NewsItem(
            **common,
            date=date or dt.date.min,
            end_date=end_date,
            partners=self._codes("partners", tuple(self.vocabulary.partners),
                                 example="partners: [AL, BA, XK, ME, MK, RS]"),
            sources=self._sources(),
            published_date=self._date("published", required=False),
        )

    # -- teaching plans, reviews, contacts ----------------------------------------

    def _objectives(self) -> tuple[str, ...]:
        example = ("objectives:\n  - Explain the purpose of return counselling.\n"
                   "  - Use four core listening skills in a counselling session.")
        objectives = self._texts("objectives", required=True, example=example)
        if objectives and len(objectives) < OBJECTIVES_MIN:
            self._error("objectives", f"{len(objectives)} objective",
                        f"a module states at least {OBJECTIVES_MIN} learning objectives", example)
        return objectives

    def _agenda(self, duration: tuple) -> tuple[AgendaItem, ...]:
        example = '- {minutes: 15, activity: "Welcome, objectives, ground rules", method: "Plenary", role: opening}'
        values = self._list("agenda", True, "agenda:\n  " + example, unique=False)
        if values is None:
            return ()
        items = []
        for index, value in enumerate(values, start=1):
            if not isinstance(value, dict) or not {"minutes", "activity"} <= set(value) \
                    or set(value) - {"minutes", "activity", "method", "role"}:
                self._error(f"agenda[{index}]", value,
                            "each agenda entry gives minutes and activity, and may give a method and a role", example)
                continue
            role = value.get("role", "")
            if role and role not in AGENDA_ROLES:
                self._error(f"agenda[{index}].role", role,
                            f"a role is one of {', '.join(AGENDA_ROLES)} (the welcome, a break, the evaluation), "
                            "or no role for the module's own content", example)
                continue
            minutes, activity, method = value["minutes"], value["activity"], value.get("method", "")
            if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
                self._error(f"agenda[{index}].minutes", minutes,
                            "must be a whole number of minutes, 1 or more", example)
                continue
            if not isinstance(activity, str) or not activity.strip() or not isinstance(method, str):
                self._error(f"agenda[{index}].activity", activity,
                            "the activity (and the method) must be pieces of text", example)
                continue
            items.append(AgendaItem(minutes, activity.strip(), method.strip(), role))
        count, unit = duration
        if items and len(items) == len(values) and count:
            if unit == "days":
                self._error("duration", f"{count} {unit}",
                            "a module with an agenda gives its duration in hours or minutes, so that the "
                            "agenda can be checked against it", f"duration: {int(count * 6)} hours")
            else:
                planned = round(count * (60 if unit == "hours" else 1))
                total = sum(item.minutes for item in items)
                if total != planned:
                    # A line the duration rule accepts: whole hours, or else minutes.
                    paste = f"duration: {total // 60} hours" if total % 60 == 0 else f"duration: {total} minutes"
                    self._error("agenda", f"{total} minutes in all",
                                f"the agenda's minutes must add up to the duration, {count} {unit} "
                                f"= {planned} minutes; change an entry's minutes or the duration", paste)
        return tuple(items)

    def _texts(self, field: str, required: bool, example: str) -> tuple[str, ...]:
        values = self._list(field, required, example)
        if values is None:
            return ()
        good = []
        for value in values:
            if not isinstance(value, str) or not value.strip():
                self._error(field, value, "every entry must be a piece of text", example)
            else:
                good.append(value.strip())
        return tuple(good)

    def _review_due(self, updated: dt.date) -> dt.date | None:
        due = self._date("review_due", required=False)
        if due and updated != dt.date.min and due < updated:
            self._error("review_due", due.isoformat(),
                        f"the next review cannot be before the last update ({updated.isoformat()}); "
                        "leave the field out for the default of one year after the update",
                        f"review_due: {dt.date(updated.year + 1, updated.month, min(updated.day, 28)).isoformat()}")
            return None
        return due

    def _published(self, updated: dt.date) -> dt.date | None:
        published = self._date("published", required=False)
        if published and updated != dt.date.min and published > updated:
            self._error("published", published.isoformat(),
                        f"a page is first published on or before its last update ({updated.isoformat()})",
                        f"published: {updated.isoformat()}")
            return None
        return published

    def _contacts(self) -> tuple[Contact, ...]:
        example = ("contacts:\n  - organisation: Ministry of Security of Bosnia and Herzegovina\n"
                   "    role: Sector for immigration\n    url: https://www.example.org/contact")
        values = self._list("contacts", False, example)
        if values is None:
            return ()
        contacts = []
        for index, value in enumerate(values, start=1):
            if not isinstance(value, dict) or not {"organisation", "role", "url"} <= set(value) \
                    or set(value) - CONTACT_FIELDS:
                self._error(f"contacts[{index}]", value,
                            "each contact is an institution, with organisation, role and a public url "
                            "(and may give its public email and phone); never a person", example)
                continue
            if not all(isinstance(value[key], str) and value[key].strip() for key in value):
                self._error(f"contacts[{index}]", value, "every part of a contact is a piece of text", example)
                continue
            parts = urlsplit(value["url"].strip())
            if parts.scheme not in ("http", "https") or not parts.netloc:
                self._error(f"contacts[{index}].url", value["url"],
                            "must be a full web address starting with https://", example)
                continue
            contacts.append(Contact(value["organisation"].strip(), value["role"].strip(), value["url"].strip(),
                                    value.get("email", "").strip(), value.get("phone", "").strip()))
        return tuple(contacts)

    # -- field checks -----------------------------------------------------------

    def _error(self, field: str, value: Any, problem: str, example: str | None = None) -> None:
        top = field.split("[")[0].split(".")[0]
        line = field_line(self.text, top, value if not isinstance(value, (list, dict)) else None)
        self.errors.append(ContentError(self.path, line, field, value, problem, example))

    def _missing(self, field: str, example: str) -> None:
        self.errors.append(
            ContentError(self.path, 2 if self.front else 1, field, "(nothing)",
                         "this field is required and missing", example)
        )

    def _known_fields(self, kind: str) -> None:
        allowed = FIELDS[kind]
        for key in self.front:
            if key not in allowed:
                hint = ""
                if kind == "translation" and key in FIELDS["practice"] | FIELDS["module"]:
                    hint = " (a translation repeats only title and summary; the other fields come from the English page)"
                self._error(
                    str(key), key,
                    f"unknown field{hint}; a {kind} page accepts: {', '.join(sorted(allowed))}",
                )

    def _hide(self) -> None:
        value = self.front.get("hide")
        if value is None:
            return
        if not isinstance(value, list) or any(item not in HIDE_VALUES for item in value):
            self._error("hide", value, f"must be a list of: {', '.join(HIDE_VALUES)}",
                        "hide: [toc]")

    def _text(self, field: str, required: bool) -> str | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, f"{field}: Individual return counselling")
            return None
        if not isinstance(value, str) or not value.strip():
            self._error(field, value, "must be a piece of text", f"{field}: Individual return counselling")
            return None
        return value.strip()

    def _summary(self, required: bool) -> str | None:
        value = self._text("summary", required)
        if value is not None and len(value) > SUMMARY_MAX:
            self._error("summary", f"{value[:60]}... ({len(value)} characters)",
                        f"must be at most {SUMMARY_MAX} characters; move the rest into the page text",
                        "summary: One or two sentences on what the practice is and who uses it.")
            return None
        return value

    def _choice(self, field: str, allowed: tuple[str, ...], required: bool, example: str,
                why: str = "") -> str | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, example)
            return None
        if not isinstance(value, str) or value not in allowed:
            reason = f"; {why}" if why else ""
            self._error(field, value, f"must be one of: {', '.join(allowed)}{reason}", example)
            return None
        return value

    def _list(self, field: str, required: bool, example: str, unique: bool = True) -> list | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, example)
            return None
        if not isinstance(value, list):
            self._error(field, value, "must be a list in square brackets", example)
            return None
        if required and not value:
            self._error(field, value, "must name at least one", example)
            return None
        if unique and len(set(map(repr, value))) != len(value):
            self._error(field, value, "lists the same value twice", example)
            return None
        return value

    def _integers(self, field: str, low: int, high: int, required: bool, example: str) -> tuple[int, ...]:
        values = self._list(field, required, example)
        if values is None:
            return ()
        good = []
        for value in values:
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                self._error(f"{field}", value,
                            f"every entry must be a whole number from {low} to {high}", example)
            else:
                good.append(value)
        return tuple(sorted(good))

    def _integer(self, field: str, low: int, high: int, required: bool, example: str) -> int | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, example)
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self._error(field, value, f"must be a whole number from {low} to {high}", example)
            return None
        return value

    def _codes(self, field: str, allowed: tuple[str, ...], example: str,
               required: bool = False) -> tuple[str, ...]:
        values = self._list(field, required, example)
        if values is None:
            return ()
        good = []
        for value in values:
            if not isinstance(value, str) or value not in allowed:
                self._error(field, value, f"unknown code; allowed: {', '.join(allowed)}", example)
            else:
                good.append(value)
        return tuple(good)

    def _slugs(self, field: str) -> tuple[str, ...]:
        example = f"{field}: [individual-return-counselling]"
        values = self._list(field, False, example)
        if values is None:
            return ()
        good = []
        for value in values:
            if not isinstance(value, str) or not SLUG.match(value):
                self._error(field, value, "must be the file name of a practice, without .md", example)
            else:
                good.append(value)
        return tuple(good)

    def _sources(self) -> tuple[Source, ...]:
        example = "sources:\n      - title: Return Counselling Toolkit (IOM, 2022)\n        url: https://publications.iom.int/books/return-counselling-toolkit"
        values = self._list("sources", True, example)
        if values is None:
            return ()
        sources = []
        for index, value in enumerate(values, start=1):
            if not isinstance(value, dict) or not {"title", "url"} <= set(value) or set(value) - {"title", "url", "lang"}:
                self._error(f"sources[{index}]", value,
                            "each source needs a title and a url, and may give the lang of its title", example)
                continue
            lang = value.get("lang", "en")
            if not isinstance(lang, str) or not SOURCE_LANG.match(lang):
                self._error(f"sources[{index}].lang", lang,
                            "must be the language code of the source's title, e.g. sr, bs, sq, mk, de", example + "\n        lang: sr")
                continue
            title, url = value["title"], value["url"]
            if not isinstance(title, str) or not title.strip():
                self._error(f"sources[{index}].title", title, "must be a piece of text", example)
                continue
            parts = urlsplit(url) if isinstance(url, str) else None
            if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
                self._error(f"sources[{index}].url", url,
                            "must be a full web address starting with https:// or http://", example)
                continue
            sources.append(Source(title.strip(), url.strip(), lang))
        return tuple(sources)

    def _date(self, field: str, required: bool = True) -> dt.date | None:
        value = self.front.get(field)
        example = f"{field}: 2026-11-23"
        if value is None:
            if required:
                self._missing(field, example)
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                try:
                    return dt.date.fromisoformat(value.strip())
                except ValueError:
                    self._error(field, value, "this date does not exist in the calendar; write a real date, year-month-day", example)
                    return None
        self._error(field, value, "must be a date written year-month-day (ISO 8601)", example)
        return None

    def _duration(self) -> tuple[int, str]:
        value = self.front.get("duration")
        example = "duration: 3 hours"
        if value is None:
            self._missing("duration", example)
            return (0, "hours")
        match = DURATION.match(str(value)) if isinstance(value, str) else None
        if match is None:
            self._error("duration", value,
                        'must be a number followed by "minutes", "hours" or "days"', example)
            return (0, "hours")
        count = float(match.group("count"))
        unit = match.group("unit").rstrip("s") + "s"
        return (int(count) if count.is_integer() else count, unit)

    def _slug(self) -> None:
        parts = PurePosixPath(self.path).parts
        stem = PurePosixPath(self.path).stem
        if len(parts) != 2:
            self._error("file name", self.path,
                        f"{parts[0]} pages sit directly in docs/{parts[0]}/, not in a sub-folder",
                        f"docs/{parts[0]}/{stem}.md")
        elif not SLUG.match(stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "my-practice"
            self._error("file name", PurePosixPath(self.path).name,
                        "the file name (slug) may use only lower-case letters a-z, digits and "
                        "hyphens", f"docs/{parts[0]}/{suggestion}.md")

    def _number_from_file(self, field: str, high: int) -> int | None:
        example = f"{field}: 3"
        stem = PurePosixPath(self.path).stem
        number = self._integer(field, 1, high, required=True, example=example)
        if not (stem.isdigit() and 1 <= int(stem) <= high):
            self._error("file name", PurePosixPath(self.path).name,
                        f"{field} pages are named by their number, 1.md to {high}.md",
                        f"docs/{PurePosixPath(self.path).parent}/{number or 1}.md")
            return None
        if number is not None and number != int(stem):
            self._error(field, number, f"the file {PurePosixPath(self.path).name} is {field} {stem}",
                        f"{field}: {stem}")
            return None
        return number


# -- across pages -------------------------------------------------------------------


def check_cross_references(library: Library, texts: dict[str, str]) -> list[ContentError]:
    """References between pages that only the whole library can check.

    A page that exists but has errors of its own is not reported missing.
    """
    errors = []
    for module in library.modules.values():
        for slug in module.practices:
            if slug not in library.practices:
                known = ", ".join(sorted(library.practices)) or "none yet"
                errors.append(ContentError(
                    module.path, field_line(texts.get(module.path, ""), "practices", slug), "practices", slug,
                    f"no practice page docs/practices/{slug}.md exists; known practices: {known}",
                    "practices: [individual-return-counselling]",
                ))
    for number in range(1, COMMITMENT_COUNT + 1):
        if f"commitments/{number}.md" not in texts:
            errors.append(ContentError(
                f"commitments/{number}.md", None, "file name", "(missing)",
                f"every commitment needs its page; commitment {number} has none",
                f"docs/commitments/{number}.md with commitment: {number}",
            ))
    for number in range(1, ACTION_COUNT + 1):
        if f"actions/{number}.md" not in texts:
            errors.append(ContentError(
                f"actions/{number}.md", None, "file name", "(missing)",
                f"every action of the Action Plan needs its page; action {number} has none",
                f"docs/actions/{number}.md with action: {number}",
            ))
    return errors
