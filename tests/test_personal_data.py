"""Pages about victims and children carry no personal data: an e-mail address
or a phone number fails the build, in the text or the front matter, plainly
written or disguised; institutions declare a public contact under `contacts:`.
Dates, year ranges, legal references and article numbers are not flagged."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build
from learning_platform.errors import ContentErrors
from learning_platform.loading import load_library
from learning_platform.personal_data import scan_personal_data
from test_validation import PRACTICE  # the valid practice the validation tests use

BODY_LINE = 12


def errors_in(text: str, path: str = "practices/x.md"):
    return scan_personal_data(path, text)


def body(line: str) -> str:
    return PRACTICE + line + "\n"


@pytest.mark.parametrize("text, found", [
    ("Write to ana.petrovic@mup.gov.rs for an appointment.", "ana.petrovic@mup.gov.rs"),
    ("Write to ana [at] mup [dot] gov [dot] rs.", "ana [at] mup [dot] gov [dot] rs"),
    ("Write to ana(at)mup.gov.rs.", "ana(at)mup.gov.rs"),
    ("Write to ana at mup dot gov dot rs.", "ana at mup dot gov dot rs"),
], ids=["plain", "brackets", "parentheses", "words"])
def test_email_address_in_the_text_fails_naming_line_and_why(text: str, found: str) -> None:
    errors = errors_in(body(text))
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"docs/practices/x.md, line {BODY_LINE + 1}, field 'text'")
    assert found in message and "e-mail address" in message
    assert "victims, children and people in return procedures never carry personal data" in message
    assert "contacts:" in message


@pytest.mark.parametrize("number", [
    "+381 11 306 2000",      # international, spaces
    "00387 33 123 456",      # international with 00
    "(011) 306-2000",        # area code in brackets
    "011/3062-000",          # Serbian office style
    "064 123 45 67",         # mobile, pairs
    "+389 2 3117 222",       # North Macedonia
    "070 123 456",           # short mobile
    "+355-69-123-4567",      # hyphens
], ids=["intl", "00-prefix", "brackets", "slash", "mobile-pairs", "mk", "short-mobile", "hyphens"])
def test_phone_number_in_the_text_fails(number: str) -> None:
    errors = errors_in(body(f"Call the duty officer on {number} at night."))
    assert len(errors) == 1, [str(e) for e in errors]
    assert number in str(errors[0]) and "phone number" in str(errors[0])


def test_phone_number_in_front_matter_fails_naming_the_field(docs_copy: Path) -> None:
    text = PRACTICE.replace("A short summary of the practice.", "Call the hotline on +381 11 306 2000.")
    (docs_copy / "practices/x.md").write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_library(docs_copy)
    found = [str(e) for e in caught.value.errors if e.field == "summary"]
    assert found and found[0].startswith("docs/practices/x.md, line 3, field 'summary'")
    assert "phone number" in found[0]


def test_email_in_a_translation_fails_too(docs_copy: Path) -> None:
    page = load_library(docs_copy).pages["practices/cultural-mediation.md"]
    (docs_copy / "practices/cultural-mediation.sq.md").write_text(
        f'---\ntitle: Ndërmjetësimi kulturor\ntranslation: machine\nsource_fingerprint: "{page.fingerprint}"\n---\n\n'
        "Shkruani në adresën arta@example.org.\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_library(docs_copy)
    assert any(e.file == "practices/cultural-mediation.sq.md" and "e-mail address" in e.problem
               for e in caught.value.errors)


@pytest.mark.parametrize("text", [
    "The meeting took place on 2025-01-30 and on 30.01.2025, and again on 01.02.2025.",
    "The Action Plan 2023-2025 and the years 2019, 2020 and 2021.",
    "Directive 2008/115/EC, Regulation (EU) 2016/679 and Directive (EU) 2016/2102.",
    "UN General Assembly resolution A/RES/73/195 and UNSCR 1244/1999.",
    "Article 5(1)(f) ECHR, Article 14(1) and SWD(2021) 121 final.",
    "Council Decision 2007/820/EC, OJ L 334 of 19.12.2007, p. 65.",
    "ISBN 978-92-9068-786-3; the agenda starts at 0:15 and at 13:30.",
    "Pages 10-12 of the report; 3,300 returns in 2012; EUR 63 million.",
], ids=["dates", "years", "directives", "resolutions", "articles", "official-journal", "isbn-times", "figures"])
def test_dates_year_ranges_and_legal_references_are_not_flagged(text: str) -> None:
    assert errors_in(body(text)) == []


@pytest.mark.slow
def test_institutional_contact_in_front_matter_is_allowed_and_shown(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "project")
    text = PRACTICE.replace("updated: 2025-01-30", "updated: 2025-01-30\ncontacts:\n"
                            "  - organisation: Ministry of Security\n    role: Sector for immigration\n"
                            "    url: https://www.example.org/contact\n    email: immigration@example.org\n"
                            "    phone: +387 33 123 456")
    (project / "docs/practices/zz-contact.md").write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/practices/zz-contact/index.html").read_text(encoding="utf-8")
    block = html.split('id="contacts"', 1)[1]
    assert "Ministry of Security" in block and "mailto:immigration@example.org" in block and "+387 33 123 456" in block


@pytest.mark.slow
def test_the_build_refuses_a_page_with_a_phone_number(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "project")
    (project / "docs/practices/zz-phone.md").write_text(body("Call 064 123 45 67."), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/practices/zz-phone.md, line {BODY_LINE + 1}, field 'text'" in result.stderr
    assert "phone number" in result.stderr
