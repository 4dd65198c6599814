"""What a pull request shows: every problem on the run's summary page, the
build's own problems as annotations, the English changes behind an outdated
translation, a preview that opens from the downloaded folder, reviews asked
of the editors and the language's reviewers, and forms that ask what the
finder needs.

`tests/fixtures/check-summary-12-problems.md` is the summary of a pull
request with twelve problems, as GitHub shows it on the run's page; the test
renders it again and compares (to see it as GitHub does, open the file on
GitHub: it is Markdown).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_project
from helpers import PRACTICE, run_check
from learning_platform.build_log import build_problems
from learning_platform.check import PullRequest, annotations, content_problems, job_summary
from learning_platform.english_history import with_english_changes
from learning_platform.file_preview import file_link, rewrite_page
from learning_platform.vocabulary import load_vocabulary
from test_validation import edited

SUMMARY_EXAMPLE = REPO / "tests/fixtures/check-summary-12-problems.md"
CHANGED = frozenset({"docs/practices/family-tracing.md", "docs/practices/family-tracing.ba.md",
                     "docs/practices/family-tracing-notes.docx"})


def twelve_problems(docs: Path) -> None:
    """A contributor's first practice, its Bosnian translation and a stray file: 12 problems."""
    page = (PRACTICE
            .replace("title: Test practice", "title: Family tracing #2: a guide")
            .replace("kind: method", "kind: Metoda")
            .replace("actions: [16]", "actions: [13, 21]\npartners: [Bosnia, RS]\naudience: [social workers]")
            .replace("https://publications.iom.int/books/return-counselling-toolkit", "https://www.example.org/publication")
            .replace("updated: 2025-01-30", "updated: 30.01.2025")
            .replace("Text of the practice.", "## What the practice is\n\n"
                     "Say in two or three short paragraphs what the practice is, in your own words.\n\n"
                     "The social worker on duty answers on 061 123 456.\n\n"
                     "See [cultural mediation](cultural-mediaton.md) and [the steps](#how-it-is-done).\n\n"
                     "![Tracing map](https://www.example.org/images/tracing-map.png)\n\n"
                     "The ICRC's [family links](http://familylinks.icrc.org) service helps.\n"))
    (docs / "practices/family-tracing.md").write_text(page, encoding="utf-8")
    (docs / "practices/family-tracing.ba.md").write_text(
        "---\ntitle: Traženje porodice\ntranslation: machine\n---\n\nTekst.\n", encoding="utf-8")
    (docs / "practices/family-tracing-notes.docx").write_bytes(b"PK\x03\x04")


def test_the_summary_of_a_pull_request_with_12_problems_lists_every_one(docs_copy: Path) -> None:
    twelve_problems(docs_copy)
    result = content_problems(docs_copy)
    assert len(result.errors) == 12
    # The pull request's own notices only: the repository's others change as its pages do.
    result.notices = [notice for notice in result.notices if notice.file.startswith("practices/family-tracing")]
    summary = job_summary(result, PullRequest(changed=CHANGED))
    assert summary == SUMMARY_EXAMPLE.read_text(encoding="utf-8"), (
        "the summary changed: read the new one, and if it is right, write it to "
        f"{SUMMARY_EXAMPLE.relative_to(REPO)}:\n{summary}")
    assert summary.startswith("## Content check: 12 problems in 3 files\n")
    assert "GitHub marks only the first 10 of them on the lines in **Files changed**; all 12 are here." in summary


def test_notices_in_files_the_pull_request_does_not_change_are_folded_away() -> None:
    from learning_platform.check import CheckResult
    from learning_platform.errors import ContentError

    notice = ContentError("practices/y.md", 7, "address", "http://www.setimes.com/x", "this address starts with http://")
    summary = job_summary(CheckResult(None, [], [notice]), PullRequest(changed=CHANGED))
    assert summary.endswith("<details><summary>1 more notice in 1 file this pull request does not change</summary>\n\n"
                            "- `docs/practices/y.md`, line 7: this address starts with http:// (found: "
                            "`http://www.setimes.com/x`)\n\n</details>\n")
    assert annotations(CheckResult(None, [], [notice]), CHANGED) == ""


def test_annotations_name_file_line_field_and_say_paste_only_before_a_line_to_paste(docs_copy: Path) -> None:
    twelve_problems(docs_copy)
    lines = annotations(content_problems(docs_copy), CHANGED).split("\n")
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 12
    assert ("::error file=docs/practices/family-tracing.md,line=4,title=kind::must be one of: method, tool, guidance, "
            "legal-framework, case-study, training-material (found: Metoda)%0APaste:%0Akind: method") in errors
    docx = next(line for line in errors if "family-tracing-notes.docx" in line)
    assert "%0ATo fix: write what it says as a page" in docx and "Paste" not in docx
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert [re.search(r"title=([^:]+)::", line).group(1) for line in warnings] == ["title", "address"]
    assert all("family-tracing.md" in line for line in warnings)


def test_the_summary_links_each_line_and_the_fork_to_edit_it() -> None:
    from learning_platform.check import CheckResult
    from learning_platform.errors import ContentError

    result = CheckResult(None, [ContentError("practices/x.md", 4, "kind", "methd", "must be one of: method",
                                             "kind: method")])
    summary = job_summary(result, PullRequest(repository="western-balkans-return-platform/platform", commit="abc123",
                                              head_repository="ana/platform", head_branch="family tracing"))
    assert ("[Edit this file](https://github.com/ana/platform/edit/family%20tracing/docs/practices/x.md)"
            in summary)
    assert ("- **[Line 4](https://github.com/western-balkans-return-platform/platform/blob/abc123/docs/practices/x.md#L4)**"
            ", `kind`: must be one of: method (found: `methd`)") in summary
    assert "\n\n  **Paste:**\n\n  ```yaml\n  kind: method\n  ```" in summary


def test_the_check_writes_the_summary_in_github_actions(docs_copy: Path, tmp_path: Path) -> None:
    twelve_problems(docs_copy)
    summary = tmp_path / "summary.md"
    done = run_check("--docs-dir", str(docs_copy), env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1
    assert summary.read_text(encoding="utf-8").startswith("## Content check: 12 problems in 3 files")


# -- what changed in the English, from the history --------------------------------------------


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@localhost",
                               "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@localhost",
                               "GIT_AUTHOR_DATE": "2026-11-02T10:00:00", "GIT_COMMITTER_DATE": "2026-11-02T10:00:00"}
                          ).stdout


def repository_with_an_outdated_translation(root: Path) -> Path:
    """A repository whose English practice gained a step after its Albanian translation was made."""
    project = make_project(root / "project")
    for link in ("hooks", "overrides", "data"):
        target = (project / link).resolve()
        (project / link).unlink()
        shutil.copytree(target, project / link)
    docs = project / "docs"
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the site as it was")
    english = docs / "practices/cultural-mediation.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("## Why it matters for the Western Balkans",
                                    "A new paragraph on interpreters for Pashto.\n\n## Why it matters for the Western Balkans", 1),
                       encoding="utf-8")
    git(project, "commit", "-q", "-am", "a paragraph on interpreters")
    return project


def test_an_outdated_translation_shows_what_changed_in_the_english_from_the_history(tmp_path: Path) -> None:
    project = repository_with_an_outdated_translation(tmp_path)
    docs = project / "docs"
    notices = with_english_changes(content_problems(docs).notices, docs, docs)
    [notice] = [n for n in notices if n.file == "practices/cultural-mediation.sq.md"]
    assert notice.line == 5 and notice.field == "source_fingerprint"
    lines = notice.details.split("\n")
    assert re.fullmatch(r"--- English page as translated \(2026-11-02, commit [0-9a-f]{7}\)", lines[0])
    assert lines[1] == "+++ English page today" and lines[2].startswith("@@ ")
    assert [line for line in lines if line.startswith("+") and not line.startswith("+++")] == [
        "+", "+A new paragraph on interpreters for Pashto."]
    assert not [line for line in lines if line.startswith("-") and not line.startswith("---")]


def test_a_shallow_history_says_it_is_too_short_and_how_to_fetch_more(tmp_path: Path) -> None:
    project = repository_with_an_outdated_translation(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)], check=True)
    docs = clone / "docs"
    notices = with_english_changes(content_problems(docs).notices, docs, docs)
    [notice] = [n for n in notices if n.file == "practices/cultural-mediation.sq.md"]
    assert notice.details == (
        "the history fetched here (1 commit of the English page) does not reach the version this translation was "
        "made from: run git fetch --unshallow, or fetch the whole history in the workflow (actions/checkout with "
        "fetch-depth: 0)")


def test_the_build_never_reads_git() -> None:
    importers = [path.relative_to(REPO).as_posix() for path in [*REPO.glob("hooks/**/*.py"), *REPO.glob("scripts/*.py")]
                 if "english_history" in path.read_text(encoding="utf-8") and path.name != "english_history.py"]
    assert importers == ["scripts/check.py"]
    for path in REPO.glob("hooks/**/*.py"):
        if path.name != "english_history.py":
            assert not re.search(r"""["']git["']""", path.read_text(encoding="utf-8")), path


# -- what only the build finds -----------------------------------------------------------------


def test_the_builds_own_warnings_become_one_problem_per_file_with_its_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "practices").mkdir(parents=True)
    (docs / "practices/x.md").write_text("---\ntitle: X\n---\n\nSee [y](y.md) here.\n", encoding="utf-8")
    log = "\n".join([
        "INFO    -  Building documentation to directory: /tmp/site",
        *[f"WARNING -  Doc file '{prefix}practices/x.md' contains a link 'y.md', but the target 'practices/y.md' is "
          "not found among documentation files." for prefix in ("", "sq/", "mk/", "sr/", "sr-Latn/", "bs/")],
        "Aborted with 6 warnings in strict mode!",
    ])
    [problem] = build_problems(log, docs)
    assert (problem.file, problem.line, problem.field, problem.value) == ("practices/x.md", 5, "link", "y.md")
    assert problem.problem == ("the file 'practices/x.md' contains a link 'y.md', but the target 'practices/y.md' is "
                               "not found among documentation files.")


def test_the_builds_content_errors_become_annotations_too(tmp_path: Path) -> None:
    log = ("ERROR   -  The site was not built: 1 problem in the content. Fix each one below and build again.\n"
           "  - docs/practices/x.md, line 4, field 'kind': must be one of: method, tool (found: methd)\n"
           "    Paste: kind: method\n")
    [problem] = build_problems(log, tmp_path)
    assert (problem.file, problem.line, problem.field, problem.value, problem.example) == (
        "practices/x.md", 4, "kind", "methd", "kind: method")


def test_the_build_report_script_prints_annotations_and_the_summary(tmp_path: Path) -> None:
    log = tmp_path / "build.log"
    log.write_text("WARNING -  Doc file 'about.md' contains a link 'nowhere.md', but the target 'nowhere.md' is not "
                   "found among documentation files.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    done = subprocess.run([sys.executable, "scripts/build_report.py", str(log)], cwd=REPO, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert "::error file=docs/about.md,title=link::" in done.stdout
    assert summary.read_text(encoding="utf-8").startswith("## Build: 1 problem in 1 file")


# -- the preview, from the downloaded folder ------------------------------------------------------


@pytest.mark.parametrize("link, from_disk", [
    ("../practices/cultural-mediation/", "../practices/cultural-mediation/index.html"),
    ("..", "../index.html"), ("./", "./index.html"), ("../../", "../../index.html"), (".", "./index.html"),
    ("assets/stylesheets/platform.css", "assets/stylesheets/platform.css"),
    ("https://www.iom.int/", "https://www.iom.int/"), ("#sources", "#sources"), ("/platform/", "/platform/"),
])
def test_a_folder_link_of_the_preview_names_its_index_html(link: str, from_disk: str) -> None:
    assert file_link(link) == from_disk


def test_a_page_of_the_preview_keeps_anchors_and_queries() -> None:
    html = ('<a href="../practices/x/#steps">a</a> <a href="#top">b</a> <a href="?m=x">c</a> '
            '<link href="../assets/stylesheets/platform.css" rel="stylesheet">')
    assert rewrite_page(html) == ('<a href="../practices/x/index.html#steps">a</a> <a href="#top">b</a> '
                                  '<a href="index.html?m=x">c</a> '
                                  '<link href="../assets/stylesheets/platform.css" rel="stylesheet">')


# -- reviews and forms -----------------------------------------------------------------------------------


def codeowners_of(path: str) -> list[str]:
    """The owners GitHub asks for `path`: the last matching line of CODEOWNERS wins (gitignore-style patterns)."""
    owners: list[str] = []
    for line in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *teams = line.split()
        regex = re.escape(pattern.lstrip("/")).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
        if pattern.endswith("/"):
            regex += ".*"
        anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
        if re.fullmatch(regex if anchored else f"(?:.*/)?{regex}", path):
            owners = [team.split("/")[1] for team in teams]
    return owners


@pytest.mark.parametrize("path, owners", [
    ("docs/practices/cultural-mediation.md", ["editors"]),
    ("docs/practices/cultural-mediation.bs.md", ["editors", "reviewers-bs"]),
    ("docs/modules/return-counselling-skills.sq.md", ["editors", "trainers", "reviewers-sq"]),
    ("docs/actions/16.mk.md", ["editors", "reviewers-mk"]),
    ("docs/about.sr.md", ["editors", "reviewers-sr"]),
    ("docs/about.md", ["editors"]),
    ("data/terminology/bs.yml", ["maintainers", "editors", "reviewers-bs"]),
    ("hooks/site_hooks.py", ["maintainers"]),
    ("docs/assets/javascripts/search.js", ["maintainers"]),
])
def test_codeowners_ask_the_editors_and_the_languages_reviewers(path: str, owners: list[str]) -> None:
    assert codeowners_of(path) == owners


def test_the_practice_issue_form_asks_for_audience_stage_and_the_people_concerned() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/propose-practice.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    vocabulary = load_vocabulary()
    for field, name in (("audience", "audiences"), ("stage", "stages"), ("target_groups", "target_groups")):
        labels = [option["label"] for option in fields[field]["attributes"]["options"]]
        assert labels == [f"{vocabulary.label(name, code, 'en')} ({code})" for code in getattr(vocabulary, name)]
    assert fields["target_groups"]["attributes"]["label"] == "The people concerned"


def test_the_readme_and_the_pull_request_template_say_a_first_pull_request_waits_for_approval() -> None:
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'only after a maintainer has\n     chosen "Approve and run"' in template
    assert "**Approve and run**" in readme


def test_the_workflow_fetches_the_history_and_uploads_the_preview_for_reading_from_disk() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    check = workflow["jobs"]["content-check"]["steps"]
    assert check[0]["with"]["fetch-depth"] == 0
    build = {step.get("name", ""): step for step in workflow["jobs"]["build"]["steps"]}
    assert any(step.get("run", "").startswith("python scripts/preview_artifact.py site site-preview")
               for step in build.values())
    upload = next(step for step in build.values() if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {"name": "site-preview", "path": "site-preview", "retention-days": 14}
    report = next(step for step in build.values() if "build_report.py" in step.get("run", ""))
    assert report["if"] == "failure()"


def test_the_downloaded_preview_opens_from_disk_and_its_links_lead_to_pages(built_site: Path, tmp_path: Path,
                                                                            browser) -> None:
    from learning_platform.file_preview import browsable_from_disk

    preview = tmp_path / "site-preview"
    browsable_from_disk(built_site, preview)
    assert (preview / "HOW-TO-OPEN.txt").read_text(encoding="utf-8").startswith("The pull request's preview")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((preview / "practices/cultural-mediation/index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    link = page.locator("article a[href$='/index.html']:visible").first
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith((preview / "").as_uri()) and page.url.endswith("/index.html")
    assert page.locator("h1").first.is_visible()  # a page, not a folder's listing
    page.goto((preview / "index.html").as_uri())
    page.locator("a[hreflang='bs']").first.evaluate("a => a.click()")  # the language menu, folded away
    page.wait_for_url((preview / "bs/index.html").as_uri())
    page.close()
