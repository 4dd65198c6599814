"""Which process of the fast build builds which languages (hooks/language_workers.py):
the parent, which also writes the English pages and what spans languages, takes the
smallest share; every language is built once, in the order mkdocs-static-i18n builds them."""
from __future__ import annotations

import pytest

from language_workers import language_groups

AFTER_ENGLISH = ["sq", "mk", "sr", "sr-Latn", "bs"]


@pytest.mark.parametrize(("processes", "groups"), [
    (1, [["sq", "mk", "sr", "sr-Latn", "bs"]]),
    (2, [["sq", "mk"], ["sr", "sr-Latn", "bs"]]),
    (3, [["sq"], ["mk", "sr"], ["sr-Latn", "bs"]]),
    (4, [["sq"], ["mk", "sr"], ["sr-Latn"], ["bs"]]),
    (5, [["sq"], ["mk"], ["sr"], ["sr-Latn"], ["bs"]]),
    (8, [["sq"], ["mk"], ["sr"], ["sr-Latn"], ["bs"]]),  # never more processes than languages
])
def test_each_process_builds_its_share_of_the_languages(processes: int, groups: list[list[str]]) -> None:
    assert language_groups(AFTER_ENGLISH, processes) == groups
