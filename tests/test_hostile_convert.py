"""Hostile input for `convert` and `lint --fix` (issue 5): paths out of the output folder,
an output folder that cannot be written, Ctrl-C, two runs at once, a file changed under a fix."""
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_hostile import HOSTILE, diagnostics, make_site, migrate, tree_digest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed-academicpages"
ESCAPES = HOSTILE / "escape"


def outside(tmp_path: Path, out: Path) -> dict:
    """Digest of everything under tmp_path except the output folder."""
    return {k: v for k, v in tree_digest(tmp_path).items() if not k.startswith(out.name)}


@pytest.mark.parametrize("target", ["acad-homepage", "academicpages"])
def test_dotdot_permalinks_and_assets_never_leave_the_output(tmp_path, target):
    site = tmp_path / "site"
    shutil.copytree(ESCAPES, site)
    (tmp_path / "outside.pdf").write_text("not to be copied")
    out = tmp_path / "out"
    before = outside(tmp_path, out)
    result = migrate("convert", site, "--to", target, "--out", out, "--today", "2026-11-23", cwd=tmp_path)
    assert outside(tmp_path, out) == before
    assert result.returncode == 1  # warnings: the refused assets
    assert "asset '../../../../outside.pdf' not copied: refusing to write" in result.stdout + result.stderr
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())
    assert not (out / "outside.pdf").exists() and not (tmp_path.parent / "escaped-publication").exists()


def convert_in_process(site: Path, out: Path, capsys) -> tuple:
    from migrator.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["convert", str(site), "--to", "acad-homepage", "--out", str(out), "--today", "2026-11-23"])
    captured = capsys.readouterr()
    return stop.value.code, captured.out + captured.err


def previous_output(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    migrate("convert", SEED, "--to", "acad-homepage", "--out", out, "--today", "2026-11-23", cwd=tmp_path)
    assert (out / "_pages" / "about.md").is_file()
    return out


def fail_on_write(monkeypatch, exc: BaseException, after: int = 2) -> None:
    """Make the third file write raise `exc` (a full disk, a read-only folder, Ctrl-C)."""
    from migrator import output_dir

    calls = {"n": 0}
    real = output_dir.write_bytes

    def write_bytes(path, data):
        calls["n"] += 1
        if calls["n"] > after:
            raise exc
        return real(path, data)

    monkeypatch.setattr(output_dir, "write_bytes", write_bytes)


def test_ctrl_c_during_convert_leaves_the_previous_output(tmp_path, monkeypatch, capsys):
    out = previous_output(tmp_path)
    before = tree_digest(tmp_path)
    fail_on_write(monkeypatch, KeyboardInterrupt())
    status, text = convert_in_process(SEED, out, capsys)
    assert status == 2
    assert "interrupted; nothing was written" in text
    assert tree_digest(tmp_path) == before  # no half site, no temporary folder left


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_full_or_read_only_output_is_a_clear_error(tmp_path, monkeypatch, capsys, code):
    out = previous_output(tmp_path)
    before = tree_digest(tmp_path)
    fail_on_write(monkeypatch, OSError(code, os.strerror(code)))
    status, text = convert_in_process(SEED, out, capsys)
    assert tree_digest(tmp_path) == before
    assert status == 2
    assert os.strerror(code) in text
    assert "internal error" not in text


def test_read_only_output_folder_for_real(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder does not stop root from writing")
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        result = subprocess.run([sys.executable, "-m", "migrator", "convert", str(SEED), "--to",
                                 "acad-homepage", "--out", str(parent / "out")],
                                capture_output=True, text=True, timeout=300)
    finally:
        parent.chmod(0o755)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Permission denied" in result.stderr
    assert list(parent.iterdir()) == []


def test_two_runs_at_once_on_the_same_output(tmp_path):
    reference = tmp_path / "reference"
    migrate("convert", SEED, "--to", "acad-homepage", "--out", reference, "--today", "2026-11-23", cwd=tmp_path)
    for round in range(3):
        out = tmp_path / f"out{round}"
        command = [sys.executable, "-m", "migrator", "convert", str(SEED), "--to", "acad-homepage",
                   "--out", str(out), "--today", "2026-11-23"]
        runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
        results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
        for status, err in results:
            assert "Traceback" not in err, err
            assert status in (0, 1) or (status == 2 and err.startswith("migrate: ")), err
        assert any(status in (0, 1) for status, _ in results)
        assert tree_digest(out) == tree_digest(reference)  # one whole site, never a mix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out0", "out1", "out2", "reference"]


def mojibake_site(tmp_path: Path, newline: bytes) -> Path:
    site = make_site(tmp_path)
    text = (HOSTILE / "mojibake.md").read_bytes().replace(b"\n", newline)
    text += b"Trailing spaces stay.   " + newline + b"\tTabbed line." + newline + b"No newline at end"
    (site / "_pages" / "mojibake.md").write_bytes(text)
    return site


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["LF", "CRLF"])
def test_fix_changes_only_the_lines_it_means_to(tmp_path, newline):
    site = mojibake_site(tmp_path, newline)
    page = site / "_pages" / "mojibake.md"
    before = page.read_bytes().split(newline)
    result = migrate("lint", site, "--fix", "--select", "ENC001", cwd=tmp_path)
    after = page.read_bytes().split(newline)
    assert len(after) == len(before)
    changed = [i + 1 for i, (old, new) in enumerate(zip(before, after)) if old != new]
    assert changed == [4, 5], result.stdout + result.stderr
    assert after[3].decode() == "# 🔥 News" and after[4].decode() == "Café au lait."
    assert result.returncode == 0, result.stdout


def test_fix_refuses_a_file_changed_since_it_was_read(tmp_path):
    import datetime as dt

    from migrator.lint.fixes import apply_fixes
    from migrator.linting import lint

    site = mojibake_site(tmp_path, b"\n")
    page = site / "_pages" / "mojibake.md"
    found, _ = lint(str(site), select=["ENC001"], today=dt.date(2026, 11, 23))
    assert [(d.code, d.span.line) for d in found] == [("ENC001", 4), ("ENC001", 5)]
    edited = page.read_bytes().replace("Caf\u00c3\u00a9".encode(), "Tea, not caf\u00c3\u00a9".encode())
    page.write_bytes(edited)  # the user saves the file while lint runs
    report = apply_fixes(site, found)
    assert page.read_bytes() == edited
    assert [path for path, _ in report.refused] == ["_pages/mojibake.md"]
    assert "changed since it was read" in report.refused[0][1]
    assert not report.changed


def test_lint_reports_every_hostile_page_exactly(tmp_path):
    """The reader findings reach `migrate lint` with their place (JSON output)."""
    import json

    from test_hostile import CASES

    site = make_site(tmp_path, *sorted(p.name for p in HOSTILE.glob("*.md")))
    before = tree_digest(tmp_path)
    result = migrate("lint", ".", "--format", "json", "--today", "2026-11-23", cwd=site)
    assert tree_digest(tmp_path) == before
    assert result.returncode == 1
    found = {(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(result.stdout)}
    for page, _, expected, _ in CASES:
        for line, col, code in expected:
            if code == "FM005":
                continue  # the FM005 rule checks collection items only; this page is in _pages
            assert (f"_pages/{page}", line, col, code) in found, (page, sorted(found))
    assert not diagnostics(result.stderr)


def test_pathological_lines_lint_in_bounded_time(tmp_path):
    site = make_site(tmp_path)
    body = "\n\n".join(["[" * 40000, "[a](" * 10000, "{%" * 20000, "<" * 40000])
    (site / "_pages" / "about.md").write_text(f"---\ntitle: t\n---\n# Publications\n\n{body}\n")
    result = subprocess.run([sys.executable, "-m", "migrator", "lint", str(site)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_lint_bad_date_of_a_publication_is_fm005_not_fm001(tmp_path):
    import json

    site = make_site(tmp_path)
    (site / "_publications").mkdir()
    shutil.copy(HOSTILE / "fm_bad_date.md", site / "_publications" / "2020-04-30-paper.md")
    result = migrate("lint", ".", "--format", "json", "--today", "2026-11-23", "--select", "FM", cwd=site)
    found = [(d["path"], d["line"], d["code"]) for d in json.loads(result.stdout)]
    assert ("_publications/2020-04-30-paper.md", 3, "FM005") in found
    assert not [f for f in found if f[2] == "FM001"]
    assert result.returncode == 1
