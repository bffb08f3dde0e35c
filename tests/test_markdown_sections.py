"""split_sections / heading_at against kramdown (GFM, as Jekyll runs it on both themes): each snippet's
headings are kept inline, and checked against kramdown itself when ruby and kramdown are installed."""
import json
import re
import shutil
import subprocess

import pytest

from conftest import CORPUS, FIXTURES
from migrator.readers.markdown import heading_at, split_sections, strip_markup
from migrator.source import read_text, split_front_matter

# (name, markdown body, headings as (line, level, title)). Liquid-only lines count as blank: Jekyll
# renders Liquid before markdown and control tags render to nothing. A '#' line right under a list
# item is rendered as a heading inside the item: it still opens a section ('list_then_atx').
SNIPPETS = [
    # NetoPedro cv.md: with no blank line the text and underline are lazy lines of the list item
    ('list_then_setext', '- item\nWork experience\n======\n\n* job\n',
     []),
    ('list_blank_setext', '- item\n\nWork experience\n======\n',
     [(3, 1, 'Work experience')]),
    ('atx_nospace', '#News\n\n# News\n',  # GFM needs a space after the hashes
     [(3, 1, 'News')]),
    ('atx_indented', ' # One space\n\n    # code\n',  # kramdown wants '#' in column 0; four spaces make code
     []),
    ('atx_seven', '####### seven\n\n#######\n\n#\n\n# \n',
     []),
    ('atx_closing', '## Title ##\n\n## C# ##\n\n### Title {#custom-id}\n',
     [(1, 2, 'Title'), (3, 2, 'C#'), (5, 3, 'Title')]),
    ('div_plain', '<div>\n# Not a heading\n</div>\n\n# After\n',
     [(5, 1, 'After')]),
    ('div_md', '<div markdown="1">\n# Inside\n</div>\n',
     [(2, 1, 'Inside')]),
    ('div_md_blank', '<div markdown="1">\n\n# Inside\n\n</div>\n',
     [(3, 1, 'Inside')]),
    ('comment', '<!--\n# Hidden\n-->\n# Shown\n',
     [(4, 1, 'Shown')]),
    ('comment_inline', '<!-- note --> \n# Shown\n',
     [(2, 1, 'Shown')]),
    ('ial_before', '{: #about}\n# About\n\n{: .cls}\nSetext\n---\n',
     [(2, 1, 'About'), (5, 2, 'Setext')]),
    ('ial_after', '# About\n{: #about}\n',
     [(1, 1, 'About')]),
    ('fence', '```\n# code\n```\n~~~~\n# code\n```\n~~~~\n# After\n',
     [(8, 1, 'After')]),
    ('fence_indented', '  ```python\n# x\n  ```\n# Real\n',
     [(4, 1, 'Real')]),
    ('hr_vs_setext', 'Para\n---\n\n---\n\nText\n\n***\n---\n',
     [(1, 2, 'Para')]),
    ('para_then_setext', 'Line one\nLine two\n---\n',
     []),
    ('atx_after_para', 'Some text\n# Heading\nmore\n',
     [(2, 1, 'Heading')]),
    ('setext_after_atx', '# A\nFoo\n---\n',
     [(1, 1, 'A')]),
    ('span_setext', "<span class='anchor' id='x'></span>\n# About\n\n<span>x</span>\nTitle\n====\n",
     [(2, 1, 'About')]),
    ('emph_setext', '*Italic*\n---\n\n**Bold**\n===\n',
     [(1, 2, 'Italic'), (4, 1, 'Bold')]),
    ('list_then_atx', '- item\n# Heading\n',
     [(2, 1, 'Heading')]),
    ('list_indent_atx', '- item\n\n  # Inside item\n',
     []),
    ('blockquote', '> # Quote\n> Foo\n> ---\n',
     []),
    ('table_setext', 'a | b\n---\n',
     [(1, 2, 'a | b')]),
    ('underline_indented', 'Title\n  ---\n\nTitle2\n-\n\nTitle3\n=-=\n',
     [(4, 2, 'Title2'), (7, 1, 'Title3')]),
    ('underline_spaces', 'Title\n- - -\n',
     []),
    ('indented_code', '    code\n\n    Foo\n---\n',
     []),
    ('liquid', '{% include base_path %}\nTitle\n===\n',
     [(2, 1, 'Title')]),
    ('html_then_atx', '<p>hi</p>\n# After p\n',
     [(2, 1, 'After p')]),
    ('div_oneline', "<div class='x'>text</div>\n# After\n",
     [(2, 1, 'After')]),
    # seed 000 body, lines 7-15: each '---' stands between blank lines, so it is a rule (<hr />)
    ('seed000', '\n---\n\nSee a full list on [Google Scholar](https://x).\n\n---\n\n## 2024\n* item\n',
     [(8, 2, '2024')]),
    ('setext_text_indented', '   Three\n---\n\n    Four\n---\n',
     [(1, 2, 'Three')]),
    ('tab_atx', '#\tTab\n',
     [(1, 1, 'Tab')]),
    ('escaped', '\\# not\n',
     []),
    ('html_comment_then_setext', '<!-- c -->\nTitle\n---\n',
     []),
    ('details', '<details>\n<summary>x</summary>\n\n# Inside details\n\n</details>\n',
     []),
    ('nested_div_md', '<div markdown="1">\n<div>\n# raw\n</div>\n# md\n</div>\n',
     [(5, 1, 'md')]),
    ('para_comment', 'Para\n<!--\n# H\n-->\n',
     [(3, 1, 'H')]),
    ('comment_unclosed', '<!-- unclosed\n# H\n',
     [(2, 1, 'H')]),
    ('quote_lazy', '> quote\n# H\n',
     []),
    ('div_nested', '<div>\n<div>\n</div>\n# still inside\n</div>\n# out\n',
     [(6, 1, 'out')]),
    ('center', '<center>\n# x\n</center>\n',
     []),
    ('p_block', '<p>\n# x\n</p>\n',
     []),
    ('table_html', '<table>\n<tr><td>\n# x\n</td></tr>\n</table>\n# y\n',
     [(6, 1, 'y')]),
    ('hr_html', '<hr>\n# after hr\n',
     [(2, 1, 'after hr')]),
    ('br_html', '<br>\n# after br\n',
     [(2, 1, 'after br')]),
    ('img_html', "<img src='x'>\n# after img\n",
     [(2, 1, 'after img')]),
    ('md_span', '<div markdown="span">\n# x\n</div>\n',
     []),
    ('md_block', '<section markdown="block">\n# x\n</section>\n',
     [(2, 1, 'x')]),
    ('div_text_blank', '<div>text\n\n# x\n\n</div>\n',
     []),
    ('para_div', 'Para\n<div>\n# x\n</div>\n',
     []),
    ('div_trailing', '<div>\n# x\n</div> trailing\n# y\n',
     [(4, 1, 'y')]),
    ('md_setext', '<div markdown="1">\nTitle\n---\n</div>\n',
     [(2, 2, 'Title')]),
    ('fence_unclosed', '```\nunclosed fence\n# H\n',
     [(3, 1, 'H')]),
    ('fence_long', '````\n```\n# in\n````\n# out\n',
     [(5, 1, 'out')]),
    ('fence_info_close', '```\n# a\n```python\n# b\n```\n',
     []),
    ('script', '<script>\n# x\n</script>\n# y\n',
     [(4, 1, 'y')]),
    ('liquid_only_prev', '{% if x %}\nTitle\n===\n{% endif %}\n',
     [(2, 1, 'Title')]),
    ('ul_html', '<ul>\n<li>\n# x\n</li>\n</ul>\n',
     []),
    ('anchor_span_atx', "<span class='anchor' id='news'></span>\n# News\n- item\n",
     [(2, 1, 'News')]),
    ('eob', 'para\n^\nTitle\n---\n',
     [(3, 2, 'Title')]),
    ('two_setext', 'A\n===\nB\n---\n',
     [(1, 1, 'A')]),
    ('atx_then_atx', '# A\n## B\n',
     [(1, 1, 'A'), (2, 2, 'B')]),
    ('ol_lazy_setext', '1. item\nTitle\n---\n',
     []),
]

# Kramdown runs an unclosed element ('<div>' with no '</div>') to the end of the page;
# here only the tag line is HTML, so one missing end tag does not hide every later section.
UNCLOSED = ("<div class=\"x\">\n# inside\n\n# after blank\n", [(2, 1, "inside"), (4, 1, "after blank")])

KRAMDOWN = r"""
require 'json'; require 'kramdown'; require 'kramdown-parser-gfm'
def walk(el, out, top, li)
  if el.type == :header && (top || li)
    out << [el.options[:location].to_i, el.options[:level], el.options[:raw_text].to_s.strip, top]
  end
  keep = [:root, :html_element]
  el.children.each do |c|
    walk(c, out, top && keep.include?(el.type), (top || li) && (keep + [:ul, :ol, :li]).include?(el.type))
  end
end
res = {}
JSON.parse(STDIN.read).each do |k, v|
  out = []
  walk(Kramdown::Document.new(v, input: 'GFM', hard_wrap: false).root, out, true, false)
  res[k] = out
end
puts JSON.generate(res)
"""
_LIQUID = re.compile(r"^[ \t]*(?:\{%.*?%\}[ \t]*)+$", re.M)


def headings(source):
    lines = [(i + 1, text) for i, text in enumerate(source.split("\n")[:-1])]
    return [(s.heading_lines[0], s.level, strip_markup(s.title)) for s in split_sections(lines) if s.heading_lines]


@pytest.mark.parametrize("name, source, expected", SNIPPETS, ids=[s[0] for s in SNIPPETS])
def test_headings(name, source, expected):
    assert headings(source) == expected


def test_unclosed_element_hides_only_its_tag_line():
    source, expected = UNCLOSED
    assert headings(source) == expected


def kramdown_headings(sources):
    """Top-level headings kramdown renders (and '#' lines it renders inside a list item)."""
    if not shutil.which("ruby"):
        pytest.skip("ruby is not installed")
    run = subprocess.run(["ruby", "-e", KRAMDOWN], input=json.dumps(sources), capture_output=True,
                         text=True)
    if run.returncode:
        pytest.skip(f"kramdown with the GFM parser is not available: {run.stderr.strip()[:200]}")
    found = json.loads(run.stdout)
    return {name: [tuple(h[:3]) for h in found[name]
                   if h[3] or re.match(r"#{1,6}[ \t]", sources[name].split("\n")[h[0] - 1])] for name in found}


def test_snippets_match_kramdown():
    sources = {name: _LIQUID.sub("", source) for name, source, _ in SNIPPETS}
    rendered = kramdown_headings(sources)
    for name, _, expected in SNIPPETS:
        assert rendered[name] == expected, name


@pytest.mark.parametrize("line, expected", [
    ("#News", None), ("# News", (1, "News", 1)), ("## 📝 Publications ##", (2, "📝 Publications", 1)),
    ("### Title {#custom-id}", (3, "Title", 1)), ("####### seven", None), ("    # code", None),
])
def test_heading_at_single_line(line, expected):
    assert heading_at([(1, line)], 0) == expected


def test_heading_at_setext_needs_a_block_start():
    lines = [(1, "- item"), (2, "Work experience"), (3, "======")]
    assert heading_at(lines, 1) is None
    lines = [(1, ""), (2, "Work experience"), (3, "======")]
    assert heading_at(lines, 1) == (1, "Work experience", 2)


def test_every_page_matches_kramdown():
    """Every markdown page of the fixtures (and of ../shared/corpus when it is there), seed 000's
    publications page among them: split_sections finds the headings kramdown renders, on the same lines."""
    paths = sorted(FIXTURES.glob("**/*.md")) + (sorted(CORPUS.glob("*/*/**/*.md")) if CORPUS.is_dir() else [])
    bodies, ours = {}, {}
    for path in paths:
        text = read_text(path.read_bytes(), str(path))
        start = split_front_matter(text).body_start
        lines = [(start + i, line) for i, line in enumerate(text.lines[start - 1:])]
        # kramdown sees the body alone; blank lines in front keep its line numbers those of the file
        bodies[str(path)] = "\n" * (start - 1) + "\n".join(_LIQUID.sub("", line) for _, line in lines) + "\n"
        ours[str(path)] = [(s.heading_lines[0], s.level) for s in split_sections(lines) if s.heading_lines]
    rendered = kramdown_headings(bodies)
    differ = [name for name in ours if [h[:2] for h in rendered[name]] != ours[name]]
    assert not differ, differ


def test_long_hostile_lines_are_fast():
    import time

    start = time.monotonic()
    for line in ["{%%}" * 20000 + "x", "#" * 50000 + "x", "# " + "#" * 50000 + "x", "<" * 50000,
                 "[" * 30000 + "]" * 30000, "- " * 30000 + "x"]:
        split_sections([(1, line), (2, "---")])
        strip_markup(line)
    lines = [(i + 1, text) for i, text in enumerate(["<!--", "```", "<div>", "> q", "# h"] * 5000)]
    split_sections(lines)
    assert time.monotonic() - start < 10
