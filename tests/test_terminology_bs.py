"""Bosnian terminology rules changed by the Bosnian editorial pass (issue 17, item 1)."""
from __future__ import annotations

import pytest

from learning_platform.consistency import concept_findings
from learning_platform.terminology import Unit, load_language


@pytest.mark.parametrize("text", [
    "GRETA navodi da najbolji interes žrtava treba biti u središtu svake aktivnosti.",
    "Najprije najbolji interes žrtve.",
    "Odluku donesite u najboljem interesu djeteta.",
])
def test_bosnian_best_interests_of_victims_or_of_the_child_whole_is_left_alone(text: str) -> None:
    assert concept_findings([Unit("x.bs.md", 1, text, False)], load_language("bs")) == []


def test_bosnian_best_interests_cut_short_is_still_reported() -> None:
    (finding,) = concept_findings(
        [Unit("x.bs.md", 1, "Provedite postupak najboljeg interesa.", False)], load_language("bs"))
    assert finding.found == "najboljeg interesa"
