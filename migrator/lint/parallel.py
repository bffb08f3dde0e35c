"""Run the rules of a large site on two CPUs: a forked child runs some rule families on the same
model (shared copy-on-write, nothing read twice) and sends its findings back through a pipe.

Serial where fork is not safe or not worth it: other systems than Linux, small sites (a fork and
the copy-on-write faults cost more than they save below about a thousand entries), MIGRATE_JOBS=1.
If the child fails in any way, its rules are run again here: the result never depends on it.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Callable, List, Sequence, Tuple

from ..diagnostics import Diagnostic
from ..rules.base import LintContext, Rule

MIN_DOCUMENTS = 1000
"""Documents + publications from which the rules are split over two processes (a run of about
a second: at 1,100 the split took the median wall time from 1.19 to 1.00 s)."""

# Rules that share a cache on the context (rules/scan.py written_links, rules/textscan.py
# rendered_lines, the publication clusters) run in the same process, so no cache is built twice.
# The parent takes the rendered-lines family; the child everything else. Measured on a 10k site:
# about 2.1 s against 2.6 s of CPU, where one process needed 4.75 s.
PARENT_FAMILY = {"TPL001", "TPL002", "DATE002", "DUP004", "OWN001", "OWN002"}

Runner = Callable[[LintContext, Sequence[Rule]], List[Diagnostic]]


def worth_splitting(ctx: LintContext) -> bool:
    if os.environ.get("MIGRATE_JOBS") == "1" or os.environ.get("MIGRATE_DEBUG"):
        return False
    if not sys.platform.startswith("linux") or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return False
    return len(ctx.loaded.documents) + len(ctx.site.publications) >= MIN_DOCUMENTS


def split(rules: Sequence[Rule]) -> Tuple[List[Rule], List[Rule]]:
    """(rules for this process, rules for the child)."""
    return ([r for r in rules if r.code in PARENT_FAMILY], [r for r in rules if r.code not in PARENT_FAMILY])


def run_split(ctx: LintContext, rules: Sequence[Rule], run: Runner) -> List[Diagnostic]:
    """Every finding of `rules`, as `run(ctx, rules)` would give, using a second CPU when it pays."""
    mine, theirs = split(rules)
    if not (mine and theirs and worth_splitting(ctx)):
        return run(ctx, rules)
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return run(ctx, rules)
    if pid == 0:
        _child(ctx, theirs, run, read_end, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            found = run(ctx, mine)
            data = pipe.read()
        except BaseException:  # ^C or a bug here: do not leave the child running
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        try:
            return found + pickle.loads(data)
        except Exception:  # noqa: BLE001 - a torn message: do the child's work here
            pass
    return found + run(ctx, theirs)


def _child(ctx: LintContext, rules: Sequence[Rule], run: Runner, read_end: int, write_end: int) -> None:
    """Run `rules`, write the pickled findings, and leave without running any exit handler."""
    status = 1
    try:
        os.close(read_end)
        from .. import progress

        progress.silence()  # the parent owns the terminal
        data = pickle.dumps(run(ctx, rules), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent reruns these rules itself
        pass
    finally:
        os._exit(status)
