"""Sources, exact: EUR-Lex in its English form, the publisher's own address
rather than a third party's copy (or the copy labelled as one), no untitled
upload; `scripts/sources.py --problems` reports each kind."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from learning_platform.sources_report import Citation, address_problems, citation_problems, citations

SCRIPT = [sys.executable, str(REPO / "scripts/sources.py")]


@pytest.mark.parametrize("url, problem", [
    ("https://eur-lex.europa.eu/legal-content/AUTO/?uri=LEGISSUM%3Al14562", "/AUTO/"),
    ("https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32008L0115", "names the language DE"),
    ("https://eur-lex.europa.eu/legal-content/LT/TXT/HTML/?uri=CELEX%3A32017H0432", "names the language LT"),
    ("https://www.scribd.com/document/44266414/Untitled", "an untitled upload"),
    ("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM%3A2014%3A199%3AFIN&qid=17", "qid=17"),
])
def test_the_address_check_catches_each_kind(url: str, problem: str) -> None:
    assert any(problem in issue for issue in address_problems(url)), address_problems(url)


@pytest.mark.parametrize("url", [
    "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L:2007:334:FULL",
    "https://eur-lex.europa.eu/legal-content/en/ALL/?uri=CELEX%3A32024R1356",
    "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ%3AJOL_2007_334_R_0065_01",
])
def test_english_eur_lex_addresses_pass(url: str) -> None:
    assert address_problems(url) == []


@pytest.mark.parametrize("url, host", [
    ("http://docplayer.net/2186152-implementation.html", "DocPlayer"),
    ("http://lawsdocbox.com/Immigration/100377386-reassessing.html", "LawsDocBox"),
    ("https://www.readkong.com/page/leveraging-innovation-3193307", "ReadKong"),
    ("https://www.scribd.com/document/616710338/non-refoulement", "Scribd"),
])
def test_a_third_partys_copy_not_labelled_as_one_is_reported(url: str, host: str) -> None:
    unlabelled = Citation(url, {"Leveraging innovation to fight trafficking (OSCE, 2020)"}, {"practices/x.md"})
    assert any(f"a copy hosted by {host}" in issue for issue in citation_problems(unlabelled))
    labelled = Citation(url, {f"Leveraging innovation to fight trafficking (OSCE, 2020; copy hosted by {host})"},
                        {"practices/x.md"})
    assert citation_problems(labelled) == []


def test_a_copy_linked_from_the_text_without_a_title_is_reported() -> None:
    assert citation_problems(Citation("https://www.readkong.com/page/x-1", set(), {"practices/x.md"}))


def _docs_with_source(tmp_path: Path, title: str, url: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "practices").mkdir(parents=True)
    (docs / "practices/example.md").write_text(
        f"---\ntitle: Example\nsources:\n  - title: \"{title}\"\n    url: {url}\n---\n\nText.\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize("title, url, problem", [
    ("Readmission agreements (EUR-Lex)", "https://eur-lex.europa.eu/legal-content/AUTO/?uri=LEGISSUM%3Al14562",
     "EUR-Lex's /AUTO/"),
    ("Untitled (Scribd upload)", "https://www.scribd.com/document/44266414/Untitled", "an untitled upload"),
    ("Implementation of the Strategy (OSCE Mission in Kosovo, 2009)", "http://docplayer.net/2186152-x.html",
     "a copy hosted by DocPlayer"),
])
def test_sources_script_reports_each_kind_with_the_page_and_fails(tmp_path: Path, title, url, problem) -> None:
    result = subprocess.run([*SCRIPT, "--problems", "--docs-dir", str(_docs_with_source(tmp_path, title, url))],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert url in result.stdout and "cited by: docs/practices/example.md" in result.stdout
    assert f"PROBLEM: {problem}" in result.stdout


def test_the_sites_sources_have_nothing_to_fix() -> None:
    result = subprocess.run([*SCRIPT, "--problems"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.rstrip().endswith("; 0 to fix."), result.stdout
    problems = {url: citation_problems(citation) for url, citation in citations(REPO / "docs").items()}
    assert {url: issues for url, issues in problems.items() if issues} == {}


def test_the_montenegro_agreement_is_cited_from_the_official_journal() -> None:
    found = citations(REPO / "docs")
    journal = found["https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L:2007:334:FULL"]
    assert "practices/readmission-agreements-with-the-eu-and-countries-of-origin.md" in journal.pages
    assert any("Montenegro (p. 26)" in title for title in journal.titles)
    assert not [url for url in found if "scribd.com" in url or "/AUTO/" in url]


def test_the_copies_without_a_publishers_address_say_who_hosts_them() -> None:
    found = citations(REPO / "docs")
    for url, host in (("docplayer.net", "DocPlayer"), ("lawsdocbox.com", "LawsDocBox"), ("readkong.com", "ReadKong")):
        (citation,) = [citation for address, citation in found.items() if url in address]
        assert all(f"copy hosted by {host}" in title for title in citation.titles)


def test_the_regional_meetings_case_study_names_only_the_organisers_its_sources_name() -> None:
    page = (REPO / "docs/practices/western-balkans-operational-meetings-on-return-2025.md").read_text(encoding="utf-8")
    summary = page.split("summary:", 1)[1].split("\n", 1)[0]
    assert "organised" not in summary and "Joint Coordination Platform" not in summary
    assert "the Sarajevo report names no organiser" in page
    assert "names the project and its funders, not an organiser" in page
    assert "HWI organised a joint\n   operational meeting" in page  # Ljubljana: the report names HWI
    assert "HWI, with the JCP, held" in page  # Budva: the report names HWI with the JCP
    assert "(Hilfswerk International, 2025)" not in page  # hkp.ba's items are not attributed to HWI
