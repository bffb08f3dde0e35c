"""The fast HTML paths give bs4's answers: the small tree (readers/html_tree.py) is compared with
BeautifulSoup node by node on every page of the fixtures, the corpus and the hostile inputs, and on
snippets made to hit html.parser's odd corners; block_end is compared with line-by-line feeding."""
from __future__ import annotations

from pathlib import Path

import pytest

from migrator.readers import html_elements, html_tree
from migrator.readers.inline import soup

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for folder in (ROOT / "fixtures", ROOT / "tests" / "hostile", ROOT.parent / "shared" / "corpus")
               if folder.is_dir() for p in folder.rglob("*") if p.suffix in (".md", ".html") and p.is_file())

SNIPPETS = [
    "<ul><li>a<li>b</ul>", "<div><u>x</div>y</u>", "<u>open", "<p>&#x;; &#; &#12a; &amp &nosuch; &#x110000;</p>",
    "<br></br><br/><img src=a></img>", "<pre>  \n </pre><textarea> </textarea> <b> </b>",
    "<script>a<b>c</b></script><style>x</style><template>t</template><ruby>a<rt>b</rt><rp>(</rp></ruby>",
    "<!-- c --><!DOCTYPE html><![CDATA[x]]><?pi?><!bogus>", "<a href='x' class=' p  q '>t</a><a class>e</a>",
    "<div class='paper-box'><div class='badge'>ICLR</div></div>", "a < b > c & d", "<i>A, <u>B</u> &amp; C</i>",
    "<u><u>in</u>out</u>", "</p></div>text", "<a/b>x", "<![if !IE]>y<![endif]>", "<![bad", "<div\nclass='x'\n>z</div>",
    "<span id=a id=b>dup</span>", "&#0;&#x80;&#150;", "<p>\u00a0</p>", "<table><tr><td>1</td></tr></table>",
    "<ul><li><i>A, B" + "<u>" * 3000 + "C</i> <b>T</b></li></ul>", "<b>R & D</b> &", "<b>a &amp; b</b>", "<i>x &nbsp</i>", "<a title='1 & 2'>&\n</a>", "<u>&#</u>;",
]


def _shape(node):
    """A node and all below it as plain data, in document order (with each tag's number of children,
    which fixes the nesting): what the readers can see of it."""
    if getattr(node, "name", None) is None:
        return [_node_shape(node)]
    return [_node_shape(n) for n in [node, *node.descendants]]


def _node_shape(node):
    if getattr(node, "name", None) is None:
        return (type(node).__name__ if not isinstance(node, html_tree.Text) else node.kind, str(node))
    attrs = {k: list(v) if isinstance(v, list) else v for k, v in node.attrs.items()}
    return (node.name, attrs, node.sourceline, node.sourcepos, len(node.contents))


def _same_as_bs4(text: str) -> None:
    tree = html_tree.parse(text)
    if tree is None:  # html.parser rejects it: the callers use bs4 then
        return
    parsed = soup(text)
    assert _shape(tree) == _shape(parsed)
    assert tree.get_text(" ", strip=True) == parsed.get_text(" ", strip=True)
    assert html_tree.underlined(text) == [u.get_text(" ", strip=True) for u in parsed.find_all("u")]
    by_parser = html_elements._Elements()
    html_elements._feed(by_parser, text)
    assert html_elements.elements(text) == sorted(by_parser.done + by_parser.stack, key=lambda e: e[2])
    for wanted in ("paper-box-image", "badge", "p q", "x"):
        assert _shape(tree.find("div", class_=wanted) or "") == _shape(parsed.find("div", class_=wanted) or "")
        assert len(tree.find_all(class_=wanted)) == len(parsed.find_all(class_=wanted))
    for mine, theirs in zip(tree.find_all(["u", "a", "i", "li", "div"]), parsed.find_all(["u", "a", "i", "li", "div"])):
        assert mine.get_text(" ") == theirs.get_text(" ")
        try:
            assert mine.decode_contents() == theirs.decode_contents()
            assert str(mine) == str(theirs)
        except html_tree.Unsupported:
            pass


@pytest.mark.parametrize("text", SNIPPETS)
def test_snippets_read_like_bs4(text):
    _same_as_bs4(text)


@pytest.mark.skipif(not PAGES, reason="no pages")
def test_pages_read_like_bs4():
    for page in PAGES:
        _same_as_bs4(page.read_text(encoding="utf-8", errors="replace"))


BLOCKS = [
    "<ul>\n<li>a</li>\n</ul\n>\nafter", "<ul/>\nx", "<div class='paper-box'>\n<div>\n</div>\n</div>\n</div>",
    "<ul>\n<li>a\n</ul><![bad\n</ul>", "<ul>\n<li>a</li>\n</ul><![bad x\nafter", "<div>\n</div> <![x y\n", "<ul>\n<li><![bad</li>\n</ul>", "<ul>\n<li>a</li>\n\n## Next\n<li>b",
    "<ol>\n<script>\n</ol>\n</script>\n</ol>", "<div\nclass='paper-box'>\n<!-- </div> -->\n</div>",
    "<ul>\n" + "<li>x</li>\n" * 100 + "</ul>\n" + "<li>y</li>\n" * 100, "<ul>\n" + "<li>&#x;</li>\n" * 40 + "</ul>",
]


def _block_cases():
    for page in PAGES:
        yield page.name, page.read_text(encoding="utf-8", errors="replace")
    yield from (("block", text) for text in BLOCKS)


def test_block_end_matches_line_feeding():
    """Fed in chunks, block_end finds the line a line-by-line feed finds, on every block opening."""
    for name, text in _block_cases():
        lines = list(enumerate(text.split("\n"), 1))
        for i, (_, line) in enumerate(lines):
            stripped = line.strip().lower()
            tags = ("ul", "ol") if stripped.startswith(("<ul", "<ol")) else ("div",) if stripped.startswith("<div") else None
            if tags:
                by_lines = html_elements._closing_by_lines(lines, i, tags)
                expected = html_elements._unclosed_end(lines, i) if by_lines is None else by_lines
                assert html_elements.block_end(lines, i, tags) == expected, (name, i)
                assert html_elements.block_end(lines, i, tags) == expected, (name, i)  # the second time, remembered


TOKENS = ["<ul>", "</ul>", "<ol>", "</ol >", "<li>", "</li>", "<div class='paper-box'>", "</div>", "<div>", "<br>",
          "<br/>", "</br>", "<ul/>", "<img src=\"x\"/>", "<a href=\"u\">", "</a>", "text", "a < b", "<!-- c -->", "<!--",
          "-->", "<script>", "</script>", "<b", ">", "&amp;", "&#x;", "<U>", "</UL>", "<div class=x>", "</ ul>", "<![if x]>",
          "<![bad x", "<![bad x", "<![bad x",
          "<span title='a>b'>", "<p/>", "</p>", "<style>", "</style>", "<?pi?>", "<li class=\"a\" id='b'>", "\t"]


def test_block_end_on_random_markup():
    """Random tag soup, plain and not: the plain scan, the chunked parse and the line feed agree."""
    import random

    rng = random.Random(7)
    plain = [t for t in TOKENS if t.startswith(("<ul", "</ul", "<ol", "</ol", "<li", "</li", "<div", "</div", "<br",
                                                 "</br", "<img", "<a ", "</a", "<U", "</UL", "<p/", "</p", "text"))]
    for case in range(1000):
        pool = plain if case % 2 else TOKENS
        lines = [(n, " ".join(rng.choice(pool) for _ in range(rng.randint(0, 4)))) for n in range(1, 30)]
        lines[0] = (1, rng.choice(["<ul>", "<ol>", "<div class='paper-box'>", "<ul class='x'>", "<ULx>"]) + lines[0][1])
        tags = ("div",) if lines[0][1].startswith("<div") else ("ul", "ol")
        by_lines = html_elements._closing_by_lines(lines, 0, tags)
        expected = html_elements._unclosed_end(lines, 0) if by_lines is None else by_lines
        html_elements._CLOSED.clear()
        assert html_elements.block_end(lines, 0, tags) == expected, lines


PLAIN = ["<ul>", "</ul>", "<li>", "</li >", "<LI Class='A b'>", "<div class=\"paper-box\" id='x' hidden>", "</div>",
         "<br>", "<br/>", "</br>", "<img src='i.png' alt=\"\">", "<u>", "</u>", "<i>", "</i>", "<pre>", "</pre>",
         "<textarea>", "</textarea>", "<b a=\"1\" a='2'>", "</b>", "<p/>", "<rt>", "</rt>", "<template>", "</template>",
         "text", "  ", "\n", "\n  \n", "a < b", "x >y", "<", "<a href='u' title=\"t\">", "</a>", "<code>", "</code>",
         "<span data-x = 'y'>", "</span>", "<h1>", "</h1>", "é", "\u00a0", "\t", "R & D", "&1", "&é", "<a title='x & y'>"]


def test_plain_markup_reads_like_bs4():
    """Random plain markup (read by one pattern, not by html.parser) gives bs4's tree."""
    import random

    from migrator.readers.plain_markup import feed_plain

    rng = random.Random(11)
    plain = 0
    for _ in range(500):
        text = "".join(rng.choice(PLAIN) for _ in range(rng.randint(1, 40)))
        plain += feed_plain(html_tree._Builder(), text)  # a '<' next to a tag name is not plain
        _same_as_bs4(text)
    assert plain > 200
