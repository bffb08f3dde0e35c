"""`migrate lint` and `migrate rules` through typer's CliRunner and as a real subprocess."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from migrator.cli import _app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
MIGRATE = Path(sys.executable).parent / "migrate"
TODAY = ["--today", "2026-11-23"]
runner = CliRunner()


def run(*args):
    return runner.invoke(_app(), list(args))


def small_site(root: Path, about: str, extra=None) -> Path:
    files = {
        "_config.yml": 'title: "T"\nauthor:\n  name: "Test Owner"\n  avatar: "profile.png"\n'
                       "collections:\n  publications:\n    output: true\n",
        "images/profile.png": "png",
        "_pages/about.md": about,
    }
    files.update(extra or {})
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return root


BROKEN = "---\npermalink: /\n---\n\n[paper](https://arxiv.org/abs/2408.1258) [cv](/files/cv.pdf)\n"
CLEAN = "---\npermalink: /\n---\n\n[paper](https://arxiv.org/abs/2408.12588)\n"


def test_clean_fixture_has_no_findings():
    result = run("lint", str(FIXTURES / "clean-academicpages"), *TODAY)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "All checks passed."


def test_text_output_and_summary(tmp_path):
    site = small_site(tmp_path, BROKEN)
    result = run("lint", str(site), *TODAY, "--select", "LNK")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == f"{site}/_pages/about.md:5:31: LNK001 malformed arXiv link: 2408.1258: " \
                       "the number after 2408. has 4 digits; identifiers from 2015 on have 5"
    assert lines[1].startswith(f"{site}/_pages/about.md:5:47: LNK003 ")
    assert lines[-1] == "Found 2 problems (2 warnings) in 1 file."


def test_json_fields(tmp_path):
    site = small_site(tmp_path, BROKEN)
    result = run("lint", str(site), *TODAY, "--format", "json", "--select", "LNK001")
    data = json.loads(result.stdout)
    assert data == [{
        "code": "LNK001", "name": "malformed-arxiv-id", "severity": "warning",
        "path": f"{site}/_pages/about.md", "line": 5, "column": 31, "end_line": 5,
        "message": data[0]["message"], "related": [], "fix": None}]


def test_json_related_and_fix(tmp_path):
    site = small_site(tmp_path, "---\npermalink: /\n---\n\n# \uf8ff\u00fc\u00ee\u2022 News\n", {
        "_pages/a.md": "---\npermalink: /a/\n---\n", "_pages/b.md": "---\npermalink: /a/\n---\n"})
    data = json.loads(run("lint", str(site), *TODAY, "--format", "json").stdout)
    by_code = {d["code"]: d for d in data}
    assert by_code["URL001"]["related"] == [{"path": f"{site}/_pages/a.md", "line": 2, "column": 1}]
    assert by_code["ENC001"]["fix"]["edits"][0]["new"] == "# 🔥 News"


def test_github_format(tmp_path):
    site = small_site(tmp_path, BROKEN)
    out = run("lint", str(site), *TODAY, "--format", "github", "--select", "LNK001").stdout
    assert out.startswith(f"::warning file={site}/_pages/about.md,line=5,endLine=5,col=31,"
                          "title=LNK001 malformed-arxiv-id::malformed arXiv link")


def test_sarif_validates_against_the_schema(tmp_path):
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    site = small_site(tmp_path, "---\npermalink: /\n---\n\n# \uf8ff\u00fc\u00ee\u2022 News\n" + BROKEN[16:], {
        "_pages/a.md": "---\npermalink: /a/\n---\n", "_pages/b.md": "---\npermalink: /a/\n---\n"})
    for target in (site, FIXTURES / "seed-acad-homepage", FIXTURES / "clean-academicpages"):
        data = json.loads(run("lint", str(target), *TODAY, "--format", "sarif").stdout)
        jsonschema.Draft4Validator(schema).validate(data)
        assert data["version"] == "2.1.0"
    results = json.loads(run("lint", str(site), *TODAY, "--format", "sarif").stdout)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"ENC001", "LNK001", "URL001"}
    assert any("fixes" in r for r in results) and any("relatedLocations" in r for r in results)


@pytest.mark.parametrize("args,code", [
    (["--format", "xml"], 2), (["--today", "2026-02-30"], 2), (["--select", "NOPE"], 2),
    (["--fail-on", "sometimes"], 2), (["--fail-on", "error", "--select", "LNK"], 0),
    (["--fail-on", "warning", "--select", "LNK"], 1), (["--ignore", "LNK,NAV"], 0),
])
def test_exit_status(tmp_path, args, code):
    site = small_site(tmp_path, BROKEN)
    assert run("lint", str(site), *TODAY, *args).exit_code == code


def test_unreadable_site_exits_2(tmp_path):
    assert run("lint", str(tmp_path / "missing")).exit_code == 2
    assert run("lint", str(tmp_path)).exit_code == 2  # an empty folder is not a Jekyll site


def test_config_select_ignore_per_file_and_fail_on(tmp_path):
    site = small_site(tmp_path, BROKEN, {".migrate.toml": 'ignore = ["LNK003"]\nfail-on = "error"\n'})
    result = run("lint", str(site), *TODAY)
    assert "LNK001" in result.output and "LNK003" not in result.output
    assert result.exit_code == 0
    (site / ".migrate.toml").unlink()
    (site / "pyproject.toml").write_text('[tool.migrate]\nselect = ["LNK"]\n'
                                         '[tool.migrate.per-file-ignores]\n"_pages/*" = ["LNK001"]\n')
    result = run("lint", str(site), *TODAY)
    assert "LNK003" in result.output and "LNK001" not in result.output


def test_bad_config_exits_2(tmp_path):
    site = small_site(tmp_path, CLEAN, {".migrate.toml": 'selcet = ["LNK"]\n'})
    result = run("lint", str(site), *TODAY)
    assert result.exit_code == 2 and "selcet" in result.output


def test_owner_from_config_reaches_rules(tmp_path):
    from migrator.linting import owner_of
    from migrator.readers import read_site

    site = read_site(str(small_site(tmp_path, CLEAN)))
    owner = owner_of(site, {"name": "Mara Lindqvist", "scholar_id": "Q7rTmB4AAAAJ"})
    assert owner.name == "Mara Lindqvist" and owner.scholar_id == "Q7rTmB4AAAAJ"


def test_files_filter_reports_only_passed_files(tmp_path):
    site = small_site(tmp_path, BROKEN, {"_pages/cv.md": "---\npermalink: /cv/\n---\n\n[x](/files/x.pdf)\n"})
    result = run("lint", str(site / "_pages" / "cv.md"), *TODAY)
    assert "cv.md" in result.output and "about.md" not in result.output
    result = run("lint", str(site), str(site / "_pages" / "about.md"), *TODAY)
    assert "about.md" in result.output and "cv.md" not in result.output
    loose = tmp_path.parent / f"{tmp_path.name}-notes.md"
    loose.write_text("# notes\n")
    result = run("lint", str(loose), *TODAY)  # no _config.yml above it: nothing to check
    assert result.exit_code == 0 and "All checks passed." in result.output


def test_fix_repairs_mojibake_and_keeps_other_bytes(tmp_path):
    body = ("---\r\npermalink: /\r\n---\r\n\r\n# \uf8ff\u00fc\u00ee\u2022 News\r\n"
            "Caf\u00e9 \u2014 untouched\r\n- *2024.03*: \uf8ff\u00fc\u00e9\u00e2 Two papers\r\n")
    raw = b"\xef\xbb\xbf" + body.encode("utf-8")
    site = small_site(tmp_path, raw)
    result = run("lint", str(site), *TODAY, "--fix", "--select", "ENC")
    assert "fixed" in result.output and result.exit_code == 0, result.output
    after = (site / "_pages" / "about.md").read_bytes()
    expected = raw.replace("# \uf8ff\u00fc\u00ee\u2022 News".encode(), "# 🔥 News".encode()).replace(
        "\uf8ff\u00fc\u00e9\u00e2".encode(), "🎉".encode())
    assert after == expected


def test_fix_refuses_a_file_that_changed(tmp_path):
    from migrator.lint.fixes import apply_fixes
    from migrator.linting import lint

    site = small_site(tmp_path, "---\npermalink: /\n---\n\n# \uf8ff\u00fc\u00ee\u2022 News\n")
    found, _ = lint(str(site), select=["ENC001"])
    page = site / "_pages" / "about.md"
    page.write_text("---\npermalink: /\n---\n\n# edited meanwhile\n", encoding="utf-8")
    report = apply_fixes(site, found)
    assert report.refused and "changed since it was read" in report.refused[0][1]
    assert page.read_text(encoding="utf-8").endswith("# edited meanwhile\n")


def test_fix_that_would_break_yaml_is_refused(tmp_path):
    from migrator.diagnostics import Diagnostic, Edit, Fix
    from migrator.lint.fixes import apply_fixes
    from migrator.model import Span

    site = small_site(tmp_path, "---\ntitle: A\npermalink: /\n---\n\nHello.\n")
    bad = Diagnostic("X", "x", "warning", "m", Span("_pages/about.md", 2),
                     fix=Fix("break it", [Edit("_pages/about.md", 2, "title: A", "title: [unclosed")]))
    report = apply_fixes(site, [bad])
    assert report.refused and not report.changed


def test_rules_command():
    listing = run("rules")
    assert listing.exit_code == 0 and "LNK001   malformed-arxiv-id" in listing.output
    one = run("rules", "nav001")
    assert one.exit_code == 0 and "## What it does" in one.output
    assert run("rules", "NOPE1").exit_code == 2


@pytest.mark.parametrize("fixture,code", [("clean-academicpages", 0), ("seed-acad-homepage", 1)])
def test_subprocess_on_fixtures(fixture, code):
    result = subprocess.run([str(MIGRATE), "lint", str(FIXTURES / fixture), *TODAY, "--format", "json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == code, result.stderr
    data = json.loads(result.stdout)
    assert all({"code", "name", "severity", "path", "line", "column", "message", "related"} <= set(d)
               for d in data)
    if fixture == "seed-acad-homepage":
        assert any(d["code"] == "LNK001" and d["line"] == 33 for d in data)
        assert any(d["code"] == "ENC001" and d["line"] == 19 for d in data)


def test_subprocess_fix_on_a_copy(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "seed-acad-homepage", site)
    before = (site / "_pages" / "about.md").read_bytes().split(b"\n")
    subprocess.run([str(MIGRATE), "lint", str(site), "--fix", "--select", "ENC001"],
                   capture_output=True, text=True, timeout=120, check=False)
    after = (site / "_pages" / "about.md").read_bytes().split(b"\n")
    assert len(before) == len(after)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert 19 in changed and 33 not in changed
    again = subprocess.run([str(MIGRATE), "lint", str(site), "--select", "ENC001"],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stdout
