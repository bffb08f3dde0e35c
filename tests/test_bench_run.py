"""bench/run.py end to end on a tiny synthetic site: the table has every command and the cost of
creating the conversion's files, and every run's output is removed at the end, not between runs."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_small_run_prints_the_table_and_cleans_up(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MIGRATE_JOBS"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "40", "--runs", "1",
                           "--themes", "acad-homepage", "--no-seeds", "--no-jekyll", "--work", str(tmp_path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = {line.split(" | ")[1]: line for line in done.stdout.splitlines() if line.startswith("| ah-40 |")}
    assert set(rows) >= {"lint", "convert"}
    created = [name for name in rows if name.startswith("create ")]
    assert len(created) == 1 and int(created[0].split()[1]) > 40  # a file per publication and more
    assert "PASS  migrate --version < 0.15 s" in done.stdout or "FAIL  migrate --version" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sites"]  # every output removed
    assert (tmp_path / "sites" / "ah-40").is_dir()  # generated sites are kept for the next run


def test_create_same_files_copies_names_and_sizes(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from run import create_same_files
    finally:
        sys.path.remove(str(ROOT / "bench"))
    example = tmp_path / "example"
    (example / "_publications").mkdir(parents=True)
    (example / "_publications" / "a b.md").write_text("hello")
    (example / "about.md").write_bytes(b"x" * 3000)
    subprocess.run(create_same_files(example, tmp_path / "copy"), check=True, timeout=60)
    made = {str(p.relative_to(tmp_path / "copy")): p.stat().st_size for p in (tmp_path / "copy").rglob("*") if p.is_file()}
    assert made == {"_publications/a b.md": 5, "about.md": 3000}
