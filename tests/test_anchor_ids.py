"""NAV001's heading ids agree with real kramdown (the parser Jekyll uses), where ruby has it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from migrator.rules.anchors import page_ids

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RUBY = """
require 'kramdown'
require 'kramdown-parser-gfm'
src = STDIN.read
Kramdown::Document.new(src, input: 'GFM', auto_ids: true).to_html.scan(/<h[1-6] id="([^"]*)"/) { |m| puts m[0] }
"""
SAMPLES = [
    "# 🔥 News\n\n# 📝 Selected Publications ([all](https://scholar.google.com/citations?user=x))\n",
    "## 📽️ Efficient Video\n\n# 👩‍🏫 Work Experiences\n\n# A² `code` *em* test\n",
    "# 🎓 教育经历 \n\n# News\n\n# News\n\nTalks\n=====\n",
    '<div markdown="1">\n\n## 📢 News\n\n</div>\n',
]


def kramdown_ids(text: str):
    result = subprocess.run(["ruby", "-e", RUBY], input=text, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        pytest.skip(f"kramdown (installed with jekyll) is not available: {result.stderr[-200:]}")
    return set(result.stdout.split())


def bodies():
    for page in sorted(FIXTURES.glob("*/_pages/**/*.md")):
        lines = page.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")
        if lines and lines[0].strip() == "---" and "---" in [l.strip() for l in lines[1:]]:
            lines = lines[[l.strip() for l in lines[1:]].index("---") + 2:]
        yield pytest.param("\n".join(lines), id=str(page.relative_to(FIXTURES)))
    for i, sample in enumerate(SAMPLES):
        yield pytest.param(sample, id=f"sample-{i}")


@pytest.mark.skipif(shutil.which("ruby") is None, reason="ruby (for jekyll's kramdown) is not installed")
@pytest.mark.parametrize("text", list(bodies()))
def test_every_kramdown_id_is_known(text):
    assert kramdown_ids(text) <= page_ids(text.split("\n"), gfm=True)
