"""Profile one `migrate` command in one process, and compare two profiles (docs/performance.md).

    python bench/profiles.py run OUT.pstats lint SITE --format json
    python bench/profiles.py run OUT.pstats convert SITE --to acad-homepage --out DIR --force
    python bench/profiles.py compare BEFORE.pstats AFTER.pstats [--top 12]

`run` sets MIGRATE_JOBS=1 (a forked child's work would not be profiled). To profile an older
commit, check it out in a worktree and put it first on the path: `PYTHONPATH=WORKTREE python
bench/profiles.py run ...`. `compare` prints a markdown table of the functions with the most own
time on either side, with their calls (cProfile inflates pure-Python code: compare within a column).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from typing import Dict, List, Optional, Tuple

Row = Tuple[float, int]  # own seconds, calls


def run(out: str, args: List[str]) -> int:
    os.environ["MIGRATE_JOBS"] = "1"
    from migrator.cli import main

    profile = cProfile.Profile()
    stdout, sys.stdout = sys.stdout, open(os.devnull, "w", encoding="utf-8")
    status = 0
    try:
        profile.enable()
        main(args)
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 1
    finally:
        profile.disable()
        sys.stdout.close()
        sys.stdout = stdout
        profile.dump_stats(out)
    print(f"{out}: migrate {' '.join(args)} (exit {status})")
    return 0


def own_times(path: str) -> Tuple[float, Dict[str, Row]]:
    """(profiled total, {function: (own seconds, calls)}), functions named by file and name."""
    stats = pstats.Stats(path)
    rows: Dict[str, Row] = {}
    for (filename, _, name), (_, calls, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        if filename == "~":
            key = name
        elif "/migrator/" in filename:
            key = filename.split("/migrator/")[-1] + ":" + name
        else:
            key = "/".join(filename.split("/")[-2:]) + ":" + name
        seconds, count = rows.get(key, (0.0, 0))
        rows[key] = (seconds + own, count + calls)
    return stats.total_tt, rows  # type: ignore[attr-defined]


def compare(before: str, after: str, top: int) -> str:
    total_b, rows_b = own_times(before)
    total_a, rows_a = own_times(after)
    keys = sorted(set(rows_b) | set(rows_a),
                  key=lambda k: -max(rows_b.get(k, (0.0, 0))[0] / total_b, rows_a.get(k, (0.0, 0))[0] / total_a))

    def cell(row: Optional[Row]) -> str:
        return f"{row[0]:.2f} s, {row[1]:,} calls" if row else "-"

    lines = ["| function (own time) | before | after |", "|---|---:|---:|",
             f"| whole run, profiled | {total_b:.1f} s | {total_a:.1f} s |"]
    lines += [f"| `{k}` | {cell(rows_b.get(k))} | {cell(rows_a.get(k))} |" for k in keys[:top]]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["run"] and len(argv) >= 3:
        return run(argv[1], argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["compare"])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args(argv)
    print(compare(args.before, args.after, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
