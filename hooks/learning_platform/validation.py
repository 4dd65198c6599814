"""Front matter rules of the contract, one small check per field.

A `PageValidator` turns one page's front matter into a typed page (or a
translation) and collects every problem instead of stopping at the first, so a
contributor sees all of them in one build.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import PurePosixPath
from typing import Any, Callable
from urllib.parse import urlsplit

from . import module_rules
from .errors import ContentError
from .fixes import code_for, described, duration_line, flow_list, iso_date, replace_in_line
from .folding import fold
from .frontmatter import field_line, front_matter_end
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
    fingerprint,
)
from .safety import scan_values
from .slugs import file_slug
from .template_text import example_address, is_placeholder, placeholder_lines
from .translations import REVIEWER_EXAMPLE, reviewer_problem
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
        "agenda", "materials", "sources", "updated", "review_due", "published", "self_check",
    },
    "news": {"title", "summary", "date", "end_date", "partners", "sources", "published"},
    "page": {"title", "summary", "hide"},
    "translation": {"title", "summary", "translation", "reviewed_by", "source_fingerprint", "hide",
                    "objectives", "agenda", "materials", "self_check"},
}
# What a translation may translate beyond title and summary, by the type of its English page.
TRANSLATED_FIELDS = {"module": ("objectives", "agenda", "materials", "self_check")}
OBJECTIVES_MIN = 2
SOURCE_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?$")
# An institution is reached through its web address; never an e-mail address or a phone number.
CONTACT_FIELDS = {"organisation", "role", "url"}
PERSONAL_CONTACT_FIELDS = ("email", "e-mail", "mail", "phone", "telephone", "tel", "mobile", "fax")
EXAMPLE_ADDRESS = ("this is an address reserved for examples (example.org and the like), not the page you "
                   "opened: it leads nowhere")
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
        self._lines = text.replace("\r\n", "\n").split("\n")

    # -- entry points ----------------------------------------------------------

    def page(self, body: str) -> Page | None:
        self.body = body
        kind = page_type(self.path)
        self._known_fields(kind)
        self.errors.extend(scan_values(self.path, self.text, self.front))
        self._hide()
        common = dict(
            path=self.path,
            title=self._text("title", required=kind != "page"),
            summary=self._summary(required=kind in ("practice", "module")),
            fingerprint=fingerprint(self.front.get("title"), self.front.get("summary"), body, self.front),
            markdown=body,
        )
        self._template_text(kind)
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
            why="missing and outdated are worked out by the build and never written",
            missing="add a line translation: machine (a draft no native speaker has reviewed yet)",
        )
        reviewed_by = self._text("reviewed_by", required=state == "reviewed",
                                 missing="add a line reviewed_by: followed by the organisation that reviewed the "
                                         "translation against the English page, or the reviewer's role (never a "
                                         "person's name or contact)")
        problem = reviewer_problem(reviewed_by) if reviewed_by else None
        if problem:
            self._error("reviewed_by", reviewed_by, problem, f'reviewed_by: "{REVIEWER_EXAMPLE}"')
        current = source.fingerprint if source is not None else None
        fingerprint_value = self.front.get("source_fingerprint")
        english_broken = ("the English page docs/{0} has problems of its own (listed under it); once they are "
                          "fixed, the check prints the source_fingerprint line to paste here").format(source_path)
        if fingerprint_value is None:
            if current:
                self._missing(
                    "source_fingerprint",
                    advice=(f"if your translation follows today's English page docs/{source_path}, paste the line "
                            "below into the front matter (in a terminal the same is: python scripts/translations.py "
                            f"mark-current docs/{self.path})"),
                    example=f'source_fingerprint: "{current}"')
            else:
                self._missing("source_fingerprint", advice=english_broken)
        elif not (
            isinstance(fingerprint_value, str) and re.fullmatch(r"[0-9a-f]{16}", fingerprint_value)
        ):
            self._error(
                "source_fingerprint", fingerprint_value,
                "must be the 16-letter fingerprint of the English page the translation was made from",
                f'source_fingerprint: "{current}"' if current else None,
                None if current else english_broken,
            )
        lists = self._translated_lists(source_path, source)
        if page_type(source_path) == "module":
            lists.update(self._translated_module(source if isinstance(source, Module) else None, body))
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
        if "self_check" in self.front and "self_check" not in allowed:
            self._error("self_check", "self_check", "only translations of training modules carry self_check; "
                        "remove this field")
        for name in ("objectives", "agenda", "materials"):
            if name not in self.front:
                continue
            if name not in allowed:
                self._error(name, self.front[name],
                            f"only translations of training modules carry {name}",
                            advice=f"delete the {name} lines")
                continue
            english = getattr(source, name, ()) if source is not None else ()
            how = (f"give one entry per entry of the English module, in its order, each as "
                   + ('- {activity: "...", method: "..."} with the words in this language' if name == "agenda"
                      else "- followed by the text in this language"))
            values = self._list(name, False, advice=how, unique=name != "agenda")
            if values is None:
                continue
            if source is not None and len(values) != len(english):
                self._error(name, f"{len(values)} entries",
                            f"the English module docs/{source_path} has {len(english)} {name}; a translation "
                            f"gives the same {name} in the same order", advice=how)
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
                            line = self._line_of("agenda", value["activity"])
                            corrected = re.sub(r"minutes\s*:\s*[^,}]+,?\s*", "", line).replace("{ ", "{") \
                                if line else None
                            self._error(f"agenda[{index}].minutes", value["minutes"],
                                        f"the minutes come from the English module ({english[index - 1].minutes}); "
                                        "a translation leaves them out", corrected and corrected.strip(),
                                        None if corrected else "delete minutes: and its number from the entry")
                        items.append((value["activity"].strip(), value.get("method", "").strip()))
                    else:
                        self._error(f"agenda[{index}]", value,
                                    "each agenda entry of a translation gives the activity (and the method) in "
                                    "this language", advice=how)
                found[name] = tuple(items)
            else:
                texts = [value for value in values if isinstance(value, str) and value.strip()]
                if len(texts) != len(values):
                    self._error(name, values, f"every entry of {name} is a piece of text", advice=how)
                    continue
                found[name] = tuple(text.strip() for text in texts)
        return found

    def _translated_module(self, source: Module | None, body: str) -> dict:
        """A module translation's self-check, and its facilitator-only parts and
        material sections checked against the English page (module_rules.py)."""
        found: dict = {"self_check": module_rules.translated_self_check(self, source)}
        found["facilitator_blocks"] = module_rules.facilitator_parts(self, body, front_matter_end(self.text) + 1)
        if source is not None:
            current = self.front.get("source_fingerprint") == source.fingerprint
            module_rules.translated_facilitator_parts(self, source, found["facilitator_blocks"], current)
            module_rules.translated_material_sections(self, source, body, current)
        found["sections"] = tuple(module_rules.section_ids(body))
        return found

    # -- page kinds ------------------------------------------------------------

    def _page(self, common: dict) -> Page:
        return Page(**common)

    def _commitment(self, common: dict) -> Commitment | None:
        number = self._number_from_file("commitment", COMMITMENT_COUNT)
        return Commitment(**common, number=number or 0)

    def _action(self, common: dict) -> Action | None:
        number = self._number_from_file("action", ACTION_COUNT)
        expected = (1 if number <= 5 else 2 if number <= 14 else 3) if number else None
        commitment = self._integer("commitment", 1, COMMITMENT_COUNT, required=True,
                                   corrected=f"commitment: {expected}" if expected else None)
        if number and commitment and commitment != expected:
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
            kind=self._choice("kind", tuple(self.vocabulary.kinds), required=True, vocabulary_name="kinds") or "",
            actions=self._integers("actions", 1, ACTION_COUNT, required=True,
                                   what="the numbers of the Action Plan's actions the practice serves"),
            partners=self._codes("partners", "partners"),
            target_groups=self._codes("target_groups", "target_groups"),
            gcm_objectives=self._integers("gcm_objectives", 1, GCM_OBJECTIVE_COUNT, required=False,
                                          what="the numbers of the Global Compact's objectives"),
            audience=self._codes("audience", "audiences"),
            stage=self._codes("stage", "stages"),
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
            audience=self._codes("audience", "audiences", required=True),
            actions=self._integers("actions", 1, ACTION_COUNT, required=True,
                                   what="the numbers of the Action Plan's actions the module serves"),
            practices=self._slugs("practices"),
            objectives=self._objectives(),
            agenda=self._agenda(duration),
            materials=module_rules.materials(self, self.body),
            sources=self._sources(),
            updated=updated,
            review_due_date=self._review_due(updated),
            published_date=self._published(updated),
            self_check=module_rules.self_check(self),
            facilitator_blocks=module_rules.facilitator_parts(self, self.body, front_matter_end(self.text) + 1),
            body=self.body,
        )

    def _news(self, common: dict) -> NewsItem | None:
        self._slug()
        date = self._date("date")
        end_date = self._date("end_date", required=False)
        if date and end_date and end_date < date:
            self._error("end_date", end_date.isoformat(),
                        f"the last day of the event is before its first day ({date.isoformat()})",
                        advice="correct one of the two dates: date is the first day, end_date the last")
        return NewsItem(
            **common,
            date=date or dt.date.min,
            end_date=end_date,
            partners=self._codes("partners", "partners"),
            sources=self._sources(),
            published_date=self._date("published", required=False),
        )

    # -- template text left in -----------------------------------------------------

    def _template_text(self, kind: str) -> None:
        """Refuse the template's example title, summary, objectives and instructions."""
        for field in ("title", "summary"):
            value = self.front.get(field)
            if isinstance(value, str) and is_placeholder(value):
                self._error(field, value, f"this is the template's example {field}, not the page's own",
                            advice=f"replace it with this page's {field}, in your own words")
        for field in ("objectives",):
            for value in self.front.get(field) or () if isinstance(self.front.get(field), list) else ():
                if isinstance(value, str) and is_placeholder(value):
                    self._error(field, value, "this is the template's example objective, not the module's own",
                                advice="replace it with what participants can do at the end, starting with a verb")
        if kind in ("practice", "module", "news"):
            for number, line in placeholder_lines(self.text):
                self.errors.append(ContentError(
                    self.path, number, "text", line,
                    "this is the template's instruction, not the page's own text",
                    advice="replace the line with what it asks for, in your own words, or delete it"))

    # -- teaching plans, reviews, contacts ----------------------------------------

    def _objectives(self) -> tuple[str, ...]:
        how = ("add objectives: and under it at least two lines, each starting with - and a verb, saying what "
               "participants can do at the end")
        objectives = self._texts("objectives", required=True, advice=how)
        if objectives and len(objectives) < OBJECTIVES_MIN:
            self._error("objectives", f"{len(objectives)} objective",
                        f"a module states at least {OBJECTIVES_MIN} learning objectives",
                        advice="add one more line under objectives:, starting with - and a verb")
        return objectives

    def _agenda(self, duration: tuple) -> tuple[AgendaItem, ...]:
        how = ("each agenda entry is one line: - {minutes: 15, activity: \"what happens\", method: \"how\"}, "
               "the minutes a whole number; the welcome, a break and the closing also say role: opening, break "
               "or closing")
        values = self._list("agenda", True, advice="add agenda: and under it one line per part of the workshop, "
                            "in order: " + how.split(": ", 1)[1], unique=False)
        if values is None:
            return ()
        items = []
        for index, value in enumerate(values, start=1):
            if not isinstance(value, dict) or not {"minutes", "activity"} <= set(value) \
                    or set(value) - {"minutes", "activity", "method", "role"}:
                self._error(f"agenda[{index}]", value,
                            "each agenda entry gives minutes and activity, and may give a method and a role",
                            advice=how)
                continue
            role = value.get("role", "")
            if role and role not in AGENDA_ROLES:
                meant = _agenda_role(role)
                line = self._line_of("agenda", role if isinstance(role, str) else None)
                corrected = replace_in_line(line, role, meant) if meant and line else None
                self._error(f"agenda[{index}].role", role,
                            f"a role is one of {', '.join(AGENDA_ROLES)} (the welcome, a break, the evaluation), "
                            "or no role for the module's own content", corrected and corrected.strip(),
                            None if corrected else "write one of those words after role:, or delete role: and "
                                                   "its word")
                continue
            minutes, activity, method = value["minutes"], value["activity"], value.get("method", "")
            if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
                corrected = None
                if isinstance(minutes, str) and re.fullmatch(r"\s*(\d+)\s*(?:min\w*|мин\w*)?\s*", minutes):
                    number = re.match(r"\s*(\d+)", minutes).group(1)
                    line = self._line_of("agenda", activity if isinstance(activity, str) else None)
                    corrected = replace_in_line(line, minutes, number) if line and int(number) > 0 else None
                self._error(f"agenda[{index}].minutes", minutes,
                            "must be a whole number of minutes, 1 or more", corrected and corrected.strip(),
                            None if corrected else "write the minutes as a whole number, without a unit")
                continue
            if not isinstance(activity, str) or not activity.strip() or not isinstance(method, str):
                self._error(f"agenda[{index}].activity", activity,
                            "the activity (and the method) must be pieces of text", advice=how)
                continue
            items.append(AgendaItem(minutes, activity.strip(), method.strip(), role))
        count, unit = duration
        if items and len(items) == len(values) and count:
            if unit == "days":
                self._error("duration", f"{count} {unit}",
                            "a module with an agenda gives its duration in hours or minutes, so that the "
                            "agenda can be checked against it",
                            _duration_paste(sum(item.minutes for item in items)))
            else:
                planned = round(count * (60 if unit == "hours" else 1))
                total = sum(item.minutes for item in items)
                if total != planned:
                    self._error("agenda", f"{total} minutes in all",
                                f"the agenda's minutes must add up to the duration, {count} {unit} "
                                f"= {planned} minutes; change an entry's minutes or the duration",
                                _duration_paste(total))
        return tuple(items)

    def _texts(self, field: str, required: bool, advice: str) -> tuple[str, ...]:
        values = self._list(field, required, advice=advice)
        if values is None:
            return ()
        good = []
        for value in values:
            if not isinstance(value, str) or not value.strip():
                self._error(field, value, "every entry must be a piece of text", _quoted_item(value),
                            None if _quoted_item(value) else advice)
            else:
                good.append(value.strip())
        return tuple(good)

    def _review_due(self, updated: dt.date) -> dt.date | None:
        due = self._date("review_due", required=False)
        if due and updated != dt.date.min and due < updated:
            self._error("review_due", due.isoformat(),
                        f"the next review cannot be before the last update ({updated.isoformat()}); "
                        "delete the line for the default of one year after the update, or paste",
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
        how = ("each contact is an institution, with three lines: organisation (its name), role (the unit or "
               "service) and url (its public web page, starting with https://); never a person")
        values = self._list("contacts", False, advice=how)
        if values is None:
            return ()
        contacts = []
        for index, value in enumerate(values, start=1):
            if isinstance(value, dict):
                personal = [key for key in value if str(key).lower() in PERSONAL_CONTACT_FIELDS]
                for key in personal:
                    self.errors.append(ContentError(
                        self.path, self._nested_line("contacts", index, key), f"contacts[{index}].{key}", value[key],
                        "a contact carries no e-mail address and no phone number: pages about people on the move "
                        "never do, and an institution is reached through the web address under url",
                        advice=f"delete the {key} line"))
                value = {key: item for key, item in value.items() if key not in personal}
                if personal and {"organisation", "role", "url"} <= set(value) and not set(value) - CONTACT_FIELDS:
                    continue
            if not isinstance(value, dict) or not {"organisation", "role", "url"} <= set(value) \
                    or set(value) - CONTACT_FIELDS:
                missing = sorted({"organisation", "role", "url"} - set(value)) if isinstance(value, dict) else []
                extra = sorted(map(str, set(value) - CONTACT_FIELDS)) if isinstance(value, dict) else []
                detail = (f"; missing: {', '.join(missing)}" if missing else "") + \
                         (f"; not allowed: {', '.join(extra)}" if extra else "")
                self._error(f"contacts[{index}]", value, "each contact is an institution, with organisation, role "
                            f"and a public url; never a person{detail}", advice=how)
                continue
            if not all(isinstance(value[key], str) and value[key].strip() for key in value):
                self._error(f"contacts[{index}]", value, "every part of a contact is a piece of text", advice=how)
                continue
            url = value["url"].strip()
            if not self._web_address(f"contacts[{index}].url", url, "contacts", index):
                continue
            contacts.append(Contact(value["organisation"].strip(), value["role"].strip(), url))
        return tuple(contacts)

    # -- field checks -----------------------------------------------------------

    def _error(self, field: str, value: Any, problem: str, example: str | None = None,
               advice: str | None = None) -> None:
        top = field.split("[")[0].split(".")[0]
        line = field_line(self.text, top, value if not isinstance(value, (list, dict)) else None)
        self.errors.append(ContentError(self.path, line, field, value, problem, example, advice))

    def _missing(self, field: str, advice: str | None = None, example: str | None = None) -> None:
        self.errors.append(
            ContentError(self.path, 2 if self.front else 1, field, None,
                         "this field is required and missing", example, advice)
        )

    def _line_of(self, field: str, value: Any = None) -> str | None:
        """The text of the line holding `field` (or `value` under it)."""
        number = field_line(self.text, field, value)
        return self._lines[number - 1] if number and number <= len(self._lines) else None

    def _nested_line(self, field: str, index: int, key: str) -> int | None:
        """The line of `key:` inside entry `index` of the list under `field`."""
        start = field_line(self.text, field)
        if start is None:
            return None
        entry = 0
        for number in range(start + 1, len(self._lines) + 1):
            line = self._lines[number - 1]
            if re.match(r"^[A-Za-z_][\w-]*\s*:", line) or line.strip() in ("---", "..."):
                break
            if re.match(r"^\s*-\s", line):
                entry += 1
            if entry == index and re.match(rf"^\s*(?:-\s+)?{re.escape(str(key))}\s*:", line):
                return number
        return start

    def _own_line_with(self, field: str, old: Any, new: str) -> str | None:
        """The contributor's line of `field` with `old` written as `new`."""
        line = self._line_of(field, old if not isinstance(old, (list, dict)) else None)
        corrected = replace_in_line(line, old, new) if line is not None else None
        return corrected.strip() if corrected and line and not line.startswith((" ", "\t")) else (
            corrected.rstrip() if corrected else None)

    def _known_fields(self, kind: str) -> None:
        allowed = FIELDS[kind]
        for key in self.front:
            if key in allowed:
                continue
            if kind == "translation" and key in FIELDS["practice"] | FIELDS["module"] | FIELDS["news"]:
                self._error(str(key), key,
                            "a translation repeats only title and summary (and a module's objectives, agenda and "
                            "materials); the other fields come from the English page",
                            advice=f"delete the {key} line{'s' if isinstance(self.front[key], (list, dict)) else ''}")
                continue
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.75)
            corrected = self._own_line_with(str(key), key, close[0]) if close else None
            self._error(
                str(key), key,
                f"unknown field; a {kind} page accepts: {', '.join(sorted(allowed))}",
                corrected, None if corrected else "delete the line, or correct the field's name",
            )

    def _hide(self) -> None:
        value = self.front.get("hide")
        if value is None:
            return
        if isinstance(value, str) and value in HIDE_VALUES:
            self._error("hide", value, "must be a list in square brackets", f"hide: [{value}]")
        elif not isinstance(value, list) or any(item not in HIDE_VALUES for item in value):
            self._error("hide", value, f"must be a list of: {', '.join(HIDE_VALUES)}",
                        advice="keep only those words, in square brackets, or delete the line")

    def _text(self, field: str, required: bool, missing: str | None = None) -> str | None:
        value = self.front.get(field)
        if value is None:
            if required:
                suggestion = self._title_from_file_name() if field == "title" else None
                self._missing(field, advice=missing or (
                    f"add a line {field}: followed by the page's {field}" if not suggestion else
                    "add a line with the page's title; from the file name it would be"),
                    example=f"{field}: {suggestion}" if suggestion else None)
            return None
        if not isinstance(value, str) or not value.strip():
            quoted = _quoted(value) if value not in ("", None) and not isinstance(value, (list, dict)) else None
            self._error(field, value, "must be a piece of text", f"{field}: {quoted}" if quoted else None,
                        None if quoted else f"write the {field} after the colon, on the same line")
            return None
        return value.strip()

    def _title_from_file_name(self) -> str | None:
        stem = PurePosixPath(self.path).name.split(".")[0]
        if stem == "index" or stem.isdigit():
            return None
        words = stem.replace("-", " ").strip()
        return words[:1].upper() + words[1:] if words else None

    def _summary(self, required: bool) -> str | None:
        value = self._text("summary", required, missing="add a line summary: followed by one or two sentences, "
                           f"at most {SUMMARY_MAX} characters, on what the page is about and who it is for")
        if value is not None and len(value) > SUMMARY_MAX:
            self._error("summary", f"{value[:60]}... ({len(value)} characters)",
                        f"must be at most {SUMMARY_MAX} characters; it has {len(value)}",
                        advice=f"shorten it by {len(value) - SUMMARY_MAX} characters or more, and move the rest "
                               "into the page text")
            return None
        return value

    def _choice(self, field: str, allowed: tuple[str, ...], required: bool, why: str = "",
                vocabulary_name: str | None = None, missing: str | None = None) -> str | None:
        value = self.front.get(field)
        if value is not None and isinstance(value, str) and value in allowed:
            return value
        listed = described(self.vocabulary, vocabulary_name) if vocabulary_name else ", ".join(allowed)
        if value is None:
            if required:
                self._missing(field, advice=missing or f"add a line {field}: with one of: {listed}")
            return None
        if not isinstance(value, str) or value not in allowed:
            reason = f"; {why}" if why else ""
            meant = code_for(value, self.vocabulary, vocabulary_name) if vocabulary_name else (
                value.strip().lower() if isinstance(value, str) and value.strip().lower() in allowed else None)
            corrected = self._own_line_with(field, value, meant) if meant else None
            self._error(field, value, f"must be one of: {listed}{reason}", corrected,
                        None if corrected else f"write one of those words after {field}:")
            return None
        return value

    def _list(self, field: str, required: bool, advice: str, unique: bool = True) -> list | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, advice=advice)
            return None
        if not isinstance(value, list):
            corrected = None
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                parts = [part.strip() for part in str(value).split(",") if part.strip()]
                corrected = f"{field}: {flow_list(parts)}"
            self._error(field, value, "must be a list in square brackets", corrected,
                        None if corrected else advice)
            return None
        if required and not value:
            self._error(field, value, "must name at least one", advice=advice)
            return None
        if unique and len(set(map(repr, value))) != len(value):
            kept = list(dict.fromkeys(value)) if all(isinstance(item, (str, int)) for item in value) else None
            line = self._line_of(field)
            corrected = f"{field}: {flow_list(kept)}" if kept is not None and line and "[" in line else None
            self._error(field, value, "lists the same value twice", corrected,
                        None if corrected else "delete the repeated entry")
            return None
        return value

    def _integers(self, field: str, low: int, high: int, required: bool, what: str) -> tuple[int, ...]:
        advice = f"add a line {field}: with {what}, {low} to {high}, in square brackets, e.g. [{low}]" \
            if required else f"give {what}, {low} to {high}, in square brackets"
        values = self._list(field, required, advice=advice.replace(f", e.g. [{low}]", ""))
        if values is None:
            return ()
        good = []
        for value in values:
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                as_number = int(value) if isinstance(value, str) and value.strip().isdigit() else None
                if as_number is not None and low <= as_number <= high:
                    numbers = [int(item) if isinstance(item, str) and item.strip().isdigit() else item
                               for item in values]
                    corrected = f"{field}: {flow_list(numbers)}"
                    self._error(field, value, "numbers are written without quotes", corrected)
                else:
                    self._error(field, value, f"every entry must be a whole number from {low} to {high}",
                                advice=f"remove {value} or correct it: {what} run from {low} to {high}")
            else:
                good.append(value)
        return tuple(sorted(good))

    def _integer(self, field: str, low: int, high: int, required: bool, corrected: str | None = None) -> int | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, advice=None if corrected else f"add a line {field}: with a number from {low} to {high}",
                              example=corrected)
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self._error(field, value, f"must be a whole number from {low} to {high}", corrected,
                        None if corrected else f"write a number from {low} to {high} after {field}:")
            return None
        return value

    def _codes(self, field: str, vocabulary_name: str, required: bool = False) -> tuple[str, ...]:
        allowed = tuple(getattr(self.vocabulary, vocabulary_name))
        if isinstance(self.front.get(field), list) and all(isinstance(value, str) and value in allowed
                                                           for value in self.front[field]) \
                and len(set(self.front[field])) == len(self.front[field]) and (self.front[field] or not required):
            return tuple(self.front[field])  # the common case, at once: no message to word
        listed = described(self.vocabulary, vocabulary_name)
        values = self._list(field, required, advice=f"add a line {field}: with codes in square brackets from: {listed}")
        if values is None:
            return ()
        good = [value for value in values if isinstance(value, str) and value in allowed]
        wrong = [value for value in values if not (isinstance(value, str) and value in allowed)]
        if not wrong:
            return tuple(good)
        meant = {repr(value): code_for(value, self.vocabulary, vocabulary_name) for value in wrong}
        # The contributor's own line with every wrong entry corrected, when each can be
        # (a code already named is dropped rather than repeated).
        corrected = None
        if all(meant.values()):
            fixed = list(dict.fromkeys(meant[repr(value)] if repr(value) in meant else value for value in values))
            line = self._line_of(field)
            if line is not None and "[" in line:
                corrected = f"{field}: {flow_list(fixed)}"
        for value in wrong:
            code = meant[repr(value)]
            problem = f"unknown code; allowed: {listed}"
            if code:
                problem = f"'{value}' is not a code: {code} is meant; allowed: {listed}"
            advice = None
            if corrected is None:
                advice = (f"write {code} instead of {value}" if code else
                          "write the code of each, from those listed") + (
                    "; each entry on its own line starts with - " if self._line_of(field) and
                    "[" not in self._line_of(field) else "")
            self._error(field, value, problem, corrected, advice)
        return tuple(good)

    def _slugs(self, field: str) -> tuple[str, ...]:
        values = self._list(field, False, advice=f"give the file names of practice pages, without .md, in square "
                                                 f"brackets")
        if values is None:
            return ()
        good = []
        for value in values:
            if not isinstance(value, str) or not SLUG.match(value):
                meant = file_slug(value.removesuffix(".md").rsplit("/", 1)[-1]) if isinstance(value, str) else ""
                corrected = self._own_line_with(field, value, meant) if meant else None
                self._error(field, value, "must be the file name of a practice, without .md", corrected,
                            None if corrected else "write the file name of the practice, without .md")
            else:
                good.append(value)
        return tuple(good)

    def _sources(self) -> tuple[Source, ...]:
        how = ("each source is an entry starting with - title: (the publication's title, publisher and year), "
               "with url: (the address you opened, starting with https://) on the next line, lined up with title")
        values = self._list("sources", True, advice="add sources: and under it, for each public source you "
                            "opened: " + how.split(", ", 1)[0].removeprefix("each source is ") + ", " +
                            how.split(", ", 1)[1])
        if values is None:
            return ()
        sources = []
        for index, value in enumerate(values, start=1):
            if not isinstance(value, dict) or not {"title", "url"} <= set(value) or set(value) - {"title", "url", "lang"}:
                missing = sorted({"title", "url"} - set(value)) if isinstance(value, dict) else []
                extra = sorted(map(str, set(value) - {"title", "url", "lang"})) if isinstance(value, dict) else []
                detail = (f"; missing: {', '.join(missing)}" if missing else "") + \
                         (f"; not allowed: {', '.join(extra)}" if extra else "")
                self._error(f"sources[{index}]", value,
                            f"each source needs a title and a url, and may give the lang of its title{detail}",
                            advice=how)
                continue
            lang = value.get("lang", "en")
            if not isinstance(lang, str) or not SOURCE_LANG.match(lang):
                meant = lang.strip().lower() if isinstance(lang, str) and SOURCE_LANG.match(lang.strip().lower()) else None
                self.errors.append(ContentError(
                    self.path, self._nested_line("sources", index, "lang"), f"sources[{index}].lang", lang,
                    "must be the language code of the source's title: sr, bs, sq, mk, de, ...",
                    f"lang: {meant}" if meant else None,
                    None if meant else "write the two-letter code of the language the source is written in"))
                continue
            title, url = value["title"], value["url"]
            if not isinstance(title, str) or not title.strip():
                self.errors.append(ContentError(
                    self.path, self._nested_line("sources", index, "title"), f"sources[{index}].title", title,
                    "must be a piece of text", advice="write the publication's title, publisher and year"))
                continue
            if is_placeholder(title):
                self.errors.append(ContentError(
                    self.path, self._nested_line("sources", index, "title"), f"sources[{index}].title", title,
                    "this is the template's example source, not one you opened",
                    advice="replace it with the title, publisher and year of the public source you opened"))
                continue
            if not self._web_address(f"sources[{index}].url", url, "sources", index):
                continue
            sources.append(Source(title.strip(), url.strip(), lang))
        return tuple(sources)

    def _web_address(self, field: str, url: Any, parent: str, index: int) -> bool:
        """True for a full web address of a real page; else the error, with the corrected line."""
        line_number = self._nested_line(parent, index, "url")
        line = self._lines[line_number - 1] if line_number else ""
        parts = urlsplit(url.strip()) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            corrected = None
            if isinstance(url, str) and re.match(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", url.strip()):
                corrected = replace_in_line(line, url.strip(), f"https://{url.strip()}")
            self.errors.append(ContentError(
                self.path, line_number, field, url, "must be a full web address starting with https://",
                corrected.strip() if corrected else None,
                None if corrected else "copy the address from the browser's address bar, where the page is open"))
            return False
        if example_address(url):
            self.errors.append(ContentError(
                self.path, line_number, field, url, EXAMPLE_ADDRESS,
                advice="copy the address of the real page from the browser's address bar, where it is open"))
            return False
        return True

    def _date(self, field: str, required: bool = True) -> dt.date | None:
        value = self.front.get(field)
        if value is None:
            if required:
                self._missing(field, advice=f"add a line {field}: with the date, written year-month-day "
                                            "(2025-01-30 is 30 January 2025)")
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
                    self._error(field, value, "this date does not exist in the calendar",
                                advice="write a real date, year-month-day")
                    return None
        corrected = iso_date(value)
        self._error(field, value, "must be a date written year-month-day (ISO 8601)",
                    f"{field}: {corrected}" if corrected else None,
                    None if corrected else "write the date as year-month-day: 2025-01-30 is 30 January 2025")
        return None

    def _duration(self) -> tuple[int, str]:
        value = self.front.get("duration")
        if value is None:
            self._missing("duration", advice="add a line duration: with the workshop's length in minutes or "
                                             "hours, as the agenda adds up (165 minutes, 3 hours)")
            return (0, "hours")
        match = DURATION.match(str(value)) if isinstance(value, str) else None
        if match is None:
            meant = duration_line(value)
            self._error("duration", value,
                        'must be a number followed by "minutes", "hours" or "days"',
                        f"duration: {meant}" if meant else None,
                        None if meant else "write the number, a space and the unit: 165 minutes, 3 hours")
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
                        advice=f"move the file to docs/{parts[0]}/{stem}.md")
        elif not SLUG.match(stem):
            title = self.front.get("title")
            suggestion = (file_slug(title) if isinstance(title, str) else "") or file_slug(stem)
            self._error("file name", PurePosixPath(self.path).name,
                        "the file name may use only lower-case letters a-z, digits and hyphens",
                        advice=(f"rename the file to docs/{parts[0]}/{suggestion}.md (the name scripts/new.py "
                                "makes from the title)") if suggestion else
                        "rename the file with lower-case letters a-z, digits and hyphens")

    def _number_from_file(self, field: str, high: int) -> int | None:
        stem = PurePosixPath(self.path).stem
        from_file = f"{field}: {stem}" if stem.isdigit() and 1 <= int(stem) <= high else None
        number = self._integer(field, 1, high, required=True, corrected=from_file)
        if not (stem.isdigit() and 1 <= int(stem) <= high):
            self._error("file name", PurePosixPath(self.path).name,
                        f"{field} pages are named by their number, 1.md to {high}.md",
                        advice=f"rename the file to docs/{PurePosixPath(self.path).parent}/{number}.md" if number
                        else f"rename the file by the {field}'s number")
            return None
        if number is not None and number != int(stem):
            self._error(field, number, f"the file {PurePosixPath(self.path).name} is {field} {stem}",
                        f"{field}: {stem}")
            return None
        return number


# Words people write for an agenda entry's role, in the site's languages (folded: no diacritics, Latin).
AGENDA_ROLE_WORDS = {
    "opening": ("opening", "welcome", "introduction", "intro", "start", "uvod", "otvaranje", "dobrodoslica",
                "hapja", "mireseardhja", "hyrje", "voved", "otvoranje"),
    "break": ("break", "lunch", "coffee", "coffee-break", "pause", "pauza", "rucak", "kafa", "kafe", "pushim",
              "dreke", "rucek"),
    "closing": ("closing", "close", "end", "evaluation", "wrap-up", "zatvaranje", "zavrsetak", "evaluacija",
                "mbyllja", "vleresimi", "zatvoranje", "zavrsuvanje"),
}


def _agenda_role(written: object) -> str | None:
    """The role an agenda entry's `role:` most likely means (`lunch` -> break), or None."""
    if not isinstance(written, str):
        return None
    word = re.sub(r"[^a-z-]+", "", fold(written.strip()))
    return next((role for role, words in AGENDA_ROLE_WORDS.items() if word in words), None)


def _duration_paste(total: int) -> str:
    """A duration line the rule accepts for `total` minutes: whole hours, or else minutes."""
    return f"duration: {total // 60} hours" if total % 60 == 0 else f"duration: {total} minutes"


def _quoted(value: Any) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quoted_item(value: Any) -> str | None:
    return f"- {_quoted(value)}" if isinstance(value, (int, float)) and not isinstance(value, bool) else None


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
                close = difflib.get_close_matches(slug, sorted(library.practices), n=1, cutoff=0.75)
                text = texts.get(module.path, "")
                number = field_line(text, "practices", slug)
                line = text.replace("\r\n", "\n").split("\n")[number - 1] if number else None
                corrected = replace_in_line(line, slug, close[0]) if close and line else None
                errors.append(ContentError(
                    module.path, number, "practices", slug,
                    f"no practice page docs/practices/{slug}.md exists; known practices: {known}",
                    corrected and corrected.strip(),
                    None if corrected else "write the file name of an existing practice, without .md, or add the practice",
                ))
        for field, page, problem in module_rules.material_pages_exist(module, set(texts)):
            errors.append(ContentError(module.path, field_line(texts.get(module.path, ""), "materials", page),
                                       field, page, problem, f"{field.split('.')[0]}: {{name: ..., page: participants}}"))
    for number in range(1, COMMITMENT_COUNT + 1):
        if f"commitments/{number}.md" not in texts:
            errors.append(ContentError(
                f"commitments/{number}.md", None, "file name", "(missing)",
                f"every commitment needs its page; commitment {number} has none",
                advice=f"add docs/commitments/{number}.md with the line commitment: {number}",
            ))
    for number in range(1, ACTION_COUNT + 1):
        if f"actions/{number}.md" not in texts:
            errors.append(ContentError(
                f"actions/{number}.md", None, "file name", "(missing)",
                f"every action of the Action Plan needs its page; action {number} has none",
                advice=f"add docs/actions/{number}.md with the lines action: {number} and its commitment",
            ))
    return errors
