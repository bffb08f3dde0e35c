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
