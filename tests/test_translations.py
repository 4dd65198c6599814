"""Translations: states, Serbian Latin made from Serbian Cyrillic, the bookkeeping command."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, build, make_project
from learning_platform.loading import load_library
from learning_platform.translations import mark_current, set_front_matter

SERBIAN = """---
title: Изградња капацитета за повратак заснован на правима
summary: Ђорђе и Љиљана уче шта значи повратак, реадмисија и реинтеграција.
translation: machine
---

## Шта ово значи у пракси

Џемал, Њања и ЋУПРИЈА: љубазно објашњење за жене и децу. Види [праксу](../practices/cultural-mediation.md).
"""


def cyrillic(text: str) -> list[str]:
    return re.findall(r"[\u0400-\u04FF]+", text)


def test_mark_current_records_the_english_version_and_the_reviewer(docs_copy: Path):
    (docs_copy / "actions/16.sr.md").write_text(SERBIAN, encoding="utf-8")
    mark_current(docs_copy, "actions/16.sr.md")
    library = load_library(docs_copy)
    assert library.translation_state("actions/16.md", "sr") == "machine"
    mark_current(docs_copy, "actions/16.sr.md", reviewed_by="Return counsellor, native speaker")
    library = load_library(docs_copy)
    assert library.translation_state("actions/16.md", "sr") == "reviewed"
    assert library.translation("actions/16.md", "sr").reviewed_by == "Return counsellor, native speaker"
    english = docs_copy / "actions/16.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert load_library(docs_copy).translation_state("actions/16.md", "sr") == "outdated"
    mark_current(docs_copy, "actions/16.sr.md")
    assert load_library(docs_copy).translation_state("actions/16.md", "sr") == "reviewed"


def test_set_front_matter_changes_only_the_named_fields():
    text = "---\ntitle: A\nsource_fingerprint: 0000000000000000\n---\n\nBody\n"
    changed = set_front_matter(text, {"source_fingerprint": "1111111111111111", "reviewed_by": "Ana Test"})
    # a value of digits only is quoted, or YAML would read it as a number
    assert changed == '---\ntitle: A\nsource_fingerprint: "1111111111111111"\nreviewed_by: Ana Test\n---\n\nBody\n'


def test_status_command_lists_missing_pages():
    result = subprocess.run([sys.executable, str(REPO / "scripts/translations.py"), "status", "bs"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("bs: ") and " missing" in first


@pytest.mark.slow
def test_serbian_latin_is_generated_from_serbian_with_the_same_state(tmp_path: Path):
    project = make_project(tmp_path / "project")
    (project / "docs/actions/16.sr.md").write_text(SERBIAN, encoding="utf-8")
    mark_current(project / "docs", "actions/16.sr.md")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    latin = (site / "sr-Latn/actions/16/index.html").read_text(encoding="utf-8")
    article = latin.split("<article", 1)[1].split("</article>", 1)[0]
    assert 'data-translation-state="machine"' in article
    assert "Džemal, Njanja i ĆUPRIJA: ljubazno objašnjenje" in article
    assert '<h1 id="page-title">Aktivnost 16: Izgradnja kapaciteta za povratak zasnovan na pravima</h1>' in latin
    assert cyrillic(re.sub(r'<(figure|span) class="official.*?</\1>', "", article, flags=re.S)) == []
    assert 'href="../../../sr-Latn/practices/cultural-mediation/"' in article or 'href="../../practices/cultural-mediation/"' in article
    # each script links to the same page in the other
    assert 'class="script-switch" href="../../../sr/actions/16/" hreflang="sr"' in latin
    cyrillic_page = (site / "sr/actions/16/index.html").read_text(encoding="utf-8")
    assert 'class="script-switch" href="../../../sr-Latn/actions/16/" hreflang="sr-Latn"' in cyrillic_page
