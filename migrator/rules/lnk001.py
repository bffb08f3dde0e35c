"""LNK001: a malformed arXiv identifier or arXiv URL."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Optional

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .scan import written_links
from .targets import QUERY_OR_FRAGMENT
from .textscan import doc_may_match

_URL = re.compile(r"^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html|ps|format)/(.+)$", re.I)
_TEXT = re.compile(r"\barXiv\s*:\s*([A-Za-z0-9./-]+)", re.I)
_TEXT_HINT = re.compile(r"arxiv\s*:")  # what every _TEXT match holds, lowered
_VERSION_SUFFIX = re.compile(r"(?:v\d+)?(?:\.pdf)?/?$")
_NEW = re.compile(r"^(\d{2})(\d{2})\.(\d+)$")
_OLD = re.compile(r"^([a-z-]+)(?:\.[A-Z]{2})?/(\d{2})(\d{2})(\d{3})$")
OLD_ARCHIVES = {
    "astro-ph", "cond-mat", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nlin",
    "nucl-ex", "nucl-th", "physics", "quant-ph", "math", "cs", "q-bio", "q-fin", "stat", "eess",
    "econ", "chao-dyn", "solv-int", "patt-sol", "adap-org", "comp-gas", "chem-ph", "alg-geom",
    "dg-ga", "funct-an", "q-alg", "mtrl-th", "supr-con", "acc-phys", "ao-sci", "atom-ph",
    "bayes-an", "plasm-ph", "cmp-lg",
}


def arxiv_problem(identifier: str, today: dt.date) -> Optional[str]:
    """Why an arXiv identifier cannot exist, or None when it can."""
    ident = _VERSION_SUFFIX.sub("", identifier.strip())
    new = _NEW.match(ident)
    if new:
        yy, mm, number = int(new.group(1)), int(new.group(2)), new.group(3)
        if not 1 <= mm <= 12:
            return f"{ident}: month {mm:02d} does not exist (identifiers are YYMM.NNNNN)"
        if (yy, mm) < (7, 4):
            return f"{ident}: identifiers of this form start in April 2007 (0704)"
        if (2000 + yy, mm) > (today.year, today.month):
            return f"{ident}: {2000 + yy}-{mm:02d} is in the future"
        want = 5 if (yy, mm) >= (15, 1) else 4
        if len(number) != want:
            return (f"{ident}: the number after {yy:02d}{mm:02d}. has {len(number)} digits; "
                    f"identifiers from {'2015 on' if want == 5 else 'before 2015'} have {want}")
        return None
    old = _OLD.match(ident)
    if old:
        archive, yy, mm = old.group(1), int(old.group(2)), int(old.group(3))
        if archive not in OLD_ARCHIVES:
            return f"{ident}: {archive!r} is not an arXiv archive"
        if not 1 <= mm <= 12 or not (yy >= 91 or yy <= 7):
            return f"{ident}: old-style identifiers run from 9108 to 0703 (archive/YYMMNNN)"
        return None
    return f"{ident!r} is not an arXiv identifier (YYMM.NNNNN, or archive/YYMMNNN before 2007)"


class MalformedArxivId(Rule):
    """An arXiv identifier or arXiv URL that cannot exist.

    ## What it does
    Checks every `arxiv.org/abs|pdf|html/...` link and every `arXiv:ID` in the
    text. Identifiers since 2015 are `YYMM.NNNNN` (five digits), from April
    2007 to 2014 `YYMM.NNNN` (four), and before that `archive/YYMMNNN` such as
    `hep-th/9901001`. A wrong number of digits, a 13th month, a date in the
    future or an unknown archive is reported.

    ## Why is this bad?
    The link leads to an arXiv error page: usually a digit was lost when the
    identifier was copied.

    ## Example
    ```markdown
    [paper](https://arxiv.org/abs/2408.1258)
    ```

    ## Fix
    Copy the identifier again from the paper's arXiv page
    (`https://arxiv.org/abs/2408.12588`).
    """

    code = "LNK001"
    name = "malformed-arxiv-id"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        seen = set()  # `[arXiv:ID](https://arxiv.org/abs/ID)` is one mistake, reported once
        for link in written_links(ctx):
            match = _URL.match(link.url.strip())
            if not match:
                continue
            ident = QUERY_OR_FRAGMENT.split(match.group(1), maxsplit=1)[0]
            why = arxiv_problem(ident, ctx.today)
            if why:
                seen.add((link.path, link.line, _VERSION_SUFFIX.sub("", ident)))
                col = link.col + link.url.find(match.group(1))
                yield self.report(f"malformed arXiv link: {why}", Span(link.path, link.line, col))
        for doc in ctx.loaded.documents:
            if not doc_may_match(ctx, doc, _TEXT_HINT):
                continue  # a line that matches makes the whole text match: most files have no match
            for number, line in enumerate(doc.text.lines, start=1):
                for match in _TEXT.finditer(line):
                    ident = match.group(1).rstrip(".-/")
                    why = arxiv_problem(ident, ctx.today)
                    if why and (doc.path, number, re.sub(r"v\d+$", "", ident)) not in seen:
                        yield self.report(f"malformed arXiv identifier: {why}",
                                          Span(doc.path, number, match.start(1) + 1))
