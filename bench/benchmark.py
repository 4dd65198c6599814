#!/usr/bin/env python3
"""Build-time benchmark: how the site scales with the number of practice pages,
and what the hooks (hooks/site_hooks.py) cost on top of a plain MkDocs build.

For each size N (default 100 and 1000) it makes a throw-away copy of the site
(own docs/, symlinks to the repository's hooks/, overrides/ and data/, a copy of
mkdocs.yml, as tests/conftest.py's `make_project` does), adds N synthetic
practice pages (and a machine translation into Albanian for one in five), and
builds every language three times:

  hooks on   the real mkdocs.yml, with --strict (a failure is reported);
  hooks off  the same Markdown and configuration with the `hooks:` block taken
             out of the copied mkdocs.yml (written as mkdocs.nohooks.yml beside
             it and passed with -f), without --strict: a site with no search;
  stock      hooks off, with Material's search plugin put back
             (mkdocs.stock.yml): what the site costs on the stock stack, whose
             search the hooks' own per-language search replaces.

Then, unless --no-search, it measures the search of the hooks-on site in
Debian's chromium (bench/search_benchmark.py): bytes a query downloads and
time from the last keystroke to results.

Each build runs as its own process, `python -m mkdocs build -q -d <site>`, with
NO_MKDOCS_2_WARNING=1. Wall time is measured around the process; peak memory is
the child's maximum resident set size, read from GNU `/usr/bin/time -v` when it
is present, otherwise from a small Python launcher that reports
`resource.getrusage(RUSAGE_SELF).ru_maxrss` as it exits.

The synthetic pages are generated text with made-up example.org sources; they
exist only in the temporary copy and are never written into docs/.

This is a benchmark, not a test: it prints figures and the targets with
PASS/FAIL and exits 0 whatever they say; it exits 1 only if a build fails.

    .venv/bin/python bench/benchmark.py [--sizes 100,1000] [--repeat 1] [--keep] [--no-search]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO_HOOKS = Path(__file__).resolve().parents[1] / "hooks"
sys.path.insert(0, str(REPO_HOOKS))
from learning_platform.translations import mark_current  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_benchmark  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
GNU_TIME = Path("/usr/bin/time")

KINDS = ("method", "tool", "guidance", "legal-framework", "case-study", "training-material")
PARTNERS = ("AL", "BA", "XK", "ME", "MK", "RS")
ACTIONS = range(1, 22)
GCM_OBJECTIVES = range(1, 24)
WORDS_PER_PAGE = 600
SECTIONS = (
    "What the practice is",
    "Why it matters for the Western Balkans",
    "How it is done",
    "Safeguards and rights",
    "Common pitfalls",
)

# A vocabulary for lorem-like, domain-flavoured English. Sentences are drawn at
# random word by word, so no two paragraphs repeat.
NOUNS = """
case officer returnee family child guardian interpreter border police ministry
municipality shelter counsellor referral procedure agreement document record
interview assessment plan support service partner authority network database
checklist standard training module session trainer handout budget mandate team
schedule report review outcome follow-up visit reception centre community school
employer grant housing health care registration certificate address deadline
request reply transfer escort flight arrival departure consent safeguard risk
need priority decision appeal lawyer court judge monitor observer protocol
""".split()
VERBS = """
prepares reviews explains records checks shares confirms arranges supports
documents assesses refers follows updates agrees requests plans organises
monitors informs accompanies registers contacts protects respects signs tracks
coordinates delivers evaluates clarifies adapts maintains notifies
""".split()
ADJECTIVES = """
individual voluntary regional national local early timely clear written
confidential safe vulnerable separate formal informal practical shared public
accurate complete brief detailed relevant trained independent joint first final
""".split()
LINKERS = """
and then before after while because so that when unless where with without
through during within across
""".split()
DETERMINERS = ("the", "each", "a", "every", "this", "one", "the same", "another")


# -- synthetic content --------------------------------------------------------------


def _sentence(rng: random.Random) -> tuple[str, int]:
    words: list[str] = []
    clauses = rng.randint(1, 3)
    for index in range(clauses):
        if index:
            words.append(rng.choice(LINKERS))
        words += [rng.choice(DETERMINERS)]
        if rng.random() < 0.6:
            words.append(rng.choice(ADJECTIVES))
        words += [rng.choice(NOUNS), rng.choice(VERBS), rng.choice(DETERMINERS)]
        if rng.random() < 0.5:
            words.append(rng.choice(ADJECTIVES))
        words.append(rng.choice(NOUNS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + ".", len(text.split())


def _paragraph(rng: random.Random, target_words: int) -> tuple[str, int]:
    sentences, count = [], 0
    while count < target_words:
        sentence, words = _sentence(rng)
        sentences.append(sentence)
        count += words
    # Wrap at about 80 characters like the hand-written pages.
    lines, line = [], ""
    for word in " ".join(sentences).split():
        if line and len(line) + 1 + len(word) > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines), count


def _body(rng: random.Random, link_target: str | None) -> str:
    parts, per_section = [], (WORDS_PER_PAGE - 90) // len(SECTIONS)  # headings, steps and overshoot make up the rest
    for number, heading in enumerate(SECTIONS):
        parts.append(f"## {heading}\n")
        written = 0
        while written < per_section:
            paragraph, words = _paragraph(rng, min(rng.randint(40, 70), per_section - written))
            parts.append(paragraph + "\n")
            written += words
        if number == 2:
            parts.append("\n".join(f"{step}. {_sentence(rng)[0]}" for step in range(1, 4)) + "\n")
        if number == 4 and link_target:
            parts.append(f"See also [a related practice]({link_target}).\n")
    return "\n".join(parts)


def _yaml_scalar(value) -> str:
    """One YAML scalar as a contributor would write it (quoted only when needed)."""
    if isinstance(value, int):
        return str(value)
    text = yaml.safe_dump(value, allow_unicode=True, width=10_000).strip()
    return text[:-4].rstrip() if text.endswith("\n...") else text


def _front_matter(values: dict) -> str:
    """Front matter in the layout of CONTRIBUTING.md: flow lists, block list of sources."""
    lines = ["---"]
    for key, value in values.items():
        if key == "sources":
            lines.append("sources:")
            for source in value:
                lines.append(f"  - title: {_yaml_scalar(source['title'])}")
                lines.append(f"    url: {source['url']}")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_yaml_scalar(v) for v in value)}]")
        elif key == "updated":
            lines.append(f"{key}: {value}")  # an unquoted YAML date
        else:
            lines.append(f"{key}: {_yaml_scalar(value)}")
    return "\n".join(lines) + "\n---\n\n"


def synthetic_practice(index: int, target_groups: list[str], link_targets: list[str]) -> str:
    # Seeded by the page number alone: page 7 is the same at every N.
    rng = random.Random(f"synthetic-practice-{index}")
    title = f"Synthetic practice {index:04d}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(NOUNS)}"
    summary, _ = _sentence(rng)
    front = {
        "title": title,
        "summary": summary[:280],
        "kind": rng.choice(KINDS),
        "actions": sorted(rng.sample(ACTIONS, rng.randint(1, 3))),
    }
    partners = rng.sample(PARTNERS, rng.randint(0, 3))
    if partners:
        front["partners"] = sorted(partners, key=PARTNERS.index)
    groups = rng.sample(target_groups, rng.randint(0, 2))
    if groups:
        front["target_groups"] = groups
    gcm = rng.sample(GCM_OBJECTIVES, rng.randint(0, 2))
    if gcm:
        front["gcm_objectives"] = sorted(gcm)
    front["sources"] = [{
        "title": f"Synthetic source {index:04d} (benchmark only, not a real publication)",
        "url": f"https://example.org/source-{index:04d}",
    }]
    front["updated"] = "2026-01-01"
    link = rng.choice(link_targets) if link_targets else None
    return _front_matter(front) + _body(rng, link)


def synthetic_translation(index: int) -> str:
    rng = random.Random(f"synthetic-translation-{index}")
    summary, _ = _sentence(rng)
    front = {
        "title": f"Praktikë sintetike {index:04d}",
        "summary": summary[:280],
        "translation": "machine",
    }
    return _front_matter(front) + _body(rng, None)


# -- projects -----------------------------------------------------------------------


def make_project(root: Path) -> Path:
    """As tests/conftest.py's make_project: own docs/, shared hooks, theme and data."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "docs", root / "docs")
    for shared in ("hooks", "overrides", "data"):
        (root / shared).symlink_to(REPO / shared)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def without_hooks(config_text: str) -> str:
    """mkdocs.yml's text with the top-level `hooks:` block (key and its items) removed."""
    lines, out, skipping = config_text.splitlines(keepends=True), [], False
    for line in lines:
        if re.match(r"^hooks\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            if line.strip():
                continue
            skipping = False  # a blank line ends the block; keep it
        else:
            skipping = False
        out.append(line)
    result = "".join(out)
    if re.search(r"(?m)^hooks\s*:", result):
        raise SystemExit("could not remove the hooks: block from mkdocs.yml")
    return result


def stock_stack(config_text: str) -> str:
    """Without the hooks, but with Material's own search plugin, which the hooks'
    search replaces: what the same site would cost on the stock stack."""
    plain = without_hooks(config_text)
    if not re.search(r"(?m)^plugins:\n", plain):
        raise SystemExit("could not find the plugins: block in mkdocs.yml")
    return re.sub(r"(?m)^plugins:\n", "plugins:\n  - search\n", plain, count=1)


def add_synthetic_pages(project: Path, count: int) -> tuple[int, int]:
    vocabulary = yaml.safe_load((REPO / "data" / "vocabulary.yml").read_text(encoding="utf-8"))
    target_groups = list(vocabulary["target_groups"])
    practices = project / "docs" / "practices"
    link_targets = sorted(p.name for p in practices.glob("*.md")
                          if p.name != "index.md" and p.name.count(".") == 1)
    translations = 0
    for index in range(1, count + 1):
        (practices / f"synthetic-{index:04d}.md").write_text(
            synthetic_practice(index, target_groups, link_targets), encoding="utf-8")
        if index % 5 == 0:
            translation = practices / f"synthetic-{index:04d}.sq.md"
            translation.write_text(synthetic_translation(index), encoding="utf-8")
            # Record the English version it was made from, as scripts/translations.py does.
            mark_current(project / "docs", f"practices/{translation.name}")
            translations += 1
    return count, translations


# -- builds -------------------------------------------------------------------------

LAUNCHER = (
    "import resource, runpy, sys\n"
    "out = sys.argv[1]; sys.argv = ['mkdocs'] + sys.argv[2:]\n"
    "def report():\n"
    "    usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    open(out, 'w').write(f'{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}')\n"
    "try:\n"
    "    runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)\n"
    "finally:\n"
    "    report()\n"
)


def code_state() -> tuple[str, str]:
    """The commit checked out (read only) and a digest of what the build runs: hooks, theme, data, config."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                                capture_output=True, text=True).stdout.strip() or "unknown"
    except OSError:
        commit = "unknown"
    digest = hashlib.sha256()
    for folder in ("hooks", "overrides", "data"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    digest.update((REPO / "mkdocs.yml").read_bytes())
    return commit, digest.hexdigest()[:12]


def memory_method() -> str:
    if GNU_TIME.exists():
        probe = subprocess.run([str(GNU_TIME), "-v", "true"], capture_output=True, text=True)
        if probe.returncode == 0 and "Maximum resident set size" in probe.stderr:
            return "gnu-time"
    return "launcher"


@dataclass
class Build:
    ok: bool
    seconds: float
    cpu_seconds: float
    peak_mb: float
    stderr: str
    warnings: int


def run_build(project: Path, site: Path, config: str, strict: bool, method: str) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = ["build", "-q", "-f", config, "-d", str(site)] + (["--strict"] if strict else [])
    if site.exists():
        shutil.rmtree(site)
    with tempfile.NamedTemporaryFile("r", suffix=".mem", delete=False) as handle:
        mem_file = Path(handle.name)
    if method == "gnu-time":
        command = [str(GNU_TIME), "-v", "-o", str(mem_file), sys.executable, "-m", "mkdocs", *args]
    else:
        command = [sys.executable, "-c", LAUNCHER, str(mem_file), *args]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    report = mem_file.read_text() if mem_file.exists() else ""
    mem_file.unlink(missing_ok=True)
    if method == "gnu-time":
        found = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", report)
        peak_kb = int(found.group(1)) if found else 0
        cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\):\s*([\d.]+)", report))
    else:
        peak, _, cpu_text = report.partition(" ")
        peak_kb, cpu = int(peak or 0), float(cpu_text or 0)  # Linux: ru_maxrss in kilobytes
    warnings = len(re.findall(r"^WARNING", result.stderr, re.M))
    return Build(result.returncode == 0, seconds, cpu, peak_kb / 1024, result.stderr, warnings)


@dataclass
class SiteStats:
    pages: int = 0
    site_mb: float = 0.0
    avg_page_kb: float = 0.0
    practice_avg_kb: float = 0.0
    practice_max_kb: float = 0.0
    practice_pages: int = 0
    real_practice_avg_kb: float = 0.0
    real_practice_max_kb: float = 0.0


def site_stats(site: Path) -> SiteStats:
    stats = SiteStats()
    if not site.exists():
        return stats
    total, pages, synthetic, real = 0, [], [], []
    real_slugs = {p.stem for p in (REPO / "docs" / "practices").glob("*.md")
                  if p.name != "index.md" and p.name.count(".") == 1}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.name != "index.html":
            continue
        pages.append(size)
        parts = path.relative_to(site).parts
        if len(parts) >= 3 and parts[-3] == "practices":
            if parts[-2].startswith("synthetic-"):
                synthetic.append(size)
            elif parts[-2] in real_slugs:
                real.append(size)
    stats.pages = len(pages)
    stats.site_mb = total / 2**20
    stats.avg_page_kb = statistics.fmean(pages) / 1024 if pages else 0
    stats.practice_pages = len(synthetic)
    if synthetic:
        stats.practice_avg_kb = statistics.fmean(synthetic) / 1024
        stats.practice_max_kb = max(synthetic) / 1024
    if real:
        stats.real_practice_avg_kb = statistics.fmean(real) / 1024
        stats.real_practice_max_kb = max(real) / 1024
    return stats


@dataclass
class Result:
    n: int
    translations: int
    on: list[Build] = field(default_factory=list)
    off: list[Build] = field(default_factory=list)
    stock: list[Build] = field(default_factory=list)
    on_site: SiteStats = field(default_factory=SiteStats)
    off_site: SiteStats = field(default_factory=SiteStats)
    search: list = field(default_factory=list)
    search_index: dict = field(default_factory=dict)

    @staticmethod
    def best(builds: list[Build]) -> Build | None:
        good = [b for b in builds if b.ok]
        return min(good, key=lambda b: b.seconds) if good and len(good) == len(builds) else None


# -- main ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000",
                        help="comma-separated numbers of synthetic practice pages (default 100,1000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="builds per configuration and size; the fastest is reported (default 1)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary projects and print where they are")
    parser.add_argument("--no-search", action="store_true",
                        help="skip the search measures (they need Debian's chromium and Playwright)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where to make the temporary projects (default: system temp)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    method = memory_method()

    print(f"Python {sys.version.split()[0]}, {sys.executable}")
    print(f"Peak memory from: {'GNU /usr/bin/time -v (max RSS of the build process)' if method == 'gnu-time' else 'Python launcher, getrusage(RUSAGE_SELF).ru_maxrss at exit'}")
    commit, digest = code_state()
    print(f"Code: commit {commit}, hooks/overrides/data/mkdocs.yml digest {digest} (working tree)")
    print(f"Sizes: {sizes}, repeat: {args.repeat} (fastest of the repeats is reported)\n", flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="platform-bench-", dir=args.workdir))
    results: list[Result] = []
    failed = False
    try:
        for n in sizes:
            project = make_project(workdir / f"n{n}")
            _, translations = add_synthetic_pages(project, n)
            config = project / "mkdocs.yml"
            (project / "mkdocs.nohooks.yml").write_text(
                without_hooks(config.read_text(encoding="utf-8")), encoding="utf-8")
            (project / "mkdocs.stock.yml").write_text(
                stock_stack(config.read_text(encoding="utf-8")), encoding="utf-8")
            result = Result(n, translations)
            for round_ in range(1, args.repeat + 1):
                # Alternate which configuration goes first so neither always gets the cold cache.
                order = ["on", "off", "stock"] if round_ % 2 else ["stock", "off", "on"]
                for label in order:
                    hooks = label == "on"
                    site = project / f"site-{label}"
                    config_file = {"on": "mkdocs.yml", "off": "mkdocs.nohooks.yml", "stock": "mkdocs.stock.yml"}[label]
                    build = run_build(project, site, config_file, strict=hooks, method=method)
                    {"on": result.on, "off": result.off, "stock": result.stock}[label].append(build)
                    status = "ok" if build.ok else "FAILED"
                    print(f"  N={n:<5} hooks {label:<3} run {round_}: {build.seconds:7.1f} s wall, {build.cpu_seconds:6.1f} s CPU, "
                          f"{build.peak_mb:6.0f} MB peak, {status}"
                          + (f", {build.warnings} warnings" if build.warnings else ""), flush=True)
                    if not build.ok:
                        failed = True
                        tail = "\n".join(build.stderr.strip().splitlines()[-25:])
                        print(f"    build failed{' (--strict)' if hooks else ''}; end of its output:\n"
                              + "\n".join("    | " + line for line in tail.splitlines()), flush=True)
            result.on_site = site_stats(project / "site-on")
            result.off_site = site_stats(project / "site-off")
            if result.best(result.on) is not None and not args.no_search:
                result.search_index = search_benchmark.index_size(project / "site-on")
                result.search = search_benchmark.measure(project / "site-on", repeat=3)
            results.append(result)
            if not args.keep:
                shutil.rmtree(project, ignore_errors=True)
    finally:
        if args.keep:
            print(f"\nProjects kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    report(results, sizes)
    if code_state()[1] != digest:
        print(f"\nWARNING: hooks/, overrides/, data/ or mkdocs.yml changed while the benchmark ran "
              f"(digest {digest} -> {code_state()[1]}); builds may have measured different code.")
    return 1 if failed else 0


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def report(results: list[Result], sizes: list[int]) -> None:
    print()
    header = ("N", "pages", "on (s)", "off (s)", "stock (s)", "on/off", "on/stock", "ms/page on",
              "peak MB on", "peak MB off", "site MB", "avg page KB")
    rows = []
    per_page: dict[int, float] = {}
    overheads: dict[int, float | None] = {}
    against_stock: dict[int, float | None] = {}
    for r in results:
        on, off, stock = Result.best(r.on), Result.best(r.off), Result.best(r.stock)
        pages = r.on_site.pages or r.off_site.pages
        ratio = on.seconds / off.seconds if on and off else None
        overheads[r.n] = ratio
        against_stock[r.n] = on.seconds / stock.seconds if on and stock else None
        tpp = on.seconds / pages * 1000 if on and pages else None
        if tpp is not None:
            per_page[r.n] = tpp
        rows.append((
            str(r.n), str(pages),
            _fmt(on and on.seconds, ".1f"), _fmt(off and off.seconds, ".1f"),
            _fmt(stock and stock.seconds, ".1f"),
            _fmt(ratio, ".2f"), _fmt(against_stock[r.n], ".2f"), _fmt(tpp, ".1f"),
            _fmt(on and on.peak_mb, ".0f"), _fmt(off and off.peak_mb, ".0f"),
            _fmt(r.on_site.site_mb if on else None, ".1f"),
            _fmt(r.on_site.avg_page_kb if on else None, ".1f"),
        ))
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    line = "  ".join(h.rjust(w) for h, w in zip(header, widths))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
    print("\n(pages = index.html files in the hooks-on site, all six languages; site MB, avg page KB "
          "from the hooks-on site; on/off = wall time hooks on / hooks off; stock = hooks off with "
          "Material's search plugin, which the hooks' search replaces)")

    print("\nCPU time of the build process (user + system), less sensitive to a busy machine:")
    for r in results:
        on, off, stock = Result.best(r.on), Result.best(r.off), Result.best(r.stock)
        pages = r.on_site.pages or r.off_site.pages
        if on and stock:
            print(f"  N={r.n:<5} stock {stock.cpu_seconds:7.1f} s  on/stock {on.cpu_seconds / stock.cpu_seconds:5.2f}")
        if on and off:
            print(f"  N={r.n:<5} on {on.cpu_seconds:7.1f} s  off {off.cpu_seconds:7.1f} s  "
                  f"on/off {on.cpu_seconds / off.cpu_seconds:5.2f}  "
                  f"{on.cpu_seconds / pages * 1000 if pages else 0:6.1f} ms/page on  "
                  f"{off.cpu_seconds / pages * 1000 if pages else 0:6.1f} ms/page off")
        if r.on_site.pages != r.off_site.pages:
            print(f"  N={r.n:<5} note: hooks on built {r.on_site.pages} pages, hooks off {r.off_site.pages}")

    print("\nPractice page HTML size (synthetic practices, every language, hooks-on site):")
    for r in results:
        s = r.on_site
        print(f"  N={r.n:<5} {s.practice_pages:5d} pages  avg {s.practice_avg_kb:6.1f} KB  "
              f"max {s.practice_max_kb:6.1f} KB   (hand-written practices: avg "
              f"{s.real_practice_avg_kb:6.1f} KB, max {s.real_practice_max_kb:6.1f} KB)")
    print("  hooks-off site, for comparison:")
    for r in results:
        s = r.off_site
        print(f"  N={r.n:<5} {s.practice_pages:5d} pages  avg {s.practice_avg_kb:6.1f} KB  "
              f"max {s.practice_max_kb:6.1f} KB")

    print("\nTargets:")
    bad = [n for n, ratio in overheads.items() if ratio is None or ratio > 1.10]
    detail = ", ".join(f"N={n}: {_fmt(ratio, '.2f')}" for n, ratio in overheads.items())
    print(f"  [{'PASS' if overheads and not bad else 'FAIL'}] hooks overhead (on/off) <= 1.10 at every N   ({detail})")
    bad = [n for n, ratio in against_stock.items() if ratio is None or ratio > 1.10]
    detail = ", ".join(f"N={n}: {_fmt(ratio, '.2f')}" for n, ratio in against_stock.items())
    print(f"  [{'PASS' if against_stock and not bad else 'FAIL'}] against the stock stack with Material's "
          f"search (on/stock) <= 1.10 at every N   ({detail})")
    small, large = min(sizes), max(sizes)
    if small != large and small in per_page and large in per_page:
        growth = per_page[large] / per_page[small]
        print(f"  [{'PASS' if growth <= 1.2 else 'FAIL'}] time per page at N={large} within 1.2x of N={small}   "
              f"({per_page[large]:.1f} / {per_page[small]:.1f} ms = {growth:.2f}x)")
    else:
        print(f"  [n/a ] time per page at N={large} within 1.2x of N={small}   (needs two sizes that both built)")
    for r in results:
        if not r.search:
            continue
        print(f"\nSearch at N={r.n} (bench/search_benchmark.py; hooks-on site, fastest of 3):")
        for lang, (files, size, largest) in r.search_index.items():
            print(f"  index {lang:<7} {files:6d} files  {size / 1024 / 1024:6.2f} MB on disk  "
                  f"largest shard {largest / 1024:6.1f} KB gzip")
        search_benchmark.report(r.search)


if __name__ == "__main__":
    sys.exit(main())
