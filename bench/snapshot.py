"""Record everything `migrate` says about a set of sites, so a speed change can be shown to
change no output: dump, lint (JSON) and both conversions (file hashes + report) per site.

    python bench/snapshot.py /tmp/before            # fixtures, corpus and two 1k synthetic sites
    ...change the code...
    python bench/snapshot.py /tmp/after && diff -r /tmp/before /tmp/after
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List

from make_site import make_site

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
TODAY = "2026-11-23"


def sites(tmp: Path, size: int) -> List[Path]:
    """Fixtures, corpus sites and one synthetic site per theme (written under `tmp`)."""
    found = sorted(p for p in (REPO / "fixtures").iterdir() if p.is_dir())
    if CORPUS.is_dir():
        found += sorted(p for theme in CORPUS.iterdir() if theme.is_dir() for p in theme.iterdir() if p.is_dir())
    for theme in ("academicpages", "acad-homepage"):
        out = tmp / f"synthetic-{theme}-{size}"
        make_site(out, theme=theme, publications=size, posts=size // 10, talks=size // 10,
                  news=size // 10)
        found.append(out)
    return found


def run(argv: List[str], synthetic: Path) -> str:
    """What one `migrate` process printed, with the synthetic sites' folder written SITES."""
    proc = subprocess.run([sys.executable, "-m", "migrator", *argv], capture_output=True, text=True)
    said = f"exit {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"
    return said.replace(str(synthetic), "SITES")


def tree_manifest(root: Path) -> str:
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}  {path.relative_to(root)}")
    return "\n".join(lines) + "\n"


def snapshot(site: Path, dest: Path, synthetic: Path) -> None:
    name = site.name
    if site.parent.parent == CORPUS:
        name = f"{site.parent.name}--{site.name}"
    (dest / f"{name}.dump.txt").write_text(run(["dump", str(site)], synthetic))
    (dest / f"{name}.lint.txt").write_text(run(["lint", str(site), "--format", "json", "--today", TODAY], synthetic))
    for theme in ("acad-homepage", "academicpages"):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            report = Path(tmp) / "report.json"
            said = run(["convert", str(site), "--to", theme, "--out", str(out), "--today", TODAY,
                        "--report", str(report)], synthetic)
            text = said.replace(str(out), "OUT").replace(str(report), "REPORT")
            if report.exists():
                text += "--- report\n" + report.read_text().replace(str(out), "OUT").replace(str(synthetic), "SITES")
            if out.is_dir():
                text += "--- files\n" + tree_manifest(out)
            (dest / f"{name}.convert-{theme}.txt").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--size", type=int, default=1000, help="publications in each synthetic site")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    args.dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        todo = sites(Path(tmp), args.size)
        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(lambda site: snapshot(site, args.dest, Path(tmp)), todo))
    print(f"{len(todo)} sites recorded in {args.dest}")


if __name__ == "__main__":
    main()
