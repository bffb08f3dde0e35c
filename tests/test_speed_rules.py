"""The shortcuts the lint rules take for speed give the answers of the slow path they skip."""
import random
import re
import sys

import pytest

from migrator.readers import read_loaded
from migrator.rules import anchors, date002, dup004, lnk001, lnk002, lnk004, scan, textscan
from migrator.rules.base import LintContext, Owner
from migrator.rules.textscan import CASE_TWINS, may_match

# (case-blind pattern, the hint `may_match` tests instead) for every use of `may_match`
HINTED = [
    (lnk001._TEXT, lnk001._TEXT_HINT),
    (lnk002._DOI_TEXT, lnk002._DOI_TEXT_HINT),
    (lnk004._PLACEHOLDER, lnk004._PLACEHOLDER_HINT),
    (date002._YEAR_OF_STUDY, date002._YEAR_OF_STUDY_HINT),
    (date002._LOOKING, date002._LOOKING_HINT),
    (date002._FUTURE, date002._FUTURE_HINT),
    (date002._EXPECTED, date002._FUTURE_HINT),
    (dup004._OPEN_CODE, dup004._OPEN_CODE_HINT),
    (re.compile(r"<a\s([^>]{0,2000})>((?:[^<]|<(?!/a>)){0,2000})</a>", re.I), textscan._CLOSING_A),
]
SAMPLES = ["arXiv: 2401.12345", "ARXİV :hep-th/9901001", "doi: 10.1000/x", "DOİ:10.1/x", "YOUR_NAME",
           "your-username", "http://example.com", "xxxx", "TODO", "link_here", "LINK_TO", "Url-Here",
           "first-year PhD student", "Second Year Master's", "Looking for an internship", "SEEKİNG",
           "on the job market", "will join", "WİLL be at", "upcoming", "(expected)", "```python", "~~~",
           "<SCRİPT>", "<pre>", "<ſtyle>", "<a href='x'>y</a>", "<A HREF=x>y</A>", "plain words", "ünïcode"]


def _mutations(text: str, rng: random.Random):
    yield text
    for _ in range(20):
        chars = [c.upper() if rng.random() < 0.5 else c.lower() for c in text]
        yield "".join(chars)
        yield "".join(chars).replace("i", "ı").replace("I", "İ").replace("s", "ſ").replace("k", "\u212a")
        yield "Müller " + "".join(chars) + " é"


def test_case_twins_are_every_non_ascii_letter_that_matches_an_ascii_one_case_blind():
    letter = re.compile("[a-z]", re.I)
    twins = {chr(c): chr(c).lower() for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert {twin: re.compile(ascii_letter, re.I).fullmatch(twin) is not None
            for twin, ascii_letter in CASE_TWINS} == {twin: True for twin in twins}


@pytest.mark.parametrize("pattern,hint", HINTED)
def test_may_match_never_rules_out_a_line_the_pattern_matches(pattern, hint):
    rng = random.Random(7)
    for sample in SAMPLES:
        for text in _mutations(sample, rng):
            if pattern.search(text):
                assert may_match(text, hint), (pattern.pattern, text)


def test_comment_and_mask_shortcuts_give_the_slow_answers():
    rng = random.Random(3)
    pieces = ["a", " ", "<!--", "<!-", "-->", "{% comment %}", "{%- comment -%}", "{%comment%}", "{% if x %}",
              "{ % comment %}", "<b>", "`x`"]
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        # the shortcut skips lines where no comment is open and none can start
        if textscan._HTML_START.search(line) or textscan._LIQUID_START.search(line):
            assert "<!--" in line or "{%" in line
        else:
            assert textscan.blank_comments(line, False, False) == (line, False, False)
        starts = [rng.randint(0, len(line)) for _ in range(2)]
        spans = [(a, min(a + rng.randint(0, 4), len(line))) for a in starts]
        chars = list(line)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        assert scan._mask(line, spans) == "".join(chars)


def test_yaml_key_without_the_regex_is_the_regex_key():
    for text in ["url: http://x", "  - pdf: 'a.pdf'", "-  Link : x", "--url: x", "-url: x", " \tdoi:  10.1/x",
                 "title: \"A: B\"", "og_image: x.png # c", "note: no", "key-with-dash: v", "_k: v"]:
        match = scan._YAML_VALUE.match(text)
        if match:
            assert scan._key_before_colon(text) == match.group(2)


def test_shared_caches_answer_like_a_fresh_computation(tmp_path):
    site = tmp_path / "site"
    (site / "_pages").mkdir(parents=True)
    (site / "_talks").mkdir()
    (site / "_config.yml").write_text("title: Site\ncollections:\n  talks:\n    output: true\n")
    (site / "_pages" / "about.md").write_text(
        "---\npermalink: /\n---\n# News {#news}\n<!-- hidden\n still -->\nshown <!-- a --> text\n\n"
        "Title\n=====\n{% include_relative more.md %}\n")
    (site / "_pages" / "more.md").write_text("## More\n<span id='x'></span>\n")
    (site / "_talks" / "t.md").write_text("---\ntitle: T\n---\nA talk\n---\n")
    loaded = read_loaded(str(site), None)
    ctx = LintContext(site=loaded.site, loaded=loaded, owner=Owner(), today=__import__("datetime").date(2026, 1, 1))
    every = textscan.rendered_lines(ctx)
    assert {line.collection for line in every} == {"", "talks"}
    pages = [line for doc in loaded.documents if not doc.page.collection
             for line in every if line.path == doc.path]
    assert textscan.rendered_lines(ctx, pages_only=True) == pages
    assert [(line.path, line.number, line.heading) for line in every if line.path == "_pages/about.md"] == \
        [("_pages/about.md", 4, True), ("_pages/about.md", 7, False), ("_pages/about.md", 9, True),
         ("_pages/about.md", 10, False), ("_pages/about.md", 11, False)]
    page = next(p for p in loaded.site.pages if p.path == "_pages/about.md")
    ids = anchors.ids_of(ctx, page)
    assert {"news", "x", "more"} <= ids
    ids.add("changed by the caller")
    assert "changed by the caller" not in anchors.ids_of(ctx, page)
    assert textscan.file_lines(ctx, "_talks/t.md")[-1] == "---" and textscan.file_lines(ctx, "nope.md") == []


def test_profile_shortcut_keeps_every_url_urlparse_could_read_as_github_or_scholar():
    from urllib.parse import urlparse

    from migrator.rules.own001 import _may_be_profile
    for url in ["https://a.github.io/x", "https://a.git\thub.io/", "https://scholar.goo\ngle.com/x?user=1",
                "HTTPS://A.GITHUB.IO", "https://[::1]/", "https://ex\u00e4mple.github.io", "https://x.org/a",
                "//me.github.io", "mailto:a@b.github.io"]:
        try:
            host = (urlparse(url.strip()).hostname or "").lower()
        except ValueError:
            host = None  # an error the rule must still reach
        if host is None or host.endswith(".github.io") or "scholar.google." in host:
            assert _may_be_profile(url), url
