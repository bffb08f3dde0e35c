"""Use the second CPU for work on a model already in memory: a forked child shares it copy-on-write,
does its part and pipes back a small pickled result (findings, lines), never the model.

Serial where fork is unsafe or not worth it: other systems than Linux, one CPU, MIGRATE_JOBS=1,
MIGRATE_DEBUG (a traceback should come from one process). If the child fails in any way its part
is done again here, so the result never depends on it.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
from typing import Callable, List, Sequence, Tuple, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    if os.environ.get("MIGRATE_JOBS") == "1" or os.environ.get("MIGRATE_DEBUG"):
        return False
    return sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


def in_two(here: Callable[[], T], there: Callable[[], R]) -> Tuple[T, R]:
    """(here(), there()), with there() run by a forked child at the same time when possible."""
    if not can_fork():
        return here(), there()
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    # Objects the collector walks are written to (their gc links), which would copy every page
    # of the model into the child and again in the parent; frozen objects are not walked.
    gc.freeze()
    try:
        pid = os.fork()
    except OSError:
        gc.unfreeze()
        os.close(read_end)
        os.close(write_end)
        return here(), there()
    if pid == 0:
        _child(there, read_end, write_end)
    try:
        return _parent(pid, here, there, read_end, write_end)
    finally:
        gc.unfreeze()


def _parent(pid: int, here: Callable[[], T], there: Callable[[], R], read_end: int,
            write_end: int) -> Tuple[T, R]:
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            mine = here()
            data = pipe.read()
        except BaseException:  # ^C or a bug here: do not leave the child running
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        try:
            import pickle  # not at the top: a run that never forks (a small site) need not load it

            return mine, pickle.loads(data)
        except Exception:  # noqa: BLE001 - a torn message: do the child's part here
            pass
    return mine, there()


def fork_map(fn: Callable[[T], R], items: Sequence[T], min_items: int) -> List[R]:
    """[fn(x) for x in items]; the second half in a child when there are at least `min_items`."""
    if len(items) < min_items:
        return [fn(x) for x in items]
    half = (len(items) + 1) // 2
    first, second = in_two(lambda: [fn(x) for x in items[:half]], lambda: [fn(x) for x in items[half:]])
    return first + second


def _child(work: Callable[[], object], read_end: int, write_end: int) -> None:
    """Do `work`, write its pickled result and leave without running any exit handler."""
    status = 1
    try:
        os.close(read_end)
        from . import progress

        progress.silence()  # the parent owns the terminal
        import pickle

        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent does this part again itself
        pass
    finally:
        os._exit(status)
