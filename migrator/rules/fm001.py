"""FM001: front matter that is not valid YAML."""
from __future__ import annotations

import re
from typing import Iterator

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext
from .reader import ReaderProblem

def is_data_file(path: str) -> bool:
    return path.endswith((".yml", ".yaml", ".json"))


_NEAR_MISS = re.compile(r"^(?:-{4,}|—+|–+|\s+-{3,}|-{2})\s*$")


class InvalidFrontMatter(ReaderProblem):
    """Front matter that is not valid YAML, or not a mapping of keys.

    ## What it does
    Reports front matter (the block between the `---` lines at the top of a
    page) that YAML cannot read, with the line and column where reading stopped.
    A block opened on line 1 and never closed is reported too, and so is one
    opened with a near miss such as `----` or an indented `---`.

    ## Why is this bad?
    Jekyll stops the build, or, for an unclosed block, renders the whole file
    as text: the page shows its own settings and loses its layout.

    ## Example
    ```yaml
    ---
    title: "Paper: a study
    venue: ICLR
    ---
    ```

    ## Fix
    Close the quote (`title: "Paper: a study"`), quote values that contain
    `: ` or start with `*`, `&`, `[` or `{`, indent with spaces, and close the
    block with `---`.
    """

    code = "FM001"
    name = "invalid-front-matter"

    def claims(self, problem) -> bool:
        return problem.code == self.code and not is_data_file(problem.span.path)

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        yield from super().check(ctx)
        for doc in ctx.loaded.documents:
            first = doc.text.lines[0] if doc.text.lines else ""
            if not doc.front.present and _NEAR_MISS.match(first) and \
                    any(_NEAR_MISS.match(line) or line.strip() == "---" for line in doc.text.lines[1:40]):
                yield self.report(f"front matter opens with {first.strip()!r}, not '---': Jekyll does not "
                                  "read it and publishes the block as text", Span(doc.path, 1, 1))
