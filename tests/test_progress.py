"""Progress shows on a terminal after a delay, never for machine formats or pipes."""
import io

from migrator import progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_wanted_only_for_text_on_a_terminal():
    assert progress.wanted("text", Terminal())
    assert not progress.wanted("json", Terminal())
    assert not progress.wanted("sarif", Terminal())
    assert not progress.wanted("text", io.StringIO())


def test_a_slow_run_shows_counts_and_clears_the_line():
    out = Terminal()
    shown = progress.Progress(True, out, delay=0)
    shown.step("reading files", 3, 10)
    shown.step("reading files", 4, 10)  # within the redraw interval: skipped
    shown.step("merging publications", 7)
    shown.done()
    assert out.getvalue() == ("\r\x1b[Kreading files: 3/10" "\r\x1b[Kmerging publications: 7" "\r\x1b[K")


def test_a_fast_or_disabled_run_prints_nothing():
    out = Terminal()
    fast = progress.Progress(True, out)  # the default one-second delay has not passed
    fast.step("reading files", 1, 2)
    fast.done()
    quiet = progress.Progress(False, out, delay=0)
    quiet.step("reading files", 1, 2)
    quiet.done()
    assert out.getvalue() == ""


def test_module_functions_report_to_the_started_run():
    out = Terminal()
    run = progress.start(True, out)
    run.delay = 0
    progress.step("reading files", 5, 5)
    progress.done()
    assert "reading files: 5/5" in out.getvalue()
    progress.start(False)
