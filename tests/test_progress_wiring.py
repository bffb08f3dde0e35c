"""`lint` and `convert` start progress for a person at a terminal and clear it before their output."""
import io
import sys
from pathlib import Path

import pytest

from migrator import progress
from migrator.converting import run_convert
from migrator.linting import run_lint

SEED = str(Path(__file__).resolve().parent.parent / "fixtures" / "seed-academicpages")


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def terminal(monkeypatch):
    """Progress shows at once (no one-second delay); each test makes stderr a terminal
    itself, as pytest's capture swaps sys.stderr back between fixture setup and the test."""
    err = Terminal()
    real_start = progress.start

    def start(enabled, stream=None):
        run = real_start(enabled, stream)
        run.delay = 0
        return run

    monkeypatch.setattr(progress, "start", start)
    yield err
    real_start(False)


def test_text_lint_on_a_terminal_shows_progress_then_clears_it(terminal, monkeypatch):
    monkeypatch.setattr(sys, "stderr", terminal)
    run_lint(SEED, [], "text", [], [], "2026-11-23", False, None, None)
    shown = terminal.getvalue()
    assert "reading files: " in shown
    assert shown.endswith("\r\x1b[K")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats_show_no_progress(terminal, monkeypatch, fmt):
    monkeypatch.setattr(sys, "stderr", terminal)
    run_lint(SEED, [], fmt, [], [], "2026-11-23", False, None, None)
    assert "reading files" not in terminal.getvalue()


def test_lint_of_a_missing_site_clears_before_the_message(terminal, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run_lint(str(tmp_path / "nowhere"), [], "text", [], [], None, False, None, None) == 2
    assert "\x1b" not in terminal.getvalue().split("migrate:", 1)[1]


def test_convert_clears_progress_before_printing(terminal, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sys, "stderr", terminal)
    run_convert(SEED, "acad-homepage", str(tmp_path / "out"), True, False, False, None, None, "2026-11-23")
    shown = terminal.getvalue()
    assert "reading files: " in shown and shown.endswith("\r\x1b[K")
    assert "would write" in capsys.readouterr().out
