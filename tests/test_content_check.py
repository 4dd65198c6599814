"""The content check as a contributor in GitHub's web editor meets it (issue 20).

One test per rule, named after it: every file under docs/ is a page, an asset
or refused by name; a file that is not UTF-8 is named with what to do; the
front matter's shape (its --- lines, tabs, a repeated key, a value cut at #);
language codes that look like countries; links and anchors with their line,
once per file; images only from the site itself; the templates' own text and
example addresses; http:// addresses; and no traceback for any content.

Each test asserts the message a contributor reads: the file, the line, the
field, the value found, and the line to paste (the contributor's own line,
corrected) or what to do in words.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import REPO
from helpers import PRACTICE
from learning_platform.check import content_problems
from learning_platform.errors import ContentError, ContentErrors
from learning_platform.loading import load_library
from test_validation import MODULE, TRANSLATION, edited

EXISTING = "practices/individual-return-counselling"


def write(docs: Path, path: str, text: str | bytes) -> None:
    (docs / path).parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        (docs / path).write_bytes(text)
    else:
        (docs / path).write_text(text, encoding="utf-8")


def problems(docs: Path, path: str) -> list[ContentError]:
    """The errors load_library reports for `path` (the test fails if it reports none at all)."""
    with pytest.raises(ContentErrors) as caught:
        load_library(docs)
    return [error for error in caught.value.errors if error.file == path]


def only(docs: Path, path: str) -> ContentError:
    found = problems(docs, path)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


# -- every file under docs/ --------------------------------------------------------------------

RENAME = "open the file on GitHub, choose the pencil (Edit this file), change the name in the box above the text to "


@pytest.mark.parametrize("path, problem, advice", [
    ("practices/family-tracing.markdown", "a page's file name ends in .md (lower-case)",
     RENAME + "docs/practices/family-tracing.md, and commit"),
    ("practices/family-tracing.MD", "a page's file name ends in .md (lower-case)",
     RENAME + "docs/practices/family-tracing.md, and commit"),
    ("practices/family-tracing.md.txt", "a page's file name ends in .md (lower-case)",
     RENAME + "docs/practices/family-tracing.md, and commit"),
    ("practices/family-tracing", "a page's file name ends in .md (lower-case)",
     RENAME + "docs/practices/family-tracing.md, and commit"),
    ("practices/Family-Tracing.md", "file and folder names under docs/ are written in lower-case letters",
     RENAME + "docs/practices/family-tracing.md, and commit"),
    ("practices/diagram.png", "images live in docs/assets/images/, not beside the pages",
     "upload it as docs/assets/images/diagram.png instead (open that folder on GitHub, Add file, Upload files), "
     "delete this copy, and show it on a page with ![what the image shows](../assets/images/diagram.png)"),
    ("practices/guide.docx", "the site publishes pages, not documents",
     "write what it says as a page (.md; see CONTRIBUTING.md), cite the document under sources: where its "
     "publisher has it online, and delete this file"),
    ("practices/.DS_Store", "your computer or editor made this file beside the pages; the site does not use it",
     "delete the file (on GitHub: open it, choose the ... menu, Delete file, and commit)"),
    ("assets/notes.md", "pages live outside docs/assets/", "move the page to docs/notes.md"),
    ("assets/images/map.PNG", "the type of an asset is written in lower-case letters",
     RENAME + "map.png, and commit"),
    ("assets/report.pdf", "docs/assets/ holds only files of these types: css, js, json, svg, webmanifest, png, jpg, "
     "jpeg, gif, webp, avif, ico", "delete the file; a document is cited under sources: where its publisher has it online"),
    ("data.csv", "docs/ holds only pages (.md files)", "delete the file"),
], ids=["markdown", "upper-MD", "md-txt", "no-extension", "upper-name", "image-beside-page", "docx", "ds-store",
        "page-in-assets", "upper-asset", "pdf-asset", "csv"])
def test_every_file_under_docs_is_a_page_an_asset_or_refused_by_name(
        docs_copy: Path, path: str, problem: str, advice: str) -> None:
    write(docs_copy, path, b"Text.\n")
    error = only(docs_copy, path)
    assert (error.field, error.value) == ("file name", Path(path).name)
    assert error.problem.startswith(problem), error.problem
    assert error.advice == advice
    assert error.example is None  # an instruction, never labelled "Paste:"


def test_an_asset_of_a_listed_type_passes(docs_copy: Path) -> None:
    write(docs_copy, "assets/images/map.png", b"\x89PNG\r\n\x1a\n")
    write(docs_copy, "assets/images/route.svg", '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n')
    load_library(docs_copy)


def test_a_markdown_file_with_another_ending_is_checked_for_personal_data_too(docs_copy: Path) -> None:
    write(docs_copy, "practices/family-tracing.markdown", "Call the social worker on 064 123 45 67.\n")
    assert [(e.field, e.line, e.value) for e in problems(docs_copy, "practices/family-tracing.markdown")] == [
        ("file name", None, "family-tracing.markdown"), ("text", 1, "064 123 45 67")]


# -- language codes in file names -----------------------------------------------------------------


@pytest.mark.parametrize("suffix, problem, advice", [
    ("ba", "'ba' is the country code of Bosnia and Herzegovina; the language code of Bosnian is 'bs'",
     RENAME + f"docs/{EXISTING}.bs.md, and commit"),
    ("al", "'al' is the country code of Albania; the language code of Albanian is 'sq'",
     RENAME + f"docs/{EXISTING}.sq.md, and commit"),
    ("rs", "'rs' is the country code of Serbia; the language code of Serbian is 'sr'",
     RENAME + f"docs/{EXISTING}.sr.md, and commit"),
    ("BS", "the language code is written in lower-case letters: 'bs'", RENAME + f"docs/{EXISTING}.bs.md, and commit"),
    ("sr-Latn", "Serbian Latin pages are made from the Serbian Cyrillic page during the build and are never "
     "written by hand", f"write the translation in Cyrillic as docs/{EXISTING}.sr.md (or correct that file if it "
     "exists), and delete this one"),
    ("cnr", "Montenegrin ('cnr') is not a language of this site yet: the README's section 'Montenegrin (cnr): not "
     "yet, and what it would take' says what it needs", "delete the file, or rename it for one of those languages"),
    ("hr", "Croatian ('hr') is not a language of this site: the README's section 'Languages and translations' lists "
     "the languages; to propose one, open an issue with the form 'Offer a translation'",
     "delete the file, or rename it for one of those languages"),
    ("en", "English pages carry no language code in their file name", RENAME + f"docs/{EXISTING}.md, and commit"),
    ("v2", "a file name has no dot except the one before a language code (page.sq.md)",
     RENAME + f"docs/{EXISTING}-v2.md, and commit"),
], ids=["ba", "al", "rs", "upper-BS", "sr-Latn", "cnr", "hr", "en", "v2"])
def test_a_language_code_in_a_file_name_points_the_right_way(
        docs_copy: Path, suffix: str, problem: str, advice: str) -> None:
    path = f"{EXISTING}.{suffix}.md"
    write(docs_copy, path, TRANSLATION)
    error = only(docs_copy, path)
    assert error.problem.startswith(problem), error.problem
    assert error.advice == advice
    assert "sq.md" not in error.advice or suffix == "al"  # no Albanian example for a Bosnian


# -- encodings ----------------------------------------------------------------------------------------

WEB_EDITOR = ("open the file on GitHub and choose the pencil (Edit this file). GitHub says it has detected another "
              "encoding and will save the file as UTF-8 when you commit.")


@pytest.mark.parametrize("encoding, label, text, line", [
    ("windows-1250", "Windows-1250 (Central European)", "Porodične konferencije, šta i kako", 2),
    ("windows-1251", "Windows-1251 (Cyrillic)", "Породичне конференције, шта и како", 2),
    ("windows-1252", "Windows-1252 (Western European)", "Konferencat familjare, çfarë dhe si", 2),
], ids=["cp1250-bosnian", "cp1251-serbian", "cp1252-albanian"])
def test_a_page_not_saved_as_utf8_is_named_with_its_encoding_and_what_to_do(
        docs_copy: Path, encoding: str, label: str, text: str, line: int) -> None:
    page = edited(PRACTICE, "title: Test practice", f"title: {text}")
    write(docs_copy, "practices/x.md", page.encode(encoding))
    error = only(docs_copy, "practices/x.md")
    assert (error.line, error.field, error.value) == (line, "file", f"title: {text}")
    assert error.problem == (f"this file is not saved as UTF-8, the encoding every file of the site uses; it looks "
                             f"like {label}, so its letters beyond a-z cannot be read (the first is on line {line})")
    assert error.advice.startswith(WEB_EDITOR)


def test_a_page_saved_as_utf16_is_named_too(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.encode("utf-16"))
    error = only(docs_copy, "practices/x.md")
    assert error.problem == "this file is saved as UTF-16 ('Unicode' in Notepad); pages must be saved as UTF-8"


@pytest.mark.slow
def test_the_build_names_a_non_utf8_page_instead_of_a_traceback(tmp_path: Path) -> None:
    from conftest import build, make_project

    project = make_project(tmp_path / "project")
    write(project / "docs", "practices/x.md", edited(PRACTICE, "Test practice", "Porodične konferencije").encode("cp1250"))
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "docs/practices/x.md, line 2, field 'file': this file is not saved as UTF-8" in result.stderr


# -- the front matter's shape ------------------------------------------------------------------------


@pytest.mark.parametrize("text, line, field, problem, paste, advice", [
    ("\n" + PRACTICE, 2, "front matter",
     "the front matter must start on the very first line of the file; here 1 empty line comes before its ---, so "
     "the fields below are read as text", None, "delete the empty line above the --- on line 2"),
    (PRACTICE.replace("updated: 2025-01-30\n---\n", "updated: 2025-01-30\n\n"), 1, "front matter",
     "the front matter opened by the --- on line 1 is never closed, so no field of it can be read", "---",
     "add a line with --- after line 9, the last field"),
    (PRACTICE[4:], 1, "front matter",
     "the front matter has no opening line: a page starts with a line holding only ---, then its fields, then "
     "another line with ---", "---", "insert a line with --- above line 1"),
    (PRACTICE.replace("  - title: Skopje", "\t- title: Skopje").replace("    url:", "\t  url:"), 7, "sources",
     "a tab indents this line; front matter is indented with spaces only (two per level)",
     "  - title: Skopje Declaration (2022)", None),
    (PRACTICE.replace("title: Test practice", "title: Return counselling: first steps"), 2, "title",
     "a colon followed by a space inside a value ends the field name in YAML; put the whole value in double quotes",
     'title: "Return counselling: first steps"', None),
    (PRACTICE.replace("updated:", "  title: Return Counselling Toolkit (IOM, 2022)\n"
                      "    url: https://publications.iom.int/books/return-counselling-toolkit\nupdated:"), 9, "sources",
     "this line is not lined up with its neighbours: a new entry of a list starts with '- ' under the others, a "
     "field of an entry starts where the entry's first field does",
     "  - title: Return Counselling Toolkit (IOM, 2022)", None),
    (PRACTICE.replace("updated:", "    title: Return Counselling Toolkit (IOM, 2022)\n"
                      "    url: https://publications.iom.int/books/return-counselling-toolkit\nupdated:"), 9, "sources",
     "'title' is written twice in one entry of sources (lines 7 and 9), so YAML would keep only the second: a new "
     "entry starts with a dash", "  - title: Return Counselling Toolkit (IOM, 2022)", None),
    (PRACTICE.replace("kind: method", "kind: method\ntitle: Another title"), 5, "title",
     "the field 'title' is written twice (lines 2 and 5); YAML would keep only the second, silently", None,
     "keep one of the two lines and delete the other"),
    (PRACTICE.replace("title: Test practice", 'title: "Test practice'), 2, "title",
     'a value opened with " on this line is never closed with "', 'title: "Test practice"', None),
], ids=["blank-line-before", "never-closed", "no-opening", "tab", "colon", "second-source-without-dash",
        "second-source-without-dash-aligned", "repeated-key", "unclosed-quote"])
def test_a_front_matter_of_the_wrong_shape_gets_one_message_pointing_at_the_line(
        docs_copy: Path, text: str, line: int, field: str, problem: str, paste: str | None, advice: str | None) -> None:
    write(docs_copy, "practices/x.md", text)
    error = only(docs_copy, "practices/x.md")  # one message, not six "required field missing"
    assert (error.line, error.field, error.problem, error.example, error.advice) == (line, field, problem, paste, advice)


def test_a_title_cut_at_a_hash_is_a_notice_with_the_quoted_line_to_paste(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "title: Test practice", "title: Case conferences #1 - a guide"))
    result = content_problems(docs_copy)
    assert result.ok
    [notice] = [n for n in result.notices if n.file == "practices/x.md"]
    assert (notice.line, notice.field, notice.value) == (2, "title", "Case conferences #1 - a guide")
    assert notice.problem == ("YAML reads everything after ' #' as a note to editors, so the value stops at "
                              "'Case conferences'; put the whole value in double quotes to keep the #")
    assert notice.example == 'title: "Case conferences #1 - a guide"'


def test_a_comment_after_a_code_is_not_a_cut_value(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "kind: method", "kind: method   # one of the kinds"))
    assert [n for n in content_problems(docs_copy).notices if n.file == "practices/x.md"] == []


# -- nothing half-done -------------------------------------------------------------------------------


def test_the_template_pasted_unchanged_is_refused_naming_each_field_and_line(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", (REPO / "templates/practice.md").read_text(encoding="utf-8"))
    found = [(e.line, e.field) for e in problems(docs_copy, "practices/x.md")]
    assert found == [(3, "title"), (4, "summary"), (13, "sources[1].title"), (21, "text"), (25, "text"),
                     (26, "text"), (30, "text"), (31, "text"), (35, "text"), (39, "text"), (43, "text")]


def test_the_module_template_pasted_unchanged_is_refused_too(docs_copy: Path) -> None:
    write(docs_copy, "modules/x.md", (REPO / "templates/module.md").read_text(encoding="utf-8"))
    fields = [e.field for e in problems(docs_copy, "modules/x.md")]
    assert fields[:5] == ["title", "summary", "objectives", "objectives", "sources[1].title"]
    assert fields.count("text") >= 8


def test_an_example_address_in_a_contact_is_refused(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "updated: 2025-01-30", "updated: 2025-01-30\ncontacts:\n"
                                              "  - organisation: Ministry\n    role: Unit\n"
                                              "    url: https://www.example.org/contact"))
    error = only(docs_copy, "practices/x.md")
    assert (error.line, error.field) == (13, "contacts[1].url")
    assert "reserved for examples" in error.problem


def test_an_http_address_is_a_notice_with_its_https_form_when_the_site_has_one(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "https://publications.iom.int", "http://publications.iom.int"))
    [notice] = [n for n in content_problems(docs_copy).notices if n.file == "practices/x.md"]
    assert (notice.line, notice.field) == (8, "address")
    assert notice.problem.endswith("publications.iom.int is cited with https:// on other pages, so its https:// "
                                   "form exists")
    assert notice.example == "url: https://publications.iom.int/books/return-counselling-toolkit"


def test_an_http_address_on_an_unknown_site_asks_to_try_https(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", edited(PRACTICE, "https://publications.iom.int/books/return-counselling-toolkit",
                                              "http://nordicbaltic-assistwomen.net/spip.php?article23"))
    [notice] = [n for n in content_problems(docs_copy).notices if n.file == "practices/x.md"]
    assert notice.example is None
    assert notice.advice == ("open https://nordicbaltic-assistwomen.net/spip.php?article23: if it shows the same "
                             "page, write the address with https://")


# -- links and anchors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("line, problem, paste", [
    ("See [mediation](cultural-mediaton.md).", "there is no page docs/practices/cultural-mediaton.md",
     "See [mediation](cultural-mediation.md)."),
    ("See [mediation](../cultural-mediation/).", "there is no file or page docs/cultural-mediation",
     "See [mediation](cultural-mediation.md)."),
    ("See [mediation](/practices/cultural-mediation/).",
     "links inside the site are written relative to this page's file, so that they work in every language and in "
     "the downloaded preview", "See [mediation](cultural-mediation.md)."),
    ("See [the steps](cultural-mediation.md#how-it-is-done-step-by-stp).",
     "docs/practices/cultural-mediation.md has no section #how-it-is-done-step-by-stp",
     "See [the steps](cultural-mediation.md#how-it-is-done-step-by-step)."),
    ("See [the steps](#text-of-the-practis).", "this page has no section #text-of-the-practis",
     "See [the steps](#text-of-the-practice)."),
    ("See [the actions](../actions/).", "there is no file or page docs/actions", "See [the actions](../actions/index.md)."),
], ids=["typo", "url-style", "absolute", "anchor-typo", "anchor-on-this-page", "folder"])
def test_a_broken_link_is_named_with_its_line_and_the_line_corrected(
        docs_copy: Path, line: str, problem: str, paste: str) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.replace("Text of the practice.", "## Text of the practice\n\n" + line))
    error = only(docs_copy, "practices/x.md")
    assert (error.line, error.field) == (14, "link")
    assert error.problem.startswith(problem), error.problem
    assert error.example == paste


def test_a_link_to_an_anchor_that_exists_passes_in_english_and_in_a_translation(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.replace(
        "Text of the practice.", "[Steps](cultural-mediation.md#how-it-is-done-step-by-step), [here](#text).\n\n## Text"))
    page = load_library(docs_copy).pages["practices/x.md"]
    # The Serbian page links into the Serbian translation, whose headings are Cyrillic (anchors in Latin letters).
    write(docs_copy, "practices/x.sr.md", f'---\ntitle: Пракса\ntranslation: machine\nsource_fingerprint: '
          f'"{page.fingerprint}"\n---\n\n[Кораци](cultural-mediation.md#kako-se-sprovodi-korak-po-korak).\n')
    load_library(docs_copy)


def test_a_translation_links_to_the_anchors_of_its_own_language(docs_copy: Path) -> None:
    page = load_library(docs_copy).pages["practices/cultural-mediation.md"]
    write(docs_copy, "practices/x.md", PRACTICE)
    english = load_library(docs_copy).pages["practices/x.md"]
    write(docs_copy, "practices/x.sr.md", f'---\ntitle: Пракса\ntranslation: machine\nsource_fingerprint: '
          f'"{english.fingerprint}"\n---\n\n[Кораци](cultural-mediation.md#how-it-is-done-step-by-step).\n')
    error = only(docs_copy, "practices/x.sr.md")
    assert page and error.line == 7
    assert error.problem.startswith("docs/practices/cultural-mediation.sr.md has no section #how-it-is-done-step-by-step")


def test_an_image_from_another_site_is_refused_with_how_to_add_one(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.replace(
        "Text of the practice.", "![A map](https://www.example.org/images/route-map.png)"))
    error = only(docs_copy, "practices/x.md")
    assert (error.line, error.field, error.value) == (12, "image", "https://www.example.org/images/route-map.png")
    assert error.problem == ("images come from the site itself: the site's security policy blocks an image from any "
                             "other site, for every reader")
    assert error.advice.startswith("if its licence allows, upload the image as docs/assets/images/route-map.png (open "
                                   "that folder on GitHub, Add file, Upload files) and write ![what the image shows]"
                                   "(../assets/images/route-map.png)")


def test_an_image_of_the_site_that_does_not_exist_is_refused(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.replace("Text of the practice.", "![A map](../assets/images/map.png)"))
    error = only(docs_copy, "practices/x.md")
    assert error.problem == "there is no image docs/assets/images/map.png"
    write(docs_copy, "assets/images/map.png", b"\x89PNG\r\n\x1a\n")
    load_library(docs_copy)


def test_an_example_address_in_a_link_is_refused(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.replace("Text of the practice.", "See [the toolkit](https://www.example.org/toolkit)."))
    error = only(docs_copy, "practices/x.md")
    assert (error.line, error.field) == (12, "link")
    assert "reserved for examples" in error.problem


@pytest.mark.slow
def test_a_broken_link_stops_the_build_once_with_its_line_not_once_per_language(tmp_path: Path) -> None:
    from conftest import build, make_project

    project = make_project(tmp_path / "project")
    write(project / "docs", "practices/x.md", PRACTICE.replace("Text of the practice.", "See [it](cultural-mediaton.md)."))
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.count("cultural-mediaton.md") == 2  # the message, and the link found in it
    assert ("docs/practices/x.md, line 12, field 'link': there is no page docs/practices/cultural-mediaton.md "
            "(found: cultural-mediaton.md)\n    Paste: See [it](cultural-mediation.md).") in output
    assert "warnings in strict mode" not in output  # stopped by the check, before MkDocs' own link warnings


def test_links_know_the_files_the_build_writes(docs_copy: Path) -> None:
    from learning_platform import catalogue, feeds
    from learning_platform.links import GENERATED_FILES

    assert set(catalogue.CATALOGUE_FILES) | {feeds.FEED_FILE} <= GENERATED_FILES
    write(docs_copy, "practices/x.md", PRACTICE.replace("Text of the practice.", "The [catalogue](../catalogue/practices.json)."))
    load_library(docs_copy)


def test_links_in_code_are_not_checked(docs_copy: Path) -> None:
    write(docs_copy, "practices/x.md", PRACTICE.replace("Text of the practice.", "Write `[text](no-such-page.md)`.\n\n"
                                                        "```\n![x](https://www.example.org/a.png)\n```"))
    load_library(docs_copy)


# -- no traceback, whatever the content ------------------------------------------------------------------

ODD_INPUTS = [
    b"", b"\x00\x01\x02", b"---\n", b"---\n---\n", b"---\n...\n", b"---\n- a\n- b\n---\n", b"---\n[a, b\n---\n",
    b"---\n? [a]\n: b\n---\n", b"---\ntitle: &a x\nsummary: *b\n---\n", b"---\ntitle: !!python/object:os.system x\n---\n",
    b"---\nactions: [99999999999999999999999999]\n---\n", b"---\ntitle: x\ntitle: y\n---\n",
    b"---\nsources:\n  - title: a\n    title: b\n---\n", b"---\n" + b"a: [" * 200 + b"\n---\n",
    b"---\ntitle: \xe8\x9a\n---\n", "---\ntitle: \ufeff\u200b\n---\n".encode(), b"\xff\xfe" + "x".encode("utf-16-le"),
    b"---\r\ntitle: x\r\n---\r\n\r\n[a](b.md#c)", b"---\ntitle: 2025-13-45\nupdated: 2025-13-45\n---\n",
    b"---\ncontacts: {a: b}\nsources: 3\nactions: {}\n---\n", b"---\nagenda: [[1, 2]]\nobjectives: [[]]\n---\n",
    b"[x](<a b.md>) [y]: <> ![z]()\n", b"---\ntitle: x\n---\n" + b"#" * 7 + b" h\n## {#}\n[a](#)\n",
]


# The new pages of each type, and a translation of a page that exists: content that is refused in
# every one of these places alike is checked in one run of the check (each file is judged on its own,
# every problem of every file reported at once). about.md is checked alone: some odd content is a
# valid plain page, and then the library loads and the checks that need it run too.
ODD_PLACES = ("practices/x.md", "modules/x.md", "news/x.md", f"{EXISTING}.bs.md")


def assert_no_fault_of_the_check(docs: Path, contents: dict[str, bytes], what: str) -> None:
    """Write `contents` (path: bytes) into `docs`, run the check once, then put every file back."""
    originals = {path: (docs / path).read_bytes() if (docs / path).exists() else None for path in contents}
    for path, data in contents.items():
        write(docs, path, data)
    try:
        result = content_problems(docs)  # an unforeseen failure would show as "a fault of the check"
    finally:
        for path, original in originals.items():
            if original is None:
                (docs / path).unlink()
            else:
                (docs / path).write_bytes(original)
    faults = [str(error) for error in result.errors if "fault of the check" in error.problem]
    assert faults == [], f"{what}: " + "\n".join(faults)


@pytest.mark.parametrize("data", ODD_INPUTS, ids=[str(i) for i in range(len(ODD_INPUTS))])
def test_no_content_ends_in_a_traceback(docs_copy: Path, data: bytes) -> None:
    assert_no_fault_of_the_check(docs_copy, dict.fromkeys(ODD_PLACES, data), ", ".join(ODD_PLACES))
    assert_no_fault_of_the_check(docs_copy, {"about.md": data}, "about.md")


def test_a_fuzz_of_mutated_pages_never_ends_in_a_traceback(docs_copy: Path) -> None:
    """Random cuts, repeats and odd bytes in real pages: every outcome is a message naming a file.

    The 60 mutated pages are checked together, as 60 new practices (each file is judged on its own):
    those saved as UTF-8 in one run, those that are not in another, since a page that is not UTF-8
    stops the language check of every page after it (its message says to save it as UTF-8 first).
    A fault is then traced to its round, one page at a time.
    """
    rng = random.Random(20)
    sources = [MODULE, PRACTICE, (docs_copy / "practices/cultural-mediation.bs.md").read_text(encoding="utf-8")]
    odd = ["\t", ":", "#", "---", "\n", "- ", "[", "]", "{", "}", '"', "'", "&", "*", "!", "|", ">", "%", "@", "\x00",
           "\u00a0", "\u2028", "ž", "Љ", "`", "(", ")", "<", "\\"]
    rounds: dict[int, bytes] = {}
    for round_ in range(60):
        text = rng.choice(sources)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(text))
            move = rng.random()
            if move < 0.4:
                text = text[:at] + rng.choice(odd) + text[at:]
            elif move < 0.7:
                text = text[:at] + text[at + rng.randint(1, 20):]
            else:
                end = min(len(text), at + rng.randint(1, 40))
                text = text[:at] + text[at:end] * 2 + text[end:]
        data = text.encode("utf-8", errors="surrogatepass")
        if round_ % 7 == 0:
            data = data.replace("ž".encode(), b"\x9e")
        rounds[round_] = data
    assert len(rounds) == 60
    utf8 = {n: data for n, data in rounds.items() if _is_utf8(data)}
    for group in (utf8, {n: data for n, data in rounds.items() if n not in utf8}):
        try:
            assert_no_fault_of_the_check(
                docs_copy, {f"practices/fuzz-{n}.md": data for n, data in group.items()}, f"rounds {sorted(group)}")
        except AssertionError:
            for n, data in group.items():
                assert_no_fault_of_the_check(docs_copy, {"practices/fuzz.md": data}, f"round {n}")
            raise


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("source, url", [
    ("practices/cultural-mediation.md", "practices/cultural-mediation/"),
    ("practices/cultural-mediation.sr.md", "sr/practices/cultural-mediation/"),
    ("modules/return-counselling-skills.md", "modules/return-counselling-skills/"),
    ("actions/16.md", "actions/16/"), ("commitments/3.md", "commitments/3/"),
    ("news/skopje-declaration-2022.md", "news/skopje-declaration-2022/"),
])
def test_every_heading_the_build_writes_is_an_anchor_the_check_knows(built_site: Path, source: str, url: str) -> None:
    """The check accepts a link to a section only if the built page has it: the headings of the
    page's text and the sections the build adds (links.GENERATED_ANCHORS) must be all there is."""
    import re

    from learning_platform.links import anchors_of
    from learning_platform.validation import page_type

    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    built = set(re.findall(r'<h[2-6][^>]*\sid="([^"]+)"', article))
    english = source.rsplit(".", 2)[0] + ".md" if source.count(".") == 2 else source
    known = anchors_of((REPO / "docs" / source).read_text(encoding="utf-8"), page_type(english))
    assert built <= known, f"the build writes sections the check does not know: {sorted(built - known)}"
