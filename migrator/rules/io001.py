"""IO001: a file of the site that cannot be read."""
from __future__ import annotations

from .reader import ReaderProblem


class UnreadableFile(ReaderProblem):
    """A file of the site that cannot be opened.

    ## What it does
    Reports a page, collection item or data file that the operating system
    refuses to read (permissions, a broken file system entry).

    ## Why is this bad?
    Jekyll fails on the same file, so the site does not build at all.

    ## Example
    `_pages/about.md` owned by another user with mode `000`.

    ## Fix
    Give the file read permission (`chmod a+r FILE`) or remove it.
    """

    code = "IO001"
    name = "unreadable-file"
