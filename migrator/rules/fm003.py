"""FM003: a front matter key that the theme needs is missing or empty."""
from __future__ import annotations

from typing import Iterator

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule

REQUIRED = {
    "publications": ("title", "date", "venue"),
    "talks": ("title", "date"),
    "teaching": ("title",),
    "portfolio": ("title",),
    "posts": ("title",),
}
WHY = {
    ("publications", "venue"): 'academicpages prints "Published in , <year>"',
    ("publications", "date"): 'academicpages prints the year 1900 and sorts the paper last',
    ("talks", "date"): "the talk is listed without a date and sorted out of order",
}


class MissingFrontMatterKey(Rule):
    """A key the theme needs is missing from an item's front matter, or empty.

    ## What it does
    For academicpages collection items, checks the keys its layouts print:
    `title`, `date` and `venue` for `_publications/`, `title` and `date` for
    `_talks/`, and `title` for teaching, portfolio items and posts. `defaults:`
    of `_config.yml` count, as they do for Jekyll. An item with no front
    matter at all is reported once.

    ## Why is this bad?
    The layouts print the empty value: a paper without `venue` and `date`
    shows as "Published in , 1900", an item without `title` as an empty link.

    ## Example
    ```yaml
    ---
    title: "Paper Title Number 4"
    collection: publications
    ---
    ```

    ## Fix
    Add the missing keys, e.g. `date: 2024-05-01` and `venue: 'ICML 2024'`.
    """

    code = "FM003"
    name = "missing-front-matter-key"
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        if ctx.site.theme != "academicpages":
            return
        broken = {p.span.path for p in ctx.site.problems if p.code in ("FM001", "FM002")}
        for doc in ctx.loaded.documents:
            page = doc.page
            needed = REQUIRED.get(page.collection)
            if not needed or page.path in broken or page.front_matter.get("published") is False:
                continue
            if not doc.front.present:
                first = doc.text.lines[0].strip() if doc.text.lines else ""
                if not first.startswith("-"):  # a near-miss delimiter is FM001's
                    yield self.report(f"this {page.collection[:-1]} has no front matter: Jekyll copies "
                                      "it as a plain file and no list shows it", Span(page.path, 1, 1))
                continue
            values = page.front_matter
            for key in needed:
                if key == "date" and page.collection == "posts":
                    continue
                value = values.get(key)
                if value not in (None, "") and not (isinstance(value, str) and not value.strip()):
                    continue
                why = WHY.get((page.collection, key), "the layout prints an empty value")
                state = "is empty" if key in values else "is missing"
                line = page.key_lines.get(key, 1)
                yield self.report(f"`{key}` {state} in this {page.collection[:-1]}; {why}",
                                  Span(page.path, line, 1))
