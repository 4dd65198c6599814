"""No e-mail address and no phone number anywhere on the site (CONTENT_MODEL.md):
in a page's text, its front matter and `contacts:`, its translations, and the
text assets under docs/assets/. Written plainly or the ways people write them
in running text in the site's languages; while dates, year ranges, legal
references, agenda times and ISBNs pass."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build, make_project
from helpers import PRACTICE  # the valid practice the validation tests use
from learning_platform.errors import ContentErrors
from learning_platform.loading import load_library
from learning_platform.personal_data import find_personal_data, scan_personal_data

BODY_LINE = 12


def body(line: str) -> str:
    return PRACTICE + line + "\n"


def found_in(sentence: str) -> list[tuple[str, str]]:
    return [(found, what) for _position, found, what in find_personal_data(sentence)]


def refused(docs: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        load_library(docs)
    return caught.value.errors


# -- e-mail addresses in running text, in every language ---------------------------------------

EMAILS = [
    ("en", "Write to ana.petrovic@mup.gov.rs for an appointment.", "ana.petrovic@mup.gov.rs"),
    ("en", "Write to name (at) domain (dot) org before the visit.", "name (at) domain (dot) org"),
    ("en", "Write to name[at]domain.org before the visit.", "name[at]domain.org"),
    ("en", "Write to ana at mup dot gov dot rs.", "ana at mup dot gov dot rs"),
    ("en", "Write to ana @ mup.gov.rs today.", "ana @ mup.gov.rs"),
    ("en", "Write to ana&#64;mup.gov.rs today.", "ana&#64;mup.gov.rs"),
    ("bs", "Za termin pišite na ime.prezime@gmail.com do petka.", "ime.prezime@gmail.com"),
    ("bs", "Pišite na ime (na) ministarstvo (tačka) ba.", "ime (na) ministarstvo (tačka) ba"),
    ("sr-Latn", "Pišite na ana na mup tačka gov tačka rs.", "ana na mup tačka gov tačka rs"),
    ("sr", "Пишите на ана на мвр точка гов точка рс.", "ана на мвр точка гов точка рс"),
    ("sr", "Пишите на ана[@]мвр.гов.рс.", "ана[@]мвр.гов.рс"),
    ("mk", "Пишете на ана (на) мвр (точка) мк.", "ана (на) мвр (точка) мк"),
    ("mk", "Пишете на ana.petrovska@mvr.gov.mk за термин.", "ana.petrovska@mvr.gov.mk"),
    ("sq", "Shkruani te arta et mpb pika gov pika al.", "arta et mpb pika gov pika al"),
    ("sq", "Shkruani në adresën arta[et]mpb[pika]al.", "arta[et]mpb[pika]al"),
]


@pytest.mark.parametrize("lang, sentence, found", EMAILS, ids=[f"{lang}-{i}" for i, (lang, _s, _f) in enumerate(EMAILS)])
def test_email_address_in_running_text_is_found_in_every_language(lang: str, sentence: str, found: str) -> None:
    assert found_in(sentence) == [(found, "an e-mail address")]


PHONES = [
    ("mk", "Јавете се на +389 70 123 456 навечер.", "+389 70 123 456"),
    ("bs", "Nazovite 070/123-456 prije podne.", "070/123-456"),
    ("bs", "Dežurni: 061 123 456, svaki dan.", "061 123 456"),
    ("sr-Latn", "Pozovite +381 (0)11 123 4567 radnim danom.", "+381 (0)11 123 4567"),
    ("sr", "Позовите 064-123-45-67 после подне.", "064-123-45-67"),
    ("sr", "Тел. 011/3062-000, лок. 12.", "011/3062-000"),
    ("en", "Call the duty officer on +381 11 306 2000 at night.", "+381 11 306 2000"),
    ("en", "Call 00387 33 123 456 from abroad.", "00387 33 123 456"),
    ("en", "Call (011) 306-2000 during office hours.", "(011) 306-2000"),
    ("mk", "Тел. 02/3117-222 во работно време.", "02/3117-222"),
    ("sq", "Telefononi në +355-69-123-4567 pasdite.", "+355-69-123-4567"),
    ("sq", "Numri celular 069 123 4567 është i linjës.", "069 123 4567"),
    ("en", "Text 070123456 for an appointment.", "070123456"),
    ("en", "Call +38970123456 from abroad.", "+38970123456"),
]


@pytest.mark.parametrize("lang, sentence, found", PHONES, ids=[f"{lang}-{i}" for i, (lang, _s, _f) in enumerate(PHONES)])
def test_phone_number_in_running_text_is_found_in_every_language(lang: str, sentence: str, found: str) -> None:
    assert found_in(sentence) == [(found, "a phone number")]


STILL_PASSES = [
    ("en", "The Declaration of 16.11.2022 and its Action Plan 2023-2025."),
    ("en", "The meeting took place on 2025-01-30 and on 30.01.2025, and again on 01.02.2025."),
    ("en", "Official Gazette 12/2019, OJ L 334/46 and Council Decision 2007/820/EC."),
    ("en", "Article 3(1), Article 5(1)(f) ECHR and SWD(2021) 121 final."),
    ("en", "Directive 2008/115/EC, Regulation (EU) 2016/679, A/RES/73/195 and UNSCR 1244/1999."),
    ("en", "The agenda: 09:00-10:30 input, 10:30-10:45 break, 0:15 for questions."),
    ("en", "ISBN 978-92-9068-786-3 and ISBN 0-19-852663-6."),
    ("en", "Pages 10-12 of the report; 3,300 returns in 2012; EUR 63 million; 15 000 000 EUR."),
    ("bs", "Odluka br. 01-02-123/2019 i Službeni glasnik BiH 12/2019, član 3 (1) tačka 2."),
    ("sr-Latn", "Sl. glasnik RS, br. 24/2018; rad na terenu, tačka po tačka."),
    ("sr", "Службени гласник РС, бр. 24/2018, члан 3 став 1 тачка 2."),
    ("mk", "Службен весник бр. 08/2020, од 16.11.2022 до 2025 година."),
    ("sq", "Fletorja Zyrtare nr. 12/2019, neni 3 pika 1, për vitet 2023-2025."),
]


@pytest.mark.parametrize("lang, sentence", STILL_PASSES, ids=[f"{lang}-{i}" for i, (lang, _s) in enumerate(STILL_PASSES)])
def test_dates_ranges_legal_references_times_and_isbns_still_pass(lang: str, sentence: str) -> None:
    assert found_in(sentence) == []


# -- where the guard looks ------------------------------------------------------------------------


def test_email_address_in_the_text_fails_naming_line_and_what_to_do() -> None:
    [error] = scan_personal_data("practices/x.md", body("Write to ana.petrovic@mup.gov.rs for an appointment."))
    assert str(error) == (
        f"docs/practices/x.md, line {BODY_LINE + 1}, field 'text': this looks like an e-mail address: the site is "
        "about victims, children and people in return procedures and never carries personal data: an e-mail "
        "address or a phone number may be one (found: ana.petrovic@mup.gov.rs)\n"
        "    To fix: delete it. To let readers reach an institution, name the institution in the text and, on a "
        "practice, add it under contacts: with organisation, role and the web address of its public page")


def test_phone_number_in_front_matter_fails_naming_the_field(docs_copy: Path) -> None:
    text = PRACTICE.replace("A short summary of the practice.", "Call the hotline on +381 11 306 2000.")
    (docs_copy / "practices/x.md").write_text(text, encoding="utf-8")
    found = [str(e) for e in refused(docs_copy) if e.field == "summary"]
    assert found and found[0].startswith("docs/practices/x.md, line 3, field 'summary': this looks like a phone number")


def test_contact_with_email_or_phone_fails_each_on_its_line(docs_copy: Path) -> None:
    text = PRACTICE.replace("updated: 2025-01-30", "updated: 2025-01-30\ncontacts:\n"
                            "  - organisation: Ministry of Security\n    role: Sector for immigration\n"
                            "    url: https://kirs.gov.rs/eng/readmission/about-readmission\n"
                            "    email: immigration@ministry.invalid\n    phone: +387 33 123 456")
    (docs_copy / "practices/x.md").write_text(text, encoding="utf-8")
    errors = {e.field: e for e in refused(docs_copy) if e.file == "practices/x.md"}
    assert sorted(errors) == ["contacts[1].email", "contacts[1].phone"]
    assert errors["contacts[1].email"].line == 14 and errors["contacts[1].phone"].line == 15
    assert errors["contacts[1].email"].problem == (
        "a contact carries no e-mail address and no phone number: pages about people on the move never do, and an "
        "institution is reached through the web address under url")
    assert errors["contacts[1].phone"].advice == "delete the phone line"


def test_phone_number_written_into_a_contacts_role_fails(docs_copy: Path) -> None:
    text = PRACTICE.replace("updated: 2025-01-30", "updated: 2025-01-30\ncontacts:\n"
                            "  - organisation: Ministry of Security\n    role: Ana, mobile 064 123 45 67\n"
                            "    url: https://kirs.gov.rs/eng/readmission/about-readmission")
    (docs_copy / "practices/x.md").write_text(text, encoding="utf-8")
    [error] = [e for e in refused(docs_copy) if e.file == "practices/x.md"]
    assert (error.line, error.field, error.value) == (12, "contacts", "064 123 45 67")
    assert error.advice == ("delete it: a contact is reached through the web address under url, the institution's "
                            "public page")


def test_email_in_a_translation_fails_too(docs_copy: Path) -> None:
    page = load_library(docs_copy).pages["practices/cultural-mediation.md"]
    (docs_copy / "practices/cultural-mediation.sq.md").write_text(
        f'---\ntitle: Ndërmjetësimi kulturor\ntranslation: machine\nsource_fingerprint: "{page.fingerprint}"\n---\n\n'
        "Shkruani në adresën arta@mpb.gov.al.\n", encoding="utf-8")
    assert [(e.line, e.value) for e in refused(docs_copy) if e.file == "practices/cultural-mediation.sq.md"] == [
        (7, "arta@mpb.gov.al")]


@pytest.mark.parametrize("path", ["about.md", "actions/16.md", "commitments/3.md", "index.sq.md"])
def test_every_page_is_guarded_not_only_practices(docs_copy: Path, path: str) -> None:
    page = docs_copy / path
    page.write_text(page.read_text(encoding="utf-8") + "\nCall 064 123 45 67.\n", encoding="utf-8")
    assert [e.value for e in refused(docs_copy) if e.file == path] == ["064 123 45 67"]


def test_text_assets_are_scanned_too(docs_copy: Path) -> None:
    (docs_copy / "assets/javascripts/helpdesk.js").write_text(
        "// Questions: ana.petrovic@mup.gov.rs\nconst x = 1;\n", encoding="utf-8")
    [error] = [e for e in refused(docs_copy) if e.file == "assets/javascripts/helpdesk.js"]
    assert (error.line, error.value) == (1, "ana.petrovic@mup.gov.rs")


def test_a_file_refused_by_name_is_scanned_too(docs_copy: Path) -> None:
    (docs_copy / "practices/x.markdown").write_text("Call 064 123 45 67.\n", encoding="utf-8")
    errors = [(e.field, e.value) for e in refused(docs_copy) if e.file == "practices/x.markdown"]
    assert errors == [("file name", "x.markdown"), ("text", "064 123 45 67")]


@pytest.mark.slow
def test_the_build_refuses_a_page_with_a_phone_number(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs/practices/zz-phone.md").write_text(body("Call 064 123 45 67."), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/practices/zz-phone.md, line {BODY_LINE + 1}, field 'text'" in result.stderr
    assert "phone number" in result.stderr
