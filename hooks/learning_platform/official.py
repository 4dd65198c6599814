"""Official wording of the Skopje Declaration and the Action Plan (data/official_texts.yml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping


from .vocabulary import DATA_DIR, read_yaml


@dataclass(frozen=True)
class OfficialCommitment:
    number: int
    declaration: str
    points: tuple[str, ...]
    action_plan_heading: str


@dataclass(frozen=True)
class OfficialAction:
    number: int
    commitment: int
    text: str


@dataclass(frozen=True)
class OfficialTexts:
    commitments: Mapping[int, OfficialCommitment]
    actions: Mapping[int, OfficialAction]
    sources: Mapping[str, Mapping[str, str]]

    def commitment_of(self, action: int) -> int:
        return self.actions[action].commitment


@lru_cache(maxsize=4)
def load_official_texts(data_dir: Path = DATA_DIR) -> OfficialTexts:
    raw = read_yaml(data_dir / "official_texts.yml")
    return OfficialTexts(
        commitments={
            int(number): OfficialCommitment(
                number=int(number),
                declaration=entry["declaration"],
                points=tuple(entry["points"]),
                action_plan_heading=entry["action_plan_heading"],
            )
            for number, entry in raw["commitments"].items()
        },
        actions={
            int(number): OfficialAction(int(number), int(entry["commitment"]), entry["text"])
            for number, entry in raw["actions"].items()
        },
        sources=raw["sources"],
    )
