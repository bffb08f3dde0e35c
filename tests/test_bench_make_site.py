"""bench/make_site.py writes the same realistic site for the same seed, in either theme."""
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from make_site import make_site  # noqa: E402
from papers import OWNER  # noqa: E402


def tree(root: Path) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("theme", ["academicpages", "acad-homepage"])
def test_same_seed_same_site(tmp_path, theme):
    make_site(tmp_path / "a", theme, 120, 5, 4, 6, seed=1)
    make_site(tmp_path / "b", theme, 120, 5, 4, 6, seed=1)
    make_site(tmp_path / "c", theme, 120, 5, 4, 6, seed=2)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")


def test_academicpages_lists_each_paper_in_three_places(tmp_path):
    make_site(tmp_path, "academicpages", 200, 7, 3, 9, seed=3)
    pubs = list((tmp_path / "_publications").glob("*.md"))
    assert len(pubs) == 200 + 200 // 50  # plus the arXiv twins
    assert len(list((tmp_path / "_posts").glob("*.md"))) == 7
    assert len(list((tmp_path / "_talks").glob("*.md"))) == 3
    listed = (tmp_path / "_pages/publications.md").read_text(encoding="utf-8")
    about = (tmp_path / "_pages/about.md").read_text(encoding="utf-8")
    assert listed.count("\n* **") >= 200 and about.count("\n* **") == 200 // 20
    assert about.count("\n- *") == 9 and f"<u>{OWNER}</u>" in listed


def test_acad_homepage_puts_papers_in_html_lists(tmp_path):
    make_site(tmp_path, "acad-homepage", 150, 2, 4, 5, seed=4)
    about = (tmp_path / "_pages/about.md").read_text(encoding="utf-8")
    assert about.count("<li>") == 150 and "paper-box" in about and "# 💬 Invited Talks" in about
    assert not (tmp_path / "_publications").exists()
