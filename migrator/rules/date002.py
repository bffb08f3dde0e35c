"""DATE002: a statement that has gone stale against today's date."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, List, Optional

from ..diagnostics import Diagnostic
from ..leftovers import load
from ..matching import degree_level
from .base import LintContext, Rule
from .date001 import month_index
from .textscan import may_match, rendered_lines

_YEAR = re.compile(r"(?<![\d.])(20\d\d|19\d\d)(?![\d])")
_EMPHASIS_OR_TAG = re.compile(r"\*\*|__|<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\[])")
_MONTH_AFTER = re.compile(r"[.\-/](\d{1,2})\b")
_SOUGHT = re.compile(r"\b(intern|internship|position|job|postdoc|phd|opportunit|student|collaborat|role|offer)",
                     re.I)
_EXPECTED = re.compile(r"\((expected)\)", re.I)
_SEASON_END = {"spring": 6, "summer": 9, "fall": 12, "autumn": 12, "winter": 3}
_LOOKING = re.compile(r"\b(looking for|seeking|searching for|on the (?:job )?market|applying for)\b", re.I)
_FUTURE = re.compile(r"\b(will (?:join|be joining|start|be starting|begin|graduate|be graduating|move|"
                     r"be moving|defend|present|give|attend|visit|be visiting|be (?:a|an|the|at|in|on|"
                     r"interning|working))|am going to|upcoming|incoming|expected to (?:graduate|"
                     r"finish|complete|defend)|expected graduation)\b", re.I)
# what every match of _LOOKING, and of _FUTURE or _EXPECTED, holds once lowered
_LOOKING_HINT = re.compile(r"looking for|seeking|searching for|on the|applying for")
_FUTURE_HINT = re.compile(r"will |am going to|upcoming|incoming|expected")
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "sixth": 6, "6th": 6}
_YEAR_OF_STUDY = re.compile(r"\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)[- ]year\s+"
                            r"(?:(?:direct|joint|full-time|part-time)\s+)?"
                            r"(ph\.?\s?d\.?|doctoral|master'?s?|m\.?s\.?|msc|undergraduate|graduate|bachelor'?s?)",
                            re.I)
_YEAR_OF_STUDY_HINT = re.compile(r"[- ]year")  # in every _YEAR_OF_STUDY match, lowered


def sentences(text: str) -> List[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def latest_time(sentence: str) -> Optional[int]:
    """The latest month (index) a sentence names: 'summer 2025' -> 2025-09, '2025' -> 2025-12."""
    latest = None
    for match in _YEAR.finditer(sentence):
        year = int(match.group(1))
        before = sentence[max(0, match.start() - 12):match.start()].lower()
        season = next((s for s in _SEASON_END if s in before), None)
        after = _MONTH_AFTER.match(sentence, match.end())
        if after and 1 <= int(after.group(1)) <= 12:
            month = int(after.group(1))
        else:
            month = _SEASON_END[season] if season else 12
        index = year * 12 + month - 1
        latest = index if latest is None else max(latest, index)
    return latest


class StaleStatement(Rule):
    """Flags statements that were true when written but are past now.

    ## What it does
    Reads the rendered text of the site's pages against today's date (or
    `--today`) and reports, conservatively: a search for a position or an
    internship whose year is over ("looking for a summer internship in 2025"
    in 2026); a future event whose date has passed ("will join X in Fall
    2024", "upcoming", "expected to graduate in 2023"); and a year of study
    ("first-year PhD student") that the start date of that degree, given
    elsewhere on the site, has outrun. A dated news item is reported as
    information only.

    ## Why is this bad?
    A stale line tells visitors the page is not maintained, and can mislead
    recruiters about what the owner is looking for.

    ## Example
    ```markdown
    I am actively looking for **summer research internship in 2025**.
    ```

    ## Fix
    Update the sentence or remove it.
    """

    code = "DATE002"
    name = "stale-statement"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        now = ctx.today.year * 12 + ctx.today.month - 1
        news_lines = {(n.span.path, line) for n in ctx.site.news
                      for line in range(n.span.line, n.span.end_line + 1)}
        starts = degree_starts(ctx)
        leftovers = load()
        for line in rendered_lines(ctx, pages_only=True):
            plain = _EMPHASIS_OR_TAG.sub("", line.text)
            if not _YEAR.search(plain) and not may_match(plain, _YEAR_OF_STUDY_HINT):
                continue  # every stale sentence names a year or a year of study
            if any(f.kind != "template-author" for f in leftovers.phrases_in(line.text)):
                continue  # template sample text is TPL001's to report
            for sentence in sentences(plain):
                why = self._stale(sentence, now, starts, ctx.today)
                if why:
                    in_news = (line.path, line.number) in news_lines
                    yield self.report(why, line.span(), severity="info" if in_news else None)
                    break

    def _stale(self, sentence: str, now: int, starts, today: dt.date) -> Optional[str]:
        clause = sentence.strip().lstrip("-*+ ").strip()
        latest = latest_time(clause)
        if latest is not None and latest < now:
            when = f"{latest // 12}"
            looking = _LOOKING.search(clause) if may_match(clause, _LOOKING_HINT) else None
            if looking and _SOUGHT.search(clause):
                return f"stale: '{_cut(clause)}': {when} is over (today is {today.isoformat()})"
            future = (_FUTURE.search(clause) or _EXPECTED.search(clause)) if may_match(clause, _FUTURE_HINT) \
                else None
            if future:
                return (f"stale: '{_cut(clause)}' says '{future.group(1).lower()}' about {when}, "
                        f"which is past (today is {today.isoformat()})")
        match = _YEAR_OF_STUDY.search(clause) if may_match(clause, _YEAR_OF_STUDY_HINT) else None
        if match:
            level = degree_level(match.group(2)) or ("phd" if "doctor" in match.group(2).lower() else "")
            start = starts.get(level)
            if start is not None:
                stated = _ORDINAL[match.group(1).lower()]
                elapsed = (now - start) / 12
                if elapsed >= stated + 0.25:
                    return (f"stale: says '{match.group(0)}', but that degree started "
                            f"{start // 12}.{start % 12 + 1:02d}: year {int(elapsed) + 1} by {today.isoformat()}")
        return None


def degree_starts(ctx: LintContext) -> dict:
    """Start month of each degree level still under way (end empty or 'present')."""
    starts = {}
    for edu in ctx.site.education:
        level = degree_level(edu.degree) or degree_level(edu.text)
        if not level or (edu.end and edu.end.lower() not in ("present", "now", "current")):
            continue
        start = month_index(edu.start, ctx.today)
        if start is not None:
            starts[level] = max(starts.get(level, start), start)
    return starts


def _cut(text: str, width: int = 70) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[:width - 1] + "…"
