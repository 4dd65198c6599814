"""The personal-data guard on one file at a time: where each address or
number is reported (the line, and the field of the front matter or the text),
and the length a phone number has (8 to 15 digits). Expected values typed out;
test_personal_data.py has the forms people write them in."""
from __future__ import annotations

import pytest

from learning_platform.personal_data import find_personal_data, scan_personal_data

PAGE = ("---\ntitle: Return counselling\nsummary: Call 064 123 45 67 for an appointment.\n---\n\n"
        "Text of the page.\n\nWrite to ana.petrovic@mup.gov.rs before the visit.\n")


def found(path: str, text: str) -> list[tuple[int, str, str]]:
    return [(error.line, error.field, error.value) for error in scan_personal_data(path, text)]


def test_each_address_and_number_is_reported_on_its_line_in_its_field():
    assert found("practices/x.md", PAGE) == [(3, "summary", "064 123 45 67"), (8, "text", "ana.petrovic@mup.gov.rs")]


def test_a_file_written_with_windows_line_ends_reports_the_same_lines():
    assert found("practices/x.md", PAGE.replace("\n", "\r\n")) == [
        (3, "summary", "064 123 45 67"), (8, "text", "ana.petrovic@mup.gov.rs")]


def test_a_number_on_the_first_line_of_a_page_without_front_matter_is_on_line_1():
    assert found("about.md", "Call 064 123 45 67.\n") == [(1, "text", "064 123 45 67")]


def test_the_last_field_of_the_front_matter_is_named_too():
    text = "---\ntitle: A\nsummary: Call 064 123 45 67.\n---\n"
    assert found("practices/x.md", text) == [(3, "summary", "064 123 45 67")]


@pytest.mark.parametrize("number", ["064 123 45", "+381 1123 4567 8901"])  # 8 and 15 digits
def test_a_phone_number_has_8_to_15_digits(number):
    assert [value for _, value, what in find_personal_data(f"Call {number} now.") if "phone number" in what] == [number]


@pytest.mark.parametrize("number", ["064 12 34", "+381 1123 4567 8901 2345"])
def test_fewer_than_8_or_more_than_15_digits_are_not_a_phone_number(number):
    assert [what for _, _, what in find_personal_data(f"Reference {number}.") if "phone" in what] == []


def test_what_is_found_is_named_as_an_address_or_a_number():
    kinds = [what for _, _, what in find_personal_data("Write to ana@mup.gov.rs or call 064 123 45 67.")]
    assert [kind.removeprefix("an ").removeprefix("a ") for kind in kinds] == ["e-mail address", "phone number"]


def test_an_address_with_a_full_width_at_sign_is_found():
    assert [value for _, value, _ in find_personal_data("Write to ana＠mup.gov.rs today.")] == ["ana＠mup.gov.rs"]


@pytest.mark.parametrize("written", ["ana (AT) mup (DOT) gov (DOT) rs", "ana AT mup DOT gov DOT rs"])
def test_an_address_spelt_out_in_capitals_is_found(written):
    assert [value for _, value, _ in find_personal_data(f"Write to {written} today.")] == [written]
