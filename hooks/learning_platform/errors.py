"""Errors written for contributors who are not programmers.

Each names the file, the line where known, the field, the value found, what is
allowed, and what to do: the line to paste (`example`, the contributor's own
line corrected where the check can work it out) and, where no single line
fixes it, the step to take in plain words (`advice`). "Paste:" only ever
introduces a line to paste.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class ContentError(Exception):
    file: str  # relative to docs/
    line: int | None
    field: str
    value: Any
    problem: str
    example: str | None = None  # a line (or lines) to paste, nothing else
    advice: str | None = None  # what to do, in words, when no line to paste says it
    details: str | None = None  # more to show, e.g. what changed in the English page (a diff)

    def __str__(self) -> str:
        where = f"docs/{self.file}" + (f", line {self.line}" if self.line else "")
        message = f"{where}, field '{self.field}': {self.problem} (found: {self.shown_value})"
        if self.advice:
            message += f"\n    To fix: {self.advice}"
        if self.example:
            message += "\n    Paste: " + self.example.replace("\n", "\n           ")
        return message

    def __reduce__(self):
        # Pickled by its fields (an exception's default pickling sets them one by one,
        # which a frozen dataclass refuses): the fast build's language check sends its
        # errors from another process.
        return (type(self), (self.file, self.line, self.field, self.value, self.problem, self.example,
                             self.advice, self.details))

    @property
    def shown_value(self) -> str:
        """The value as the contributor wrote it; text that reads like a number says it is text."""
        value = self.value
        if value is None:
            return "(nothing)"
        if not isinstance(value, str):
            return repr(value)
        if not value.strip() or value.strip() != value or _looks_typed(value):
            # "16" written as text must not read like the number 16.
            return f'"{value}" (text)'
        return value


class ContentErrors(Exception):
    """Every problem found in one build, reported together."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(errors, key=lambda error: (error.file, error.line or 0, error.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        header = (
            f"The site was not built: {count} problem{'s' if count != 1 else ''} "
            "in the content. Fix each one below and build again."
        )
        return "\n".join([header, *(f"  - {error}" for error in self.errors)])


def _looks_typed(text: str) -> bool:
    """Text a reader would take for a number or a yes/no value."""
    return text.lstrip("-").replace(".", "", 1).isdigit() or text.lower() in (
        "true", "false", "yes", "no", "on", "off", "null",
    )
