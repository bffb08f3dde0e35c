"""DATE003: an impossible date range, or a date in the future where that makes no sense."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Optional, Tuple

from ..diagnostics import Diagnostic
from .base import LintContext, Rule

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
NEWS_AHEAD_DAYS = 92
"""News may announce what is coming; more than a season ahead is a typo."""
FAR_YEARS = 10


def parts(value: str) -> Optional[Tuple[int, ...]]:
    match = _ISO.match(value or "")
    if not match:
        return None
    return tuple(int(g) for g in match.groups() if g)


def before(end: Tuple[int, ...], start: Tuple[int, ...]) -> bool:
    """Compared at the precision both give: 2020 is not before 2020-09."""
    n = min(len(end), len(start))
    return end[:n] < start[:n]


def later_than(value: Tuple[int, ...], day: dt.date) -> bool:
    """The whole period the date names lies after `day` (2026-12 is after 2026-11-23, 2026 is not)."""
    return value > (day.year, day.month, day.day)[:len(value)]


class ImpossibleDateRange(Rule):
    """A period that ends before it starts, or a date in the future where that cannot be.

    ## What it does
    Compares the start and end of each degree, job and project, and reports
    an end before the start (at the precision both give: `2020` is not before
    `2020-09`). Reports news dated more than three months after `--today`
    and any date more than ten years ahead. Future posts are left alone:
    scheduling them is what Jekyll's `future` setting is for.

    ## Why is this bad?
    It is almost always a typo (`2021 - 2012`, `2052.03`) that readers notice
    at once and that makes every date around it doubtful.

    ## Example
    ```markdown
    - *2019.09 - 2015.06*, B.Sc. in Physics, University of Somewhere
    ```

    ## Fix
    Correct the typo; write `present` for a period that has not ended.
    """

    code = "DATE003"
    name = "impossible-date-range"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        site, today = ctx.site, ctx.today
        far = dt.date(today.year + FAR_YEARS, 12, 31)
        for kind, items in (("degree", site.education), ("job", site.experience), ("project", site.projects)):
            for item in items:
                start, end = parts(item.start), parts(item.end)
                if start and end and before(end, start):
                    yield self.report(f"this {kind} ends ({item.end}) before it starts ({item.start})",
                                      item.span)
                for value in (start, end):
                    if value and later_than(value, far):
                        yield self.report(f"date {'-'.join(map(str, value))} is more than "
                                          f"{FAR_YEARS} years ahead; a typo?", item.span)
                        break
        ahead = today + dt.timedelta(days=NEWS_AHEAD_DAYS)
        for news in site.news:
            value = parts(news.date)
            if value and later_than(value, ahead):
                yield self.report(f"news dated {news.raw_date or news.date} is in the future "
                                  f"(today is {today.isoformat()})", news.span)
        for kind, items in (("publication", site.publications), ("talk", site.talks),
                            ("honor", site.honors), ("course", site.teaching)):
            for item in items:
                value = parts(item.date)
                if value and later_than(value, far):
                    yield self.report(f"{kind} dated {item.date} is more than {FAR_YEARS} years ahead; "
                                      "a typo?", item.span)
