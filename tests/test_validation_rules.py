"""The front matter rules, one test per rule, on one page at a time.

tests/test_validation.py shows each rule end to end (a copy of the docs tree,
the whole library loaded, seconds a test); these check the same rules on the
validator of a single page in milliseconds, so that mutation testing
(tests/MUTATION.md) can run them against every changed line: the field named,
the value found, the line, and what is allowed, with the boundaries of each
rule (1 and 21 are actions, 0 and 22 are not).
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from helpers import PRACTICE  # the valid practice: tests/helpers.py gives its line numbers
from learning_platform.frontmatter import split_front_matter
from learning_platform.model import AgendaItem, Library, Material, Module, Practice, Source
from learning_platform.official import load_official_texts
from learning_platform.validation import PageValidator, check_cross_references, page_type
from learning_platform.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()

MODULE = """\
---
title: Test module
summary: A short summary of the module.
duration: 3 hours
audience: [return-officers]
actions: [16]
objectives:
  - Explain the purpose of return counselling.
  - Use four listening skills in a session.
agenda:
  - {minutes: 60, activity: "Input and discussion", method: "Plenary", role: opening}
  - {minutes: 15, activity: "Break", role: break}
  - {minutes: 105, activity: "Role play", method: "Groups of three"}
materials:
  - Printed handout
sources:
  - title: Skopje Declaration (2022)
    url: https://publications.iom.int/books/return-counselling-toolkit
updated: 2025-01-30
self_check:
  - {question: "Who decides on return?", options: [The counsellor, The person], answer: B, explanation: "Counselling informs."}
  - {question: "Is a debt a private matter?", options: [It is private, It weighs on the decision], answer: B, explanation: "It weighs."}
  - {question: "Which is an open question?", options: [Do you understand?, What have you heard?], answer: B, explanation: "Own words."}
  - {question: "Who owns a session's content?", options: [The counsellor, The mediator], answer: A, explanation: "The mediator explains."}
  - {question: "A protection need appears. Then?", options: [Go on, Pause and refer], answer: B, explanation: "Return planning pauses."}
---

Text of the module.
"""
# line 4 duration, 5 audience, 6 actions, 7 objectives, 10 agenda, 11-13 entries, 14 materials
# (the self-check, required of every module, comes last: the lines above stay as they are)


def validated(path: str, text: str):
    front, body, _ = split_front_matter(path, text)
    validator = PageValidator(path, text, front, VOCABULARY)
    return validator.page(body), validator.errors


def problems(path: str, text: str) -> list[tuple[str, object, int | None]]:
    """(field, value found, line) of every problem of one page."""
    return [(error.field, error.value, error.line) for error in validated(path, text)[1]]


def only_problem(path: str, text: str):
    errors = validated(path, text)[1]
    assert len(errors) == 1, [str(error) for error in errors]
    return errors[0]


def practice(old: str, new: str) -> str:
    assert old in PRACTICE
    return PRACTICE.replace(old, new, 1)


def module(old: str, new: str) -> str:
    assert old in MODULE
    return MODULE.replace(old, new, 1)


# -- a valid page ---------------------------------------------------------------------------


def test_a_valid_practice_becomes_a_practice_with_its_fields_typed():
    page, errors = validated("practices/test.md", practice("actions: [16]", "actions: [18, 16]\npartners: [XK, BA]"))
    assert errors == []
    assert isinstance(page, Practice)
    assert (page.title, page.summary, page.kind) == ("Test practice", "A short summary of the practice.", "method")
    assert page.actions == (16, 18)          # sorted
    assert page.partners == ("XK", "BA")     # as written
    assert page.sources == (Source("Skopje Declaration (2022)", "https://publications.iom.int/books/return-counselling-toolkit", "en"),)
    assert page.updated == dt.date(2025, 1, 30)


def test_a_valid_module_becomes_a_module_with_its_agenda():
    page, errors = validated("modules/test.md", MODULE)
    assert errors == []
    assert isinstance(page, Module)
    assert page.duration == (3, "hours")
    assert page.agenda == (AgendaItem(60, "Input and discussion", "Plenary", "opening"),
                           AgendaItem(15, "Break", "", "break"),
                           AgendaItem(105, "Role play", "Groups of three", ""))
    assert page.objectives == ("Explain the purpose of return counselling.", "Use four listening skills in a session.")
    assert page.materials == (Material("Printed handout"),)


@pytest.mark.parametrize("path, kind", [
    ("practices/x.md", "practice"), ("modules/x.md", "module"), ("news/x.md", "news"),
    ("actions/16.md", "action"), ("commitments/1.md", "commitment"),
    ("practices/index.md", "page"), ("index.md", "page"), ("about.md", "page"),
    ("practices/sub/x.md", "practice"),
])
def test_the_kind_of_a_page_follows_its_folder(path, kind):
    assert page_type(path) == kind


# -- actions, GCM objectives, codes ---------------------------------------------------------


@pytest.mark.parametrize("actions, kept", [("[1]", (1,)), ("[21]", (21,)), ("[21, 1]", (1, 21))])
def test_actions_1_and_21_are_the_first_and_last_of_the_action_plan(actions, kept):
    page, errors = validated("practices/test.md", practice("actions: [16]", f"actions: {actions}"))
    assert errors == [] and page.actions == kept


@pytest.mark.parametrize("written, found", [("0", 0), ("22", 22), ("true", True), ("1.5", 1.5)])
def test_an_action_outside_1_to_21_or_not_a_whole_number_fails_naming_the_line(written, found):
    error = only_problem("practices/test.md", practice("actions: [16]", f"actions: [{written}]"))
    assert (error.field, error.value, error.line) == ("actions", found, 5)
    assert "every entry must be a whole number from 1 to 21" in error.problem


def test_an_action_written_as_text_fails_naming_the_line():
    error = only_problem("practices/test.md", practice("actions: [16]", 'actions: ["16"]'))
    assert (error.field, error.value, error.line) == ("actions", "16", 5)


@pytest.mark.parametrize("written, problem", [
    ("[]", "must name at least one"), ("16", "must be a list in square brackets"),
    ("[16, 16]", "lists the same value twice"),
])
def test_actions_must_be_a_list_naming_each_action_once(written, problem):
    error = only_problem("practices/test.md", practice("actions: [16]", f"actions: {written}"))
    assert (error.field, error.line) == ("actions", 5)
    assert error.problem.startswith(problem)


@pytest.mark.parametrize("number, fails", [(0, True), (1, False), (23, False), (24, True)])
def test_gcm_objectives_run_from_1_to_23(number, fails):
    page, errors = validated("practices/test.md", practice("actions: [16]", f"actions: [16]\ngcm_objectives: [{number}]"))
    if fails:
        assert [(e.field, e.value) for e in errors] == [("gcm_objectives", number)]
        assert "from 1 to 23" in errors[0].problem
    else:
        assert errors == [] and page.gcm_objectives == (number,)


@pytest.mark.parametrize("code", ["KS", "SR", "ba", "", 1])
def test_a_partner_code_outside_the_six_fails_listing_them(code):
    written = f'"{code}"' if isinstance(code, str) else str(code)
    error = only_problem("practices/test.md", practice("actions: [16]", f"actions: [16]\npartners: [{written}]"))
    assert (error.field, error.value) == ("partners", code)
    for partner in ("AL", "BA", "XK", "ME", "MK", "RS"):
        assert partner in error.problem


@pytest.mark.parametrize("field, good, bad", [
    ("target_groups", "unaccompanied-children", "children"),
    ("audience", "return-officers", "police"),
])
def test_each_vocabulary_accepts_its_codes_only(field, good, bad):
    page, errors = validated("practices/test.md", practice("actions: [16]", f"actions: [16]\n{field}: [{good}]"))
    assert errors == [] and getattr(page, field) == (good,)
    error = only_problem("practices/test.md", practice("actions: [16]", f"actions: [16]\n{field}: [{good}, {bad}]"))
    assert (error.field, error.value) == (field, bad)


@pytest.mark.parametrize("kind", ["method", "tool", "guidance", "legal-framework", "case-study", "training-material"])
def test_each_kind_of_the_contract_is_accepted(kind):
    page, errors = validated("practices/test.md", practice("kind: method", f"kind: {kind}"))
    assert errors == [] and page.kind == kind


def test_an_unknown_kind_fails_listing_the_kinds():
    error = only_problem("practices/test.md", practice("kind: method", "kind: methods"))
    assert (error.field, error.value, error.line) == ("kind", "methods", 4)
    assert "method, tool, guidance, legal-framework, case-study, training-material" in error.problem


# -- text fields ----------------------------------------------------------------------------


def test_a_summary_of_300_characters_is_allowed_and_301_is_not():
    page, errors = validated("practices/test.md", practice("A short summary of the practice.", "a" * 300))
    assert errors == [] and page.summary == "a" * 300
    error = only_problem("practices/test.md", practice("A short summary of the practice.", "a" * 301))
    assert (error.field, error.line) == ("summary", 3)
    assert error.value == "a" * 60 + "... (301 characters)"
    assert "at most 300 characters" in error.problem


@pytest.mark.parametrize("field, line", [("title", 2), ("summary", 3)])
def test_a_title_or_summary_that_is_not_text_fails(field, line):
    text = PRACTICE.replace(PRACTICE.splitlines()[line - 1], f"{field}: [a list]")
    error = only_problem("practices/test.md", text)
    assert (error.field, error.value, error.line) == (field, ["a list"], line)
    assert error.problem == "must be a piece of text"


@pytest.mark.parametrize("field", ["title", "summary", "kind", "actions", "sources", "updated"])
def test_a_missing_required_field_fails_naming_it(field):
    lines = [line for line in PRACTICE.splitlines(keepends=True) if not line.startswith(f"{field}:")]
    text = "".join(lines)
    if field == "sources":
        text = text.replace("  - title: Skopje Declaration (2022)\n    url: https://publications.iom.int/books/return-counselling-toolkit\n", "")
    errors = validated("practices/test.md", text)[1]
    assert [(e.field, e.line) for e in errors] == [(field, 2)]
    assert errors[0].problem == "this field is required and missing"


def test_a_page_with_a_summary_is_trimmed_of_surrounding_spaces():
    page, _ = validated("practices/test.md", practice("summary: A short", 'summary: "  A short').replace(
        "of the practice.\n", 'of the practice.  "\n', 1))
    assert page.summary == "A short summary of the practice."


def test_an_unknown_field_fails_listing_the_accepted_ones():
    error = only_problem("practices/test.md", practice("kind: method", "kind: method\nkinds: tool"))
    assert (error.field, error.value, error.line) == ("kinds", "kinds", 5)
    assert error.problem.startswith("unknown field; a practice page accepts: actions, audience, contacts,")


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("written, problem", [
    ("2025-02-30", "this date does not exist in the calendar"),
    ("30.01.2025", "must be a date written year-month-day (ISO 8601)"),
    ('"2025-1-30"', "must be a date written year-month-day (ISO 8601)"),
    ("yesterday", "must be a date written year-month-day (ISO 8601)"),
])
def test_a_date_must_exist_and_be_written_year_month_day(written, problem):
    error = only_problem("practices/test.md", practice("updated: 2025-01-30", f"updated: {written}"))
    assert (error.field, error.line) == ("updated", 9)
    assert error.problem.startswith(problem)


def test_a_date_written_as_text_in_iso_form_is_read():
    page, errors = validated("practices/test.md", practice("updated: 2025-01-30", 'updated: "2025-01-30"'))
    assert errors == [] and page.updated == dt.date(2025, 1, 30)


@pytest.mark.parametrize("review_due, fails", [("2025-01-29", True), ("2025-01-30", False), ("2025-06-01", False)])
def test_the_review_may_not_fall_before_the_last_update(review_due, fails):
    page, errors = validated("practices/test.md", practice("updated: 2025-01-30", f"updated: 2025-01-30\nreview_due: {review_due}"))
    if fails:
        assert [(e.field, e.value, e.line) for e in errors] == [("review_due", review_due, 10)]
        assert "the next review cannot be before the last update (2025-01-30)" in errors[0].problem
    else:
        assert errors == [] and page.review_due == dt.date.fromisoformat(review_due)


def test_without_a_review_date_the_review_is_due_a_year_after_the_update():
    page, _ = validated("practices/test.md", PRACTICE)
    assert page.review_due == dt.date(2026, 1, 30)


@pytest.mark.parametrize("published, fails", [("2025-01-31", True), ("2025-01-30", False), ("2024-05-01", False)])
def test_a_page_is_published_on_or_before_its_last_update(published, fails):
    page, errors = validated("practices/test.md", practice("updated: 2025-01-30", f"updated: 2025-01-30\npublished: {published}"))
    if fails:
        assert [(e.field, e.value) for e in errors] == [("published", published)]
        assert "a page is first published on or before its last update (2025-01-30)" in errors[0].problem
    else:
        assert errors == [] and page.published == dt.date.fromisoformat(published)


# -- sources --------------------------------------------------------------------------------


@pytest.mark.parametrize("url, fails", [
    ("https://publications.iom.int/books/return-counselling-toolkit", False),
    ("http://publications.iom.int/books/return-counselling-toolkit", False),
    ("publications.iom.int/books/return-counselling-toolkit", True),
    ("ftp://publications.iom.int/books/return-counselling-toolkit", True),
    ("https://", True), ("https:/publications.iom.int", True),
])
def test_a_source_is_a_full_web_address(url, fails):
    page, errors = validated("practices/test.md", practice("https://publications.iom.int/books/return-counselling-toolkit", url))
    if fails:
        assert [(e.field, e.value) for e in errors] == [("sources[1].url", url)]
        assert errors[0].problem.startswith("must be a full web address starting with https://")
    else:
        assert errors == [] and page.sources[0].url == url


def test_a_source_without_a_url_fails_naming_the_entry():
    errors = validated("practices/test.md", practice("    url: https://publications.iom.int/books/return-counselling-toolkit\n", ""))[1]
    assert [e.field for e in errors] == ["sources[1]"]
    assert "each source needs a title and a url" in errors[0].problem


@pytest.mark.parametrize("lang, fails", [("sr", False), ("sr-Latn", False), ("cnr", False), ("SR", True), ("serbian", True)])
def test_a_source_may_name_the_language_of_its_title_as_a_code(lang, fails):
    page, errors = validated("practices/test.md", practice("    url: https://publications.iom.int/books/return-counselling-toolkit\n",
                                                           f"    url: https://publications.iom.int/books/return-counselling-toolkit\n    lang: {lang}\n"))
    if fails:
        assert [(e.field, e.value) for e in errors] == [("sources[1].lang", lang)]
    else:
        assert errors == [] and page.sources[0].lang == lang


# -- contacts -------------------------------------------------------------------------------

CONTACT = ("contacts:\n  - organisation: Ministry of Security\n    role: Sector for immigration\n"
           "    url: https://kirs.gov.rs/eng/readmission/about-readmission\n")


def test_an_institutional_contact_is_accepted():
    page, errors = validated("practices/test.md", practice("updated: 2025-01-30\n", "updated: 2025-01-30\n" + CONTACT))
    assert errors == []
    assert [(c.organisation, c.role, c.url) for c in page.contacts] == [
        ("Ministry of Security", "Sector for immigration", "https://kirs.gov.rs/eng/readmission/about-readmission")]


@pytest.mark.parametrize("change", [
    ("    role: Sector for immigration\n", ""),                                          # no role
    ("    url: https://kirs.gov.rs/eng/readmission/about-readmission\n", ""),                                  # no url
    ("    role: Sector for immigration\n", "    role: Sector\n    name: Ana Test\n"),   # a person's name
])
def test_a_contact_that_is_not_an_institution_with_role_and_address_fails(change):
    text = practice("updated: 2025-01-30\n", "updated: 2025-01-30\n" + CONTACT.replace(*change))
    errors = validated("practices/test.md", text)[1]
    assert [e.field for e in errors] == ["contacts[1]"]
    assert errors[0].problem.startswith("each contact is an institution, with organisation, role")


def test_a_contact_address_must_be_a_web_address():
    text = practice("updated: 2025-01-30\n", "updated: 2025-01-30\n" + CONTACT.replace("https://kirs.gov.rs/eng/readmission/about-readmission", "kirs.gov.rs"))
    errors = validated("practices/test.md", text)[1]
    assert [(e.field, e.value) for e in errors] == [("contacts[1].url", "kirs.gov.rs")]


# -- a module's plan ------------------------------------------------------------------------


@pytest.mark.parametrize("duration, unit, count", [
    ("3 hours", "hours", 3), ("180 minutes", "minutes", 180), ("1 hour", "hours", 1), ("2.5 hours", "hours", 2.5),
    ("1 day", "days", 1),
])
def test_a_duration_is_a_number_and_a_unit(duration, unit, count):
    page, errors = validated("modules/test.md", module("duration: 3 hours", f"duration: {duration}"))
    assert page is None or page.duration == (count, unit)
    assert all(e.field != "duration" or unit == "days" for e in errors)


@pytest.mark.parametrize("duration, found", [("three hours", "three hours"), ("3", 3), ("3 weeks", "3 weeks"),
                                             ("hours 3", "hours 3")])
def test_a_duration_without_a_number_and_minutes_hours_or_days_fails(duration, found):
    errors = validated("modules/test.md", module("duration: 3 hours", f"duration: {duration}"))[1]
    assert [(e.field, e.value, e.line) for e in errors] == [("duration", found, 4)]
    assert errors[0].problem == 'must be a number followed by "minutes", "hours" or "days"'


def test_a_module_in_days_cannot_be_checked_against_its_agenda():
    errors = validated("modules/test.md", module("duration: 3 hours", "duration: 1 day"))[1]
    assert [(e.field, e.value) for e in errors] == [("duration", "1 days")]
    assert errors[0].problem.startswith("a module with an agenda gives its duration in hours or minutes")


@pytest.mark.parametrize("duration", ["2 hours", "200 minutes", "4 hours"])
def test_an_agenda_that_does_not_add_up_to_the_duration_fails_with_the_total(duration):
    errors = validated("modules/test.md", module("duration: 3 hours", f"duration: {duration}"))[1]
    assert [(e.field, e.value, e.line) for e in errors] == [("agenda", "180 minutes in all", 10)]
    count, unit = duration.split()
    planned = int(count) * (60 if unit == "hours" else 1)
    assert (f"the agenda's minutes must add up to the duration, {count} {unit} = {planned} minutes"
            in errors[0].problem)
    assert errors[0].example.strip().endswith("duration: 3 hours")


def test_an_agenda_in_minutes_that_adds_up_is_accepted():
    page, errors = validated("modules/test.md", module("duration: 3 hours", "duration: 180 minutes"))
    assert errors == [] and page.duration == (180, "minutes")


@pytest.mark.parametrize("minutes, found", [("0", 0), ("-5", -5), ("true", True), ('"15 min"', "15 min"), ("7.5", 7.5)])
def test_an_agenda_entrys_minutes_are_a_whole_number_of_at_least_one(minutes, found):
    errors = validated("modules/test.md", module("{minutes: 15,", f"{{minutes: {minutes},"))[1]
    assert [(e.field, e.value) for e in errors] == [("agenda[2].minutes", found)]
    assert errors[0].problem == "must be a whole number of minutes, 1 or more"


def test_an_agenda_entry_of_one_minute_is_allowed():
    page, errors = validated("modules/test.md", module("{minutes: 15,", "{minutes: 1,").replace(
        "{minutes: 105,", "{minutes: 119,"))
    assert errors == [] and [item.minutes for item in page.agenda] == [60, 1, 119]


@pytest.mark.parametrize("role", ["lunch", "Opening", "pauza"])
def test_an_agenda_role_outside_opening_break_closing_fails(role):
    errors = validated("modules/test.md", module("role: break}", f"role: {role}}}"))[1]
    assert [(e.field, e.value) for e in errors] == [("agenda[2].role", role)]
    assert errors[0].problem.startswith("a role is one of opening, break, closing")


@pytest.mark.parametrize("entry", [
    '{minutes: 15}', '{activity: "Break"}', '{minutes: 15, activity: "Break", room: "B"}', '"Break, 15 minutes"',
])
def test_an_agenda_entry_gives_minutes_and_activity_and_nothing_unknown(entry):
    errors = validated("modules/test.md", module('{minutes: 15, activity: "Break", role: break}', entry))[1]
    assert [e.field for e in errors] == ["agenda[2]"]
    assert errors[0].problem == "each agenda entry gives minutes and activity, and may give a method and a role"


@pytest.mark.parametrize("entry", ['{minutes: 15, activity: "  "}', '{minutes: 15, activity: 7}',
                                   '{minutes: 15, activity: "Break", method: [a]}'])
def test_an_agenda_entrys_activity_and_method_are_text(entry):
    errors = validated("modules/test.md", module('{minutes: 15, activity: "Break", role: break}', entry))[1]
    assert [e.field for e in errors] == ["agenda[2].activity"]


def test_a_module_states_at_least_two_objectives():
    text = module("  - Use four listening skills in a session.\n", "")
    errors = validated("modules/test.md", text)[1]
    assert [(e.field, e.value) for e in errors] == [("objectives", "1 objective")]
    assert errors[0].problem == "a module states at least 2 learning objectives"


@pytest.mark.parametrize("field, named, problem", [
    ("objectives", "objectives", "every entry must be a piece of text"),
    # A material is text (the trainer brings it) or a {name, section|page} the module supplies: the entry is named.
    ("materials", "materials[1]", "a material is either a piece of text (something the trainer brings) or "
                                  "{name: ..., section: ...} for one this module supplies in a section of its page"),
])
def test_an_empty_entry_of_objectives_or_materials_fails(field, named, problem):
    text = MODULE.replace(f"{field}:\n", f'{field}:\n  - "  "\n', 1)
    errors = validated("modules/test.md", text)[1]
    assert [e.field for e in errors] == [named]
    assert errors[0].problem.startswith(problem)


# -- file names, actions and commitments ----------------------------------------------------


@pytest.mark.parametrize("path, fails", [
    ("practices/family-tracing.md", False), ("practices/step-2.md", False),
    ("practices/Family-Tracing.md", True), ("practices/family_tracing.md", True), ("practices/-x.md", True),
    ("practices/a--b.md", True), ("practices/sub/family-tracing.md", True),
])
def test_a_file_name_is_lower_case_letters_digits_and_hyphens_directly_in_its_folder(path, fails):
    errors = validated(path, PRACTICE)[1]
    assert [e.field for e in errors] == (["file name"] if fails else [])


def test_a_bad_file_name_gets_a_valid_name_to_use():
    error = only_problem("practices/Family Tracing.md", PRACTICE)
    suggestion = f"{error.example or ''} {getattr(error, 'advice', None) or ''}"
    assert re.search(r"docs/practices/[a-z0-9]+(?:-[a-z0-9]+)*\.md", suggestion), suggestion


ACTION = "---\naction: {action}\ncommitment: {commitment}\ntitle: Action\nsummary: An action.\n---\n\nText.\n"


@pytest.mark.parametrize("action, commitment", [(1, 1), (5, 1), (6, 2), (14, 2), (15, 3), (21, 3)])
def test_each_action_sits_under_its_commitment_in_the_action_plan(action, commitment):
    page, errors = validated(f"actions/{action}.md", ACTION.format(action=action, commitment=commitment))
    assert errors == [] and (page.number, page.commitment) == (action, commitment)


@pytest.mark.parametrize("action, written, expected", [(5, 2, 1), (6, 1, 2), (14, 3, 2), (15, 2, 3)])
def test_an_action_under_the_wrong_commitment_fails_naming_the_right_one(action, written, expected):
    errors = validated(f"actions/{action}.md", ACTION.format(action=action, commitment=written))[1]
    assert [(e.field, e.value, e.example) for e in errors] == [("commitment", written, f"commitment: {expected}")]
    assert f"the Action Plan places action {action} under commitment {expected}" in errors[0].problem


@pytest.mark.parametrize("path, number", [("actions/22.md", 22), ("actions/0.md", 0), ("actions/x.md", 16)])
def test_an_action_page_is_named_by_a_number_from_1_to_21(path, number):
    errors = validated(path, ACTION.format(action=number, commitment=3))[1]
    assert "file name" in [e.field for e in errors]


def test_an_action_whose_number_differs_from_its_file_fails():
    errors = validated("actions/16.md", ACTION.format(action=17, commitment=3))[1]
    assert [(e.field, e.value, e.example) for e in errors] == [("action", 17, "action: 16")]


COMMITMENT = "---\ncommitment: {number}\ntitle: Commitment\nsummary: A commitment.\n---\n\nText.\n"


@pytest.mark.parametrize("number, fails", [(1, False), (3, False), (4, True), (0, True)])
def test_commitments_are_numbered_1_to_3(number, fails):
    errors = validated(f"commitments/{number}.md", COMMITMENT.format(number=number))[1]
    assert bool(errors) == fails


# -- news -----------------------------------------------------------------------------------

NEWS = "---\ntitle: Event\nsummary: An event.\ndate: 2025-01-28\nend_date: {end}\nsources:\n  - title: Report\n    url: https://publications.iom.int/books/return-counselling-toolkit\n---\n\nText.\n"


@pytest.mark.parametrize("end, fails", [("2025-01-27", True), ("2025-01-28", False), ("2025-01-30", False)])
def test_an_event_ends_on_or_after_its_first_day(end, fails):
    page, errors = validated("news/event.md", NEWS.format(end=end))
    if fails:
        assert [(e.field, e.value) for e in errors] == [("end_date", end)]
        assert "the last day of the event is before its first day (2025-01-28)" in errors[0].problem
    else:
        assert errors == [] and page.end_date == dt.date.fromisoformat(end)


# -- across pages ---------------------------------------------------------------------------


def test_a_module_naming_a_practice_that_does_not_exist_fails_listing_the_known_ones():
    library = Library(vocabulary=VOCABULARY, official=load_official_texts())
    module_page, _ = validated("modules/test.md", MODULE.replace("objectives:", "practices: [family-tracing]\nobjectives:"))
    practice_page, _ = validated("practices/counselling.md", PRACTICE)
    library.pages = {module_page.path: module_page, practice_page.path: practice_page}
    texts = {f"commitments/{n}.md": "" for n in range(1, 4)} | {f"actions/{n}.md": "" for n in range(1, 22)}
    texts["modules/test.md"] = MODULE.replace("objectives:", "practices: [family-tracing]\nobjectives:")
    errors = check_cross_references(library, texts)
    assert [(e.file, e.field, e.value, e.line) for e in errors] == [("modules/test.md", "practices", "family-tracing", 7)]
    assert errors[0].problem == "no practice page docs/practices/family-tracing.md exists; known practices: counselling"


def test_every_commitment_and_action_needs_its_page():
    library = Library(vocabulary=VOCABULARY, official=load_official_texts())
    texts = {f"commitments/{n}.md": "" for n in (1, 3)} | {f"actions/{n}.md": "" for n in range(1, 21)}
    errors = check_cross_references(library, texts)
    assert [(e.file, e.value) for e in errors] == [("commitments/2.md", "(missing)"), ("actions/21.md", "(missing)")]
    assert errors[0].problem == "every commitment needs its page; commitment 2 has none"
    assert errors[1].problem == "every action of the Action Plan needs its page; action 21 has none"


def test_a_news_entry_keeps_its_dates_sources_and_partners():
    text = NEWS.format(end="2025-01-30").replace("sources:", "partners: [BA, XK]\npublished: 2025-02-03\nsources:")
    page, errors = validated("news/event.md", text)
    assert errors == []
    assert (page.date, page.end_date, page.published) == (dt.date(2025, 1, 28), dt.date(2025, 1, 30), dt.date(2025, 2, 3))
    assert page.partners == ("BA", "XK")
    assert page.sources == (Source("Report", "https://publications.iom.int/books/return-counselling-toolkit", "en"),)


def test_a_news_entry_without_a_publication_date_is_published_on_its_first_day():
    page, errors = validated("news/event.md", NEWS.format(end="2025-01-30"))
    assert errors == [] and page.published == dt.date(2025, 1, 28)
