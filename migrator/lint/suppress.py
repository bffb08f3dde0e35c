"""Inline suppressions: `<!-- migrate: disable-next-line CODE -->` in pages, `# migrate: disable CODE` in YAML.

`disable-next-line` covers the next line, `disable-line` (or any directive written
after other text on a line) covers its own line, and `disable` on a line of its
own covers the rest of the file. No code means every code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Tuple

from ..diagnostics import Diagnostic
from ..model import Span
from .engine import matches

_PAGE = re.compile(r"<!--\s*migrate:\s*(disable-next-line|disable-line|disable)\b([^>]*?)-->")
_YAML = re.compile(r"#\s*migrate:\s*(disable-next-line|disable-line|disable)\b(.*)$")
_CODE = re.compile(r"^[A-Z]{2,5}[0-9]{0,3}$")


@dataclass
class Directive:
    span: Span
    codes: List[str]
    first: int
    last: int
    used: set = field(default_factory=set)

    def covers(self, diag: Diagnostic) -> bool:
        return (diag.span.path == self.span.path and self.first <= diag.span.line <= self.last
                and (not self.codes or matches(diag.code, self.codes)))


def find_directives(path: str, lines: List[str], yaml_lines: Iterable[int]) -> List[Directive]:
    """Directives of one file; `yaml_lines` are the line numbers read as YAML (front matter, .yml)."""
    yaml_lines = set(yaml_lines)
    found = []
    for number, line in enumerate(lines, start=1):
        if "migrate:" not in line:
            continue
        pattern = _YAML if number in yaml_lines else _PAGE
        match = pattern.search(line)
        if not match:
            continue
        kind = match.group(1)
        codes = [c.upper() for c in re.split(r"[\s,]+", match.group(2).strip()) if c]
        alone = not line[:match.start()].strip()
        if kind == "disable-next-line":
            first = last = _next_content_line(lines, number)
        elif kind == "disable-line" or not alone:
            first = last = number
        else:
            first, last = number + 1, len(lines)
        found.append(Directive(Span(path, number, match.start() + 1), codes, first, last))
    return found


def _next_content_line(lines: List[str], number: int) -> int:
    for later in range(number + 1, len(lines) + 1):
        if lines[later - 1].strip():
            return later
    return number + 1


def apply(found: List[Diagnostic], directives: List[Directive]) -> List[Diagnostic]:
    """Drop what the directives cover, marking each directive with the codes it used."""
    by_path: Dict[str, List[Directive]] = {}
    for d in directives:
        by_path.setdefault(d.span.path, []).append(d)
    kept = []
    for diag in found:
        hit = [d for d in by_path.get(diag.span.path, ()) if d.covers(diag)]
        for d in hit:
            d.used.add(diag.code)
        if not hit:
            kept.append(diag)
    return kept


def unused(directives: List[Directive], ran: set, known: set) -> List[Tuple[Directive, str]]:
    """(directive, why) for each directive that suppressed nothing it could have."""
    out = []
    for d in directives:
        bad = [c for c in d.codes if not _CODE.match(c) or not any(k.startswith(c) for k in known)]
        if bad:
            out.append((d, f"suppression names unknown code {', '.join(bad)}"))
            continue
        checked = [c for c in d.codes if any(r.startswith(c) for r in ran)] if d.codes else ["*"]
        if not checked or d.used:
            continue
        what = ", ".join(checked) if d.codes else "any code"
        out.append((d, f"suppression of {what} matches no finding; remove it"))
    return out
