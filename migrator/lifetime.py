"""A site read by a command lives until the process ends.

Freeing a model of 10,000 pages object by object took 1-2 s of a 6 s lint: half when the command
returned and the rest in the interpreter's shutdown. The operating system takes a process's memory
back at once, so `migrate` run as a program keeps what it read (`keep`) and leaves with
`os._exit` after flushing its output (`leave`). Used as a library (tests, an import) nothing is
kept and nothing exits.
"""
from __future__ import annotations

import os
import sys
from typing import Any, List

_kept: List[Any] = []
_program = False


def run_as_program() -> None:
    """Called by the `migrate` entry point only."""
    global _program
    _program = True


def keep(obj: Any) -> None:
    """Keep `obj` to the end of the process when running as a program."""
    if _program:
        _kept.append(obj)


def leave(code: object) -> None:
    """Exit as `sys.exit(code)` would, without freeing memory or running exit handlers."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message") prints the message and exits 1
        _try_print(str(code))
        status = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `migrate dump site | head`: the reader left, nothing is wrong
        pass
    except (OSError, ValueError) as exc:  # disk full, closed stream: say so, as Python's own exit would
        _try_print(f"migrate: cannot write the output: {getattr(exc, 'strerror', None) or exc}")
        status = status or 2
    _try_print("")
    from . import regex_cache

    regex_cache.save()  # after the output: the user is not kept waiting for it
    os._exit(status)


def _try_print(message: str) -> None:
    """Write a line (if any) to stderr and flush it; a closed stderr is not an error worth dying on."""
    try:
        if message:
            print(message, file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
