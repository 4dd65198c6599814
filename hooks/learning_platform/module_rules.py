"""The rules of a training module's own fields: materials that resolve, the
self-check, and the parts marked for the facilitator only.

Kept apart from validation.py (the rules every page type shares): each
function takes the page's `PageValidator` (for its error helpers) and plain
values, and returns what the model holds. Errors name the file, the line, the
field, the value, what is allowed and the line to paste, like every other rule.
"""
from __future__ import annotations

import difflib
import re
from typing import Any, Protocol

from .facilitator import FacilitatorMarkupError, facilitator_blocks
from .model import Material, Module, Question
from .slugs import heading_slug

SELF_CHECK_MIN = 5
OPTIONS_MIN, OPTIONS_MAX = 2, 6
LETTERS = "ABCDEF"
# Sections every module page has, made by the build: the plan before the text
# and the self-check and feedback form after it.
GENERATED_SECTIONS = ("learning-objectives", "agenda", "materials", "self-check", "feedback-form")
# Pages of a module other than its own: the participants' handout.
MODULE_PAGES = ("participants",)
MATERIAL_EXAMPLE = ('materials:\n  - {name: "Case cards for Exercise 1, one set per group", section: case-cards}\n'
                    '  - Flip chart and markers')
SELF_CHECK_EXAMPLE = (
    "self_check:\n"
    "  - question: Who takes the decision to return?\n"
    "    options: [The counsellor, The person concerned, The interpreter]\n"
    "    answer: B\n"
    "    explanation: Counselling informs; the person decides.")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(?P<text>.+?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$")
_EXPLICIT_ID = re.compile(r"(?:^|\s)#([\w-]+)")


class Validator(Protocol):
    path: str
    front: dict[str, Any]

    def _error(self, field: str, value: Any, problem: str, example: str | None = None) -> None: ...

    def _missing(self, field: str, example: str) -> None: ...

    def _list(self, field: str, required: bool, example: str, unique: bool = True) -> list | None: ...


# -- the sections a page's text has ---------------------------------------------------


def section_ids(body: str) -> list[str]:
    """The anchors of the headings of a page's text, as the build makes them
    (an explicit `{ #id }`, or else the heading's own slug)."""
    found, fenced = [], False
    for line in body.split("\n"):
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match is None:
            continue
        explicit = _EXPLICIT_ID.search(match.group("attrs") or "")
        if explicit:
            found.append(explicit.group(1))
        else:
            text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", match.group("text"))
            found.append(heading_slug(text))
    return found


# -- materials --------------------------------------------------------------------------


def materials(validator: Validator, body: str) -> tuple[Material, ...]:
    """`materials:` of an English module: text (the trainer brings it) or
    {name, section} / {name, page} (the module supplies it, and it must exist)."""
    values = validator._list("materials", True, MATERIAL_EXAMPLE)
    if values is None:
        return ()
    sections = section_ids(body)
    found = []
    for index, value in enumerate(values, start=1):
        field = f"materials[{index}]"
        if isinstance(value, str) and value.strip():
            found.append(Material(value.strip()))
            continue
        if not (isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip()
                and set(value) <= {"name", "section", "page"} and len(set(value) & {"section", "page"}) == 1):
            validator._error(field, value,
                             "a material is either a piece of text (something the trainer brings) or "
                             "{name: ..., section: ...} for one this module supplies in a section of its page "
                             "(or {name: ..., page: participants} for the participants' handout)",
                             MATERIAL_EXAMPLE)
            continue
        name = value["name"].strip()
        section, page = value.get("section"), value.get("page")
        if section is not None:
            if not isinstance(section, str) or section not in (*sections, *GENERATED_SECTIONS):
                listed = ", ".join(sections) or "none"
                close = difflib.get_close_matches(str(section), [*sections, *GENERATED_SECTIONS], n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                example = (f'- {{name: "{name}", section: {close[0]}}}' if close else
                           f"## {name.split(',')[0]} {{ #{section if isinstance(section, str) else 'case-cards'} }}")
                validator._error(
                    f"{field}.section", section,
                    f"the module supplies the material '{name}' in the section '{section}', but "
                    f"docs/{validator.path} has no such section{hint} Its sections: {listed}; and those the "
                    f"build adds: {', '.join(GENERATED_SECTIONS)}. Write the material in full under a "
                    "heading with this anchor, or name the section that holds it",
                    example)
                continue
            found.append(Material(name, section=section))
        else:
            if not isinstance(page, str) or not (page in MODULE_PAGES or _site_page(page)):
                validator._error(
                    f"{field}.page", page,
                    f"the material '{name}' names a page; allowed: participants (this module's "
                    "participants' handout) or the file of another page of the site, e.g. "
                    "practices/cultural-mediation.md",
                    f'- {{name: "{name}", page: participants}}')
                continue
            found.append(Material(name, page=page))
    return tuple(found)


def _site_page(page: str) -> bool:
    return bool(re.fullmatch(r"(?:[a-z0-9-]+/)*[a-z0-9-]+\.md", page))


def material_pages_exist(module: Module, known_pages: set[str]) -> list[tuple[str, str, str]]:
    """(field, page, problem) for each material naming a page of the site that does not exist."""
    problems = []
    for index, material in enumerate(module.materials, start=1):
        if material.page and material.page not in MODULE_PAGES and material.page not in known_pages:
            problems.append((f"materials[{index}].page", material.page,
                             f"the material '{material.name}' names the page docs/{material.page}, "
                             "which does not exist"))
    return problems


def translated_material_sections(validator: Validator, source: Module, body: str, current: bool) -> None:
    """Each supplied section of the English module exists in a current translation
    too, under the same anchor. (An outdated translation is not held to it: the
    materials list of its page links the English page's section instead.)"""
    if not current:
        return
    sections = set(section_ids(body))
    for index, material in enumerate(source.materials, start=1):
        if material.section and material.section not in GENERATED_SECTIONS and material.section not in sections:
            validator._error(
                "materials", material.section,
                f"the English module {source.path} supplies '{material.name}' in its section "
                f"'{material.section}'; the translation needs that section too, with the same anchor at the "
                "end of its heading (the heading itself in this language)",
                f"## ... {{ #{material.section} }}")


# -- the self-check ---------------------------------------------------------------------


def self_check(validator: Validator) -> tuple[Question, ...]:
    """`self_check:` of an English module: at least five questions, each with
    options, the letter of the right one, and an explanation."""
    values = validator._list("self_check", True, SELF_CHECK_EXAMPLE, unique=False)
    if values is None:
        return ()
    questions = []
    for index, value in enumerate(values, start=1):
        question = _question(validator, index, value, english=None)
        if question is not None:
            questions.append(question)
    if len(values) < SELF_CHECK_MIN:
        validator._error("self_check", f"{len(values)} question{'s' if len(values) != 1 else ''}",
                         f"a module's self-check has at least {SELF_CHECK_MIN} questions, each with its "
                         "answer and a short explanation", SELF_CHECK_EXAMPLE)
    return tuple(questions)


def translated_self_check(validator: Validator, source: Module | None) -> tuple:
    """A translation's self-check: the same questions in the same order, with
    the same number of options; the answer comes from the English page."""
    if "self_check" not in validator.front or source is None:
        return ()  # without a valid English page there is nothing to follow; its own errors say why
    values = validator._list("self_check", False, SELF_CHECK_EXAMPLE, unique=False)
    if values is None:
        return ()
    english = source.self_check if source is not None else ()
    if source is not None and len(values) != len(english):
        validator._error("self_check", f"{len(values)} questions",
                         f"the English module {source.path} has {len(english)} questions; a translation gives "
                         "the same questions in the same order", SELF_CHECK_EXAMPLE)
        return ()
    found = []
    for index, value in enumerate(values, start=1):
        question = _question(validator, index, value, english=english[index - 1] if source is not None else None)
        if question is not None:
            found.append((question.question, question.options, question.explanation))
    return tuple(found) if len(found) == len(values) else ()


def _question(validator: Validator, index: int, value: Any, english: Question | None) -> Question | None:
    field = f"self_check[{index}]"
    keys = {"question", "options", "answer", "explanation"}
    if not isinstance(value, dict) or not {"question", "options", "explanation"} <= set(value) \
            or set(value) - keys or (english is None and "answer" not in value):
        validator._error(field, value,
                         "each question gives question, options, answer (the letter of the right option) and "
                         "explanation" + (" (a translation leaves answer out: it comes from the English page)"
                                          if english is not None else ""), SELF_CHECK_EXAMPLE)
        return None
    text, options, explanation = value["question"], value["options"], value["explanation"]
    if not all(isinstance(part, str) and part.strip() for part in (text, explanation)):
        validator._error(field, value, "the question and its explanation are pieces of text", SELF_CHECK_EXAMPLE)
        return None
    if not isinstance(options, list) or not OPTIONS_MIN <= len(options) <= OPTIONS_MAX \
            or not all(isinstance(option, str) and option.strip() for option in options):
        validator._error(f"{field}.options", options,
                         f"a question has {OPTIONS_MIN} to {OPTIONS_MAX} options, each a piece of text",
                         "    options: [First option, Second option, Third option]")
        return None
    if english is not None and len(options) != len(english.options):
        validator._error(f"{field}.options", f"{len(options)} options",
                         f"the English question has {len(english.options)} options; give the same options "
                         "in the same order, so the English answer points at the right one",
                         "    options: [" + ", ".join("..." for _ in english.options) + "]")
        return None
    if len({option.strip().casefold() for option in options}) != len(options):
        validator._error(f"{field}.options", options, "two options say the same thing",
                         "    options: [First option, Second option, Third option]")
        return None
    answer = _answer(validator, field, value.get("answer"), len(options), english)
    if answer is None:
        return None
    return Question(text.strip(), tuple(option.strip() for option in options), answer, explanation.strip())


def _answer(validator: Validator, field: str, value: Any, count: int, english: Question | None) -> int | None:
    letters = LETTERS[:count]
    if english is not None:
        if value is None:
            return english.answer
        if not (isinstance(value, str) and value.strip().upper() == english.answer_letter):
            validator._error(f"{field}.answer", value,
                             f"the English page's answer is {english.answer_letter}; a translation keeps the "
                             "options in the English order and leaves answer out", "")
            return None
        return english.answer
    if not isinstance(value, str) or value.strip().upper() not in letters:
        validator._error(f"{field}.answer", value,
                         f"the letter of the right option: one of {', '.join(letters)}", "    answer: B")
        return None
    return letters.index(value.strip().upper())


# -- parts for the facilitator only ------------------------------------------------------


def facilitator_parts(validator: Validator, body: str, body_line: int) -> int:
    """How many `/// facilitator` blocks the text has; a block left open or
    indented is an error naming its line."""
    try:
        return len(facilitator_blocks(body))
    except FacilitatorMarkupError as problem:
        line = body_line + problem.line - 1 if problem.line else None
        validator.errors.append(problem.content_error(validator.path, line))  # type: ignore[attr-defined]
        return 0


def translated_facilitator_parts(validator: Validator, source: Module, count: int, current: bool) -> None:
    """A current translation marks as many facilitator-only parts as its English page."""
    if current and count != source.facilitator_blocks:
        validator._error(
            "facilitator parts", f"{count} blocks",
            f"the English module {source.path} marks {source.facilitator_blocks} parts for the facilitator "
            "only (/// facilitator ... ///); the translation must mark the same parts, or the participants' "
            "handout in this language would show what participants should not see, or leave out what they need",
            "/// facilitator\n**Debrief.** ...\n///")
