"""Errors written for contributors who are not programmers.

Each names the file, the line where known, the field, the value found, what is
allowed, and an example of a correct line.
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
    example: str | None = None

    def __str__(self) -> str:
        where = f"docs/{self.file}" + (f", line {self.line}" if self.line else "")
        value = self.value
        if not isinstance(value, str):
            value = repr(value)
        elif not value.strip() or value.strip() != value or _looks_typed(value):
            # "16" written as text must not read like the number 16.
            value = f'"{value}" (text)'

        message = f"{where}, field '{self.field}': {self.problem} (found: {value})"
        if self.example:
            message += f"\n    Example: {self.example}"
        return message


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
