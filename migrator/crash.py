"""The last line of defence: an unexpected exception becomes one line naming the file, and exit 2."""
from __future__ import annotations

import errno
import os
import sys
from types import TracebackType
from typing import Callable, Optional

_PATH_HOLDERS = ("doc", "document", "page", "text", "info", "item", "entry", "node")
_PATH_NAMES = ("rel", "path", "relpath", "rel_path")
_WRITE_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG)
"""Errors of a write to stdout (a full disk, say): the machine's trouble, not a bug to report."""


def file_in_trace(tb: Optional[TracebackType]) -> str:
    """The site file the innermost frame was working on, found in its locals ('' if none)."""
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        local = frame.f_locals
        for name in _PATH_HOLDERS:
            path = getattr(local.get(name), "path", None)
            if isinstance(path, str) and path:
                return path
        for name in _PATH_NAMES:
            path = local.get(name)
            if isinstance(path, str) and path:
                return path
            if isinstance(path, os.PathLike):
                return os.fspath(path)
    return ""


def guarded(run: Callable[[], None]) -> None:
    """Run the CLI; turn an internal error into `migrate: internal error ...` and exit status 2.

    MIGRATE_DEBUG=1 lets the traceback through, for the one fixing it.
    """
    try:
        run()
    except BrokenPipeError:  # `migrate dump site | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in _WRITE_FAILURES or exc.filename:
            _internal(exc)
        print(f"migrate: cannot write the output: {exc.strerror}", file=sys.stderr)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is left is dropped once
        sys.exit(2)
    except MemoryError:
        print("migrate: out of memory; is one of the files very large?", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the point of this function
        _internal(exc)


def _internal(exc: BaseException) -> None:
    if os.environ.get("MIGRATE_DEBUG"):
        raise exc
    where = file_in_trace(exc.__traceback__)
    place = f" while handling {where}" if where else ""
    detail = str(exc).splitlines()[0] if str(exc) else ""
    print(f"migrate: internal error{place}: {type(exc).__name__}"
          f"{': ' + detail[:200] if detail else ''} (please report it; MIGRATE_DEBUG=1 shows "
          "the traceback)", file=sys.stderr)
    sys.exit(2)
