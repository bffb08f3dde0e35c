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


AP_LAYOUT = ("<!doctype html><html><head><meta charset='utf-8'><title>{{ page.title }}</title></head>"
             "<body>{{ content }}<p class='venue'>{{ page.venue }}</p><p class='citation'>{{ page.citation }}</p>"
             "</body></html>\n")
AP_INCLUDES = {"base_path": "", "archive-single.html": "<a class='item' href=\"{{ post.url }}\">{{ post.title }}</a>\n"}


@pytest.mark.parametrize("site", sorted(FIXTURES.iterdir()) + corpus_sites(), ids=lambda p: p.name)
def test_converted_to_academicpages_builds_with_a_page_for_every_item(site, tmp_path):
    """The academicpages output, built with the theme's layouts and includes stubbed: every
    collection item has its page at its permalink and is on its collection's listing page."""
    if not site.is_dir():
        pytest.skip("not a site")
    out = tmp_path / "site"
    assert run_convert(str(site), "academicpages", str(out), False, False, False, None, None, "2025-06-01") in (0, 1)
    (out / "_layouts").mkdir(exist_ok=True)
    for name in ("default", "single", "talk", "archive"):
        (out / "_layouts" / f"{name}.html").write_text(AP_LAYOUT)
    (out / "_includes").mkdir(exist_ok=True)
    used = {m for p in out.rglob("*") if p.suffix in (".md", ".html") and p.is_file()
            for m in re.findall(r"{%-?\s*include\s+([\w./-]+)", p.read_text(encoding="utf-8", errors="replace"))}
    for name in used | set(AP_INCLUDES):  # the rest of the theme's includes (carried pages use them): empty
        if not (out / "_includes" / name).exists():
            (out / "_includes" / name).parent.mkdir(parents=True, exist_ok=True)
            (out / "_includes" / name).write_text(AP_INCLUDES.get(name, ""))
    (out / "_override.yml").write_text("theme: null\nremote_theme: null\n")
    env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true")
    result = subprocess.run(["jekyll", "build", "-s", str(out), "-d", str(out / "_site"),
                             "--config", f"{out}/_config.yml,{out}/_override.yml"],
                            capture_output=True, text=True, env=env, timeout=300)
    cause = [line for line in (result.stderr + result.stdout).splitlines() if "Error" in line or "Exception" in line]
    assert result.returncode == 0, "\n".join(cause[:3]) or result.stderr[-2000:]
    built = out / "_site"
    assert (built / "index.html").exists()
    for folder in ("_publications", "_talks", "_teaching", "_portfolio"):
        items = sorted((out / folder).glob("*.md"))
        listing = page_html(built, "/" + folder[1:] + "/")
        assert listing or not items, f"{folder}: no listing page"
        for item in items:
            permalink = re.search(r'^permalink: "([^"]+)"', item.read_text(encoding="utf-8"), re.M).group(1)
            page = built / (permalink.strip("/") + ".html")
            assert page.exists() or (built / permalink.strip("/") / "index.html").exists(), f"{item.name}: no page"
            assert f'href="{permalink}' in listing, f"{item.name} is not on its listing page"
    for html_file in built.rglob("*.html"):
        assert not any(bad in html_file.read_text(encoding="utf-8") for bad in MOJIBAKE), html_file
