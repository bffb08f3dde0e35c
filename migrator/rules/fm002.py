"""FM002: a key given twice in one front matter."""
from __future__ import annotations

import re

from ..diagnostics import Edit, Fix
from .reader import ReaderProblem

_KEY = re.compile(r"^(\s*)([^\s:#][^:]*?)\s*:(?:\s+(.*?))?\s*$")


class DuplicateFrontMatterKey(ReaderProblem):
    """A key given twice in one front matter.

    ## What it does
    Reports the second occurrence of a key in the same front matter block,
    at its line and column.

    ## Why is this bad?
    YAML forbids it and Jekyll silently keeps only the last value, so an edit
    to the first one (a corrected title, a new venue) never shows on the site.

    ## Example
    ```yaml
    ---
    title: "Old title"
    venue: "arXiv"
    title: "New title"
    ---
    ```

    ## Fix
    Keep one of the two lines. When both lines are the same, `--fix` deletes
    the second.
    """

    code = "FM002"
    name = "duplicate-front-matter-key"

    def fix_for(self, ctx, problem):
        doc = next((d for d in ctx.loaded.documents if d.path == problem.span.path), None)
        if doc is None or not doc.front.end_line:
            return None
        lines = doc.text.lines
        number = problem.span.line
        if not 1 < number < doc.front.end_line:
            return None
        second = _KEY.match(lines[number - 1])
        if not second or not second.group(3) or _continues(lines, number, len(second.group(1))):
            return None
        for earlier in range(2, number):
            first = _KEY.match(lines[earlier - 1])
            if first and first.group(1) == second.group(1) and first.group(2) == second.group(2):
                if (first.group(3) or "").strip() != second.group(3).strip() or \
                        _continues(lines, earlier, len(first.group(1))):
                    return None
                original = doc.text.info.repairs and next(
                    (r.original_text for r in doc.text.info.repairs if r.line == number), None)
                return Fix(f"delete the repeated line `{lines[number - 1].strip()}`",
                           [Edit(problem.span.path, number, original or lines[number - 1], None)])
        return None


def _continues(lines, number: int, indent: int) -> bool:
    """The value goes on over more-indented lines (a block or a list)."""
    if number >= len(lines):
        return False
    following = lines[number]
    return bool(following.strip()) and (len(following) - len(following.lstrip())) > indent
