#!/usr/bin/env python3
"""Check the content without building the site: every rule the build applies.

    python scripts/check.py            # the whole docs/ tree
    python scripts/check.py --docs-dir other/docs

Exit code 0 when the content is fine, 1 when there are problems. For a
translation the English page has outgrown, it shows what changed in the
English since the translation was made, from git's history (the build never
reads git). In GitHub Actions (GITHUB_ACTIONS=true) each problem is also
printed as a workflow annotation, so it shows on its line in the pull request,
and the whole report goes to the run's summary page ($GITHUB_STEP_SUMMARY),
with a link to each line and the line to paste.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.check import PullRequest, annotations, content_problems, job_summary, report  # noqa: E402
from learning_platform.english_history import with_english_changes  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", type=Path, default=REPO / "docs")
    parser.add_argument("--no-history", action="store_true",
                        help="do not read git's history to show what changed in outgrown English pages")
    args = parser.parse_args(argv)
    result = content_problems(args.docs_dir)
    if not args.no_history:
        result.notices = with_english_changes(result.notices, args.docs_dir, args.docs_dir)
    print(report(result))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        pull_request = pull_request_from_environment()
        text = annotations(result, pull_request.changed)
        if text:
            print(text)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(job_summary(result, pull_request))
    return 0 if result.ok else 1


def pull_request_from_environment() -> PullRequest:
    """Where the checked files can be read and edited, from the workflow's variables."""
    env = os.environ
    return PullRequest(
        server=env.get("GITHUB_SERVER_URL", "https://github.com"),
        repository=env.get("GITHUB_REPOSITORY", ""),
        commit=env.get("PR_HEAD_SHA") or env.get("GITHUB_SHA", ""),
        head_repository=env.get("PR_HEAD_REPOSITORY", ""),
        head_branch=env.get("PR_HEAD_BRANCH", ""),
        changed=changed_files(env.get("PR_BASE_SHA", "")),
    )


def changed_files(base: str) -> frozenset[str] | None:
    """The files a pull request changes (since the commit it branched from), or None when unknown."""
    if not base:
        return None
    try:
        done = subprocess.run(["git", "-C", str(REPO), "diff", "--name-only", f"{base}...HEAD"],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(done.stdout.split()) if done.returncode == 0 else None


if __name__ == "__main__":
    sys.exit(main())
