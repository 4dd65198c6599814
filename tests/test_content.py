"""The content an institution would put its name to: exact sources, every action
served, the kinds of pages the library needs, full GCM labels. (Each language's
terminology: tests/test_terminology.py.)"""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO
from learning_platform.loading import load_library
from learning_platform.sources_report import address_problems, citations



@pytest.fixture(scope="module")
def library():
    return load_library(REPO / "docs")


# -- sources ---------------------------------------------------------------------------------


def test_sources_report_lists_every_outside_address_with_the_pages_citing_it() -> None:
    found = citations(REPO / "docs")
    assert len(found) > 100
    readmission = [c for url, c in found.items() if "readmission-case-processing.md" in "".join(c.pages)]
    assert readmission and all(c.pages for c in found.values())


def test_no_source_address_names_another_language_or_carries_junk() -> None:
    problems = {url: address_problems(url) for url in citations(REPO / "docs")}
    assert {url: issues for url, issues in problems.items() if issues} == {}


@pytest.mark.parametrize("url, problem", [
    ("https://fra.europa.eu/hu/publication/2022/forced-return-monitoring?page=2", "language other than English"),
    ("https://home-affairs.ec.europa.eu/glossary/alternative-detention_fi", "language other than English"),
    ("https://www.fmreview.org/ar/issue66/article", "language other than English"),
    ("https://www.unhcr.org/en-in/complementary-pathways.html", "language other than English"),
    ("https://www.coe.int/en/web/x?p_l_back_url=%2Fsearch", "navigation or tracking"),
    ("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=LEGISSUM:jl0014&rid=7", "navigation or tracking"),
    ("https://example.org/page?utm_source=newsletter", "navigation or tracking"),
])
def test_the_address_check_catches_the_editors_examples(url: str, problem: str) -> None:
    assert any(problem in issue for issue in address_problems(url))


@pytest.mark.parametrize("url", [
    "https://fra.europa.eu/en/publication/2022/forced-return-monitoring",
    "https://home-affairs.ec.europa.eu/networks/emn/glossary/alternative-detention_en",
    "https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=SWD%3A2021%3A121%3AFIN",
])
def test_english_addresses_pass(url: str) -> None:
    assert address_problems(url) == []


def test_the_sarajevo_meeting_is_cited_by_a_report_of_the_meeting_itself() -> None:
    report = "https://hkp.ba/en/news/an-operational-meeting-with-representatives-of-migration-management-in-the-western-balkans-was-held-in-sarajevo/112"
    pages = citations(REPO / "docs")[report].pages
    for page in ("about.md", "commitments/3.md", "actions/19.md", "practices/regional-information-exchange-on-return.md"):
        assert page in pages, page


# -- every action served -------------------------------------------------------------------------


def test_library_has_at_least_twenty_practices_and_six_modules(library) -> None:
    assert len(library.practices) >= 20 and len(library.modules) >= 6


def test_kinds_of_practice_the_library_needs(library) -> None:
    kinds = [p.kind for p in library.practices.values()]
    assert kinds.count("case-study") >= 3 and kinds.count("tool") >= 2 and kinds.count("legal-framework") >= 1


def test_every_action_of_commitment_three_has_two_practices_or_modules(library) -> None:
    for number in range(15, 22):
        served = len(library.practices_for_action(number)) + len(library.modules_for_action(number))
        assert served >= 2, number


def test_every_action_without_a_practice_says_so_in_plain_words(library) -> None:
    for number in range(1, 22):
        if library.practices_for_action(number) or library.modules_for_action(number):
            continue
        text = (REPO / "docs/actions" / f"{number}.md").read_text(encoding="utf-8")
        assert "documents no practice" in text, number


# -- GCM objectives: the full official wording --------------------------------------------------


def test_every_gcm_label_is_the_objectives_full_wording() -> None:
    official = dict(re.findall(r"^(\d+)\. (.+)$", (REPO / "sources/gcm_objectives.txt").read_text(encoding="utf-8"), re.M))
    assert len(official) == 23
    vocabulary = yaml.safe_load((REPO / "data/vocabulary.yml").read_text(encoding="utf-8"))
    labels = {str(number): entry["label"]["en"] for number, entry in vocabulary["gcm_objectives"].items()}
    assert labels == official
