"""Property tests (issue 5): generated sites fed to the readers, the linter and the writers.

Pages are front matter (valid, broken or absent) + markdown + HTML fragments +
Liquid + odd unicode, in both themes' layouts and several encodings. Profiles:
`ci` (small, chosen when the CI variable is set), `dev` (default) and `large`
(MIGRATE_FUZZ=large, run once by hand). Exceptions must not escape, every
non-blank line must be accounted for, and convert -> read back keeps the items.
"""
import contextlib
import io
import json
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_COMMON = dict(deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("ci", max_examples=20, derandomize=True, **_COMMON)  # same examples every run
settings.register_profile("dev", max_examples=40, **_COMMON)
settings.register_profile("large", max_examples=3000, **_COMMON)
PROFILE = settings.get_profile(os.environ.get("MIGRATE_FUZZ") or ("ci" if os.environ.get("CI") else "dev"))
NO_SHRINK = PROFILE if os.environ.get("MIGRATE_FUZZ_SHRINK") else settings(
    PROFILE, phases=[Phase.explicit, Phase.reuse, Phase.generate])
"""For the known-failing (xfail) properties: report fast, the minimal cases are written by hand."""

SKIPPED = ("Cs", "Cc") if os.environ.get("MIGRATE_FUZZ_PRINTABLE") else ("Cs",)
"""MIGRATE_FUZZ_PRINTABLE=1 leaves control characters out, to look past a known bug about them."""
ODD = ["🔥", "📝", "👩🏽‍🔬", "é", "é", "Ã©", "üî•", "\u200b", "\u202e", "\ufeff", "\u2028", "\x85",
       "\x0c", "\t", "\r", "中文", "Łódź", "†", "*", "\\", "|", "`", "<", ">", "&amp;", "{{", "}}", "{%", "%}"]
ODD = [c for c in ODD if not (SKIPPED[-1] == "Cc" and unicodedata.category(c[0]) == "Cc")]
WORDS = ["Efficient", "Attention", "Transformers", "ICLR 2024", "NeurIPS", "arXiv:2408.1258",
         "10.1145/3458", "2023.06", "Ada Tester", "Bob Smith", "present", "Ph.D.", "Intern",
         "University", "[paper](https://x.org/p.pdf)", "**bold**", "*it*", "<u>Ada</u>", "~~s~~"]

text_piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD),
                       st.text(st.characters(blacklist_categories=SKIPPED, blacklist_characters="\x00"),
                               max_size=12))
inline = st.lists(text_piece, min_size=0, max_size=7).map(" ".join)

HTML = ["<div class='paper-box'><div class='paper-box-image'><div><div class=\"badge\">ICLR 2024</div>"
        "<img src='images/x.png' alt='sym' width='100%'></div></div>",
        "<div class='paper-box-text' markdown=\"1\">", "</div>", "</div></div>", "<span class='anchor' id='news'></span>",
        "<!--", "-->", "<!-- a comment -->", "<p>", "<b>unclosed", "<table><tr><td>x", "</table>", "<br>",
        "<a href=\"https://github.com/x\">code</a>", "<img src=\"https://img.shields.io/github/stars/a/b\">",
        "<details><summary>more</summary>", "</details>", "<script>alert(1)</script>"]
LIQUID = ["{% raw %}", "{% endraw %}", "{% include base_path %}", "{{ site.title }}", "{% if x %}", "{% endif %}",
          "{% for p in site.publications %}{% include archive-single.html %}{% endfor %}"]
KRAMDOWN = ["{: .notice}", "{: #id .cls}", "{::comment}", "{:/comment}", "{::options parse_block_html=\"true\" /}",
            "* TOC\n{:toc}"]


@st.composite
def block(draw):
    kind = draw(st.sampled_from(["heading", "item", "news", "pub", "html", "liquid", "kramdown",
                                 "table", "fence", "blank", "text", "rule", "quote"]))
    words = draw(inline)
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + draw(st.sampled_from([" ", "", "  "])) + draw(st.sampled_from(
            ["", "🔥 News", "📝 Publications", "🎖 Honors and Awards", "📖 Educations", "💬 Invited Talks",
             "💻 Internships", "Publications", "Education", "Experience", "Talks", "Teaching"])) + " " + words
    if kind == "item":
        return " " * draw(st.integers(0, 8)) + draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "-"])) + words
    if kind == "news":
        return f"- *{draw(st.sampled_from(['2024.03', '2023.5', '2022', 'Jan 2021', '2025-01-02']))}*: {words}"
    if kind == "pub":
        return (f"- {draw(st.sampled_from(['', '**', '<strong>']))}{words}. **Ada Tester**, Bob Smith. "
                f"*{draw(st.sampled_from(['ICLR 2024', 'arXiv 2023', 'Proceedings of X', '']))}*. "
                f"[[paper]](https://arxiv.org/abs/2401.0{draw(st.integers(1000, 9999))})")
    if kind == "html":
        return draw(st.sampled_from(HTML)) + draw(st.sampled_from(["", words]))
    if kind == "liquid":
        return draw(st.sampled_from(LIQUID)) + " " + words
    if kind == "kramdown":
        return draw(st.sampled_from(KRAMDOWN))
    if kind == "table":
        return draw(st.sampled_from(["| a | b |", "|---|---|", f"| {words} | 2024 |", "|"]))
    if kind == "fence":
        return draw(st.sampled_from(["```", "~~~", "```python", "    indented code"]))
    if kind == "blank":
        return draw(st.sampled_from(["", " ", "\t"]))
    if kind == "rule":
        return draw(st.sampled_from(["---", "***", "___", "..."]))
    if kind == "quote":
        return "> " + words
    return words


yaml_value = st.one_of(
    inline.map(json.dumps), st.sampled_from(["yes", "no", "y", "on", "~", "2020-04-30", "2020-04-31", "2023",
                                             "1e3", "0777", "[a, b]", "{a: 1}", "'unclosed", "\"x\"", "|",
                                             "&a x", "*a", "!!python/object:os.system x", "-", "[[[", ""]),
    st.integers(-10 ** 30, 10 ** 30).map(str))
yaml_line = st.one_of(
    st.tuples(st.sampled_from(["title", "permalink", "date", "venue", "excerpt", "paperurl", "citation",
                               "collection", "category", "layout", "author_profile", "redirect_from", "title"]),
              yaml_value).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    inline, st.sampled_from(["  - item", "\tkey: tab", "key:", "  nested: 1", "- list", "? complex", "---"]))


YAML_TOKENS = ["a", "b", ":", ": ", "- ", "? ", "  ", "\n", "\t", "[", "]", "{", "}", ",", "'", '"', "#",
               "&x ", "*x", "<<: ", "!!omap ", "!!set ", "!!binary ", "!!int ", "!!float ", "!!bool ", "!!timestamp ",
               "!!python/object/apply:os.system ", "!foo ", "|", ">", "---", "...", "%YAML 1.1\n", "yes", "y",
               "2020-04-31", "2020-02-29 25:61:61", "0x" + "f" * 20, "1e999", ".nan", "~", "\\u00e9", "\\ud83d",
               "é", "🔥", "\u2028", "\x85", "\ufeff", "9" * 30]


@settings(PROFILE, max_examples=PROFILE.max_examples * 10)
@given(source=st.lists(st.sampled_from(YAML_TOKENS) | text_piece, max_size=40).map("".join),
       offset=st.integers(0, 3))
def test_load_yaml_never_raises(source, offset):
    from migrator.source import load_yaml

    data, key_lines, problems = load_yaml(source, "p.yml", offset)
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # plain, writable data
    last = source.count("\n") + 2 + offset
    for problem in problems:
        assert problem.code in ("FM001", "FM002", "FM005"), problem
        assert 1 <= problem.span.line <= last, (problem, last)
    assert all(1 <= line <= last for line in key_lines.values())


@st.composite
def page_text(draw):
    front = draw(st.sampled_from(["yaml", "yaml", "none", "unclosed", "late"]))
    head = []
    if front != "none":
        head = ["---"] + draw(st.lists(yaml_line, max_size=6)) + ([] if front == "unclosed" else ["---"])
        if front == "late":
            head = [""] + head
    body = draw(st.lists(block(), max_size=25))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(head + body) + draw(st.sampled_from(["", newline]))


CONFIGS = {
    "academicpages": "title: Fuzz\nname: Ada Tester\nauthor:\n  name: Ada Tester\n  avatar: p.png\n"
                     "collections:\n  publications:\n    output: true\n  talks:\n    output: true\n",
    "acad-homepage": "title: Fuzz\nrepository: RayeRen/acad-homepage.github.io\ngoogle_scholar_stats_use_cdn: true\n"
                     "author:\n  name: Ada Tester\n  avatar: images/p.png\n",
}
PAGE_PATHS = ["_pages/about.md", "_pages/publications.md", "_pages/cv.md", "_pages/includes/intro.md",
              "_publications/2020-01-01-paper.md", "_talks/talk.md", "index.md", "_posts/2020-13-01-post.md"]


@st.composite
def site_files(draw):
    theme = draw(st.sampled_from(sorted(CONFIGS)))
    files = {"_config.yml": CONFIGS[theme].encode()}
    for path in draw(st.lists(st.sampled_from(PAGE_PATHS), min_size=1, max_size=4, unique=True)):
        text = draw(page_text())
        encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "cp1252", "mac_roman"]))
        files[path] = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        files["_data/navigation.yml"] = ("main:\n  - title: " + json.dumps(draw(inline)) + "\n    url: /#news\n").encode()
    return files


def write_site(root: Path, files: dict) -> None:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


@contextlib.contextmanager
def debug_mode():
    """Rules raise instead of reporting 'internal error in rule' (migrator/lint/engine.py)."""
    old = os.environ.get("MIGRATE_DEBUG")
    os.environ["MIGRATE_DEBUG"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("MIGRATE_DEBUG")
        else:
            os.environ["MIGRATE_DEBUG"] = old


def read_generated(files):
    from migrator.readers import read_loaded

    with tempfile.TemporaryDirectory() as tmp:
        write_site(Path(tmp), files)
        return read_loaded(tmp)


@settings(PROFILE)
@given(files=site_files())
def test_readers_never_raise(files):
    loaded = read_generated(files)
    for problem in loaded.site.problems:
        assert problem.span.path and problem.span.line >= 1, problem


@settings(PROFILE)
@given(files=site_files())
def test_readers_take_every_line(files):
    from migrator.accounting import account

    loaded = read_generated(files)
    result = account(loaded.site, {doc.path: doc.body() for doc in loaded.documents})
    assert result.ok, result.summary()


@settings(PROFILE)
@given(files=site_files())
def test_linter_never_raises(files):
    import datetime as dt

    from migrator.linting import lint

    with tempfile.TemporaryDirectory() as tmp, debug_mode():
        write_site(Path(tmp), files)
        found, _ = lint(tmp, today=dt.date(2026, 11, 23))
        for diag in found:
            assert diag.span.path and diag.span.line >= 1, diag.text()


def _titles(site) -> list:
    def norm(text):
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return sorted(norm(p.title) for p in site.publications if p.title.strip())


def convert_generated(files, target, tmp):
    from migrator.converting import run_convert

    src, out = Path(tmp) / "site", Path(tmp) / "out"
    write_site(src, files)
    with debug_mode(), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        status = run_convert(str(src), target, str(out), False, False, True, None, None, "2026-11-23")
    assert status in (0, 1)
    return src, out


@settings(PROFILE)
@given(files=site_files(), target=st.sampled_from(["acad-homepage", "academicpages", "json"]))
def test_convert_never_raises(files, target):
    with tempfile.TemporaryDirectory() as tmp:
        convert_generated(files, target, tmp)


@pytest.mark.xfail(strict=False, reason="convert -> read back changes some generated items; minimal "
                   "cases in tests/test_fuzz_found.py")
@NO_SHRINK
@given(files=site_files(), target=st.sampled_from(["acad-homepage", "academicpages"]))
def test_convert_then_read_back_keeps_items(files, target):
    from migrator.converting import clean
    from migrator.readers import read_site

    with tempfile.TemporaryDirectory() as tmp:
        src, out = convert_generated(files, target, tmp)
        written = read_site(str(out), target)
        expected = clean(read_site(str(src)), {})[0]  # (site, what was merged, ...)
        assert _titles(written) == _titles(expected)
        for kind in ("news", "education", "experience", "talks"):
            assert len(getattr(written, kind)) == len(getattr(expected, kind)), kind
