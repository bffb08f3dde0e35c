"""ENC002: a page or data file that is not saved as UTF-8."""
from __future__ import annotations

from typing import Iterator

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule


class NotUtf8(Rule):
    """A page or data file saved in an encoding other than UTF-8.

    ## What it does
    Reports files that are not valid UTF-8: UTF-16 files (often written by
    Windows editors) and files in a legacy code page such as Windows-1252.

    ## Why is this bad?
    Jekyll reads every file as UTF-8 (`encoding: utf-8` in `_config.yml`):
    a UTF-16 file breaks the build and a Windows-1252 file shows `�` in place
    of accented letters.

    ## Example
    `_pages/about.md` saved as "Unicode" by Notepad (UTF-16 with a BOM).

    ## Fix
    Re-save the file as UTF-8 (`iconv -f WINDOWS-1252 -t UTF-8`).
    """

    code = "ENC002"
    name = "file-not-utf8"
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for info in ctx.site.files:
            if info.encoding not in ("utf-8", "utf-8-sig"):
                name = {"cp1252": "Windows-1252 (not valid UTF-8)"}.get(info.encoding, info.encoding.upper())
                yield self.report(f"file is saved as {name}; Jekyll reads pages as UTF-8",
                                  Span(info.path, 1, 1))
