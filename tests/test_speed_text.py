"""The caches and fast paths of the text parsers give the answers of the plain computation."""
import re
import unicodedata
from pathlib import Path

from migrator.leftovers import load
from migrator.matching import cluster_publications, fold, same_publication
from migrator.model import Link, Person, Publication, Venue
from migrator.readers.authors import _split_top
from migrator.readers.fields import parse_authors, parse_venue
from migrator.readers.markdown import strip_markup
from migrator.venues import badge_label

ROOT = Path(__file__).resolve().parent.parent
_TAG = re.compile(r"<[^>]+>")
_QUOTES_MARKUP = re.compile(r"[*_`\[\]()\"'“”‘’]")
_PUNCT = re.compile(r"[^\w\s]")


def plain_fold(text: str) -> str:
    """fold as it was written first: one regex per step."""
    text = _TAG.sub(" ", text or "")
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _QUOTES_MARKUP.sub("", text.lower())
    return re.sub(r"\s+", " ", _PUNCT.sub(" ", text)).strip()


def test_fold_matches_the_plain_steps_on_every_kind_of_character():
    samples = ["Schön, Jürgen", "a_b *c* [d](e) “f” ‘g’", "<b>Bold</b>-text", "İstanbul ΑΣ", "x︳y ＿z",
               "CJK 论文，出版", "tab\tand\u00a0nbsp", "", "already folded"]
    samples += [f"a{chr(code)}b" for code in range(0, 0x3000, 7)]
    for text in samples:
        assert fold(text) == plain_fold(text), text


def test_parse_authors_gives_fresh_nodes_for_a_repeated_line():
    line = "<u>Ann Lee</u>*, Bo Chen<sup>†</sup>, Cy Dee"
    first = parse_authors(line, ["Ann Lee"])
    first[0].marks.append("changed")
    first[1].name = "changed"
    again = parse_authors(line, ["Ann Lee"])
    assert [(p.name, p.marks, p.is_owner, p.equal_contribution, p.corresponding) for p in again] == [
        ("Ann Lee", ["*"], True, True, False), ("Bo Chen", ["†"], False, False, True), ("Cy Dee", [], False, False, False)]
    assert not any(a is b for a, b in zip(first, again))
    # the same line for another owner: owner matching is not cached with the parts
    assert [p.is_owner for p in parse_authors("Ann Lee, Bo Chen", ["Bo Chen"])] == [False, True]
    assert [p.is_owner for p in parse_authors("Ann Lee, Bo Chen", ["Ann Lee"])] == [True, False]


def test_split_at_separators_outside_tags_only():
    assert _split_top("A, B，C、D", ",") == ["A", " B", "C", "D"]
    assert _split_top("<u>A</u>, B", ",") == ["<u>A</u>", " B"]
    assert _split_top('<span title="x, y">A</span>, B', ",") == ['<span title="x, y">A</span>', " B"]
    assert _split_top("A<b<c>, d>, e", ",") == ["A<b<c>, d>", " e"]
    assert _split_top("A; B, C", ";") == ["A", " B, C"]


def test_parse_venue_gives_a_fresh_venue_each_call():
    first = parse_venue("International Conference on Learning Representations (ICLR), 2025")
    first.span.line = 99
    first.label = "changed"
    again = parse_venue("International Conference on Learning Representations (ICLR), 2025")
    assert (again.label, again.year, again.span.line) == ("ICLR 2025", 2025, 1)
    assert badge_label(Venue(label="A very long label of many words", raw="Proc. of ICML 2024", year=2024)) == "ICML 2024"


def test_strip_markup_of_a_non_string_fails_as_before():
    assert strip_markup("**Bold** [link](x) <i>tag</i>") == "Bold link tag"
    for value in (None, 3, ["a"]):
        try:
            strip_markup(value)
        except TypeError as exc:
            assert "expected string" in str(exc)
        else:
            raise AssertionError(value)


def test_phrases_in_a_line_with_and_without_links():
    data = load()
    plain = "Yay markdown! Welcome to STAR and FORK"
    linked = "[Yay](https://x.org) markdown! See <a href='u'>Welcome to STAR and FORK</a>"
    assert [f.text for f in data.phrases_in(plain)] == ["Yay markdown!", "Welcome to STAR and FORK"]
    assert [f.text for f in data.phrases_in(linked)] == ["Yay markdown!", "Welcome to STAR and FORK"]


def test_clustering_with_read_once_facts_agrees_with_pairwise_checks():
    def pub(title, year, url="", authors=("Ann Lee", "Bo Chen")):
        return Publication(title=title, venue=Venue(year=year), links=[Link(url=url)] if url else [],
                           authors=[Person(name=n) for n in authors])
    pubs = [pub("FastFold: Reducing AlphaFold Training Time", 2022, "https://arxiv.org/abs/2203.00854v2"),
            pub("FastFold: Optimizing AlphaFold Training and Inference", 2023, "https://arxiv.org/abs/2203.00854"),
            pub("A Different Paper Entirely About Graphs", 2022),
            pub("a different paper entirely about graphs", 2023, authors=("Cy Dee",))]
    groups = cluster_publications(pubs)
    assert [[pubs.index(p) for p in group] for group in groups] == [[0, 1], [2], [3]]
    assert same_publication(pubs[0], pubs[1]) and not same_publication(pubs[2], pubs[3])


def plain_strip(text: str) -> str:
    """strip_markup as it was written first: four substitutions, whatever the text holds."""
    text = re.sub(r"<[^<>]*>", "", text)
    text = re.sub(r"!?\[([^\[\]]*)\]\([^()]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = text.replace("\\|", "|").replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def test_strip_markup_matches_the_plain_substitutions_on_every_code_point():
    from migrator.readers.markdown import _strip

    pieces = ["<b>", "</b>", "[x](y)", "![i](p.png)", "](", "**", "__", "_", "*", "`", "\\|", "\\", " ", "\t"]
    samples = [f"a{chr(code)}b {chr(code)}" for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    samples += [f"{a}T{b}x{c}" for a in pieces for b in pieces for c in pieces]
    samples += ["<b>[Title](u)</b>*", "a ]<i>(b) c", "[a]<b>(c)</b>", "x <a\nb> y", "  lead\u00a0trail\u3000"]
    for text in samples:
        assert _strip(text) == plain_strip(text), repr(text)


def _every_line():
    """Lines of every fixture, corpus and hostile page, and of made-up link and tag mixes."""
    roots = [ROOT / "fixtures", ROOT / "tests" / "hostile", ROOT.parent / "shared" / "corpus"]
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file() and path.suffix in (".md", ".html", ".markdown", ".yml"):
                yield from path.read_text(encoding="utf-8", errors="replace").splitlines()
    pieces = ["[a](b)", "![i](p.png)", "[![b](s.svg)](u)", "](", "![", "<a href='x'>y</a>", "<A HREF=x>y</A>",
              "<br>", "<br/>", "\\", "  ", "[", "]", "(", ")", "<", ">", "*", "x"]
    yield from (a + b + c for a in pieces for b in pieces for c in pieces)


def test_link_helpers_skipping_their_regex_give_the_regex_answers():
    from migrator import mdlinks
    from migrator.readers import citation, inline, publist

    md_image = r"!\[([^\]\n]{0,1000})\]\(\s*"
    html_link = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
    line_end = re.compile(r"(\\|<br\s*/?>|\s{2,})\s*$")

    def strip_line(text):
        text = publist.BULLET.sub("", text, count=1) if publist.BULLET.match(text) else text
        return line_end.sub("", text.rstrip()).strip()

    def label(text):
        text = inline.MD_IMAGE.regex.sub(lambda m: m.group(1), text)
        text = re.sub(r"<[^>]*>", "", text).replace("\\", "")
        return re.sub(r"\s+", " ", text.strip(" []*_`")).strip()

    assert md_image in mdlinks._IMAGE
    md_link, inline_link = mdlinks.MD_LINK.regex, inline.MD_LINK.regex  # the regexes, not skipping
    for text in _every_line():
        assert list(mdlinks.md_links(text)) == [(m.group(1), m.group(4), m.start())
                                                for m in md_link.finditer(text)], text
        assert mdlinks.unlink(text) == md_link.sub(
            lambda m: m.group(1), mdlinks.MD_IMAGE.regex.sub(lambda m: m.group(1), text)), text
        assert mdlinks.without_links(text) == mdlinks._HTML_A.regex.sub(" ", md_link.sub(" ", text)), text
        assert citation.unlink(text) == html_link.sub(r"\1", inline_link.sub(lambda m: m.group(1), text))
        assert citation.remove_links(text) == html_link.sub("", inline_link.sub("", text)), text
        assert publist._strip_line(text) == strip_line(text), text
        assert inline.link_label(text) == label(text), text
        if "](" not in text:  # inline.markdown_links finds nothing without a regex
            assert not inline_link.search(text) and not inline.MD_IMAGE.regex.search(text), text
        if "![" not in text:
            assert not inline.MD_IMAGE.regex.search(text), text


def test_line_tests_skipping_their_regex_give_the_regex_answers():
    from migrator.readers import citation, pagelines

    def block_end(lines, i):
        text = lines[i][1].strip()
        closer = None
        if text.startswith("<!--"):
            closer = "-->"
        elif re.match(r"\{%-?\s*comment\s*-?%\}", text):
            closer = "endcomment"
        else:
            for tag in ("style", "script"):
                if re.match(r"<" + tag + r"\b", text, re.I):
                    closer = "</" + tag
        if closer is None:
            return None
        return next((j for j in range(i, len(lines)) if closer in lines[j][1].lower()), len(lines) - 1)

    assert pagelines._BLOCK_TAGS == ("style", "script")
    extra = [" <STYLE>", "\t{%- comment -%}", "{% comment %} x", "<scripts>", "<script>", "{{ x }}", " <!-- a"]
    for text in [*_every_line(), *extra]:
        lines = [(1, text), (2, "a </script> </style> --> {% endcomment %}")]
        assert pagelines._block_end(lines, 0) == block_end(lines, 0), text
        assert citation._strip_wrapping_emphasis(text) == citation._WRAPPING_EMPHASIS.sub(
            lambda m: m.group(1) or m.group(2), text), text


def test_patterns_needing_a_mark_answer_as_their_regex_on_every_line():
    """mdlinks.Needing skips the regex when the text lacks the mark: it must never skip a match."""
    from migrator import mdlinks
    from migrator.readers import citation, inline, pub_lines

    patterns = [mdlinks.MD_LINK, mdlinks.MD_IMAGE, mdlinks._HTML_A, inline.MD_LINK, inline.MD_IMAGE,
                citation._HTML_LINK, pub_lines._HTML_LINK]
    spans = lambda found: [m.span() for m in found]  # noqa: E731
    for text in _every_line():
        for p in patterns:
            assert spans(p.finditer(text)) == spans(p.regex.finditer(text)), (p.regex.pattern[:30], text)
            assert p.sub("#", text) == p.regex.sub("#", text), text
            for name in ("search", "match", "fullmatch"):
                mine, theirs = getattr(p, name)(text), getattr(p.regex, name)(text)
                assert (mine and mine.span()) == (theirs and theirs.span()), (name, text)
