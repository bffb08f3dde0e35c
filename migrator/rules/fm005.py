"""FM005: a front matter date that is not a date."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Optional

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                  r"\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{3})?)?$")
_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
DATE_KEYS = ("date", "last_modified_at")


class InvalidDate(Rule):
    """A front matter date of a collection item or post that is not a date.

    ## What it does
    Checks `date` (and `last_modified_at`) of posts and collection items, and
    the date in a post's file name: the value must be a calendar date such as
    `2024-05-01` (a time may follow). A bare year, a month without a day, a
    13th month or a 30th of February are reported, and so is a post whose
    file name has no date at all.

    ## Why is this bad?
    Jekyll stops the build with "Invalid date" for these documents, or the
    theme sorts and prints them wrongly.

    ## Example
    ```yaml
    ---
    title: "A talk"
    date: 2023
    ---
    ```

    ## Fix
    Write the full date: `date: 2023-01-01`.
    """

    code = "FM005"
    name = "invalid-date"
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for doc in ctx.loaded.documents:
            page = doc.page
            if not page.collection:
                continue
            for key in DATE_KEYS:
                if key not in doc.front.data:
                    continue
                why = date_problem(doc.front.data[key])
                if why:
                    yield self.report(f"`{key}: {doc.front.data[key]}` {why}; write YYYY-MM-DD",
                                      Span(page.path, page.key_lines.get(key, 1), 1))
            name = page.path.rsplit("/", 1)[-1]
            match = _POST_NAME.match(name)
            if page.collection == "posts" and match and not _valid(*match.groups()):
                yield self.report(f"file name date {'-'.join(match.groups())} is not a calendar date",
                                  Span(page.path, 1, 1))
            elif page.collection == "posts" and not match:
                yield self.report("post file name has no date: Jekyll only publishes posts named "
                                  "YYYY-MM-DD-title.md and skips this one", Span(page.path, 1, 1))


def date_problem(value) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str):
        return "is not a date (Jekyll stops with 'Invalid date')"
    text = value.strip()
    match = _ISO.match(text) or _SLASH.match(text)
    if match:
        return None if _valid(*match.groups()[:3]) else "is not a calendar date"
    try:
        dt.datetime.strptime(re.sub(r"\s+", " ", text), "%B %d, %Y")
        return None
    except ValueError:
        pass
    return "is not a date Jekyll can read"


def _valid(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
        return True
    except ValueError:
        return False
