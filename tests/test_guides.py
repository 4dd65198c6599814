"""The guides for contributors: CONTRIBUTING.md and the site's "How to
contribute" page in every language say the same, start with the web editor,
explain GCM, carry the allowed values as tables in words that match the
vocabulary, keep the maintainers' matters (HTML allowlist, search rules) in a
section of their own, and every command the README and the guides show runs
as written."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from learning_platform.contributor_guide import refresh, tables_in
from learning_platform.safety import ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS
from learning_platform.vocabulary import load_vocabulary

LANGUAGES = ("en", "sq", "mk", "sr", "bs")
TABLES = ["kinds", "partners", "target_groups", "audiences", "stages", "actions", "gcm_objectives"]


def page(lang: str) -> Path:
    return REPO / ("docs/contribute.md" if lang == "en" else f"docs/contribute.{lang}.md")


def body(lang: str) -> str:
    return page(lang).read_text(encoding="utf-8").split("\n---\n", 1)[1]


def action_titles(lang: str) -> dict[int, str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("contributing_script", REPO / "scripts/contributing.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.action_titles(lang)


# -- the tables of allowed values ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_carries_the_allowed_values_as_the_vocabulary_has_them(lang: str) -> None:
    text = page(lang).read_text(encoding="utf-8")
    assert tables_in(text) == TABLES
    assert refresh(text, load_vocabulary(), lang, action_titles(lang)) == text, (
        f"{page(lang).relative_to(REPO)} differs from data/vocabulary.yml: run python scripts/contributing.py")


@pytest.mark.parametrize("lang, rows", [
    ("en", ["| `BA` | Bosnia and Herzegovina |", "| `XK` | Kosovo* |", "| `case-study` | Case study: a documented "
            "example from a real setting, with its public source. |", "| `first-contact` | First contact and "
            "identification |", "| `21` | Cooperate in facilitating safe and dignified return and readmission, as "
            "well as sustainable reintegration |", "| `18` | An informal learning platform on return |"]),
    ("bs", ["| Napišite | Značenje |", "| `BA` | Bosna i Hercegovina |", "| `families` | Porodice |",
            "| `reintegration` | Reintegracija |"]),
    ("sr", ["| Напишите | Значење |", "| `BA` | Босна и Херцеговина |", "| `families` | Породице |"]),
    ("mk", ["| Напишете | Значење |", "| `MK` | Северна Македонија |", "| `returnees` | Повратници |"]),
    ("sq", ["| Shkruani | Kuptimi |", "| `AL` | Shqipëria |", "| `families` | Familje |"]),
])
def test_the_allowed_values_read_in_words_in_the_readers_language(lang: str, rows: list[str]) -> None:
    text = page(lang).read_text(encoding="utf-8")
    for row in rows:
        assert row in text, row


def test_contributing_md_carries_the_same_tables_as_the_site() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert tables_in(text) == TABLES
    assert refresh(text, load_vocabulary(), "en", action_titles("en")) == text


# -- one text, the web editor first ----------------------------------------------------------------


def test_contributing_md_is_the_sites_page_then_a_section_for_maintainers() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert text.startswith("# Contributing\n\n" + body("en").lstrip("\n"))
    assert text.index("## For maintainers") > len(body("en"))


def test_the_guide_starts_with_the_web_editor_and_keeps_commands_for_the_end() -> None:
    headings = re.findall(r"^## (.+)$", body("en"), re.M)
    assert headings[:2] == ["Three rules", "Your first contribution, step by step"]
    assert headings[-1] == "On your computer (optional)"
    first_command = min(body("en").find("make "), body("en").find(".venv/bin/python"))
    assert first_command > body("en").index("## On your computer (optional)")


def test_the_guide_reads_in_ten_minutes() -> None:
    prose = re.sub(r"```.*?```", "", body("en"), flags=re.S)
    prose = "\n".join(line for line in prose.split("\n") if not line.startswith("|"))
    words = len(re.findall(r"\w+", prose))
    assert words <= 2100, f"{words} words of prose: about ten minutes is 2,000 at most"


def test_the_guide_explains_gcm() -> None:
    assert ("GCM is the *Global Compact\nfor Safe, Orderly and Regular Migration*, adopted by the United Nations "
            "General\nAssembly in December 2018 (resolution A/RES/73/195).") in body("en")


def test_the_html_allowlist_and_the_search_rules_are_for_maintainers_only() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    contributors, maintainers = text.split("## For maintainers")
    assert "tests/test_search.py" not in contributors and "`figcaption`" not in contributors
    elements = set(re.findall(r"`([a-z0-9]+)`", maintainers.split("these elements")[1].split("; and these")[0]))
    attributes = set(re.findall(r"`([a-z]+)`", maintainers.split("and these attributes:")[1].split("(and `data-`")[0]))
    assert elements == set(ALLOWED_ELEMENTS) and attributes == set(ALLOWED_ATTRIBUTES)
    assert "data/search.yml" in maintainers and "tests/test_search.py" in maintainers


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_says_the_same_as_the_english_page(lang: str) -> None:
    english, translated = body("en"), body(lang)
    assert len(re.findall(r"^## ", translated, re.M)) == len(re.findall(r"^## ", english, re.M))
    assert len(re.findall(r"^\d+\. ", translated, re.M)) == len(re.findall(r"^\d+\. ", english, re.M))
    # The same commands (their notes translated, the preview in the page's own language).
    assert commands(translated) == [command.replace("LANG_CODE=sq", f"LANG_CODE={lang}") for command in commands(english)]
    # The fields, codes and file names the English page names, the translation names too
    # (an example file name in the page's own language).
    for code in sorted(set(re.findall(r"`([a-z_./-]+)`", english))):
        assert f"`{code.replace('.sq.md', f'.{lang}.md')}`" in translated, code
    front = page(lang).read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert "translation: machine" in front


# -- commands run as written ------------------------------------------------------------------------

# Commands that start servers, install packages or take most of an hour (the mutation run too): shown, not run here.
NOT_RUN = ("make serve", "make preview", "make test", "make bench", "make lock", "make build", "make mutation",
           ".venv/bin/python bench/")


def commands(text: str) -> list[str]:
    """The commands a reader would copy: lines of shell blocks and table cells that start with make or .venv."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        joined = block.replace("\\\n", " ")
        for line in joined.split("\n"):
            line = line.split("  #")[0].strip()
            if line.startswith(("make ", ".venv/bin/python ")):
                found.append(line)
    for cell in re.findall(r"^\| `((?:make |\.venv/bin/python )[^`]+)` \|", text, re.M):
        found.append(cell)
    return found


@pytest.fixture(scope="module")
def repository_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repository") / "platform"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", "site", "node_modules", ".venv", "__pycache__"),
                    symlinks=True)
    (root / ".venv").symlink_to(REPO / ".venv")
    if (REPO / ".stamps").exists():
        shutil.copytree(REPO / ".stamps", root / ".stamps", dirs_exist_ok=True)
    return root


@pytest.mark.slow(reason="runs a dozen commands of the README and the guide, each in a fresh Python process "
                          "on a copy of the repository: about ten seconds of CPU by nature")
def test_the_readmes_and_the_guides_commands_run_as_written(repository_copy: Path) -> None:
    readme = commands((REPO / "README.md").read_text(encoding="utf-8"))
    guide = commands((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert ".venv/bin/python scripts/new.py translation docs/practices/family-tracing-for-separated-children.md sq" in readme
    ran = []
    # The commands that start a new page run last: a page just started still holds the template's
    # text, which the check (and every command that reads all pages) refuses until it is replaced.
    in_order = sorted(dict.fromkeys(readme + guide), key=lambda command: "scripts/new.py" in command)
    for command in in_order:
        if command.startswith(NOT_RUN):
            continue
        done = subprocess.run(shlex.split(command), cwd=repository_copy, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        ran.append(command)
    assert len(ran) >= 8, ran
    assert (repository_copy / "docs/practices/family-tracing-for-separated-children.sq.md").exists()
