"""Every real site of ../shared/corpus through the real CLI: `lint` and `convert` exit 0 or 1,
never 2 from an internal error, print no traceback, and leave the site untouched."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import corpus_sites
from test_hostile import tree_digest

ROOT = Path(__file__).resolve().parent.parent
SITES = corpus_sites()
pytestmark = pytest.mark.skipif(not SITES, reason="../shared/corpus is not there")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MIGRATE_DEBUG"}
    result = subprocess.run([sys.executable, "-m", "migrator", *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, timeout=300, env=env)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    assert "internal error" not in result.stderr, result.stderr[-3000:]
    return result


@pytest.mark.parametrize("site", SITES, ids=[p.name for p in SITES])
def test_lint_and_convert_real_site(tmp_path, site):
    before = tree_digest(site)
    lint = run("lint", site, "--format", "json", "--today", "2026-11-23", cwd=tmp_path)
    assert lint.returncode in (0, 1), lint.stderr[-2000:]
    found = json.loads(lint.stdout)
    crashed = [d for d in found if "internal error" in d["message"]]
    assert not crashed, crashed[:3]
    assert all(d["path"] and d["line"] >= 1 for d in found)
    out = tmp_path / "out"
    convert = run("convert", site, "--to", "acad-homepage", "--out", out, "--today", "2026-11-23",
                  "--report", tmp_path / "report.json", cwd=tmp_path)
    assert convert.returncode in (0, 1), convert.stderr[-2000:]
    assert (out / "_pages" / "about.md").is_file()
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "report.json"]
