#!/usr/bin/env python3
"""After a failed build in a pull request: its problems as annotations and in the summary.

    python scripts/build_report.py build.log

Reads the build's log (the workflow saves it with tee), keeps one problem
per file and message (MkDocs repeats each once per language), prints each as
a workflow annotation on its line and appends them to the run's summary
page ($GITHUB_STEP_SUMMARY), as the content check does for its own.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from learning_platform.build_log import build_problems  # noqa: E402
from learning_platform.check import CheckResult, annotations, job_summary, report  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from check import pull_request_from_environment  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", type=Path)
    parser.add_argument("--docs-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args(argv)
    log = args.log.read_text(encoding="utf-8", errors="replace") if args.log.exists() else ""
    result = CheckResult(None, build_problems(log, args.docs_dir))
    if not result.errors:
        print("The build's log names no problem in the content: see the log above for what stopped it.")
        return 0
    print(report(result).replace("the site cannot be built", "the build stopped"))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(annotations(result))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(job_summary(result, pull_request_from_environment()).replace(
                    "## Content check:", "## Build:", 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
