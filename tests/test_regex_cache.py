"""migrator/regex_cache.py gives `migrate` the very patterns a normal compile gives, and never fails
a run: every pattern a run compiles is compared with a fresh compile (CPython's Pattern equality
compares the compiled code), and broken, foreign or unwritable cache files are ignored."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from migrator import regex_cache

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_dir())

pytestmark = pytest.mark.skipif(not regex_cache._AVAILABLE, reason="no _sre.compile on this Python")


@pytest.fixture
def fresh(monkeypatch):
    """The cache as a process starts: nothing installed, nothing loaded, bytecode writing allowed."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    regex_cache.uninstall()
    yield
    regex_cache.uninstall()


def run_with_cache(path: Path, *commands: list) -> None:
    """Run CLI commands in a new process whose compiles go through a cache at `path`, then save it."""
    script = textwrap.dedent(f"""
        import sys
        from migrator import regex_cache
        regex_cache.install({str(path)!r})
        from migrator.cli import main
        for args in {list(commands)!r}:
            try:
                main(args)
            except SystemExit:
                pass
        regex_cache.save()
    """)
    env = dict(os.environ, MIGRATE_JOBS="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=300,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def entries(path: Path) -> dict:
    with open(path, "rb") as handle:
        header, table = marshal.load(handle)
    assert header == regex_cache._header()
    return table


def test_every_pattern_of_a_run_is_the_pattern_a_normal_compile_gives(tmp_path, fresh):
    cache = tmp_path / "regex.bin"
    commands = []
    for site in FIXTURES:
        commands += [["lint", str(site), "--format", "json"], ["dump", str(site)]]
        commands += [["convert", str(site), "--to", to, "--out", str(tmp_path / to / site.name)]
                     for to in ("json", "acad-homepage", "academicpages")]
    run_with_cache(cache, *commands)
    table = entries(cache)
    assert len(table) > 300  # ours, PyYAML's, the standard library's
    assert regex_cache.install(str(cache))
    normal = regex_cache._normal_compile
    for (pattern, flags) in table:
        cached = regex_cache._compile(pattern, flags)
        plain = normal(pattern, flags)
        assert cached == plain, pattern  # same flags, same compiled code, same pattern
        assert (cached.groups, cached.groupindex, cached.flags) == (plain.groups, plain.groupindex, plain.flags)
    assert regex_cache._missed == 0  # every one came from the file


def test_a_second_run_compiles_nothing_and_writes_nothing(tmp_path, fresh):
    cache = tmp_path / "regex.bin"
    site = str(ROOT / "fixtures" / "seed-academicpages")
    run_with_cache(cache, ["lint", site])
    first = cache.stat().st_mtime_ns, cache.read_bytes()
    os.utime(cache, ns=(1, 1))
    run_with_cache(cache, ["lint", site])
    assert cache.stat().st_mtime_ns == 1 and cache.read_bytes() == first[1]


def test_the_program_prints_the_same_with_and_without_the_cache(tmp_path):
    site = str(ROOT / "fixtures" / "seed-acad-homepage")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    args = [sys.executable, "-m", "migrator", "lint", site, "--format", "json", "--today", "2026-11-23"]
    runs = [subprocess.run(args, cwd=ROOT, env=env, capture_output=True, timeout=120) for _ in range(2)]
    Path(regex_cache.cache_path()).unlink(missing_ok=True)
    runs.append(subprocess.run(args, cwd=ROOT, env=env, capture_output=True, timeout=120))
    assert [r.returncode for r in runs] == [1, 1, 1]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout and runs[0].stdout
    assert all(r.stderr == b"" for r in runs)
    assert Path(regex_cache.cache_path()).exists()


def test_patterns_match_alike_from_the_cache(tmp_path, fresh):
    cache = str(tmp_path / "regex.bin")
    samples = [(r"(?P<year>\d{4})-(\d\d)", "in 2024-05", 0), (r"[^\x00-\x1f\u2028\U0001F600-\U0001F64F]+", "a😀b", 0),
               (rb"(?i)ab+c", b"xABBC", 0), (r"\bfoo\b", "FOO bar", re.IGNORECASE)]
    regex_cache.install(cache)
    first = [regex_cache._compile(p, f) for p, _, f in samples]
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install(cache)
    second = [regex_cache._compile(p, f) for p, _, f in samples]
    assert regex_cache._missed == 0
    for a, b, (pattern, text, flags) in zip(first, second, samples):
        assert a == b == re.compile(pattern, flags)
        assert b.search(text).group(0) == re.compile(pattern, flags).search(text).group(0)
        assert b.groupindex == re.compile(pattern, flags).groupindex


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps(("other", {})),
                                     marshal.dumps((("migrator-regex-1", "2.7", 0, 4, 0, 0), {})),
                                     marshal.dumps([1, 2, 3])])
def test_a_broken_or_foreign_file_is_ignored(tmp_path, fresh, content):
    cache = tmp_path / "regex.bin"
    cache.write_bytes(content)
    assert regex_cache.install(str(cache))
    assert regex_cache._compile(r"a(b)c", 0).match("abc").group(1) == "b"
    assert regex_cache._missed == 1


def test_a_damaged_entry_is_compiled_again(tmp_path, fresh):
    cache = tmp_path / "regex.bin"
    regex_cache.install(str(cache))
    regex_cache._compile(r"x+y", 0)
    regex_cache.save()
    regex_cache.uninstall()
    table = entries(cache)
    (key, entry), = table.items()
    table[key] = (entry[0], b"\xff" * len(entry[1]), *entry[2:])  # code the engine must refuse
    cache.write_bytes(marshal.dumps((regex_cache._header(), table)))
    regex_cache.install(str(cache))
    assert regex_cache._compile(r"x+y", 0).fullmatch("xxy")
    assert regex_cache._missed == 1


def test_nothing_is_written_where_bytecode_is_not(tmp_path, fresh, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    regex_cache.install(str(tmp_path / "regex.bin"))
    regex_cache._compile(r"q+", 0)
    regex_cache.save()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_not_an_error(tmp_path, fresh):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    regex_cache.install(str(folder / "regex.bin"))
    regex_cache._compile(r"r+", 0)
    regex_cache.save()
    assert list(folder.iterdir()) == []


def test_a_save_into_a_missing_or_blocked_place_leaves_nothing_behind(tmp_path, fresh):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    regex_cache.install(str(blocker / "sub" / "regex.bin"))  # a folder that cannot exist
    regex_cache._compile(r"s+", 0)
    regex_cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_the_file_is_bounded(tmp_path, fresh, monkeypatch):
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 10)
    cache = tmp_path / "regex.bin"
    regex_cache.install(str(cache))
    for n in range(25):
        regex_cache._compile(f"old{n}", 0)
    regex_cache.save()
    assert len(entries(cache)) == 25  # what one run compiles is always kept
    regex_cache.uninstall()
    regex_cache.install(str(cache))
    for n in range(3):
        regex_cache._compile(f"new{n}", 0)
    regex_cache._compile("old24", 0)
    regex_cache.save()
    table = entries(cache)
    assert len(table) == 10  # this run's four, then older ones up to the bound
    assert {("new0", 0), ("new1", 0), ("new2", 0), ("old24", 0)} <= set(table)


def test_a_bad_pattern_raises_the_normal_error(tmp_path, fresh):
    regex_cache.install(str(tmp_path / "regex.bin"))
    with pytest.raises(re.error) as caught:
        regex_cache._compile("a(b", 0)
    with pytest.raises(re.error) as expected:
        regex_cache._normal_compile("a(b", 0)
    assert str(caught.value) == str(expected.value)
    assert regex_cache._missed == 0
