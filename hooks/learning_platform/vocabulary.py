"""Controlled vocabularies and interface strings, read from `data/*.yml`.

One file holds every code the content model accepts and its label in every
language; validation, renderers, the catalogue and the contributor guide read it
from here, so a new code or label is added in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# libyaml's loader where PyYAML has it: the data files are read in every build
# and every content check, and the pure-Python loader took half a second.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    """A data file, safely loaded."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    script: str
    generated_from: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    languages: tuple[Language, ...]
    kinds: Mapping[str, Mapping[str, Any]]
    partners: Mapping[str, Mapping[str, Any]]
    target_groups: Mapping[str, Mapping[str, Any]]
    audiences: Mapping[str, Mapping[str, Any]]
    stages: Mapping[str, Mapping[str, Any]]
    gcm_objectives: Mapping[int, Mapping[str, Any]]
    translation_states: Mapping[str, Mapping[str, Any]]
    footnotes: Mapping[str, Mapping[str, str]]
    ui: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # A short name per action (1..21), for where the full title does not fit.
    action_names: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)

    # -- languages -----------------------------------------------------------

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def translatable_languages(self) -> tuple[str, ...]:
        """Languages a contributor may write a translation file for."""
        return tuple(
            language.code
            for language in self.languages
            if language.code != DEFAULT_LANGUAGE and language.generated_from is None
        )

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(f"Unknown language '{code}'; known: {', '.join(self.language_codes)}")

    # -- labels --------------------------------------------------------------

    def label(self, vocabulary: str, code: Any, lang: str) -> str:
        """The label of `code` in `vocabulary`, in `lang`, falling back to English."""
        entry = getattr(self, vocabulary)[code]
        return pick(entry["label"], lang)

    def text(self, key: str, lang: str, **values: Any) -> str:
        """An interface string in `lang` (English when not yet translated)."""
        try:
            entry = self.ui[key]
        except KeyError:
            raise KeyError(f"Unknown interface string '{key}' (add it to data/ui.yml)") from None
        template = pick(entry, lang)
        return template.format(**values) if values else template

    def footnote(self, name: str, lang: str) -> str:
        return pick(self.footnotes[name], lang)


def pick(labels: Mapping[str, str], lang: str) -> str:
    """The text for `lang`; Serbian Latin reads Serbian, everything falls back to English."""
    if lang in labels:
        return labels[lang]
    if lang == "sr-Latn" and "sr" in labels:
        return _serbian_latin(labels["sr"])
    return labels[DEFAULT_LANGUAGE]


@lru_cache(maxsize=4096)
def _serbian_latin(text: str) -> str:
    """A Serbian label or interface string in Latin letters: the same few hundred
    strings are asked for on every Serbian Latin page (80,000 times at N = 1,000)."""
    from .transliteration import serbian_cyrillic_to_latin

    return serbian_cyrillic_to_latin(text)


@lru_cache(maxsize=4)
def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    raw = read_yaml(data_dir / "vocabulary.yml")
    ui = read_yaml(data_dir / "ui.yml")
    return Vocabulary(
        languages=tuple(Language(**entry) for entry in raw["languages"]),
        kinds=raw["kinds"],
        partners=raw["partners"],
        target_groups=raw["target_groups"],
        audiences=raw["audiences"],
        stages=raw["stages"],
        gcm_objectives={int(number): entry for number, entry in raw["gcm_objectives"].items()},
        translation_states=raw["translation_states"],
        footnotes=raw["footnotes"],
        ui=ui,
        action_names={int(number): entry for number, entry in (raw.get("action_names") or {}).items()},
    )
