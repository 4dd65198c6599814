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
        value = self.value if isinstance(self.value, str) else repr(self.value)
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
