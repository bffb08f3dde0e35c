"""Work shared with a forked child (lint rules, the writer's read-back) gives exactly what one
process gives, and a failing child changes nothing (its part is done again in the parent)."""
import os
import sys
from pathlib import Path

import pytest

from migrator.lint import engine, parallel
from migrator.linting import lint

ROOT = Path(__file__).resolve().parent.parent
SITES = ["fixtures/seed-acad-homepage", "fixtures/seed-academicpages", "fixtures/ap-collections",
         "fixtures/ah-shapes"]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="split only on Linux")


@pytest.fixture
def forks(monkeypatch):
    """The pids of the children forked during a test (so a test cannot pass by staying serial)."""
    monkeypatch.delenv("MIGRATE_JOBS", raising=False)
    monkeypatch.delenv("MIGRATE_DEBUG", raising=False)
    children = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    return children


def serial(site, monkeypatch):
    monkeypatch.setenv("MIGRATE_JOBS", "1")
    found, _ = lint(str(ROOT / site))
    monkeypatch.delenv("MIGRATE_JOBS")
    return found


@pytest.mark.parametrize("site", SITES)
def test_split_finds_what_one_process_finds(site, monkeypatch, forks):
    expected = serial(site, monkeypatch)
    assert not forks  # one process
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 0)
    found, _ = lint(str(ROOT / site))
    assert forks, "the rules were not split"
    assert found == expected and expected


def test_a_failing_child_is_replaced_by_the_parent(monkeypatch, forks):
    site = "fixtures/seed-acad-homepage"
    expected = serial(site, monkeypatch)
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 0)
    parent = os.getpid()
    real_run = engine.run_rules

    def run(ctx, rules):
        if os.getpid() != parent:
            raise RuntimeError("child dies")
        return real_run(ctx, rules)

    monkeypatch.setattr(engine, "run_rules", run)
    found, _ = lint(str(ROOT / site))
    assert forks and found == expected and expected


def test_small_sites_and_jobs_1_stay_in_one_process(monkeypatch):
    from migrator.readers import read_loaded
    from migrator.rules.base import LintContext, Owner
    import datetime as dt

    loaded = read_loaded(str(ROOT / "fixtures/seed-academicpages"))
    ctx = LintContext(site=loaded.site, loaded=loaded, owner=Owner(), today=dt.date(2026, 11, 23))
    assert not parallel.worth_splitting(ctx)  # a handful of pages
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 0)
    assert parallel.worth_splitting(ctx)
    monkeypatch.setenv("MIGRATE_JOBS", "1")
    assert not parallel.worth_splitting(ctx)


def test_fork_map_gives_the_serial_list_and_survives_a_dying_child(forks):
    from migrator import forking

    items = list(range(101))
    assert forking.fork_map(lambda x: (x, str(x) * 3), items, 0) == [(x, str(x) * 3) for x in items]
    assert len(forks) == 1
    parent = os.getpid()

    def dies_in_child(x):
        if os.getpid() != parent:
            os._exit(3)
        return x * 2

    assert forking.fork_map(dies_in_child, items, 0) == [x * 2 for x in items]
    assert len(forks) == 2
    assert forking.fork_map(str, [], 0) == []


def test_written_publication_list_is_the_same_from_two_processes(monkeypatch, forks):
    from migrator.readers import read_site
    from migrator.writers import acad_items

    pubs = read_site(str(ROOT / "fixtures/ap-publist")).publications
    assert len(pubs) > 3
    serial = acad_items.publication_list(pubs, ["Ana García"])
    monkeypatch.setattr(acad_items, "FORK_FROM", 0)
    acad_items.stable_line.__globals__["_settled"].cache_clear()  # the child's work is not cached here
    assert acad_items.publication_list(pubs, ["Ana García"]) == serial
    assert forks


def _converted(site: str, to: str, out: Path) -> dict:
    """Every file `migrate convert` writes, and its report (paths made relative)."""
    from migrator.converting import run_convert

    report = out.parent / (out.name + ".json")
    run_convert(str(ROOT / site), to, str(out), False, False, False, str(report), None, "2026-11-23")
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    files["report"] = report.read_text(encoding="utf-8").replace(str(out), "OUT")
    return files


@pytest.mark.parametrize("site, to", [(s, "academicpages" if "acad-homepage" in s or "ah-" in s else "acad-homepage")
                                      for s in SITES])
def test_convert_with_stale_nodes_found_by_a_child_writes_the_same_site(site, to, tmp_path, monkeypatch, forks):
    from migrator.readers import read_loaded

    monkeypatch.setenv("MIGRATE_JOBS", "1")
    expected = _converted(site, to, tmp_path / "one")
    monkeypatch.delenv("MIGRATE_JOBS")
    assert not forks
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 0)
    assert _converted(site, to, tmp_path / "two") == expected
    assert forks, "the stale pass was not given to a child"


def test_those_sites_take_both_ways_of_clustering():
    """Sites with stale publications (clustered again without them) and sites without any (the
    clusters of every publication, found while the child looks for stale nodes, are used)."""
    import datetime as dt

    from migrator.converting import stale_nodes
    from migrator.readers import read_loaded

    with_stale = []
    for site in SITES:
        loaded = read_loaded(str(ROOT / site))
        stale = stale_nodes(loaded.site, loaded, dt.date(2026, 11, 23))
        with_stale.append(any(id(p) in stale for p in loaded.site.publications))
    assert any(with_stale) and not all(with_stale)
