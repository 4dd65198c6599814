"""Counts of a mutation run (`make mutation`), per module and per rule.

Reads what mutmut 3 left in mutants/ and prints, for each mutated module, how
many mutants were killed, survived, timed out, had no test or were not run;
with --survivors, the name of every survivor (`mutmut show <name>` shows its
change). Patterns as for `mutmut run` limit the count to some functions:

    .venv/bin/python scripts/mutation_report.py 'learning_platform.folding.*'
"""
from __future__ import annotations

import argparse
import fnmatch
import json
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

COLUMNS = ("killed", "survived", "timeout", "no tests", "not checked", "other")


def counts(mutants: Path, patterns: list[str]) -> tuple[dict[str, Counter], list[str]]:
    by_module: dict[str, Counter] = {}
    survivors = []
    for meta in sorted(mutants.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for key, exit_code in data["exit_code_by_key"].items():
            if patterns and not any(fnmatch.fnmatch(key, pattern) for pattern in patterns):
                continue
            status = status_by_exit_code[exit_code]
            status = status if status in COLUMNS else "other"
            module = key.split(".x")[0]
            by_module.setdefault(module, Counter())[status] += 1
            if status == "survived":
                survivors.append(key)
    return by_module, survivors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("patterns", nargs="*", help="mutant names or patterns, as for mutmut run")
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    args = parser.parse_args()
    by_module, survivors = counts(args.mutants, args.patterns)
    width = max([len(module) for module in by_module] + [6])
    print(f"{'module':{width}}  " + "  ".join(f"{column:>11}" for column in COLUMNS) + "        all")
    total = Counter()
    for module, counter in by_module.items():
        total.update(counter)
        print(f"{module:{width}}  " + "  ".join(f"{counter[c]:>11}" for c in COLUMNS)
              + f"  {sum(counter.values()):>9}")
    print(f"{'all':{width}}  " + "  ".join(f"{total[c]:>11}" for c in COLUMNS) + f"  {sum(total.values()):>9}")
    if args.survivors:
        print("\n".join(["", "survivors:", *survivors]))


if __name__ == "__main__":
    main()
