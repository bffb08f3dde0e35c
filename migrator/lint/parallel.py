"""Run the rules of a large site on two CPUs (see migrator/forking.py): a forked child runs some
rule families on the same model and sends its findings back; small sites stay in one process."""
from __future__ import annotations

from typing import Callable, List, Sequence, Tuple

from ..diagnostics import Diagnostic
from ..forking import can_fork, in_two
from ..rules.base import LintContext, Rule

MIN_DOCUMENTS = 1000
"""Documents + publications from which the rules are split over two processes (a run of about
a second: at 1,100 the split took the median wall time from 1.19 to 1.00 s)."""

# Rules that share a cache on the context (rules/scan.py written_links, rules/textscan.py
# rendered_lines, the publication clusters) run in the same process, so no cache is built twice.
# The parent takes the rendered-lines family; the child everything else. Measured on a 10k site:
# about 2.1 s against 2.6 s of CPU, where one process needed 4.75 s.
PARENT_FAMILY = {"TPL001", "TPL002", "DATE002", "DUP004", "OWN001", "OWN002"}

Runner = Callable[[LintContext, Sequence[Rule]], List[Diagnostic]]


def worth_splitting(ctx: LintContext) -> bool:
    return can_fork() and len(ctx.loaded.documents) + len(ctx.site.publications) >= MIN_DOCUMENTS


def split(rules: Sequence[Rule]) -> Tuple[List[Rule], List[Rule]]:
    """(rules for this process, rules for the child)."""
    return ([r for r in rules if r.code in PARENT_FAMILY], [r for r in rules if r.code not in PARENT_FAMILY])


def run_split(ctx: LintContext, rules: Sequence[Rule], run: Runner) -> List[Diagnostic]:
    """Every finding of `rules`, as `run(ctx, rules)` would give, using a second CPU when it pays."""
    mine, theirs = split(rules)
    if not (mine and theirs and worth_splitting(ctx)):
        return run(ctx, rules)
    here, there = in_two(lambda: run(ctx, mine), lambda: run(ctx, theirs))
    return here + there
