"""`migrate` run as a program leaves with os._exit (migrator/lifetime.py): its output must be whole,
its exit status the command's, a failed write reported; as a library nothing is kept or exited."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migrator import lifetime
from migrator.cli import _app
from migrator.readers import read_loaded

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "fixtures" / "seed-academicpages")
TODAY = ["--today", "2026-11-23"]


def program(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migrator", *args], cwd=ROOT, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120)


def test_output_and_status_are_those_of_the_command_run_in_process():
    inside = CliRunner().invoke(_app(), ["lint", SEED, "--format", "json", *TODAY])
    outside = program("lint", SEED, "--format", "json", *TODAY)
    assert outside.returncode == inside.exit_code == 1  # the seed has findings
    assert json.loads(outside.stdout) == json.loads(inside.stdout)
    assert outside.stderr == b""


@pytest.mark.parametrize("args, status", [
    (["lint", SEED, "--format", "nope"], 2),  # our own usage error
    (["lint", "--no-such-option"], 2),  # the CLI framework's usage error
    (["rules"], 0),
    (["lint", str(ROOT / "no-such-site")], 2),
])
def test_exit_status_is_kept(args, status):
    assert program(*args).returncode == status


def test_a_large_output_is_flushed_whole(tmp_path):
    out = tmp_path / "dump.json"
    with out.open("wb") as sink:
        done = program("dump", SEED, stdout=sink)
    assert done.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["publications"]


def test_a_reader_that_leaves_early_is_no_error():
    shell = f"{sys.executable} -m migrator dump {SEED} | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", shell], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "0"
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [
    ["dump", SEED],  # more than a buffer: the write fails while the command runs
    ["lint", SEED, "--select", "DUP001", *TODAY],  # a few lines: the write fails at the exit
])
def test_an_output_that_cannot_be_written_is_reported_once(args):
    with open("/dev/full", "wb") as full:
        done = program(*args, stdout=full)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == ["migrate: cannot write the output: No space left on device"]


def test_a_library_call_keeps_nothing():
    before = len(lifetime._kept)
    read_loaded(SEED)
    assert len(lifetime._kept) == before
