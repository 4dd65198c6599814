#!/usr/bin/env python3
"""Benchmark: build time, memory, page weight, search and preview, at growing sizes.

For each corpus and each size N (default 100, 1,000 and 3,000) it makes a
throw-away copy of the site (own docs/, symlinks to the repository's hooks/,
overrides/ and data/, a copy of mkdocs.yml, as tests/conftest.py's
`make_project` does), adds N synthetic practices, and builds all six
languages three ways, each as its own process under GNU time:

  platform  `mkdocs build --strict`: the ordinary build, with the hooks;
  fast      `scripts/build.py`: the same files, the languages after English
            in two processes (hooks/language_workers.py);
  stock     the stock stack on the same Markdown: Material,
            mkdocs-static-i18n, navigation.prune and Material's search
            plugin, no hooks (mkdocs.stock.yml).

Corpora: `english` (the synthetic practices in English only, so every other
language falls back to them: a growing site with pages nobody has
translated yet) and `varied` (one in five also in Albanian).

Then, on the platform's site (unless --no-browser), in Debian's chromium:
what a first visit to a practice page and the next page download
(pages_benchmark.py), the bytes and time of search queries
(search_benchmark.py), and, for the first corpus, the preview's latency:
from saving a page to the browser showing the change (scripts/preview.py,
English alone and English with Albanian).

It writes every figure to bench/results.json, draws bench/chart.svg (time per
page against N), prints a table and the targets with PASS or FAIL, and exits
0 whatever they say (1 only if a build fails). Synthetic pages exist only in
the temporary copy: made-up example.org sources, never committed.

    .venv/bin/python bench/benchmark.py [--sizes 100,1000,3000] [--corpora english,varied] [--repeat 2]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_HOOKS = Path(__file__).resolve().parents[1] / "hooks"
sys.path.insert(0, str(REPO_HOOKS))
from learning_platform.translations import mark_current  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages_benchmark  # noqa: E402
import search_benchmark  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
GNU_TIME = Path("/usr/bin/time")

KINDS = ("method", "tool", "guidance", "legal-framework", "case-study", "training-material")
PARTNERS = ("AL", "BA", "XK", "ME", "MK", "RS")
ACTIONS = range(1, 22)
GCM_OBJECTIVES = range(1, 24)
AUDIENCES = ["border-police", "return-officers", "social-workers", "guardians", "ngo-staff"]
STAGES = ["first-contact", "assessment-and-referral", "return-preparation", "reintegration"]
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
    front["audience"] = sorted(rng.sample(AUDIENCES, rng.randint(1, 2)))
    front["stage"] = sorted(rng.sample(STAGES, 1))
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


def add_synthetic_pages(project: Path, count: int, translate: bool = True) -> tuple[int, int]:
    vocabulary = yaml.safe_load((REPO / "data" / "vocabulary.yml").read_text(encoding="utf-8"))
    target_groups = list(vocabulary["target_groups"])
    practices = project / "docs" / "practices"
    link_targets = sorted(p.name for p in practices.glob("*.md")
                          if p.name != "index.md" and p.name.count(".") == 1)
    translations = 0
    for index in range(1, count + 1):
        (practices / f"synthetic-{index:04d}.md").write_text(
            synthetic_practice(index, target_groups, link_targets), encoding="utf-8")
        if translate and index % 5 == 0:
            translation = practices / f"synthetic-{index:04d}.sq.md"
            translation.write_text(synthetic_translation(index), encoding="utf-8")
            # Record the English version it was made from, as scripts/translations.py does.
            mark_current(project / "docs", f"practices/{translation.name}")
            translations += 1
    return count, translations


# -- builds -------------------------------------------------------------------------


def stock_stack(config_text: str) -> str:
    """Material + mkdocs-static-i18n + navigation.prune, Material's search plugin
    on, no hooks: the stock stack the platform's build is compared with."""
    plain = without_hooks(config_text)
    if not re.search(r"(?m)^plugins:\n", plain):
        raise SystemExit("could not find the plugins: block in mkdocs.yml")
    return re.sub(r"(?m)^plugins:\n", "plugins:\n  - search\n", plain, count=1)


def memory_method() -> str:
    if GNU_TIME.exists():
        probe = subprocess.run([str(GNU_TIME), "-v", "true"], capture_output=True, text=True)
        if probe.returncode == 0 and "Maximum resident set size" in probe.stderr:
            return "gnu-time"
    raise SystemExit("GNU time (/usr/bin/time) is needed for CPU time and peak memory: apt-get install time")


def code_state() -> tuple[str, str]:
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


@dataclass
class Build:
    ok: bool
    seconds: float
    cpu_seconds: float
    peak_mb: float
    stderr: str


CONFIGURATIONS = {
    # label: (command after the Python interpreter, environment)
    "platform": (["-m", "mkdocs", "build", "--strict", "-q"], {}),
    "fast": ([str(REPO / "scripts" / "build.py"), "-q"], {}),
    "stock": (["-m", "mkdocs", "build", "-q", "-f", "mkdocs.stock.yml"], {}),
}


def run_build(project: Path, site: Path, label: str) -> Build:
    arguments, extra = CONFIGURATIONS[label]
    if site.exists():
        shutil.rmtree(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as handle:
        report_file = Path(handle.name)
    site_option = ["--site-dir", str(site)] if label == "fast" else ["-d", str(site)]
    command = [str(GNU_TIME), "-v", "-o", str(report_file), sys.executable, *arguments, *site_option]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    report = report_file.read_text() if report_file.exists() else ""
    report_file.unlink(missing_ok=True)
    found = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", report)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\):\s*([\d.]+)", report))
    return Build(result.returncode == 0, seconds, cpu, (int(found.group(1)) if found else 0) / 1024, result.stderr)


def site_stats(site: Path) -> dict:
    pages, practice_gzip = 0, []
    for path in site.rglob("index.html"):
        pages += 1
        parts = path.relative_to(site).parts
        if len(parts) >= 3 and parts[-3] == "practices" and parts[-2].startswith("synthetic-"):
            if len(practice_gzip) < 400:
                practice_gzip.append(len(gzip.compress(path.read_bytes(), 6)))
    return {"pages": pages,
            "practice_page_kb_gzip": statistics.fmean(practice_gzip) / 1024 if practice_gzip else 0.0}


# -- the preview --------------------------------------------------------------------


def preview_latency(project: Path, lang: str, repeat: int = 3) -> list[float]:
    """Seconds from saving a practice page to the browser showing the change,
    with scripts/preview.py serving English and `lang`."""
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Its messages go to a file: a pipe nobody reads fills up and stalls the server.
    messages = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, str(REPO / "scripts" / "preview.py"), lang, "--address",
                               f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=messages, text=True)
    prefix = "" if lang == "en" else f"{lang}/"
    address = f"http://127.0.0.1:{port}/platform/{prefix}practices/synthetic-0001/"
    latencies = []
    try:
        deadline = time.time() + 900
        while time.time() < deadline:
            try:
                urllib.request.urlopen(address, timeout=5).read()
                break
            except Exception:
                if server.poll() is not None:
                    messages.seek(0)
                    raise SystemExit("the preview stopped: " + messages.read()[-2000:])
                time.sleep(1)
        page_file = project / "docs" / "practices" / "synthetic-0001.md"
        original = page_file.read_text(encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=search_benchmark.CHROMIUM, args=search_benchmark.ARGS)
            page = browser.new_page()
            page.goto(address)
            page.wait_for_load_state("load")
            time.sleep(2)
            for attempt in range(repeat):
                marker = f"Benchmarkmarker{attempt}x{int(time.time())}"
                start = time.perf_counter()
                page_file.write_text(original + f"\n{marker} was added to the page.\n", encoding="utf-8")
                page.wait_for_function("m => document.body && document.body.innerText.includes(m)", arg=marker,
                                       timeout=120_000, polling=50)
                latencies.append(time.perf_counter() - start)
                time.sleep(2)
            browser.close()
        page_file.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        messages.close()
    return latencies


# -- main ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--corpora", default="english,varied",
                        help="english: synthetic practices in English only (every other language falls back); "
                             "varied: one in five also in Albanian")
    parser.add_argument("--repeat", type=int, default=2, help="builds per configuration; the fastest is kept")
    parser.add_argument("--no-browser", action="store_true", help="builds only: no page weights, search, preview")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--chart", type=Path, default=REPO / "bench" / "chart.svg")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    memory_method()
    commit, digest = code_state()
    command = "bench/benchmark.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; commit {commit}, code digest {digest}")
    print(f"Command: {command.strip()}\n", flush=True)
    results = {"command": command.strip(), "commit": commit, "digest": digest, "cpus": os.cpu_count(),
               "date": time.strftime("%Y-%m-%d"), "runs": []}
    workdir = Path(tempfile.mkdtemp(prefix="platform-bench-", dir=args.workdir))
    failed = False
    try:
        for corpus in corpora:
            for n in sizes:
                project = make_project(workdir / f"{corpus}-{n}")
                add_synthetic_pages(project, n, translate=corpus == "varied")
                (project / "mkdocs.stock.yml").write_text(
                    stock_stack((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
                builds: dict[str, list[Build]] = {label: [] for label in CONFIGURATIONS}
                for round_ in range(args.repeat):
                    order = list(CONFIGURATIONS) if round_ % 2 == 0 else list(reversed(CONFIGURATIONS))
                    for label in order:
                        build = run_build(project, project / f"site-{label}", label)
                        builds[label].append(build)
                        print(f"  {corpus:<8} N={n:<5} {label:<8} {build.seconds:7.1f} s wall {build.cpu_seconds:7.1f} s CPU "
                              f"{build.peak_mb:6.0f} MB {'ok' if build.ok else 'FAILED'}", flush=True)
                        if not build.ok:
                            failed = True
                            print("\n".join("    | " + line for line in build.stderr.strip().splitlines()[-20:]))
                run = {"corpus": corpus, "n": n}
                for label, done in builds.items():
                    good = [b for b in done if b.ok]
                    best = min(good, key=lambda b: b.seconds) if good and len(good) == len(done) else None
                    run[label] = None if best is None else {
                        "seconds": round(best.seconds, 2), "cpu_seconds": round(best.cpu_seconds, 2),
                        "peak_mb": round(best.peak_mb, 1)}
                stats = site_stats(project / "site-platform")
                run.update(stats)
                for label in CONFIGURATIONS:
                    if run[label] and stats["pages"]:
                        run[label]["ms_per_page"] = round(run[label]["seconds"] / stats["pages"] * 1000, 2)
                if run["platform"] and run["stock"]:
                    run["platform_over_stock"] = round(run["platform"]["seconds"] / run["stock"]["seconds"], 3)
                if run["fast"] and run["stock"]:
                    run["fast_over_stock"] = round(run["fast"]["seconds"] / run["stock"]["seconds"], 3)
                if not args.no_browser and run["platform"]:
                    site = project / "site-platform"
                    weights = pages_benchmark.measure(site, "practices/synthetic-0001/", "practices/synthetic-0002/")
                    run["page_weight"] = [vars(w) for w in weights]
                    run["search"] = [vars(q) for q in search_benchmark.measure(site, repeat=3)]
                    if corpus == corpora[0]:
                        run["preview_seconds"] = {lang: [round(x, 2) for x in preview_latency(project, lang)]
                                                  for lang in ("en", "sq")}
                results["runs"].append(run)
                print(json.dumps({k: v for k, v in run.items() if k not in ("search",)}, ensure_ascii=False), flush=True)
                shutil.rmtree(project, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nFigures written to {args.output}")
    report(results)
    draw_chart(results, args.chart)
    print(f"Chart drawn in {args.chart}")
    return 1 if failed else 0


def report(results: dict) -> None:
    print("\ncorpus    N      pages  platform  fast     stock    fast/stock  ms/page (fast)  peak MB (fast/stock)  practice KB gz")
    for run in results["runs"]:
        def seconds(label):
            return f"{run[label]['seconds']:7.1f}" if run.get(label) else "    n/a"
        peak = (f"{run['fast']['peak_mb']:.0f}/{run['stock']['peak_mb']:.0f}" if run.get("fast") and run.get("stock")
                else "n/a")
        print(f"{run['corpus']:<8} {run['n']:5d} {run['pages']:7d} {seconds('platform')} {seconds('fast')} "
              f"{seconds('stock')}  {run.get('fast_over_stock', float('nan')):9.2f}  "
              f"{run['fast']['ms_per_page'] if run.get('fast') else float('nan'):13.2f}  {peak:>20}  "
              f"{run['practice_page_kb_gzip']:13.1f}")
    for run in results["runs"]:
        for weight in run.get("page_weight", []):
            print(f"{run['corpus']:<8} N={run['n']:<5} {weight['label']:<12} {weight['requests']:3d} requests, "
                  f"{weight['failed']} failed, {weight['bytes_gzip'] / 1024:.1f} KB gzip")
        for query in run.get("search", []):
            print(f"{run['corpus']:<8} N={run['n']:<5} search {query['lang']:<3} {query['query']!r}: "
                  f"{query['gzip_bytes'] / 1024:.1f} KB gzip, results in {query['cold_ms']:.0f} ms")
        if run.get("preview_seconds"):
            print(f"{run['corpus']:<8} N={run['n']:<5} preview " + ", ".join(
                f"{lang}: {min(v):.2f} s (of {', '.join(f'{x:.2f}' for x in v)})" for lang, v in run["preview_seconds"].items()))
    # The targets of the speed issue, from the figures above.
    by = {(run["corpus"], run["n"]): run for run in results["runs"]}
    for corpus in sorted({run["corpus"] for run in results["runs"]}):
        ns = sorted(n for c, n in by if c == corpus)
        if 1000 in ns and by[(corpus, 1000)].get("fast_over_stock") is not None:
            ratio = by[(corpus, 1000)]["fast_over_stock"]
            print(f"[{'PASS' if ratio <= 0.70 else 'FAIL'}] {corpus}: N=1000 build at most 0.70 x the stock stack: {ratio:.2f}")
        if len(ns) > 1 and all(by[(corpus, n)].get("fast") for n in (ns[0], ns[-1])):
            growth = by[(corpus, ns[-1])]["fast"]["ms_per_page"] / by[(corpus, ns[0])]["fast"]["ms_per_page"]
            print(f"[{'PASS' if growth <= 1.2 else 'FAIL'}] {corpus}: time per page at N={ns[-1]} within 1.2 x of "
                  f"N={ns[0]}: {growth:.2f}")
            peak = by[(corpus, ns[-1])]["fast"]["peak_mb"]
            print(f"[{'PASS' if peak < 1024 else 'FAIL'}] {corpus}: peak memory at N={ns[-1]} under 1 GB: {peak:.0f} MB")


def draw_chart(results: dict, path: Path) -> None:
    """Time per page against N, the platform (ordinary and fast builds) and the stock stack."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "platform-bench"  # the same figures draw the same file
    figure, axes = plt.subplots(figsize=(7, 4))
    styles = {"platform": ("Platform, ordinary build", "-"), "fast": ("Platform, fast build", "-"),
              "stock": ("Stock stack (Material, i18n, prune, search)", "--")}
    for corpus, marker in (("english", "o"), ("varied", "s")):
        runs = sorted((r for r in results["runs"] if r["corpus"] == corpus), key=lambda r: r["n"])
        if not runs:
            continue
        for label, (name, line) in styles.items():
            points = [(r["n"], r[label]["ms_per_page"]) for r in runs if r.get(label)]
            if points:
                axes.plot(*zip(*points), line, marker=marker, label=f"{name}, {corpus} corpus")
    axes.set_xscale("log")
    axes.set_xlabel("synthetic practices (N), all six languages built")
    axes.set_ylabel("build time per page (ms)")
    axes.set_ylim(bottom=0)
    axes.set_title(f"Build time per page ({results['date']}, {results['cpus']} CPUs, commit {results['commit']})",
                   fontsize=9)
    axes.legend(fontsize=6.5, loc="upper right")
    axes.grid(True, alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, metadata={"Date": None})
    plt.close(figure)


if __name__ == "__main__":
    sys.exit(main())
