"""Converted fixture sites built with the real Jekyll (Debian's `jekyll`, kramdown GFM, auto ids)."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from migrator.converting import run_convert

from conftest import corpus_sites

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LAYOUT = ("<!doctype html><html><head><meta charset='utf-8'><title>{{ page.title }}</title></head>"
          "<body>{{ content }}</body></html>\n")
OVERRIDE = ("markdown: kramdown\nkramdown:\n  input: GFM\n  auto_ids: true\nplugins: [jekyll-redirect-from]\n"
            "defaults:\n  - scope: {path: ''}\n    values: {layout: default}\ntheme: null\nremote_theme: null\n")
MOJIBAKE = ("\uf8ff", "üî", "Ã©", "â€", "ðŸ")

pytestmark = pytest.mark.skipif(shutil.which("jekyll") is None,
                                reason="jekyll is not installed (apt-get install jekyll); .ci/run makes this a failure")


def build(site: Path) -> Path:
    (site / "_layouts").mkdir(exist_ok=True)
    (site / "_layouts" / "default.html").write_text(LAYOUT)
    (site / "_override.yml").write_text(OVERRIDE)
    env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true")
    result = subprocess.run(["jekyll", "build", "-s", str(site), "-d", str(site / "_site"),
                             "--config", f"{site}/_config.yml,{site}/_override.yml"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:] or result.stdout[-2000:]
    return site / "_site"


def page_html(built: Path, url: str) -> str:
    path = built / url.strip("/") / "index.html" if url.strip("/") else built / "index.html"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("seed", sorted(p.name for p in FIXTURES.glob("seed-*")))
def test_converted_site_builds_and_its_navigation_resolves(seed, tmp_path):
    out = convert_and_check(FIXTURES / seed, tmp_path)
    assert "<u>Xuanlei Zhao</u>" in page_html(out / "_site", "/")


@pytest.mark.parametrize("site", corpus_sites(), ids=lambda p: p.name)
def test_converted_corpus_site_builds_and_its_navigation_resolves(site, tmp_path):
    convert_and_check(site, tmp_path, owner_everywhere=False)


def convert_and_check(source: Path, tmp_path: Path, owner_everywhere: bool = True) -> Path:
    """Convert, build, and check anchors, duplicate titles, mojibake and (on our fixtures, where the
    owner wrote every paper) the owner underlined in every author list."""
    out = tmp_path / "site"
    assert run_convert(str(source), "acad-homepage", str(out), False, False, False, None, None,
                       "2025-06-01") in (0, 1)
    nav = (out / "_data" / "navigation.yml").read_text()
    built = build(out)
    for url in re.findall(r'url:\s*"([^"]+)"', nav):
        if url.startswith(("http:", "https:", "//", "mailto:")):
            continue
        page, _, anchor = url.partition("#")
        html = page_html(built, page)
        assert html, f"{url}: no built page"
        if anchor:
            assert re.search(r"""id=["']%s["']""" % re.escape(anchor), html), f"anchor {url} missing"
    for html_file in built.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not any(bad in html for bad in MOJIBAKE), html_file
        titles = re.findall(r"<li>\n\s+(?:<code[^>]*>[^<]*</code> )?<strong>([^<]+)</strong>", html)
        assert len(titles) == len(set(titles)), f"{html_file}: a publication is listed twice"
        for authors in re.findall(r"<div><i>(.*?)</i></div>", html):
            assert "<u>" in authors or not owner_everywhere, f"{html_file}: owner not underlined in {authors[:80]}"
    return out


def test_heading_ids_match_kramdown_itself(tmp_path):
    """Our ids for tricky headings equal the ones Jekyll's kramdown writes."""
    from migrator.kramdown_ids import heading_ids

    text = ("# 🔥 News\n\n## 📽️ Efficient Video\n\n# 🔥 News\n\n# Élan été_x 2024 – a—b\n\n"
            "# 🧑‍🏫 Teaching\n\n# Q&A: C++ / R\n\n## Others\n\n## Others\n\n"
            "# [GPU IGA for Flow](https://github.com/x/y) ![i](a.png)\n\n# A -- B --- C... _em_ __strong__ snake_case\n\n"
            "# Tom &amp; Jerry <span>in `co_de`</span> \\*x\\*\n")
    site = tmp_path / "ids"
    site.mkdir()
    (site / "_config.yml").write_text("title: ids\n")
    (site / "index.md").write_text("---\n---\n" + text)
    html = page_html(build(site), "/")
    built_ids = re.findall(r'<h\d id="([^"]+)"', html)
    assert built_ids == [anchor for _, _, anchor in heading_ids(text)]
