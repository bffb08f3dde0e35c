"""Progress on stderr for long runs (files read, items merged), only for a person at a terminal.

Commands call `progress.start(progress.wanted(fmt))` once; library code calls
`progress.step("reading files", n, total)` wherever it loops; nothing is shown
for runs shorter than a second, for piped stderr, or for machine formats.
"""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO

DELAY = 1.0
"""Seconds before anything is shown: a fast run stays silent."""
INTERVAL = 0.1
"""Seconds between redraws."""


class Progress:
    """One status line, redrawn in place and cleared when the work is done."""

    def __init__(self, enabled: bool, stream: Optional[TextIO] = None, delay: float = DELAY):
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.delay = delay
        self.next_draw = self.started + delay
        self.shown = False
        self.what = ""

    def step(self, what: str, n: int, total: Optional[int] = None) -> None:
        """Report that `n` (of `total`) things of the kind `what` are done."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self.next_draw and what == self.what:
            return
        self.what = what
        if now - self.started < self.delay:
            return
        self.next_draw = now + INTERVAL
        count = f"{n}/{total}" if total else str(n)
        self.stream.write(f"\r\x1b[K{what}: {count}")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        """Clear the status line so the real output starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


_current = Progress(False)


def wanted(fmt: str = "text", stream: Optional[TextIO] = None) -> bool:
    """Progress is for people: human text output and a terminal on stderr."""
    stream = stream if stream is not None else sys.stderr
    return fmt == "text" and hasattr(stream, "isatty") and stream.isatty()


def start(enabled: bool, stream: Optional[TextIO] = None) -> Progress:
    """Begin a run; later `step` calls anywhere report to it."""
    global _current
    _current = Progress(enabled, stream)
    return _current


def step(what: str, n: int, total: Optional[int] = None) -> None:
    _current.step(what, n, total)


def done() -> None:
    _current.done()


def silence() -> None:
    """Show nothing more from this process (a helper process: the parent owns the line)."""
    _current.enabled = False
    _current.shown = False
