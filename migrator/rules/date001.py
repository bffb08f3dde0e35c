"""DATE001: the same degree or job given different dates in different places."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, List, Optional

from ..diagnostics import Diagnostic
from ..matching import cluster_education, cluster_experience, title_tokens
from .base import LintContext, Rule

_OPEN = ("present", "now", "current", "today", "ongoing")


def month_index(iso: str, today: dt.date, end: bool = False) -> Optional[int]:
    """Months since year 0 of an ISO date ('2022-05' -> 2022*12+4); open ends are today."""
    text = (iso or "").strip().lower()
    if text in _OPEN:
        return today.year * 12 + today.month - 1
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?", text)
    if not match:
        return None
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    return int(match.group(1)) * 12 + month - 1


def same_date(a: str, b: str) -> bool:
    """Equal at the precision both give; a missing or open date agrees with anything."""
    a, b = (a or "").strip().lower(), (b or "").strip().lower()
    if not a or not b or a in _OPEN or b in _OPEN:
        return True
    pa, pb = a.split("-"), b.split("-")
    n = min(len(pa), len(pb))
    return [int(x) for x in pa[:n] if x.isdigit()] == [int(x) for x in pb[:n] if x.isdigit()]


def overlapping(a, b, today: dt.date) -> bool:
    ra = (month_index(a.start, today), month_index(a.end or a.start, today, end=True))
    rb = (month_index(b.start, today), month_index(b.end or b.start, today, end=True))
    if None in ra or None in rb:
        return False
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def shown(node) -> str:
    return f"{_dot(node.start)} - {_dot(node.end)}" if node.end else _dot(node.start)


def _dot(iso: str) -> str:
    return (iso or "?").replace("-", ".")


class ConflictingDates(Rule):
    """Flags a degree or job whose dates differ between two places of the site.

    ## What it does
    Matches degrees (same institution and level: 'B.S.' ~ 'B.Eng.') and jobs
    (same organisation, aliases such as 'HPC-AI TECH Inc. (Colossal-AI)' ~
    'Colossal-AI') across pages, and reports a pair whose start or end dates
    disagree while their periods overlap (so two separate internships at one
    company are left alone). Dates are compared at the precision both give.

    ## Why is this bad?
    One of the two places is wrong, and a reader cannot tell which.

    ## Example
    `about.md`: Colossal-AI, *2022.07 - 2023.12*; `cv.md`: HPC-AI TECH Inc.
    (Colossal-AI), *2022.5 - 2023.12*.

    ## Fix
    Look the dates up and write the same ones everywhere.
    """

    code = "DATE001"
    name = "conflicting-dates"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for group in cluster_experience(ctx.site.experience):
            yield from self._group(group, ctx.today, lambda e: e.organisation, "job")
        for group in cluster_education(ctx.site.education):
            yield from self._group(group, ctx.today, lambda e: f"{e.degree} at {e.institution}", "degree")

    def _group(self, group: List, today: dt.date, label, what: str) -> Iterator[Diagnostic]:
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.span.path == b.span.path:
                    continue
                if agrees_somewhere(a, group, b.span.path) or agrees_somewhere(b, group, a.span.path):
                    continue
                if not overlapping(a, b, today) or not similar_roles(a, b):
                    continue
                if same_date(a.start, b.start) and same_date(a.end, b.end):
                    continue
                yield self.report(
                    f"{what} '{label(a)}' is dated {shown(a)} here but {shown(b)} as "
                    f"'{label(b)}' in {b.span.path}:{b.span.line}", a.span, related=[b.span])


def similar_roles(a, b) -> bool:
    """'Research Engineer Intern' ~ 'MLSys Research Intern'; 'Intern' vs 'Student Researcher' are two jobs."""
    ra, rb = getattr(a, "role", ""), getattr(b, "role", "")
    if not ra or not rb:
        return True
    return bool(title_tokens(ra) & title_tokens(rb))


def agrees_somewhere(node, group: List, path: str) -> bool:
    """The entry has a twin with the same dates in that file: the others there are other stints."""
    return any(o is not node and o.span.path == path and same_date(o.start, node.start)
               and same_date(o.end, node.end) for o in group)
