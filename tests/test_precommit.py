"""The real `pre-commit try-repo` runs hook `migrate-lint` on a fixture site in a temporary git repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
BIN = str(Path(sys.executable).parent)

pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None,
                                reason="pre-commit and git are needed")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
                            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A committed copy of the project, since try-repo installs the hook from a git repository."""
    repo = tmp_path_factory.mktemp("hook") / "migrator"
    repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, repo / name)
    shutil.copytree(ROOT / "migrator", repo / "migrator",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hook")
    return repo


def try_repo(hook_repo: Path, site_fixture: str, tmp_path: Path) -> subprocess.CompletedProcess:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / site_fixture, site)
    git(site, "init", "-q")
    git(site, "add", "-A")
    # one hook environment for the module: installing it is the slow part
    env = dict(os.environ, PRE_COMMIT_HOME=str(hook_repo.parent / "cache"), PATH=BIN + os.pathsep + os.environ["PATH"])
    return subprocess.run([str(PRE_COMMIT), "try-repo", str(hook_repo), "migrate-lint", "--all-files"],
                          cwd=site, capture_output=True, text=True, timeout=900, env=env)


def test_hook_fails_on_a_broken_site(hook_repo, tmp_path):
    result = try_repo(hook_repo, "seed-acad-homepage", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "LNK001" in result.stdout and "ENC001" in result.stdout


def test_hook_passes_on_a_clean_site(hook_repo, tmp_path):
    result = try_repo(hook_repo, "clean-academicpages", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
