"""IO002: a page or data file that is not text."""
from __future__ import annotations

from .reader import ReaderProblem


class BinaryPage(ReaderProblem):
    """A page, collection item or data file that is binary or in no readable encoding.

    ## What it does
    Reports a `.md`, `.html` or `.yml` file that holds NUL bytes, is larger
    than a page can be, or decodes to control characters.

    ## Why is this bad?
    Jekyll either fails on it or renders garbage; usually a PDF or image was
    saved under a page's name.

    ## Example
    `_publications/paper.md` that is really a PDF.

    ## Fix
    Move the binary file to `files/` or `images/` and link to it from a page.
    """

    code = "IO002"
    name = "binary-page"
