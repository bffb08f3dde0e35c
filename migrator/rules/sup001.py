"""SUP001: an inline suppression that matches no finding (the engine reports it)."""
from __future__ import annotations

from typing import Iterator

from ..diagnostics import Diagnostic
from .base import LintContext, Rule


class UnusedSuppression(Rule):
    """A `migrate: disable` comment that suppresses nothing, or names an unknown code.

    ## What it does
    After every other rule has run, reports each inline suppression
    (`<!-- migrate: disable-next-line CODE -->` in a page, `# migrate: disable
    CODE` in YAML) that matched no finding of a rule that ran, and each one
    naming a code that does not exist.

    ## Why is this bad?
    A stale suppression hides the next real problem on that line, and a
    misspelled code suppresses nothing while looking as if it did.

    ## Example
    ```markdown
    <!-- migrate: disable-next-line LNK003 -->
    [CV](/files/cv.pdf)   <!-- the file exists now -->
    ```

    ## Fix
    Delete the comment, or correct the code it names.
    """

    code = "SUP001"
    name = "unused-suppression"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        # Suppressions can only be judged once every other rule has run: the
        # engine (migrator/linting.py apply_suppressions) reports through this rule.
        return iter(())
