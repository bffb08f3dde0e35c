"""Hostile and broken input (issue 5): one small page per case under tests/hostile/.

Each page is dropped into a minimal site and read by the real `migrate` CLI in
a subprocess: the exact diagnostic (path:line:col: CODE), the exit status, no
traceback, and the site tree byte-identical afterwards.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile"
ROOT = HOSTILE.parent.parent


def make_site(tmp_path: Path, *pages: str) -> Path:
    site = tmp_path / "site"
    (site / "_pages").mkdir(parents=True, exist_ok=True)
    shutil.copy(HOSTILE / "_config.yml", site / "_config.yml")
    for name in pages:
        shutil.copy(HOSTILE / name, site / "_pages" / name)
    return site


def tree_digest(root: Path) -> dict:
    """rel path -> sha256 (or link target) of everything under root, links not followed."""
    digest = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            rel = str(full.relative_to(root))
            if full.is_symlink():
                digest[rel] = "link:" + os.readlink(full)
            elif full.is_file():
                try:
                    digest[rel] = hashlib.sha256(full.read_bytes()).hexdigest()
                except PermissionError:
                    digest[rel] = "unreadable"
            else:
                digest[rel] = "dir"
    return digest


def migrate(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "migrator", *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "MIGRATE_DEBUG": ""})
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    return result


def dump(tmp_path: Path, *pages: str):
    """Run `migrate dump` on a site holding `pages`; check the site is left untouched."""
    site = make_site(tmp_path, *pages)
    before = tree_digest(tmp_path)
    result = migrate("dump", site, cwd=tmp_path)
    assert tree_digest(tmp_path) == before
    return result


def diagnostics(stderr: str) -> list:
    """(path, line, col, code) of every `path:line:col: CODE message` line."""
    found = []
    for line in stderr.splitlines():
        place, _, rest = line.partition(": ")
        parts = place.rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit():
            found.append((parts[0], int(parts[1]), int(parts[2]), rest.split(" ", 1)[0]))
    return found


# page, exit status, expected (line, col, code) findings, a phrase of the first message
CASES = [
    ("fm_unclosed_quote.md", 1, [(2, 8, "FM001")], "quoted scalar opened here is never closed"),
    ("fm_bad_indent.md", 1, [(3, 12, "FM001")], "mapping values are not allowed here"),
    ("fm_tabs.md", 1, [(4, 1, "FM001")], "a tab is used for indentation"),
    ("fm_duplicate_key.md", 1, [(4, 1, "FM002")], "key 'title' is given twice"),
    ("fm_list.md", 1, [(2, 1, "FM001")], "front matter is a list, not a mapping"),
    ("fm_scalar.md", 1, [(2, 1, "FM001")], "front matter is a string, not a mapping"),
    ("fm_unclosed.md", 1, [(1, 1, "FM001")], "opened with '---' on line 1 is never closed"),
    ("fm_after_blank.md", 0, [(2, 1, "FM001")], "front matter starts on line 2, after blank lines"),
    ("fm_yes.md", 0, [], ""),
    ("fm_good_date.md", 0, [], ""),
    ("fm_bad_date.md", 1, [(3, 7, "FM005")], "date '2020-04-31' is not a date"),
    ("yaml_alias_bomb.md", 1, [(2, 1, "FM001")], "alias bomb"),
    ("yaml_python_tag.md", 0, [], ""),
    ("yaml_deep_brackets.md", 1, [(2, 1, "FM001")], "more than 100 levels"),
    ("yaml_deep_blocks.md", 1, [(102, 100, "FM001")], "more than 100 levels deep"),
    ("bom.md", 0, [], ""),
    ("utf16.md", 0, [], ""),
    ("latin1.md", 0, [], ""),
    ("crlf_mixed.md", 1, [(3, 10, "FM001")], "expected ',' or ']'"),
    ("nul.md", 1, [(1, 1, "IO002")], "contains a NUL byte on line 4"),
    ("binary.md", 1, [(1, 1, "IO002")], "not a text file"),
    ("mojibake.md", 0, [], ""),
    ("empty.md", 0, [], ""),
    ("unclosed_html.md", 0, [], ""),
    ("html_comment_sections.md", 0, [], ""),
    ("liquid.md", 0, [], ""),
    ("kramdown.md", 0, [], ""),
    ("nested_lists.md", 0, [], ""),
    ("tables.md", 0, [], ""),
    ("emoji_headings.md", 0, [], ""),
]


@pytest.mark.parametrize("page,status,expected,phrase", CASES, ids=[c[0] for c in CASES])
def test_dump_reports_exactly(tmp_path, page, status, expected, phrase):
    result = dump(tmp_path, page)
    found = [(line, col, code) for path, line, col, code in diagnostics(result.stderr)
             if path == f"_pages/{page}"]
    assert found == expected, result.stderr
    assert phrase in result.stderr
    assert result.returncode == status, result.stderr
    json.loads(result.stdout)  # the model is still printed


def page_of(result, name):
    model = json.loads(result.stdout)
    pages = [p for p in model["pages"] if p["path"] == f"_pages/{name}"]
    files = [f for f in model["files"] if f["path"] == f"_pages/{name}"]
    return model, (pages[0] if pages else None), (files[0] if files else None)


def test_duplicate_key_keeps_the_last_value_like_jekyll(tmp_path):
    _, page, _ = page_of(dump(tmp_path, "fm_duplicate_key.md"), "fm_duplicate_key.md")
    assert page["front_matter"]["title"] == "Second title"
    assert page["front_matter"]["permalink"] == "/about/"


def test_yaml_1_1_booleans_as_psych_reads_them(tmp_path):
    _, page, _ = page_of(dump(tmp_path, "fm_yes.md"), "fm_yes.md")
    assert page["front_matter"] == {"title": "Booleans", "comments": True, "share": True,
                                    "read_time": False, "y": 1, "n": False}


def test_bad_date_is_kept_as_text_and_the_rest_is_read(tmp_path):
    _, page, _ = page_of(dump(tmp_path, "fm_bad_date.md"), "fm_bad_date.md")
    assert page["front_matter"] == {"title": "Bad date", "date": "2020-04-31"}


def test_unsafe_tags_are_never_executed(tmp_path):
    result = dump(tmp_path, "yaml_python_tag.md")
    assert not list(tmp_path.rglob("PWNED*")) and not (ROOT / "PWNED_BY_YAML").exists()
    _, page, _ = page_of(result, "yaml_python_tag.md")
    assert page["front_matter"]["run"] == ["touch PWNED_BY_YAML"]  # kept as plain data
    assert page["front_matter"]["ruby"] == {"i": "x"}


def test_alias_bomb_is_bounded_in_time_and_memory():
    import tracemalloc

    from migrator.source import load_yaml

    text = (HOSTILE / "yaml_alias_bomb.md").read_text().split("---\n")[1]
    tracemalloc.start()
    started = time.monotonic()
    data, _, problems = load_yaml(text, "p.md", 1)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert data is None and [p.code for p in problems] == ["FM001"]
    assert elapsed < 10 and peak < 100 * 2 ** 20


def test_deep_nesting_is_refused_fast():
    from migrator.source import load_yaml

    for source in ("x: " + "[" * 50000 + "]" * 50000, "x: " + "{a: " * 20000 + "}" * 20000,
                   "".join(" " * i + "k:\n" for i in range(5000)), "- " * 20000 + "x"):
        started = time.monotonic()
        data, _, problems = load_yaml(source, "p.md")
        assert time.monotonic() - started < 5
        assert data is None and problems[0].code == "FM001"


@pytest.mark.parametrize("page,encoding,newline,needle", [
    ("bom.md", "utf-8-sig", "LF", "Café body."),
    ("utf16.md", "utf-16", "LF", "Café body in UTF-16."),
    ("latin1.md", "cp1252", "LF", "Café Müller in Latin-1."),
    ("crlf_mixed.md", "utf-8", "mixed", "Line two."),
])
def test_encodings_and_line_endings(tmp_path, page, encoding, newline, needle):
    result = dump(tmp_path, page)
    _, _, info = page_of(result, page)
    assert (info["encoding"], info["newline"]) == (encoding, newline)
    assert needle in result.stdout


def test_mojibake_is_repaired_and_recorded(tmp_path):
    result = dump(tmp_path, "mojibake.md")
    _, _, info = page_of(result, "mojibake.md")
    assert [(r["line"], r["repaired"], r["encoding"]) for r in info["repairs"]] == [
        (4, "# 🔥 News", "mac_roman"), (5, "Café au lait.", "cp1252")]


def test_repair_leaves_legitimate_text_alone():
    from migrator.source import repair_mojibake

    for line in ("naïve café", "«École»", "“Élan”", "Straße", "中文", "Łódź"):
        assert repair_mojibake(line) == (line, "")
    assert repair_mojibake("SÃ£o Paulo") == ("São Paulo", "cp1252")


@pytest.mark.parametrize("raw,text,encoding", [
    ("Café\n".encode("utf-16-le"), "Café\n", "utf-16-le"),
    ("Café\n".encode("utf-16-be"), "Café\n", "utf-16-be"),
    ("中文 and ".encode() + b"caf\xe9", "中文 and café", "cp1252"),  # one stray Latin-1 byte
    (b"x\x8f\x9dy", "x\x8f\x9dy", "cp1252"),  # bytes cp1252 leaves undefined are kept
])
def test_decode_without_bom_and_with_stray_bytes(raw, text, encoding):
    from migrator.source import decode

    assert decode(raw) == (text, encoding)


def test_a_50_mb_page_is_refused_with_a_clear_message(tmp_path):
    site = make_site(tmp_path)
    line = b"- A long line of a very large page, repeated until the file is huge.\n"
    with open(site / "_pages" / "huge.md", "wb") as out:
        out.write(b"---\ntitle: Huge\n---\n")
        for _ in range(50 * 2 ** 20 // len(line) + 1):
            out.write(line)
    before = tree_digest(tmp_path)
    result = migrate("dump", site, cwd=tmp_path)
    assert tree_digest(tmp_path) == before
    assert ("_pages/huge.md", 1, 1, "IO002") in diagnostics(result.stderr)
    assert "file is 50 MB, larger than the 5 MB a page may have" in result.stderr
    assert result.returncode == 1


def test_symlink_out_of_the_site_is_not_followed(tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("---\ntitle: SECRET-OUTSIDE\n---\nSECRET BODY\n")
    site = make_site(tmp_path, "fm_good_date.md")
    (site / "_pages" / "link.md").symlink_to(secret)
    (site / "_pages" / "dirlink").symlink_to(secret.parent, target_is_directory=True)
    before = tree_digest(tmp_path)
    result = migrate("dump", site, cwd=tmp_path)
    assert tree_digest(tmp_path) == before
    assert "SECRET" not in result.stdout + result.stderr
    assert result.returncode == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_with_a_page_name_does_not_hang(tmp_path):
    site = make_site(tmp_path, "fm_good_date.md")
    os.mkfifo(site / "_pages" / "pipe.md")
    result = subprocess.run([sys.executable, "-m", "migrator", "dump", str(site)], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_unreadable_file_is_reported(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    site = make_site(tmp_path, "fm_good_date.md", "bom.md")
    locked = site / "_pages" / "bom.md"
    locked.chmod(0)
    try:
        result = migrate("dump", site, cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    assert ("_pages/bom.md", 1, 1, "IO001") in diagnostics(result.stderr)
    assert "Permission denied" in result.stderr
    assert result.returncode == 1
    assert '"_pages/fm_good_date.md"' in result.stdout  # the rest of the site is read


def test_markup_lines_are_all_accounted_and_liquid_kept_verbatim(tmp_path):
    from migrator.accounting import account_site

    pages = ["unclosed_html.md", "html_comment_sections.md", "liquid.md", "kramdown.md",
             "nested_lists.md", "tables.md", "emoji_headings.md"]
    site = make_site(tmp_path, *pages)
    accounting = account_site(str(site))
    assert accounting.ok, accounting.summary()
    result = migrate("dump", site, cwd=tmp_path)
    for verbatim in ("{{ 7 | times: 6 }}", "{% include ../../../../etc/passwd %}", "{% raw %}"):
        assert json.dumps(verbatim)[1:-1] in result.stdout


def test_whole_hostile_site_at_once(tmp_path):
    """Every case in one site: each file is reported on its own, the rest still read."""
    pages = sorted(p.name for p in HOSTILE.glob("*.md"))
    result = dump(tmp_path, *pages)
    found = {(path, line, col, code) for path, line, col, code in diagnostics(result.stderr)}
    for page, _, expected, _ in CASES:
        for line, col, code in expected:
            assert (f"_pages/{page}", line, col, code) in found
    assert result.returncode == 1


def test_internal_error_is_one_line_naming_the_file(capsys, monkeypatch):
    from migrator.crash import guarded

    monkeypatch.delenv("MIGRATE_DEBUG", raising=False)

    def read_page(rel):
        raise KeyError("boom")

    with pytest.raises(SystemExit) as stop:
        guarded(lambda: read_page("_pages/about.md"))
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("migrate: internal error while handling _pages/about.md: KeyError")
