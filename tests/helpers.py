"""Helpers more than one test file uses: sample pages, the content check run in this process,
a phone's sideways scroll, a page printed to PDF. (Fixtures are in conftest.py.)"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import subprocess
from pathlib import Path

from conftest import REPO

# -- sample pages ------------------------------------------------------------------------------

# A valid practice; the comments give the line numbers the tests rely on.
PRACTICE = """\
---
title: Test practice
summary: A short summary of the practice.
kind: method
actions: [16]
sources:
  - title: Skopje Declaration (2022)
    url: https://publications.iom.int/books/return-counselling-toolkit
updated: 2025-01-30
---

Text of the practice.
"""
# line 2 title, 3 summary, 4 kind, 5 actions, 6 sources, 7 source title, 8 source url, 9 updated;
# the text starts at line 12


# -- the content check, run in this process ----------------------------------------------------

_check_script = None


def run_check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python scripts/check.py ARGS` as a contributor runs it: its exit code and what it prints,
    with `env` added to the environment for the run.

    It runs the script's main() in this process, the code the command runs, without the two
    seconds a fresh interpreter spends importing and reading the vocabularies;
    test_contributors.py runs the command itself in a process of its own.
    """
    global _check_script
    if _check_script is None:
        spec = importlib.util.spec_from_file_location("check_script", REPO / "scripts/check.py")
        _check_script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_check_script)
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _check_script.main(list(args))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["scripts/check.py", *args], code, out.getvalue(), err.getvalue())


# -- a phone: a table wider than the screen ----------------------------------------------------


def a_wide_table_on_the_glossary(page, site_url: str):
    """The glossary with a contributor's table of twelve columns, wrapped as the theme wraps tables
    (the site's own tables fit a phone: tests/test_reading.py); its scroll box, once the theme has
    made it reachable from the keyboard, checked to be wider than the screen."""
    page.goto(site_url + "glossary/")
    page.wait_for_load_state("load")
    page.evaluate("""() => {
      const cells = Array.from({length: 12}, (_, i) => '<td>column ' + i + '</td>').join('');
      document.querySelector('article').insertAdjacentHTML('beforeend',
        '<div class="md-typeset__scrollwrap" id="wide"><div class="md-typeset__table"><table><tbody><tr>' + cells +
        '</tr></tbody></table></div></div>');
      window.dispatchEvent(new Event('resize'));
    }""")
    box = page.locator("#wide")
    page.wait_for_function("box => box.getAttribute('tabindex') === '0'", arg=box.element_handle())
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    return box


# -- a page printed to PDF ---------------------------------------------------------------------


def printed_pdf(page):
    """`page` printed as Chromium prints it (print media, the page size its CSS asks for), opened with pdfium."""
    import pypdfium2

    page.emulate_media(media="print")
    return pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True))


def pdf_of(browser, url: str):
    """The page at `url`, once loaded, printed to PDF (printed_pdf); the browser tab closed."""
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    pdf = printed_pdf(page)
    page.close()
    return pdf


def sheet_texts(pdf) -> list[str]:
    """The text of each sheet of a printed PDF (pdfium writes a hyphen the line broke at as U+FFFE)."""
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


# -- a language's terminology rules on a sentence ----------------------------------------------


def rule_findings(lang: str, text: str) -> list[tuple[str, str, str]]:
    """(check, what was found, the wording advised) for each finding of `lang`'s rules in `text`."""
    from learning_platform.terminology import check_text, load_language

    return [(f.check, f.found, f.advice) for f in check_text(f"x.{lang}.md", text, load_language(lang))]
