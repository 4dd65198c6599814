"""Interface labels that name different things and must not read alike.

`data/terminology/all-languages.yml` lists, under `apart`, groups of labels
with the reason they must stay apart: the labels under `one` name one thing
(who does the work: the audience), those under `other` another (the people
concerned: the target groups). In every language, each label of one side
must differ from each label of the other by more than number or ending:
compared word by word with the search's stems, „Целни групи“ and „Целна
група“ are the same label. Singular and plural of one thing sit on the same
side and may of course read alike.

A label is `ui:<key>` (data/ui.yml) or `vocabulary:<list>.<code>`
(data/vocabulary.yml, the code's label).
"""
from __future__ import annotations

import re
from pathlib import Path

from .acronyms import SHARED_RULES, shared_rules
from .errors import ContentError
from .phrases import words_of
from .terminology import RulesError, load_language
from .vocabulary import DATA_DIR, Vocabulary, pick

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def label_text(vocabulary: Vocabulary, reference: str, lang: str) -> str:
    kind, _, key = reference.partition(":")
    if kind == "ui" and key in vocabulary.ui:
        return pick(vocabulary.ui[key], lang)
    if kind == "vocabulary":
        section, _, code = key.partition(".")
        entries = getattr(vocabulary, section, None)
        if isinstance(entries, dict):
            entry = entries.get(code, entries.get(int(code)) if code.isdigit() else None)
            if isinstance(entry, dict) and "label" in entry:
                return pick(entry["label"], lang)
    raise RulesError(f"data/{SHARED_RULES}, apart: '{reference}' is not a label; write ui:<key of data/ui.yml> "
                     "or vocabulary:<list>.<code>, e.g. ui:panel.audience")


MAX_ENDING = 3  # letters an ending may differ by: грув-а / груп-е, aktivnost / aktivnost-i


def reading(text: str, lang: str) -> tuple[tuple[str, str], ...]:
    """What a label says: its words (folded, and stemmed), in order, without numbers and placeholders."""
    particles = load_language(lang).particles
    words = words_of(_PLACEHOLDER.sub(" ", text), lang, particles)
    return tuple((word.folded, word.stem) for word in words if not word.folded.isdigit())


def read_alike(first: str, second: str, lang: str) -> bool:
    """Two labels that differ by no more than number or ending, word for word.

    The search's stems are light and miss some endings (Serbian активност /
    активности), so two words also read alike when they share all but their
    last three letters at most."""
    a, b = reading(first, lang), reading(second, lang)
    return bool(a) and len(a) == len(b) and all(_same_word(x, y) for x, y in zip(sorted(a), sorted(b)))


def _same_word(first: tuple[str, str], second: tuple[str, str]) -> bool:
    if first[1] == second[1]:
        return True
    common = len(_common_prefix(first[0], second[0]))
    return common >= 4 and len(first[0]) - common <= MAX_ENDING and len(second[0]) - common <= MAX_ENDING


def _common_prefix(first: str, second: str) -> str:
    length = 0
    while length < min(len(first), len(second)) and first[length] == second[length]:
        length += 1
    return first[:length]


def label_findings(vocabulary: Vocabulary, data_dir: Path = DATA_DIR) -> list[ContentError]:
    groups = shared_rules(data_dir).get("apart") or []
    if not isinstance(groups, list):
        raise RulesError(f"data/{SHARED_RULES}, apart: a list of groups, each with why, one and other")
    languages = [language.code for language in vocabulary.languages if language.generated_from is None]
    errors = []
    for index, group in enumerate(groups, start=1):
        if not isinstance(group, dict) or not isinstance(group.get("why"), str) \
                or not isinstance(group.get("one"), list) or not isinstance(group.get("other"), list):
            raise RulesError(f"data/{SHARED_RULES}, apart[{index}]: give why (what the two sides name), one and "
                             "other (lists of labels), e.g. one: [ui:panel.audience], other: [ui:panel.target_groups]")
        for lang in languages:
            for first in group["one"]:
                for second in group["other"]:
                    a, b = label_text(vocabulary, first, lang), label_text(vocabulary, second, lang)
                    if read_alike(a, b, lang):
                        file, line = _place(data_dir, first, lang)
                        errors.append(ContentError(
                            file, line, "interface labels", a,
                            f"in {lang}, the label {first} reads like {second} (\"{b}\"): {group['why']} must "
                            "differ by more than number or ending, or readers cannot tell them apart",
                            f"a word of its own for each, as in English: \"{label_text(vocabulary, first, 'en')}\" / "
                            f"\"{label_text(vocabulary, second, 'en')}\""))
    return errors


SHORT_NAME_LIMIT = 30  # the coverage table's column heads and the practice panel's action line


def short_name_problems(vocabulary: Vocabulary, data_dir: Path = DATA_DIR) -> list[ContentError]:
    """Each action's short name (data/vocabulary.yml, action_names) fits the narrow places it is
    shown in: at most SHORT_NAME_LIMIT characters, in every language."""
    errors = []
    for number, entry in sorted(vocabulary.action_names.items()):
        for lang, text in (entry.get("label") or {}).items():
            if isinstance(text, str) and len(text) > SHORT_NAME_LIMIT:
                file, line = _place(data_dir, f"vocabulary:action_names.{number}", lang)
                errors.append(ContentError(
                    file, line, "action_names", text,
                    f"the short name of action {number} in {lang} has {len(text)} characters; the coverage "
                    f"table and the practices' panels have room for {SHORT_NAME_LIMIT}",
                    advice=f"shorten it to {SHORT_NAME_LIMIT} characters or fewer, keeping the action's key words "
                           "(its full title stays on the action's page)"))
    return errors


def _place(data_dir: Path, reference: str, lang: str) -> tuple[str, int | None]:
    """The file (relative to docs/) and the line of a label in a language."""
    kind, _, key = reference.partition(":")
    name = "ui.yml" if kind == "ui" else "vocabulary.yml"
    lines = (data_dir / name).read_text(encoding="utf-8").split("\n")
    heads = [key] if kind == "ui" else key.split(".")
    position, depth = 0, 0
    for head in heads:
        for number in range(position, len(lines)):
            if re.match(rf"^{' ' * depth}{re.escape(head)}:", lines[number]):
                position, depth = number, depth + 2
                break
        else:
            return f"../data/{name}", None
    for number in range(position, min(position + 12, len(lines))):
        if re.search(rf"(?<![\w-]){re.escape(lang)}:\s*\"", lines[number]):
            return f"../data/{name}", number + 1
    return f"../data/{name}", position + 1
