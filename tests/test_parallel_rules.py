"""Rules split over two processes find exactly what one process finds, and a failing child
changes nothing (its rules run again in the parent)."""
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


def serial(site, monkeypatch):
    monkeypatch.setenv("MIGRATE_JOBS", "1")
    found, _ = lint(str(ROOT / site))
    monkeypatch.delenv("MIGRATE_JOBS")
    return found


@pytest.mark.parametrize("site", SITES)
def test_split_finds_what_one_process_finds(site, monkeypatch):
    expected = serial(site, monkeypatch)
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 0)
    children = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    found, _ = lint(str(ROOT / site))
    assert children, "the rules were not split"
    assert found == expected and expected


def test_a_failing_child_is_replaced_by_the_parent(monkeypatch):
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
    assert found == expected and expected


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
