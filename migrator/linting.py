"""`migrate lint` and `migrate rules` (placeholder until the lint engine lands)."""
from __future__ import annotations


def run_lint(site, files, fmt, select, ignore, today, fix, fail_on, theme) -> int:
    print("migrate: lint is not built yet")
    return 2


def run_rules(code) -> int:
    return 2
