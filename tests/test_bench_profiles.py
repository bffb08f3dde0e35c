"""bench/profiles.py profiles one command in one process and tabulates two profiles."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "fixtures" / "seed-academicpages")


def test_run_then_compare(tmp_path):
    script = str(ROOT / "bench" / "profiles.py")
    env = {k: v for k, v in os.environ.items() if k != "MIGRATE_JOBS"}
    for name in ("a", "b"):
        done = subprocess.run([sys.executable, script, "run", str(tmp_path / f"{name}.pstats"), "lint", SEED,
                               "--format", "json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "(exit 1)" in done.stdout  # lint's own status is reported, not raised
    table = subprocess.run([sys.executable, script, "compare", str(tmp_path / "a.pstats"), str(tmp_path / "b.pstats"),
                            "--top", "5"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    lines = table.splitlines()
    assert lines[0] == "| function (own time) | before | after |"
    assert lines[2].startswith("| whole run, profiled | ")
    assert len(lines) == 3 + 5 and all(" calls |" in line or "| - |" in line for line in lines[3:])
