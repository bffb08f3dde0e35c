"""Base for rules that report what the readers could not read (site.problems of one code)."""
from __future__ import annotations

from typing import Iterator

from ..diagnostics import Diagnostic
from .base import LintContext, Rule


class ReaderProblem(Rule):
    """Reports `site.problems` carrying this rule's code, at the place the reader found them."""

    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for problem in ctx.site.problems:
            if self.claims(problem):
                yield self.report(self.message(problem), problem.span, fix=self.fix_for(ctx, problem),
                                  severity=problem.severity or self.severity)

    def claims(self, problem) -> bool:
        return problem.code == self.code

    def message(self, problem) -> str:
        return problem.message

    def fix_for(self, ctx: LintContext, problem):
        return None
