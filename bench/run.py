"""Time `migrate` as whole processes (and Jekyll, where installed) on the seed fixtures and on
synthetic sites of growing size; print medians, growth ratios and the targets of issue 6.

    python bench/run.py              # seeds + 1k, 10k and 50k publications, 5 runs each
    python bench/run.py --quick      # seeds + 1k, 2 runs (Jekyll 1): under two minutes when idle
    python bench/run.py --sizes 1000,10000 --runs 3 --themes academicpages --no-jekyll
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

from jekyll_site import jekyll_copy
from make_site import make_site

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OTHER_THEME = {"academicpages": "acad-homepage", "acad-homepage": "academicpages"}
SHORT = {"academicpages": "ap", "acad-homepage": "ah"}


class Result:
    """Medians of several runs of one command on one site."""

    def __init__(self, site: str, size: int, command: str, runs: List[tuple]):
        self.site, self.size, self.command = site, size, command
        self.wall = statistics.median(r[0] for r in runs)
        self.cpu = statistics.median(r[1] for r in runs)
        self.system = statistics.median(r[4] for r in runs)
        self.rss_mb = statistics.median(r[2] for r in runs) / 1024
        self.codes = sorted({r[3] for r in runs})
        self.runs = len(runs)


def measure(argv: List[str], cwd: Optional[Path] = None, env: Optional[dict] = None,
            timeout: float = 900) -> tuple:
    """(wall s, child CPU s, child peak RSS KB, exit status, child system CPU s) of one process."""
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child alone
    except BaseException:  # interrupted: do not leave the child running
        proc.kill()
        os.wait4(proc.pid, 0)
        killer.cancel()
        raise
    wall = time.perf_counter() - start
    killer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, usage.ru_stime


def migrate_env() -> dict:
    """The environment `migrate` is timed in: as after `pip install`, with compiled bytecode kept
    (a PYTHONDONTWRITEBYTECODE left in the shell would make every run compile every module: +0.1 s)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def migrate_exe() -> str:
    local = Path(sys.executable).parent / "migrate"
    return str(local) if local.exists() else (shutil.which("migrate") or "migrate")


def synthetic_site(work: Path, theme: str, size: int, seed: int) -> Path:
    """The generated site, made again only when the generator or its arguments changed."""
    stamp = hashlib.sha1(b"".join((HERE / f).read_bytes() for f in ("make_site.py", "papers.py")))
    stamp.update(f"{theme} {size} {seed}".encode())
    site = work / "sites" / f"{SHORT[theme]}-{size}"
    marker = site / ".bench-stamp"
    if not (marker.exists() and marker.read_text() == stamp.hexdigest()):
        print(f"  generating {site.name} ...", file=sys.stderr, flush=True)
        make_site(site, theme, size, max(3, size // 10), max(3, size // 10), max(3, size // 10), seed)
        marker.write_text(stamp.hexdigest())
    return site


def run_site(name: str, size: int, site: Path, theme: str, args, work: Path, outputs_root: Path,
             results: List[Result]) -> None:
    """Time each command on one site, appending to `results` as each finishes.

    Every run writes into a folder of its own, removed only when the whole benchmark is over: on a
    filesystem without a journal (this machine's ext4) a file created within seconds of thousands
    of deletions nearby makes the kernel walk the freed inodes (`recently_deleted` in perf), so
    removing the last run's 10,000 files just before the next run added seconds of system time
    that no user converting a site once would see. The cost of creating the same files outside
    `migrate` is timed too ("create files"), in the same place, right after."""
    migrate = migrate_exe()
    out_root = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=outputs_root))
    outputs = (out_root / f"out-{n}" for n in itertools.count())
    commands: Dict[str, tuple] = {}
    if "lint" in args.commands:
        commands["lint"] = ([migrate, "lint", str(site)], None, migrate_env())
    if "convert" in args.commands:
        commands["convert"] = ([migrate, "convert", str(site), "--to", OTHER_THEME[theme], "--out", None],
                               None, migrate_env())
    if args.jekyll and size <= args.jekyll_max and shutil.which("jekyll"):
        copy = jekyll_copy(site, work / "jekyll" / name)
        env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true")
        commands["jekyll doctor"] = (["jekyll", "doctor"], copy, env)
        commands["jekyll build"] = (["jekyll", "build", "-d", None], copy, env)
    for label, (argv, cwd, env) in commands.items():
        runs = []
        jekyll = label.startswith("jekyll")
        count = args.big_runs if size >= args.big else args.runs
        warm = not jekyll  # an untimed run warms the file cache (a fresh copy is warm); 50k cold: +25 s
        jekyll_runs = args.jekyll_runs if size < 10000 else 1  # Jekyll takes minutes there
        out = None
        for i in range(min(count, jekyll_runs) if jekyll else count + warm):
            out = next(outputs)
            timing = measure([str(out) if a is None else a for a in argv], cwd, env, args.timeout)
            if i or not warm:
                runs.append(timing)
        results.append(Result(name, size, label, runs))
        print(f"  {name:<26} {label:<14} {results[-1].wall:8.3f} s", file=sys.stderr, flush=True)
        if label == "convert" and size and out is not None and out.is_dir():
            floor = [measure(create_same_files(out, next(outputs))) for _ in range(count)]
            files = sum(1 for p in out.rglob("*") if p.is_file())
            results.append(Result(name, size, f"create {files} files", floor))


CREATE = """import os, sys
sizes = [line.rsplit(" ", 1) for line in open(sys.argv[1], encoding="utf-8").read().splitlines()]
for rel, size in sizes:
    path = os.path.join(sys.argv[2], rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.write(fd, bytes(int(size)))
    os.close(fd)
"""


def create_same_files(example: Path, dest: Path) -> List[str]:
    """A command that creates files of the same names and sizes as `example` holds, in `dest`:
    what the kernel alone costs for a conversion's output here (plus Python's 20 ms start)."""
    listing = dest.with_name(dest.name + ".list")
    listing.write_text("".join(f"{p.relative_to(example)} {p.stat().st_size}\n"
                               for p in sorted(example.rglob("*")) if p.is_file()), encoding="utf-8")
    return [sys.executable, "-c", CREATE, str(listing), str(dest)]


def label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def table(results: List[Result]) -> str:
    lines = ["| site | command | runs | wall (median) | CPU (median) | of which system | peak RSS | exit |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for r in results:
        lines.append(f"| {r.site} | {r.command} | {r.runs} | {r.wall:.3f} s | {r.cpu:.3f} s | "
                     f"{r.system:.3f} s | {r.rss_mb:.0f} MB | {','.join(map(str, r.codes))} |")
    return "\n".join(lines)


def ratios(results: List[Result]) -> str:
    """How cost grows with size, and how migrate compares with Jekyll on the same site."""
    lines = ["| site | ratio | wall | CPU |", "|---|---|---:|---:|"]
    by = {(r.site, r.command): r for r in results}
    sizes: Dict[str, List[Result]] = {}
    for r in results:
        if r.size:
            sizes.setdefault(f"{r.site.split('-')[0]} {r.command}", []).append(r)
    for key, rows in sizes.items():
        rows.sort(key=lambda r: r.size)
        for small, big in zip(rows, rows[1:]):
            lines.append(f"| {small.site.split('-')[0]} | {key.split(' ', 1)[1]} {label(big.size)} / "
                         f"{label(small.size)} | {big.wall / small.wall:.2f}x | {big.cpu / small.cpu:.2f}x |")
    for (site, command), r in by.items():
        if command == "lint":
            for other in ("jekyll doctor", "jekyll build"):
                if (site, other) in by:
                    o = by[(site, other)]
                    lines.append(f"| {site} | {other} / lint | {o.wall / r.wall:.1f}x | {o.cpu / r.cpu:.1f}x |")
    return "\n".join(lines)


def targets(results: List[Result], version: Optional[Result]) -> str:
    """The targets of issue 6, each with the measured value and PASS or FAIL."""
    checks = []
    by = {(r.site, r.command): r for r in results}
    if version:
        checks.append(("migrate --version < 0.15 s", f"{version.wall:.3f} s", version.wall < 0.15))
    for (site, command), r in by.items():
        if site.startswith("seed-") and command == "lint":
            checks.append((f"lint {site} < 0.3 s", f"{r.wall:.3f} s", r.wall < 0.3))
        if command == "lint" and (site, "jekyll doctor") in by:
            ratio = by[(site, "jekyll doctor")].wall / r.wall
            checks.append((f"lint {site} 3x faster than jekyll doctor", f"{ratio:.1f}x", ratio >= 3))
        if command == "lint" and (site, "jekyll build") in by:
            ratio = by[(site, "jekyll build")].wall / r.wall
            checks.append((f"lint {site} 10x faster than jekyll build", f"{ratio:.1f}x", ratio >= 10))
        if r.size == 10000 and command == "lint":
            checks.append((f"lint {site} < 5 s", f"{r.wall:.2f} s", r.wall < 5))
            checks.append((f"lint {site} < 400 MB", f"{r.rss_mb:.0f} MB", r.rss_mb < 400))
        if r.size == 10000 and command == "convert":
            floor = next((o for o in results if o.site == site and o.command.startswith("create ")), None)
            note = f" (the same files created alone: {floor.wall:.2f} s)" if floor else ""
            checks.append((f"convert {site} < 8 s", f"{r.wall:.2f} s{note}", r.wall < 8))
        if r.size == 50000 and command in ("lint", "convert"):
            small = by.get((site.replace("50k", "10k"), command))
            if small:
                ratio = r.wall / small.wall
                checks.append((f"{command} {site} <= 6x of 10k", f"{ratio:.2f}x", ratio <= 6))
    return "\n".join(f"{'PASS' if ok else 'FAIL'}  {what}: {value}" for what, value, ok in checks)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="publication counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (after one warm-up)")
    parser.add_argument("--themes", default="academicpages,acad-homepage")
    parser.add_argument("--commands", default="lint,convert")
    parser.add_argument("--big", type=int, default=50000, help="sizes from here on use --big-runs")
    parser.add_argument("--big-runs", type=int, default=3, help="timed runs on the big sites")
    parser.add_argument("--no-seeds", dest="seeds", action="store_false")
    parser.add_argument("--no-jekyll", dest="jekyll", action="store_false")
    parser.add_argument("--jekyll-max", type=int, default=10000, help="largest size to time Jekyll on")
    parser.add_argument("--jekyll-runs", type=int, default=3, help="at most this many Jekyll runs (slow)")
    parser.add_argument("--quick", action="store_true", help="seeds and 1k only, 2 runs, 1 Jekyll run")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--timeout", type=float, default=900, help="seconds before one run is killed")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "migrator-bench"))
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.jekyll_runs = "1000", 2, 1
    args.commands = args.commands.split(",")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    outputs_root = Path(tempfile.mkdtemp(prefix="outputs-", dir=work))  # this run's alone
    started = time.perf_counter()
    import migrator  # its bytecode written once, as pip does at install time

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(migrator.__file__).parent)],
                   env=migrate_env(), check=False, stdout=subprocess.DEVNULL)
    version_runs = [measure([migrate_exe(), "--version"], env=migrate_env())
                    for _ in range(max(args.runs, 5) + 1)][1:]
    version = Result("-", 0, "--version", version_runs)
    results = [version]
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if args.seeds:
            for seed_site in sorted((REPO / "fixtures").glob("seed-*")):
                theme = "acad-homepage" if "acad-homepage" in seed_site.name else "academicpages"
                run_site(seed_site.name, 0, seed_site, theme, args, work, outputs_root, results)
        for size in (int(s) for s in args.sizes.split(",") if s):
            for theme in args.themes.split(","):
                site = synthetic_site(work, theme, size, args.seed)
                run_site(f"{SHORT[theme]}-{label(size)}", size, site, theme, args, work, outputs_root, results)
    except KeyboardInterrupt:
        print("interrupted: the results so far follow", file=sys.stderr)
    finally:  # every run's output, kept until now (see run_site)
        shutil.rmtree(outputs_root, ignore_errors=True)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# migrate benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{os.cpu_count()} CPUs, load average {load} (wall time suffers when it exceeds the CPUs; "
          f"CPU time much less), Python {sys.version.split()[0]}, bytecode cached, "
          f"{time.perf_counter() - started:.0f} s\n")
    print(table(results) + "\n\n" + ratios(results[1:]) + "\n\n" + targets(results[1:], version))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
