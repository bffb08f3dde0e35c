"""Choose rules, run them, and filter what they find (per-file ignores, suppressions, file list)."""
from __future__ import annotations

import fnmatch
import os
from typing import Dict, Iterable, List, Optional, Sequence

from ..diagnostics import Diagnostic
from ..model import Span
from ..rules.base import LintContext, Rule


def matches(code: str, selectors: Iterable[str]) -> bool:
    """A selector is a code, a prefix of codes (`FM`, `LNK00`) or ALL."""
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def unknown_selectors(selectors: Sequence[str], codes: Iterable[str]) -> List[str]:
    codes = list(codes)
    return [s for s in selectors if s != "ALL" and not any(c.startswith(s) for c in codes)]


def choose_rules(rules: Sequence[Rule], select: Sequence[str], ignore: Sequence[str]) -> List[Rule]:
    return [r for r in rules
            if (not select or matches(r.code, select)) and not matches(r.code, ignore)]


def run_rules(ctx: LintContext, rules: Sequence[Rule]) -> List[Diagnostic]:
    """Every finding of the chosen rules. A rule that crashes is reported, not raised,
    so one bug cannot hide every other finding (MIGRATE_DEBUG=1 raises instead)."""
    found: List[Diagnostic] = []
    for rule in rules:
        try:
            found.extend(rule.check(ctx))
        except Exception as exc:  # noqa: BLE001 - reported with the rule's code
            if os.environ.get("MIGRATE_DEBUG"):
                raise
            found.append(rule.report(
                f"internal error in rule {rule.code} ({type(exc).__name__}: {exc}); please report it",
                Span("_config.yml", 1, 1), severity="error"))
    return found


def drop_per_file_ignores(found: List[Diagnostic], per_file: Dict[str, List[str]]) -> List[Diagnostic]:
    if not per_file:
        return found
    return [d for d in found
            if not any(fnmatch.fnmatch(d.span.path, glob) and matches(d.code, codes)
                       for glob, codes in per_file.items())]


def only_files(found: List[Diagnostic], files: Optional[set]) -> List[Diagnostic]:
    """Pre-commit passes the changed files: report on those only (the whole site was still read)."""
    if files is None:
        return found
    return [d for d in found if d.span.path in files]


def finish(found: List[Diagnostic]) -> List[Diagnostic]:
    """Sort by place and drop exact repeats (two readers of one line may report it twice)."""
    seen = set()
    out = []
    for d in sorted(found, key=lambda d: d.sort_key() + (d.message,)):
        key = (d.code, d.span.path, d.span.line, d.span.col, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
