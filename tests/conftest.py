"""Shared test options: `--update-goldens` rewrites golden files instead of comparing."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files")


@pytest.fixture
def update_goldens(request):
    return request.config.getoption("--update-goldens")


def corpus_sites():
    """Every site folder of ../shared/corpus (empty when it is not there)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for theme in CORPUS.iterdir() if theme.is_dir() for p in theme.iterdir() if p.is_dir())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (MIGRATE_REQUIRE_JEKYLL=1) a test skipped for want of jekyll fails instead."""
    import os

    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("MIGRATE_REQUIRE_JEKYLL") == "1":
        reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
        if "jekyll" in reason.lower():
            report.outcome = "failed"
            report.longrepr = f"jekyll is required here but the test skipped: {reason}"
