"""`migrate convert` (placeholder until the writers land)."""
from __future__ import annotations


def run_convert(site, to, out, dry_run, force, keep_stale, report, theme, today) -> int:
    print("migrate: convert is not built yet")
    return 2
