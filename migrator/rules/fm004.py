"""FM004: a front matter key that nothing reads, close to one that something does (a misspelling)."""
from __future__ import annotations

import difflib
from collections import Counter
import re
from typing import Iterator, Set

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .frontkeys import known_keys


STANDARD = ("", "posts", "publications", "talks", "teaching", "portfolio")
HABIT = 3
"""A key written in this many files is the site's own convention, not a typo."""


class UnknownFrontMatterKey(Rule):
    """An unknown front matter key that looks like a misspelling of a known one.

    ## What it does
    Compares each top-level front matter key with the keys Jekyll,
    academicpages and acad-homepage read for that kind of document
    (publication, talk, post, page, ...) and reports a key nobody reads that
    is close to one they do, with the suggestion. Keys that the site's own
    layouts or includes read (`page.KEY`) are known too, as is a key the site
    uses in three files or more; custom collections are skipped. A key written
    in another case or with `-` for `_` is reported as such.

    ## Why is this bad?
    The theme silently ignores the misspelled key: the paper shows no link,
    the page keeps the default layout.

    ## Example
    ```yaml
    ---
    title: "A paper"
    paper_url: "/files/paper.pdf"
    ---
    ```

    ## Fix
    Rename the key to the suggestion (`paperurl`).
    """

    code = "FM004"
    name = "unknown-front-matter-key"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        used_by_layouts = layout_keys(ctx)
        habits = Counter(key for doc in ctx.loaded.documents for key in doc.front.data)
        for doc in ctx.loaded.documents:
            page = doc.page
            if page.collection not in STANDARD:
                continue  # a custom collection has its own layout and keys
            known = known_keys(page.collection or "pages") | used_by_layouts | \
                {key for key, n in habits.items() if n >= HABIT}
            present = set(doc.front.data)
            for key in doc.front.data:
                if key in known:
                    continue
                suggestion = suggest(key, known)
                if not suggestion or suggestion in present:
                    continue
                line = page.key_lines.get(key, 1)
                yield self.report(f"unknown key `{key}`: did you mean `{suggestion}`?",
                                  Span(page.path, line, 1))


def suggest(key: str, known: Set[str]) -> str:
    folded = key.lower().replace("-", "_")
    if folded in known:
        return folded
    close = difflib.get_close_matches(folded, sorted(known), n=1, cutoff=0.85)
    if close and len(key) >= 4:
        return close[0]
    return ""


def layout_keys(ctx: LintContext) -> Set[str]:
    """`page.KEY` / `post.KEY` / `include.KEY` read by the site's own layouts and includes."""
    keys: Set[str] = set()
    for rel in ctx.loaded.files:
        if rel.startswith(("_layouts/", "_includes/")) and rel.endswith((".html", ".md", ".liquid")):
            try:
                text = (ctx.loaded.root / rel).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            keys.update(re.findall(r"\b(?:page|post|item|doc|include|talk|pub)\.([A-Za-z_][\w-]*)", text))
    return keys
