"""Diagnostics: what a rule or a writer reports, with its place and an optional safe fix."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from .model import Span

SEVERITIES = ("info", "warning", "error")


@dataclass
class Edit:
    """Replace one whole line of a file (new=None deletes it). `old` guards against stale files."""

    path: str
    line: int
    old: str
    new: Optional[str]


@dataclass
class Fix:
    """A safe fix: line edits applied together, and what they do in words."""

    description: str
    edits: List[Edit] = field(default_factory=list)


@dataclass
class Diagnostic:
    """One finding: `path:line:col: CODE message`."""

    code: str
    name: str
    severity: str
    message: str
    span: Span
    related: List[Span] = field(default_factory=list)
    fix: Optional[Fix] = None
    whole_file: bool = False
    """The finding is about the whole file (a sample page), not only the lines of its span."""

    def __post_init__(self):
        # one finding, one line: `path:line:col: CODE message` must survive any message text
        self.message = " ".join(self.message.split())

    def sort_key(self):
        return (self.span.path, self.span.line, self.span.col, self.code)

    def text(self) -> str:
        return f"{self.span.path}:{self.span.line}:{self.span.col}: {self.code} {self.message}"
