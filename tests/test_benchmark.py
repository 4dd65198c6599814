"""The benchmark compares fairly and reports what it measured: the stock
stack is Material's own (its templates, static-i18n's default search
setting, no hooks), the short corpus is what the speed issue describes, the
fast and ordinary builds are compared file by file, and each target prints
PASS or FAIL from the figures."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import benchmark  # noqa: E402


def _front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_stock_stack_has_material_s_templates_default_search_setting_and_no_hooks(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    benchmark.write_stock_stack(project)
    stock = yaml.safe_load((project / "mkdocs.stock.yml").read_text(encoding="utf-8"))
    platform = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in stock
    assert stock["theme"]["custom_dir"] == "stock-theme"
    theme_files = sorted(p.relative_to(project / "stock-theme").as_posix()
                         for p in (project / "stock-theme").rglob("*") if p.is_file())
    assert theme_files == ["partials/languages/bs.html", "partials/languages/sr-Latn.html"]
    assert stock["plugins"][0] == "search"
    i18n = stock["plugins"][1]["i18n"]
    assert "reconfigure_search" not in i18n
    assert i18n["reconfigure_material"] is True
    assert [language["locale"] for language in i18n["languages"]] == ["en", "sq", "mk", "sr", "sr-Latn", "bs"]
    # Everything else as the platform has it: the same Markdown, the same menu.
    assert stock["theme"]["features"] == platform["theme"]["features"]
    assert "navigation.prune" in stock["theme"]["features"]
    assert stock["markdown_extensions"] == platform["markdown_extensions"]
    assert stock["nav"] == platform["nav"]


def test_a_short_practice_has_a_title_summary_five_short_paragraphs_and_one_of_each_code() -> None:
    front, body = _front_matter(benchmark.short_practice(7, ["returnees", "families", "officials"]))
    assert front["title"].startswith("Synthetic practice 0007: ")
    assert 0 < len(front["summary"]) <= 300
    assert len(front["actions"]) == 2 and all(1 <= action <= 21 for action in front["actions"])
    assert len(front["partners"]) == 2 and set(front["partners"]) <= {"AL", "BA", "XK", "ME", "MK", "RS"}
    assert len(front["target_groups"]) == 1 and front["target_groups"][0] in ("returnees", "families", "officials")
    assert len(front["gcm_objectives"]) == 1 and 1 <= front["gcm_objectives"][0] <= 23
    paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
    assert len(paragraphs) == 5
    assert not any(line.startswith("#") for line in body.splitlines())
    assert all(15 <= len(p.split()) <= 80 for p in paragraphs)


def test_the_three_corpora_pass_the_content_check(tmp_path: Path) -> None:
    from learning_platform.check import content_problems

    for corpus in ("english", "varied", "short"):
        project = benchmark.make_project(tmp_path / corpus)
        count, translations = benchmark.add_synthetic_pages(project, 10, corpus)
        assert (count, translations) == (10, 2 if corpus == "varied" else 0)
        result = content_problems(project / "docs")
        assert result.ok, result.errors[:3]
        assert "practices/synthetic-0010.md" in result.library.pages


def test_compare_sites_names_every_file_that_differs_or_exists_in_one_build_only(tmp_path: Path) -> None:
    ordinary, fast = tmp_path / "ordinary", tmp_path / "fast"
    for root, files in ((ordinary, {"index.html": "en", "404.html": "en", "sq/index.html": "sq", "a.txt": "a"}),
                        (fast, {"index.html": "en", "404.html": "sr", "sq/index.html": "sq", "b.txt": "b"})):
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    assert benchmark.compare_sites(ordinary, fast) == {
        "files": 4, "only_ordinary": ["a.txt"], "only_fast": ["b.txt"], "different": ["404.html"]}


def _run(corpus: str, n: int, platform_cpu: float, fast_wall: float, different: list[str]) -> dict:
    return {
        "corpus": corpus, "n": n, "rounds": 3, "pages": 6414, "practice_page_kb_gzip": 8.0,
        "platform": {"seconds": 50.0, "cpu_seconds": platform_cpu, "peak_mb": 300.0, "ms_per_page": 7.8},
        "fast": {"seconds": fast_wall, "cpu_seconds": 60.0, "peak_mb": 250.0, "ms_per_page": 4.7},
        "stock": {"seconds": 40.0, "cpu_seconds": 40.0, "peak_mb": 320.0, "ms_per_page": 6.2},
        "platform_cpu_over_stock": round(platform_cpu / 40.0, 3), "fast_over_stock": round(fast_wall / 40.0, 3),
        "fast_equals_ordinary": {"rounds_compared": 3, "rounds_different": 1 if different else 0, "files": 9000,
                                 "different": different, "only_ordinary": [], "only_fast": []},
    }


def test_targets_print_pass_or_fail_with_the_figures() -> None:
    results = {"runs": [_run("english", 1000, 44.0, 24.0, []), _run("short", 1000, 48.0, 30.0, ["404.html"])]}
    assert benchmark.targets(results) == [
        "[PASS] english: N=1000 platform build's CPU time at most 1.10 x the stock stack's: 1.10 (44.0 s against 40.0 s)",
        "[PASS] english: N=1000 fast build's wall time at most 0.60 x the stock stack's: 0.60 (24.0 s against 40.0 s)",
        "[PASS] english: fast build's files the same as the ordinary build's at every size: 3 of 3 rounds",
        "[FAIL] short: N=1000 platform build's CPU time at most 1.10 x the stock stack's: 1.20 (48.0 s against 40.0 s)",
        "[FAIL] short: N=1000 fast build's wall time at most 0.60 x the stock stack's: 0.75 (30.0 s against 40.0 s)",
        "[FAIL] short: fast build's files the same as the ordinary build's at every size: 2 of 3 rounds",
    ]


def test_figures_are_the_median_of_the_rounds_wall_and_cpu_each_on_its_own() -> None:
    rounds = [benchmark.Build(True, 30.0, 50.0, 200.0, ""), benchmark.Build(True, 20.0, 70.0, 210.0, ""),
              benchmark.Build(True, 25.0, 40.0, 190.0, "")]
    summary = benchmark.summarise(rounds)
    assert (summary["seconds"], summary["cpu_seconds"], summary["peak_mb"]) == (25.0, 50.0, 210.0)
    assert len(summary["rounds"]) == 3
    assert benchmark.summarise(rounds + [benchmark.Build(False, 1.0, 1.0, 1.0, "error")]) is None
