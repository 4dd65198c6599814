"""The content model and its renderers, without a build (milliseconds each)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from learning_platform import catalogue, context, coverage, page_parts, urls
from learning_platform.loading import load_library
from learning_platform.model import fingerprint
from learning_platform.safety import dangerous_scheme
from learning_platform.transliteration import serbian_cyrillic_to_latin

from conftest import REPO


@pytest.fixture(scope="module")
def library():
    return load_library(REPO / "docs")


# -- transliteration -------------------------------------------------------------------


@pytest.mark.parametrize("cyrillic, latin", [
    ("Љубљана", "Ljubljana"),
    ("ЊЕГОШ", "NJEGOŠ"),
    ("Џак", "Džak"),
    ("ЏЕП", "DŽEP"),
    ("Ђорђе Ћосић чита шах, жаба и ћуп", "Đorđe Ćosić čita šah, žaba i ćup"),
    ("повратак, реадмисија и реинтеграција", "povratak, readmisija i reintegracija"),
    ("Косово*", "Kosovo*"),
    ("English stays English, 2023-2025.", "English stays English, 2023-2025."),
])
def test_serbian_cyrillic_is_transliterated_letter_by_letter(cyrillic, latin):
    assert serbian_cyrillic_to_latin(cyrillic) == latin


# -- addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize("path, lang, url", [
    ("index.md", "en", ""),
    ("index.md", "sq", "sq/"),
    ("actions/index.md", "en", "actions/"),
    ("actions/16.md", "sr-Latn", "sr-Latn/actions/16/"),
    ("practices/cultural-mediation.md", "bs", "bs/practices/cultural-mediation/"),
])
def test_page_urls_follow_the_contract(path, lang, url):
    assert urls.url_of(path, lang) == url


def test_relative_url_from_a_translated_page_to_the_english_original():
    assert urls.relative_url("sq/actions/16/", "actions/16/") == "../../../actions/16/"
    assert urls.relative_url("sq/", "") == "../"


def test_generated_links_stay_in_the_readers_language_tree(library):
    ctx = context.Context(library, "sr", "actions/16.md")
    assert ctx.href("practices/x.md") == "../../practices/x/"
    assert context.Context(library, "en", "coverage.md").href("practices/index.md", "x") == "../practices/#x"
    assert context.Context(library, "bs", "catalogue.md").href("catalogue/practices.json") == "practices.json"
    assert context.Context(library, "mk", "coverage.md").finder_href(action=16, partner="BA") == \
        "../practices/?action=16&partner=BA"


def test_generated_html_waits_outside_the_markdown_until_after_conversion():
    fragments = context.Fragments()
    markdown = "Text" + fragments.add("<table><tr><td>[not](markdown)</td></tr></table>")
    converted = markdown.replace("Text", "<p>Text</p>")
    assert fragments.fill(converted).endswith("<table><tr><td>[not](markdown)</td></tr></table>\n\n")


def test_titles_cannot_break_tables_or_inject_html():
    assert context.md("A | B [x] <b>") == r"A \| B \[x\] &lt;b&gt;"


# -- translation state ------------------------------------------------------------------


NEW_PAGE = "---\ntitle: A page nobody translated yet\n---\n\nText.\n"


def test_english_only_page_is_missing_in_every_other_language(docs_copy):
    (docs_copy / "new-page.md").write_text(NEW_PAGE, encoding="utf-8")
    library = load_library(docs_copy)
    for lang in ("sq", "mk", "sr", "sr-Latn", "bs"):
        assert library.translation_state("new-page.md", lang) == "missing"


def test_changed_english_source_makes_its_translation_outdated(docs_copy):
    source = docs_copy / "practices/cultural-mediation.md"
    page = load_library(docs_copy).pages["practices/cultural-mediation.md"]
    (docs_copy / "practices/cultural-mediation.sr.md").write_text(
        f"---\ntitle: Културна медијација\ntranslation: machine\nsource_fingerprint: {page.fingerprint}\n---\n\nТекст.\n",
        encoding="utf-8",
    )
    library = load_library(docs_copy)
    assert library.translation_state(page.path, "sr") == "machine"
    assert library.translation_state(page.path, "sr-Latn") == "machine"
    assert library.title(page, "sr-Latn") == "Kulturna medijacija"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    library = load_library(docs_copy)
    assert library.translation_state(page.path, "sr") == "outdated"
    assert library.translation_state(page.path, "sr-Latn") == "outdated"


def test_fingerprint_ignores_front_matter_fields_that_need_no_translation():
    assert fingerprint("T", "S", "Body\n") == fingerprint("T", "S", "Body")
    assert fingerprint("T", "S", "Body") != fingerprint("T", "S", "Body changed")


# -- renderers ------------------------------------------------------------------------------


def test_banner_carries_the_state_and_links_the_original(docs_copy):
    (docs_copy / "new-page.md").write_text(NEW_PAGE, encoding="utf-8")
    library = load_library(docs_copy)
    page = library.pages["new-page.md"]
    ctx = context.Context(library, "mk", page.path)
    banner = page_parts.translation_banner(ctx, page)
    assert 'data-translation-state="missing"' in banner
    assert 'href="../../new-page/"' in banner
    assert page_parts.translation_banner(context.Context(library, "en", page.path), page) == ""


def test_kosovo_footnote_only_where_kosovo_is_named(library):
    assert "UNSCR 1244/1999" in page_parts.kosovo_footnote(library, "Partners: Kosovo*", "en")
    assert "1244/1999" in page_parts.kosovo_footnote(library, "Партнери: Косово*", "mk")
    assert page_parts.kosovo_footnote(library, "Albania and Serbia", "en") == ""


def test_coverage_heatmap_marks_every_gap_in_text_and_links_every_number_to_the_finder(library):
    ctx = context.Context(library, "en", urls.COVERAGE)
    heatmap = ctx.fragments.fill(coverage.coverage_heatmap(ctx))
    gaps = sum(1 for n in range(1, 22) for code in library.vocabulary.partners
               if not any(code in p.partners for p in library.practices_for_action(n)))
    gaps += sum(1 for n in range(1, 22) if not library.practices_for_action(n))
    assert heatmap.count("coverage-gap") == gaps
    assert heatmap.count('href="../practices/?action=') == 21 * 7 - gaps


def test_heat_levels_step_with_the_number_of_practices():
    assert [coverage.heat_level(n) for n in (0, 1, 2, 3, 4, 5, 9)] == [0, 1, 2, 3, 3, 4, 4]


# -- catalogue ---------------------------------------------------------------------------------


def test_catalogue_csv_cells_never_start_a_spreadsheet_formula(library):
    assert catalogue._spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert catalogue._spreadsheet_safe("Return") == "Return"


def test_catalogue_json_and_csv_agree(library):
    document = json.loads(catalogue.catalogue_json(library, "bs"))
    rows = list(csv.DictReader(io.StringIO(catalogue.catalogue_csv(library, "bs").lstrip("\ufeff"))))
    assert [r["slug"] for r in document["practices"]] == [row["slug"] for row in rows]
    assert document["count"] == len(rows) == len(library.practices)


# -- safety predicate -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x",
                                 "java&#115;cript:x", "data:text/html,x", "vbscript:x"])
def test_script_running_addresses_are_recognised_as_a_browser_reads_them(url):
    assert dangerous_scheme(url)


@pytest.mark.parametrize("url", ["https://www.iom.int/", "../practices/x.md", "#a-16-ba", "mailto:x@example.org"])
def test_ordinary_addresses_pass(url):
    assert dangerous_scheme(url) is None
