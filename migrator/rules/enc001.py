"""ENC001: text that was decoded with the wrong encoding once and saved that way (mojibake)."""
from __future__ import annotations

import difflib
from typing import Iterator

from ..diagnostics import Diagnostic, Edit, Fix
from ..model import Span
from .base import LintContext, Rule

_NAMES = {"mac_roman": "Mac Roman", "cp1252": "Windows-1252"}


class Mojibake(Rule):
    """Text that was once decoded with the wrong encoding and saved that way (mojibake).

    ## What it does
    Finds lines whose non-ASCII characters are UTF-8 bytes that were read as
    Mac Roman or Windows-1252 and written back, such as `üî•` where `🔥` was
    meant, or `Ã©` for `é`. Only runs that turn back into valid, different
    UTF-8 count, so a real accented name is left alone.

    ## Why is this bad?
    Visitors see the garbled characters, and headings with them get different
    anchor ids, so navigation links to them break.

    ## Example
    ```markdown
    # üî• News
    ```

    ## Fix
    `--fix` writes the repaired line (`# 🔥 News`); the rest of the file is
    left byte for byte as it was. Save files as UTF-8 from then on.
    """

    code = "ENC001"
    name = "mojibake"
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for info in ctx.site.files:
            for repair in info.repairs:
                col, bad, good = _first_change(repair.original_text, repair.repaired)
                yield self.report(
                    f"garbled text {bad!r} should read {good!r} (UTF-8 read as "
                    f"{_NAMES.get(repair.encoding, repair.encoding)})",
                    Span(info.path, repair.line, col),
                    fix=Fix(f"repair the mojibake on line {repair.line}",
                            [Edit(info.path, repair.line, repair.original_text, repair.repaired)]))


def _first_change(old: str, new: str):
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            return i1 + 1, old[i1:i2], new[j1:j2]
    return 1, old, new
