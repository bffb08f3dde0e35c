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


def check_site_golden(name: str, update: bool) -> None:
    """Read fixtures/<name>, check its line accounting and compare its model with tests/goldens/readers/<name>.json."""
    from migrator.accounting import account
    from migrator.readers import read_loaded
    from migrator.serialize import to_data

    loaded = read_loaded(str(FIXTURES / name))
    result = account(loaded.site, {doc.path: doc.body() for doc in loaded.documents})
    assert result.ok, result.summary()
    data = to_data(loaded.site)
    data["root"] = f"fixtures/{name}"
    check_golden(name, data, update)


def check_golden(name: str, data, update: bool, folder: str = "readers") -> None:
    """Compare `data` (JSON-ready) with tests/goldens/<folder>/<name>.json, or rewrite it with --update-goldens."""
    import json

    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    golden = ROOT / "tests" / "goldens" / folder / f"{name}.json"
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    if not golden.exists():
        pytest.fail(f"no golden {golden.name}: run pytest --update-goldens and review the file")
    assert text == golden.read_text(encoding="utf-8")
