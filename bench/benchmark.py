#!/usr/bin/env python3
"""Benchmark: build time (wall and CPU), memory, page weight, search and preview, at growing sizes.

For each corpus and each size N (default 100, 1,000 and 3,000) it makes a
throw-away copy of the site (own docs/, symlinks to the repository's hooks/,
overrides/ and data/, a copy of mkdocs.yml, as tests/conftest.py's
`make_project` does), adds N synthetic practices, and builds all six
languages three ways, each as its own process under GNU time (wall time, and
CPU time: user + system of the process and its children):

  platform  `mkdocs build --strict`: the ordinary build, with the hooks;
  fast      `scripts/build.py`: the same files, the languages after English
            in several processes (three on two CPUs: hooks/language_workers.py);
  stock     the stock stack on the same Markdown (mkdocs.stock.yml): Material
            with its own templates (not the platform's overrides/),
            mkdocs-static-i18n with its default search setting (one Material
            search index per language), navigation.prune and Material's
            search plugin, no hooks.

Builds alternate their order round by round (platform, fast, stock; then
stock, fast, platform; ...); each figure is the median of the rounds (three
at N up to 1,000, one from 3,000 on). After every round the fast and the
ordinary build's files are compared one by one, and any difference is
reported.

Corpora: `english` (about 600 words in five sections per practice, English
only, so every other language falls back to it: a growing site with pages
nobody has translated yet), `varied` (the same, one in five also in
Albanian) and `short` (English only: a title, a summary, five short
paragraphs, two actions, two partners, one target group and one GCM
objective each, where the fixed cost per page weighs most).

Then, on the platform's site (unless --no-browser), in Debian's chromium:
what a first visit to a practice page and the next page download
(pages_benchmark.py), the bytes and time of search queries
(search_benchmark.py), and, for the first corpus, the preview's latency:
from saving a page to the browser showing the change (scripts/preview.py,
English alone and English with Albanian).

It writes every figure to bench/results.json with the commit it measured
(marked `+changes` when hooks/, overrides/, data/, scripts/, bench/ or
mkdocs.yml differ from it), its printed output to bench/results.txt, draws
bench/chart.svg, prints a table and the targets with PASS or FAIL, and exits
0 whatever they say (1 only if a build fails). Synthetic pages exist only in
the temporary copy, never committed; their source is a real IOM publication.

    .venv/bin/python bench/benchmark.py [--sizes 100,1000,3000] [--corpora english,varied,short] [--repeat 3]
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
        # A real address: the check refuses example.org (a placeholder that leads nowhere).
        "url": "https://publications.iom.int/books/return-counselling-toolkit",
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



def short_practice(index: int, target_groups: list[str]) -> str:
    """A short page, where the fixed cost of a page weighs most: a title, a
    summary, five short paragraphs; two actions, two partners, one target
    group and one GCM objective."""
    rng = random.Random(f"short-practice-{index}")
    title = f"Synthetic practice {index:04d}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(NOUNS)}"
    summary, _ = _sentence(rng)
    front = {
        "title": title,
        "summary": summary[:280],
        "kind": rng.choice(KINDS),
        "actions": sorted(rng.sample(ACTIONS, 2)),
        "partners": sorted(rng.sample(PARTNERS, 2), key=PARTNERS.index),
        "target_groups": [rng.choice(target_groups)],
        "gcm_objectives": [rng.choice(GCM_OBJECTIVES)],
        "sources": [{
            "title": f"Synthetic source {index:04d} (benchmark only, not a real publication)",
            "url": "https://publications.iom.int/books/return-counselling-toolkit",
        }],
        "updated": "2026-01-01",
    }
    paragraphs = [_paragraph(rng, rng.randint(20, 35))[0] for _ in range(5)]
    return _front_matter(front) + "\n\n".join(paragraphs) + "\n"

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



CORPORA = {
    # name: what it is (printed with the figures)
    "english": "about 600 words in five sections per practice, English only (the other languages fall back)",
    "varied": "the same, one practice in five also in Albanian",
    "short": "short practices (title, summary, five short paragraphs), English only",
}


def add_synthetic_pages(project: Path, count: int, corpus: str = "varied") -> tuple[int, int]:
    """N synthetic practices as `docs/practices/synthetic-NNNN.md` (page i is
    the same at every N); `varied` also translates one in five into Albanian."""
    if corpus not in CORPORA:
        raise SystemExit(f"unknown corpus {corpus!r}: one of {', '.join(CORPORA)}")
    vocabulary = yaml.safe_load((REPO / "data" / "vocabulary.yml").read_text(encoding="utf-8"))
    target_groups = list(vocabulary["target_groups"])
    practices = project / "docs" / "practices"
    link_targets = sorted(p.name for p in practices.glob("*.md")
                          if p.name != "index.md" and p.name.count(".") == 1)
    translations = 0
    for index in range(1, count + 1):
        text = (short_practice(index, target_groups) if corpus == "short"
                else synthetic_practice(index, target_groups, link_targets))
        (practices / f"synthetic-{index:04d}.md").write_text(text, encoding="utf-8")
        if corpus == "varied" and index % 5 == 0:
            translation = practices / f"synthetic-{index:04d}.sq.md"
            translation.write_text(synthetic_translation(index), encoding="utf-8")
            # Record the English version it was made from, as scripts/translations.py does.
            mark_current(project / "docs", f"practices/{translation.name}")
            translations += 1
    return count, translations


# -- builds -------------------------------------------------------------------------

# Material has no interface strings for Bosnian and Serbian Latin: without
# them its templates cannot render those two languages at all. The stock
# stack gets these two files and nothing else of overrides/.
STOCK_THEME_FILES = ("partials/languages/bs.html", "partials/languages/sr-Latn.html")


def stock_stack(config_text: str) -> str:
    """mkdocs.yml as the stock stack: no hooks; Material's own templates (the
    platform's custom_dir replaced by one holding only the interface strings
    Material lacks); mkdocs-static-i18n's search setting left at its default
    (a Material search index per language); Material's search plugin on."""
    plain = without_hooks(config_text)
    plain, found = re.subn(r"(?m)^(\s+)custom_dir:\s*overrides\s*$", r"\1custom_dir: stock-theme", plain)
    if found != 1:
        raise SystemExit("could not find theme.custom_dir in mkdocs.yml")
    plain, found = re.subn(r"(?m)^\s+reconfigure_search:.*\n", "", plain)
    if found > 1:
        raise SystemExit("more than one reconfigure_search in mkdocs.yml")
    if not re.search(r"(?m)^plugins:\n", plain):
        raise SystemExit("could not find the plugins: block in mkdocs.yml")
    return re.sub(r"(?m)^plugins:\n", "plugins:\n  - search\n", plain, count=1)


def write_stock_stack(project: Path) -> None:
    (project / "mkdocs.stock.yml").write_text(
        stock_stack((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    for name in STOCK_THEME_FILES:
        target = project / "stock-theme" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "overrides" / name, target)


def memory_method() -> str:
    if GNU_TIME.exists():
        probe = subprocess.run([str(GNU_TIME), "-v", "true"], capture_output=True, text=True)
        if probe.returncode == 0 and "Maximum resident set size" in probe.stderr:
            return "gnu-time"
    raise SystemExit("GNU time (/usr/bin/time) is needed for CPU time and peak memory: apt-get install time")


MEASURED = ("hooks", "overrides", "data", "scripts", "bench", "mkdocs.yml")
# What the benchmarks write is not measured code: results.txt is opened (and
# emptied) before the state is read.
OUTPUTS = ("bench/results.json", "bench/results.txt", "bench/chart.svg", "bench/check_results.json")


def code_state() -> tuple[str, str]:
    """The commit measured, `+changes` if the measured code differs from it,
    and a digest of that code."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                                capture_output=True, text=True).stdout.strip() or "unknown"
        changed = subprocess.run(["git", "status", "--porcelain", "--", *MEASURED,
                                  *(f":(exclude){output}" for output in OUTPUTS)], cwd=REPO,
                                 capture_output=True, text=True).stdout.strip()
    except OSError:
        commit, changed = "unknown", ""
    if changed:
        commit += "+changes"
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
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average as the build started and ended


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
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    load_after = os.getloadavg()[0]
    report = report_file.read_text() if report_file.exists() else ""
    report_file.unlink(missing_ok=True)
    found = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", report)
    # User and system time of the process and of every child it waited for
    # (the fast build's second process included).
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\):\s*([\d.]+)", report))
    return Build(result.returncode == 0, seconds, cpu, (int(found.group(1)) if found else 0) / 1024, result.stderr,
                 (round(load_before, 1), round(load_after, 1)))


def compare_sites(ordinary: Path, fast: Path) -> dict:
    """Every file of the two builds, byte for byte: which exist in one only,
    which differ."""
    def tree(root: Path) -> dict[str, Path]:
        return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}

    one, other = tree(ordinary), tree(fast)
    different = sorted(name for name in one.keys() & other.keys()
                       if one[name].read_bytes() != other[name].read_bytes())
    return {"files": len(one), "only_ordinary": sorted(one.keys() - other.keys()),
            "only_fast": sorted(other.keys() - one.keys()), "different": different}


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


def summarise(done: list[Build]) -> dict | None:
    """The median of the rounds, wall and CPU each on its own; None if any failed."""
    if not done or not all(build.ok for build in done):
        return None
    return {"seconds": round(statistics.median(b.seconds for b in done), 2),
            "cpu_seconds": round(statistics.median(b.cpu_seconds for b in done), 2),
            "peak_mb": round(max(b.peak_mb for b in done), 1),
            "rounds": [{"seconds": round(b.seconds, 2), "cpu_seconds": round(b.cpu_seconds, 2),
                        "peak_mb": round(b.peak_mb, 1), "load_average": list(b.load)} for b in done]}


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


class _Tee:
    """Everything printed also goes to the results file."""

    def __init__(self, *streams):
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--corpora", default="english,varied,short",
                        help="; ".join(f"{name}: {what}" for name, what in CORPORA.items()))
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of builds per size, alternating the order; the median is kept")
    parser.add_argument("--single-from", type=int, default=3000,
                        help="sizes from this one on are built once (default 3000)")
    parser.add_argument("--sizes-for", action="append", default=[], metavar="CORPUS=SIZES",
                        help="other sizes for one corpus, e.g. varied=100,1000 (repeatable)")
    parser.add_argument("--no-browser", action="store_true", help="builds only: no page weights, search, preview")
    parser.add_argument("--browser-corpora", default=None,
                        help="the corpora whose sites the browser measures (default: every corpus)")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--log", type=Path, default=None,
                        help="the printed output, also written here (default: results.txt beside --output)")
    parser.add_argument("--chart", type=Path, default=REPO / "bench" / "chart.svg")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--from-results", type=Path, default=None, metavar="RESULTS_JSON",
                        help="build nothing: print the table and targets of a results file (a run stopped "
                             "early keeps every size it finished) and draw its chart")
    args = parser.parse_args(argv)
    if args.from_results:
        results = json.loads(args.from_results.read_text(encoding="utf-8"))
        report(results)
        draw_chart(results, args.chart)
        print(f"Chart drawn in {args.chart}")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    for corpus in corpora:
        if corpus not in CORPORA:
            parser.error(f"unknown corpus {corpus!r}: one of {', '.join(CORPORA)}")
    args.sizes_by_corpus = {corpus: sizes for corpus in corpora}
    for item in args.sizes_for:
        corpus, _, listed = item.partition("=")
        if corpus not in corpora or not listed:
            parser.error(f"--sizes-for {item!r}: CORPUS=SIZES with one of {', '.join(corpora)}")
        args.sizes_by_corpus[corpus] = [int(s) for s in listed.split(",") if s.strip()]
    args.browser_corpora = (corpora if args.browser_corpora is None
                            else [c.strip() for c in args.browser_corpora.split(",") if c.strip()])
    memory_method()
    log_path = args.log or args.output.with_name("results.txt")
    log = log_path.open("w", encoding="utf-8")
    stdout = sys.stdout
    sys.stdout = _Tee(stdout, log)
    try:
        return _run(args, sizes, corpora, argv)
    finally:
        sys.stdout = stdout
        log.close()


def _run(args, sizes: list[int], corpora: list[str], argv: list[str] | None) -> int:
    commit, digest = code_state()
    command = "bench/benchmark.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; commit {commit}, code digest {digest}")
    if commit.endswith("+changes"):
        print("NOTE: the measured code differs from the commit: these figures describe no commit.")
    print(f"Command: {command.strip()}\n", flush=True)
    results = {"command": command.strip(), "commit": commit, "digest": digest, "cpus": os.cpu_count(),
               "date": time.strftime("%Y-%m-%d"), "corpora": {c: CORPORA[c] for c in corpora}, "finished": False, "runs": []}
    workdir = Path(tempfile.mkdtemp(prefix="platform-bench-", dir=args.workdir))
    failed = False
    try:
        for corpus in corpora:
            for n in args.sizes_by_corpus[corpus]:
                project = make_project(workdir / f"{corpus}-{n}")
                add_synthetic_pages(project, n, corpus)
                write_stock_stack(project)
                rounds = 1 if n >= args.single_from else args.repeat
                builds: dict[str, list[Build]] = {label: [] for label in CONFIGURATIONS}
                comparisons = []
                for round_ in range(rounds):
                    order = list(CONFIGURATIONS) if round_ % 2 == 0 else list(reversed(CONFIGURATIONS))
                    for label in order:
                        build = run_build(project, project / f"site-{label}", label)
                        builds[label].append(build)
                        print(f"  {corpus:<8} N={n:<5} {label:<8} {build.seconds:7.1f} s wall {build.cpu_seconds:7.1f} s CPU "
                              f"{build.peak_mb:6.0f} MB {'ok' if build.ok else 'FAILED'}  load {build.load[0]:.1f} -> {build.load[1]:.1f}",
                              flush=True)
                        if not build.ok:
                            failed = True
                            print("\n".join("    | " + line for line in build.stderr.strip().splitlines()[-20:]))
                    if builds["platform"][-1].ok and builds["fast"][-1].ok:
                        comparison = compare_sites(project / "site-platform", project / "site-fast")
                        comparisons.append(comparison)
                        differences = comparison["only_ordinary"] + comparison["only_fast"] + comparison["different"]
                        print(f"  {corpus:<8} N={n:<5} fast = ordinary: "
                              + (f"all {comparison['files']} files the same" if not differences else
                                 f"DIFFERENT: {len(comparison['different'])} files differ "
                                 f"({', '.join(comparison['different'][:5])}), {len(comparison['only_ordinary'])} "
                                 f"only in the ordinary build, {len(comparison['only_fast'])} only in the fast build"),
                              flush=True)
                run = {"corpus": corpus, "n": n, "rounds": rounds}
                for label, done in builds.items():
                    run[label] = summarise(done)
                stats = site_stats(project / "site-platform")
                run.update(stats)
                for label in CONFIGURATIONS:
                    if run[label] and stats["pages"]:
                        run[label]["ms_per_page"] = round(run[label]["seconds"] / stats["pages"] * 1000, 2)
                        run[label]["cpu_ms_per_page"] = round(run[label]["cpu_seconds"] / stats["pages"] * 1000, 2)
                for label in ("platform", "fast"):
                    if run[label] and run["stock"]:
                        run[f"{label}_over_stock"] = round(run[label]["seconds"] / run["stock"]["seconds"], 3)
                        run[f"{label}_cpu_over_stock"] = round(run[label]["cpu_seconds"] / run["stock"]["cpu_seconds"], 3)
                run["fast_equals_ordinary"] = {
                    "rounds_compared": len(comparisons),
                    "rounds_different": sum(1 for c in comparisons
                                            if c["different"] or c["only_ordinary"] or c["only_fast"]),
                    "files": comparisons[-1]["files"] if comparisons else 0,
                    "different": sorted({name for c in comparisons for name in c["different"]}),
                    "only_ordinary": sorted({name for c in comparisons for name in c["only_ordinary"]}),
                    "only_fast": sorted({name for c in comparisons for name in c["only_fast"]}),
                }
                if not args.no_browser and run["platform"] and corpus in args.browser_corpora:
                    site = project / "site-platform"
                    weights = pages_benchmark.measure(site, "practices/synthetic-0001/", "practices/synthetic-0002/")
                    run["page_weight"] = [vars(w) for w in weights]
                    run["search"] = [vars(q) for q in search_benchmark.measure(site, repeat=3)]
                    if corpus == corpora[0]:
                        run["preview_seconds"] = {lang: [round(x, 2) for x in preview_latency(project, lang)]
                                                  for lang in ("en", "sq")}
                results["runs"].append(run)
                shutil.rmtree(project, ignore_errors=True)
                # Written after every size, so that a run stopped early keeps what it measured.
                args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["finished"] = True
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nFigures written to {args.output}")
    report(results)
    draw_chart(results, args.chart)
    print(f"Chart drawn in {args.chart}")
    return 1 if failed else 0


def _ratio(value: float | None) -> str:
    return f"{value:5.2f}" if value is not None else "  n/a"


def report(results: dict) -> None:
    print(f"\nMedian of the rounds (wall and CPU each), commit {results['commit']}; CPU = user + system of the "
          "build and its children. Ratios are to the stock stack of the same row.\n")
    header = (f"{'corpus':<8} {'N':>5} {'pages':>6} {'rounds':>6} | {'platform wall':>13} {'CPU':>6} | "
              f"{'fast wall':>9} {'CPU':>6} | {'stock wall':>10} {'CPU':>6} | {'platform/stock wall':>19} {'CPU':>5} | "
              f"{'fast/stock wall':>15} {'CPU':>5} | {'fast = ordinary':<16}")
    print(header)
    print("-" * len(header))
    for run in results["runs"]:
        def cell(label, key, width):
            return f"{run[label][key]:{width}.1f}" if run.get(label) else f"{'n/a':>{width}}"
        same = run.get("fast_equals_ordinary", {})
        differing = len(same.get("different", [])) + len(same.get("only_ordinary", [])) + len(same.get("only_fast", []))
        verdict = (f"same ({same.get('rounds_compared', 0)} of {same.get('rounds_compared', 0)})" if not differing
                   else f"{differing} files DIFFER")
        print(f"{run['corpus']:<8} {run['n']:5d} {run['pages']:6d} {run.get('rounds', 1):6d} | "
              f"{cell('platform', 'seconds', 11)} s {cell('platform', 'cpu_seconds', 5)} s | "
              f"{cell('fast', 'seconds', 7)} s {cell('fast', 'cpu_seconds', 5)} s | "
              f"{cell('stock', 'seconds', 8)} s {cell('stock', 'cpu_seconds', 5)} s | "
              f"{_ratio(run.get('platform_over_stock')):>19} {_ratio(run.get('platform_cpu_over_stock'))} | "
              f"{_ratio(run.get('fast_over_stock')):>15} {_ratio(run.get('fast_cpu_over_stock'))} | {verdict}")
    print(f"\n{'corpus':<8} {'N':>5}  ms per page, wall / CPU: platform, fast, stock;  peak MB platform/fast/stock;  "
          "practice KB gzip")
    for run in results["runs"]:
        def per_page(label):
            return (f"{run[label]['ms_per_page']:5.2f} / {run[label]['cpu_ms_per_page']:5.2f}" if run.get(label)
                    else "  n/a")
        peaks = "/".join(f"{run[label]['peak_mb']:.0f}" if run.get(label) else "n/a" for label in CONFIGURATIONS)
        print(f"{run['corpus']:<8} {run['n']:5d}  {per_page('platform')}, {per_page('fast')}, {per_page('stock')};  "
              f"{peaks};  {run['practice_page_kb_gzip']:.1f}")
    for run in results["runs"]:
        same = run.get("fast_equals_ordinary", {})
        for kind in ("different", "only_ordinary", "only_fast"):
            if same.get(kind):
                print(f"{run['corpus']:<8} N={run['n']:<5} fast vs ordinary, {kind.replace('_', ' ')}: "
                      f"{', '.join(same[kind][:10])}{' ...' if len(same[kind]) > 10 else ''} "
                      f"({same['rounds_different']} of {same['rounds_compared']} rounds)")
        for weight in run.get("page_weight", []):
            print(f"{run['corpus']:<8} N={run['n']:<5} {weight['label']:<12} {weight['requests']:3d} requests, "
                  f"{weight['failed']} failed, {weight['bytes_gzip'] / 1024:.1f} KB gzip")
        for query in run.get("search", []):
            print(f"{run['corpus']:<8} N={run['n']:<5} search {query['lang']:<3} {query['query']!r}: "
                  f"{query['gzip_bytes'] / 1024:.1f} KB gzip, results in {query['cold_ms']:.0f} ms")
        if run.get("preview_seconds"):
            print(f"{run['corpus']:<8} N={run['n']:<5} preview " + ", ".join(
                f"{lang}: {min(v):.2f} s (of {', '.join(f'{x:.2f}' for x in v)})" for lang, v in run["preview_seconds"].items()))
    print()
    for line in targets(results):
        print(line)


def targets(results: dict) -> list[str]:
    """The speed issue's targets, each PASS or FAIL, from the figures above."""
    lines = []
    by = {(run["corpus"], run["n"]): run for run in results["runs"]}
    for corpus in [c for c in CORPORA if any(c == k[0] for k in by)]:
        ns = sorted(n for c, n in by if c == corpus)
        run = by.get((corpus, 1000))
        if run and run.get("platform_cpu_over_stock") is not None:
            ratio = run["platform_cpu_over_stock"]
            lines.append(f"[{'PASS' if ratio <= 1.10 else 'FAIL'}] {corpus}: N=1000 platform build's CPU time at most "
                         f"1.10 x the stock stack's: {ratio:.2f} ({run['platform']['cpu_seconds']:.1f} s against "
                         f"{run['stock']['cpu_seconds']:.1f} s)")
        if run and run.get("fast_over_stock") is not None:
            ratio = run["fast_over_stock"]
            lines.append(f"[{'PASS' if ratio <= 0.60 else 'FAIL'}] {corpus}: N=1000 fast build's wall time at most "
                         f"0.60 x the stock stack's: {ratio:.2f} ({run['fast']['seconds']:.1f} s against "
                         f"{run['stock']['seconds']:.1f} s)")
        same = [by[(corpus, n)].get("fast_equals_ordinary", {}) for n in ns]
        if any(s.get("rounds_compared") for s in same):
            different = sum(s.get("rounds_different", 0) for s in same)
            compared = sum(s.get("rounds_compared", 0) for s in same)
            lines.append(f"[{'PASS' if different == 0 else 'FAIL'}] {corpus}: fast build's files the same as the "
                         f"ordinary build's at every size: {compared - different} of {compared} rounds")
        if len(ns) > 1 and all(by[(corpus, n)].get("fast") for n in (ns[0], ns[-1])):
            growth = by[(corpus, ns[-1])]["fast"]["ms_per_page"] / by[(corpus, ns[0])]["fast"]["ms_per_page"]
            lines.append(f"[{'PASS' if growth <= 1.2 else 'FAIL'}] {corpus}: time per page at N={ns[-1]} within 1.2 x "
                         f"of N={ns[0]}: {growth:.2f}")
            peak = max(by[(corpus, ns[-1])][label]["peak_mb"] for label in ("platform", "fast")
                       if by[(corpus, ns[-1])].get(label))
            lines.append(f"[{'PASS' if peak < 1024 else 'FAIL'}] {corpus}: peak memory at N={ns[-1]} under 1 GB "
                         f"(ordinary and fast builds): {peak:.0f} MB")
    return lines


def draw_chart(results: dict, path: Path) -> None:
    """Per corpus, time per page against N: wall (solid) and CPU (dotted), the
    platform's ordinary and fast builds and the stock stack."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "platform-bench"  # the same figures draw the same file
    corpora = [c for c in CORPORA if any(r["corpus"] == c for r in results["runs"])]
    figure, panels = plt.subplots(1, len(corpora), figsize=(3.4 * len(corpora) + 0.6, 4.2), sharey=True, squeeze=False)
    styles = {"platform": ("ordinary build", "tab:blue"), "fast": ("fast build", "tab:green"),
              "stock": ("stock stack", "tab:gray")}
    for axes, corpus in zip(panels[0], corpora):
        runs = sorted((r for r in results["runs"] if r["corpus"] == corpus), key=lambda r: r["n"])
        for label, (name, colour) in styles.items():
            points = [(r["n"], r[label]["ms_per_page"], r[label]["cpu_ms_per_page"]) for r in runs if r.get(label)]
            if points:
                ns, wall, cpu = zip(*points)
                axes.plot(ns, wall, "-", marker="o", color=colour, label=f"{name}, wall")
                axes.plot(ns, cpu, ":", marker="s", color=colour, label=f"{name}, CPU")
        axes.set_xscale("log")
        axes.set_xlabel(f"synthetic practices (N), corpus '{corpus}'", fontsize=8)
        axes.set_ylim(bottom=0)
        axes.grid(True, alpha=0.3)
    panels[0][0].set_ylabel("ms per page written (all six languages)")
    panels[0][-1].legend(fontsize=6.5, loc="upper right")
    # Two lines: with one corpus the figure is narrower than the title.
    figure.suptitle(f"Build time per page, median of the rounds\n({results['date']}, {results['cpus']} CPUs, "
                    f"commit {results['commit']})", fontsize=9)
    figure.tight_layout()
    figure.savefig(path, metadata={"Date": None})
    plt.close(figure)


if __name__ == "__main__":
    sys.exit(main())
