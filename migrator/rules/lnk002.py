"""LNK002: a malformed DOI."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .scan import written_links
from .targets import QUERY_OR_FRAGMENT
from .textscan import doc_may_match

_DOI_URL = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/(.*)$", re.I)
_DOI_TEXT = re.compile(r"\bdoi\s*:\s*(\S+)", re.I)
_DOI_TEXT_HINT = re.compile(r"doi\s*:")  # what every _DOI_TEXT match holds, lowered
_DOI_PREFIX = re.compile(r"^doi:\s*", re.I)
_ENCODED_SLASH = re.compile(r"%2F", re.I)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_DOI_ORG_PREFIX = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", re.I)
_VALID = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")


def doi_problem(doi: str) -> Optional[str]:
    value = doi.strip()
    if not value:
        return "the DOI is empty"
    if _INVISIBLE.search(value):
        return f"{value!r} contains invisible characters (zero-width spaces from a copy and paste)"
    if _DOI_ORG_PREFIX.match(value):
        return f"{value!r} repeats the doi.org prefix"
    if _VALID.match(value):
        return None
    if value.startswith("10.") and "/" not in value:
        return f"{value!r} has no '/' between the prefix and the suffix"
    if value.startswith("10."):
        return f"{value!r}: the prefix after '10.' must be 4 to 9 digits"
    return f"{value!r} does not start with '10.' as every DOI does"


class MalformedDoi(Rule):
    """A DOI, or a doi.org link, that is not of the form `10.NNNN/suffix`.

    ## What it does
    Checks `doi.org/...` and `dx.doi.org/...` links, `doi:` values in front
    matter and `doi: ...` written in the text. A DOI starts with `10.`, a
    registrant code of 4 to 9 digits, a `/` and a suffix.

    ## Why is this bad?
    The DOI resolver answers "DOI not found", and reference managers cannot
    import the paper.

    ## Example
    ```markdown
    [DOI](https://doi.org/https://doi.org/10.1145/3600006.3613145)
    ```

    ## Fix
    Write the DOI once: `https://doi.org/10.1145/3600006.3613145`.
    """

    code = "LNK002"
    name = "malformed-doi"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for link in written_links(ctx):
            url = link.url.strip()
            match = _DOI_URL.match(url)
            if match:
                doi = QUERY_OR_FRAGMENT.split(match.group(1), maxsplit=1)[0]
            elif link.how == "yaml" and link.key.lower() == "doi":
                doi = _DOI_PREFIX.sub("", url)
            else:
                continue
            why = doi_problem(_ENCODED_SLASH.sub("/", doi))
            if why:
                yield self.report(f"malformed DOI: {why}", Span(link.path, link.line, link.col))
        for doc in ctx.loaded.documents:
            if not doc_may_match(ctx, doc, _DOI_TEXT_HINT):
                continue  # a line that matches makes the whole text match: most files have no match
            for number, line in enumerate(doc.text.lines, start=1):
                if doc.front.present and number <= doc.front.end_line:
                    continue
                for match in _DOI_TEXT.finditer(line):
                    value = match.group(1).rstrip(".,;)]}>")
                    if value.startswith(("http", "<", "[", "{")):
                        continue
                    why = doi_problem(value)
                    if why:
                        yield self.report(f"malformed DOI: {why}",
                                          Span(doc.path, number, match.start(1) + 1))
