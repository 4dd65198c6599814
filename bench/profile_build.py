#!/usr/bin/env python3
"""Where a build spends its CPU time, part by part.

Runs one `mkdocs build` in this process under cProfile with a CPU-time clock
(time.process_time: what other processes on a busy machine do is not
counted), then gives every function's own time to one part of the build:
Markdown conversion, templates, each module of the platform, MkDocs itself,
mkdocs-static-i18n, Material's search, YAML, and so on. Time spent in the
standard library and in built-in functions (regular expressions, hashing,
ElementTree, file writes) goes to whichever part called it, in proportion,
so the parts add up to the whole.

    .venv/bin/python bench/profile_build.py PROJECT [--config mkdocs.yml] [--out profile.pstats] [--top 25]

PROJECT is a folder with mkdocs.yml and docs/ (bench/README.md shows how to
make one with N synthetic practices). The profiler's own cost inflates
code made of many small calls (Markdown's) more than the rest: compare the
shares, and the parts of two builds profiled the same way, rather than the
seconds with those of an unprofiled build.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import sysconfig
import time
from collections import defaultdict
from pathlib import Path

STDLIB = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"])

# (part, test on the file name); the first that matches wins. Files that match
# none of these are "neutral" (the standard library, built-ins) and their time
# goes to their callers.
PLATFORM_PARTS = {
    "search.py": "platform: search index", "folding.py": "platform: search index",
    "handout.py": "platform: handout addresses and QR codes",
    "policy.py": "platform: security policy (hashes, TOC languages)",
    "sitemaps.py": "platform: sitemaps", "feeds.py": "platform: feeds",
    "safety.py": "platform: HTML safety scan",
    "schema.py": "platform: JSON schemas",
}
LIBRARY_PARTS = (
    ("/zxingcpp", "platform: handout addresses and QR codes"),
    ("/feedgen/", "platform: feeds"),
    ("/lxml/", "platform: feeds"),
    ("/markdown/", "Markdown conversion"),
    ("/pymdownx/", "Markdown conversion"),
    ("/jinja2/", "templates (Jinja)"),
    ("/material/plugins/search", "Material's search plugin"),
    ("/material/", "Material (Python)"),
    ("/mkdocs_static_i18n/", "mkdocs-static-i18n"),
    ("/mkdocs/contrib/search", "MkDocs' search plugin"),
    ("/mkdocs/", "MkDocs itself (files, navigation, copying, writing)"),
    ("/properdocs/", "MkDocs itself (files, navigation, copying, writing)"),
    ("/yaml/", "YAML"),
    ("/babel/", "Babel"),
    ("/hooks/language_workers.py", "platform: the adapter (language_workers.py)"),
    ("/hooks/", "platform: the adapter (site_hooks.py and the modules beside it)"),
)


def part_of(filename: str) -> str | None:
    if filename.endswith(".html") or filename == "<template>":
        return "templates (Jinja)"  # compiled templates carry their source's name
    if "/hooks/learning_platform/" in filename:
        name = filename.rsplit("/", 1)[-1]
        return PLATFORM_PARTS.get(name, "platform: loading, validation, page assembly (other modules)")
    for marker, part in LIBRARY_PARTS:
        if marker in filename:
            return part
    if filename.startswith(STDLIB) or filename.startswith("~") or filename.startswith("<"):
        return None
    return "other"


def parts(stats: pstats.Stats) -> tuple[dict[str, float], float]:
    """Own time per part, neutral functions' time given to their callers."""
    table = stats.stats  # (file, line, function) -> (calls, primitive calls, own, cumulative, callers)
    shares_of: dict[tuple, dict[str, float]] = {}
    in_progress: set[tuple] = set()

    def shares(function) -> dict[str, float]:
        """Which parts a function's time belongs to, as fractions adding up to 1
        (a caller already being worked out, in a cycle of calls, is left out)."""
        part = part_of(function[0])
        if part is not None:
            return {part: 1.0}
        if function in shares_of:
            return shares_of[function]
        in_progress.add(function)
        callers = table.get(function, (0, 0, 0, 0, {}))[4]
        weights = {caller: values[2] for caller, values in callers.items() if caller not in in_progress}
        whole = sum(weights.values())
        result: dict[str, float] = defaultdict(float)
        if whole <= 0:
            label = function[0] if function[0] != "~" else function[2]
            result["standard library: " + label.rsplit("/", 1)[-1][:60]] = 1.0
        else:
            for caller, weight in weights.items():
                for name, fraction in shares(caller).items():
                    result[name] += fraction * weight / whole
        in_progress.discard(function)
        shares_of[function] = dict(result)
        return shares_of[function]

    totals: dict[str, float] = defaultdict(float)
    for function, (_, _, own, _, _) in table.items():
        if own:
            for name, fraction in shares(function).items():
                totals[name] += own * fraction
    return dict(totals), sum(totals.values())


def events(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative time of each of the adapter's events (overlapping the parts)."""
    found: dict[str, float] = defaultdict(float)
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():
        if filename.endswith("/hooks/site_hooks.py") and name.startswith("on_"):
            found[name] += cumulative
    return dict(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--out", type=Path, default=None, help="also keep the raw profile (pstats)")
    parser.add_argument("--site-dir", type=Path, default=None)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    site = (args.site_dir or project / "site-profiled").resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(project)
    from mkdocs.__main__ import cli

    profiler = cProfile.Profile(time.process_time)
    started = time.process_time()
    profiler.enable()
    try:
        cli.main(args=["build", "-q", "-f", args.config, "-d", str(site)], standalone_mode=False)
    finally:
        profiler.disable()
    cpu = time.process_time() - started
    if args.out:
        profiler.dump_stats(str(args.out))
    stats = pstats.Stats(profiler)
    totals, whole = parts(stats)
    print(f"{project.name} ({args.config}): {cpu:.1f} s CPU under the profiler")
    for part, seconds in sorted(totals.items(), key=lambda item: -item[1])[:args.top]:
        print(f"  {seconds:7.2f} s  {100 * seconds / whole:5.1f} %  {part}")
    adapter = events(stats)
    if adapter:
        print("  the adapter's events, cumulative (what they call included; overlaps the parts above):")
        for name, seconds in sorted(adapter.items(), key=lambda item: -item[1]):
            print(f"  {seconds:7.2f} s  {100 * seconds / whole:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
