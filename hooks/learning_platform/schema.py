"""JSON Schemas of the front matter of every page type a contributor writes:
practice, training module, news entry, translation.

Generated from `data/vocabulary.yml` and the validator's own constants, the
same source as validation, so the two cannot drift apart (a test runs one set
of fixture files through both). Published with the site at
`<site>/schema/<type>.schema.json` and committed under `schema/`, so editors
that validate front matter complete and check fields while the contributor
types.

What a schema cannot say, the validator still checks: that the agenda's
minutes add up to the duration, that a review date is not before the update,
that an event does not end before it starts, that the practices a module
names exist, and the content rules (no script, no personal data, terminology).
"""
from __future__ import annotations

import json
from typing import Any

from .model import ACTION_COUNT, AGENDA_ROLES, GCM_OBJECTIVE_COUNT, TRANSLATION_STATES_WRITTEN
from .module_rules import LETTERS, MODULE_PAGES, OPTIONS_MAX, OPTIONS_MIN, SELF_CHECK_MIN
from .validation import CONTACT_FIELDS, HIDE_VALUES, OBJECTIVES_MIN, SUMMARY_MAX
from .vocabulary import Vocabulary

DIALECT = "https://json-schema.org/draft/2020-12/schema"
PAGE_TYPES = ("practice", "module", "news", "translation")
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _text(description: str, max_length: int | None = None) -> dict:
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S", "description": description}
    if max_length:
        schema["maxLength"] = max_length
    return schema


def _codes(vocabulary: Vocabulary, name: str, description: str, required: bool = False) -> dict:
    entries = getattr(vocabulary, name)
    schema = {"type": "array", "uniqueItems": True, "description": description,
              "items": {"enum": list(entries),
                        "description": "; ".join(f"{code}: {vocabulary.label(name, code, 'en')}" for code in entries)}}
    if required:
        schema["minItems"] = 1
    return schema


def _numbers(high: int, description: str, required: bool = False) -> dict:
    schema = {"type": "array", "uniqueItems": True, "description": description,
              "items": {"type": "integer", "minimum": 1, "maximum": high}}
    if required:
        schema["minItems"] = 1
    return schema


def _date(description: str) -> dict:
    return {"type": "string", "pattern": DATE_PATTERN, "format": "date", "description": description}


# A full web address, not one on a host reserved for examples (template_text.example_address).
WEB_ADDRESS = {"type": "string", "pattern": r"^https?://[^\s/]+",
               "not": {"pattern": r"^https?://(?:[^/:]*\.)?(?:example\.(?:org|com|net|edu)|example|test|invalid|localhost)(?:[:/]|$)"},
               "description": "Full address of a real page, starting with https://"}
SOURCES = {
    "type": "array", "minItems": 1, "uniqueItems": True, "description": "Public sources you opened: title and full web address.",
    "items": {"type": "object", "additionalProperties": False, "required": ["title", "url"],
              "properties": {"title": _text("Title of the page or publication (publisher, year)."),
                             "url": WEB_ADDRESS,
                             "lang": {"type": "string", "pattern": r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?$",
                                      "description": "Language of the title, when not English (sr, bs, sq, mk, ...)."}}},
}


# A module's materials: text (the trainer brings it), or supplied by the module.
MATERIAL = {"oneOf": [
    _text("Something the trainer brings or prepares."),
    {"type": "object", "additionalProperties": False, "required": ["name", "section"],
     "properties": {"name": _text("The material, and how many."),
                    "section": {"type": "string", "pattern": r"^[\w-]+$",
                                "description": "The anchor of the section of this module that holds it."}}},
    {"type": "object", "additionalProperties": False, "required": ["name", "page"],
     "properties": {"name": _text("The material, and how many."),
                    "page": {"type": "string", "pattern": "^(?:" + "|".join(MODULE_PAGES) + r"|(?:[a-z0-9-]+/)*[a-z0-9-]+\.md)$",
                             "description": "participants (the participants' handout) or another page's file."}}},
]}
_OPTIONS = {"type": "array", "minItems": OPTIONS_MIN, "maxItems": OPTIONS_MAX, "items": _text("An option.")}
QUESTION = {"type": "object", "additionalProperties": False,
            "required": ["question", "options", "answer", "explanation"],
            "properties": {"question": _text("The question."), "options": _OPTIONS,
                           "answer": {"enum": list(LETTERS), "description": "The letter of the right option."},
                           "explanation": _text("Why the answer is right.")}}
TRANSLATED_QUESTION = {"type": "object", "additionalProperties": False,
                       "required": ["question", "options", "explanation"],
                       "properties": {"question": _text("The question in this language."), "options": _OPTIONS,
                                      "answer": {"enum": list(LETTERS),
                                                 "description": "Leave out: the answer comes from the English page."},
                                      "explanation": _text("The explanation in this language.")}}


def schemas(vocabulary: Vocabulary, base_url: str = "") -> dict[str, dict]:
    """Schema of each page type, keyed by type."""
    title = _text("Title, in sentence case.")
    summary = _text(f"One or two sentences, at most {SUMMARY_MAX} characters.", SUMMARY_MAX)
    actions = _numbers(ACTION_COUNT, "Actions of the Action Plan 2023-2025 it serves (1-21).", required=True)
    partners = _codes(vocabulary, "partners", "Western Balkans partners a source shows it in.")
    practice = {
        "title": title, "summary": summary,
        "kind": {"enum": list(vocabulary.kinds), "description": "; ".join(
            f"{code}: {vocabulary.label('kinds', code, 'en')}" for code in vocabulary.kinds)},
        "actions": actions, "partners": partners,
        "target_groups": _codes(vocabulary, "target_groups", "The people it concerns."),
        "gcm_objectives": _numbers(GCM_OBJECTIVE_COUNT, "Objectives of the Global Compact for Migration (1-23)."),
        "audience": _codes(vocabulary, "audiences", "Who does this work."),
        "stage": _codes(vocabulary, "stages", "Where in a case it applies."),
        "sources": SOURCES,
        "updated": _date("Date of your last change, year-month-day."),
        "review_due": _date("Next review, if sooner than a year after the update."),
        "published": _date("The day the page was first published, year-month-day (the feeds show it)."),
        "contacts": {"type": "array", "description": "Institutions' public contact points, never a person.",
                     "items": {"type": "object", "additionalProperties": False,
                               "required": ["organisation", "role", "url"],
                               "properties": {name: (_text(name) if name != "url" else WEB_ADDRESS)
                                              for name in sorted(CONTACT_FIELDS)}}},
    }
    agenda_item = {"type": "object", "additionalProperties": False, "required": ["minutes", "activity"],
                   "properties": {"minutes": {"type": "integer", "minimum": 1},
                                  "activity": _text("What happens."),
                                  "method": {"type": "string", "description": "How (plenary, role play, ...)."},
                                  "role": {"enum": list(AGENDA_ROLES),
                                           "description": "opening (the welcome), break, closing (the evaluation): "
                                                          "the workshop pack merges them when modules share a day."}}}
    module = {
        "title": title, "summary": summary,
        "duration": {"type": "string", "pattern": r"^\s*\d+(?:\.\d+)?\s+(?:minutes?|hours?)\s*$",
                     "description": 'A number and "minutes" or "hours"; the agenda adds up to it.'},
        "audience": _codes(vocabulary, "audiences", "Who the module is for.", required=True),
        "actions": actions,
        "practices": {"type": "array", "uniqueItems": True, "description": "Practices it teaches (file names).",
                      "items": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"}},
        "objectives": {"type": "array", "minItems": OBJECTIVES_MIN, "uniqueItems": True,
                       "items": _text("What participants can do at the end."), "description": "Learning objectives."},
        "agenda": {"type": "array", "minItems": 1, "items": agenda_item,
                   "description": "Activities in order, with their minutes."},
        "materials": {"type": "array", "minItems": 1, "uniqueItems": True, "items": MATERIAL,
                      "description": "What the trainer brings (text), or what the module supplies in a section "
                                     "of its page ({name, section}) or as a page ({name, page})."},
        "sources": SOURCES,
        "updated": practice["updated"], "review_due": practice["review_due"],
        "published": practice["published"],
        "self_check": {"type": "array", "minItems": SELF_CHECK_MIN, "items": QUESTION,
                       "description": f"At least {SELF_CHECK_MIN} questions, each with options, the letter of the "
                                      "right one and an explanation."},
    }
    news = {
        "title": title, "summary": summary,
        "date": _date("First day of the event."), "end_date": _date("Last day, for an event of several days."),
        "partners": partners, "sources": SOURCES,
        "published": _date("The day the entry was posted, year-month-day (the event's own date is date)."),
    }
    translation = {
        "title": title, "summary": summary,
        "translation": {"enum": list(TRANSLATION_STATES_WRITTEN),
                        "description": "machine: a draft no native speaker has reviewed; reviewed: checked by reviewed_by."},
        "reviewed_by": {**_text("The reviewing organisation or the reviewer's role, as the page shows it; never a person's name or contact."),
                        "not": {"pattern": r"@|https?://|\bwww\."}},
        "source_fingerprint": {"type": "string", "pattern": r"^[0-9a-f]{16}$",
                               "description": "Fingerprint of the English page it follows (printed by the check)."},
        "hide": {"type": "array", "items": {"enum": list(HIDE_VALUES)}},
        "objectives": {"type": "array", "items": _text("Objective in this language.")},
        "agenda": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                               "required": ["activity"],
                                               "properties": {"activity": _text("Activity in this language."),
                                                              "method": {"type": "string"}}}},
        "materials": {"type": "array", "items": _text("Material in this language.")},
        "self_check": {"type": "array", "items": TRANSLATED_QUESTION,
                       "description": "The module's questions in this language, in the English order."},
    }
    required = {
        "practice": ["title", "summary", "kind", "actions", "sources", "updated"],
        "module": ["title", "summary", "duration", "audience", "actions", "objectives", "agenda", "materials",
                   "sources", "updated", "self_check"],
        "news": ["title", "summary", "date", "sources"],
        "translation": ["translation", "source_fingerprint"],
    }
    out = {}
    for name, properties in (("practice", practice), ("module", module), ("news", news),
                             ("translation", translation)):
        schema: dict[str, Any] = {
            "$schema": DIALECT,
            "title": f"Front matter of a {name} page (Western Balkans Return Platform)",
            "type": "object", "additionalProperties": False,
            "required": required[name], "properties": properties,
        }
        if base_url:
            schema["$id"] = f"{base_url.rstrip('/')}/{schema_path(name)}"
        if name == "translation":
            schema["if"] = {"properties": {"translation": {"const": "reviewed"}}, "required": ["translation"]}
            schema["then"] = {"required": ["reviewed_by"]}
        out[name] = schema
    return out


def schema_path(page_type: str) -> str:
    return f"schema/{page_type}.schema.json"


def schema_files(vocabulary: Vocabulary, base_url: str = "") -> dict[str, str]:
    """Path → JSON text, for the site and for the repository's schema/ folder."""
    return {schema_path(name): json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
            for name, schema in schemas(vocabulary, base_url).items()}
