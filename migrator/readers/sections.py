"""One acad-homepage section piece (the lines under a heading, in one file) read into nodes."""
from __future__ import annotations

import re
from typing import List

from ..model import FreeSection, Markup, Publication, Span
from .blocks import Context, free_sections, markup_node, parse_section, split_chunks
from .html_elements import block_end
from .html_pubs import html_list, is_paper_box, paper_box
from .markdown import Line, Section, strip_markup
from .pub_lines import TITLE_PREFIX, read_entry

_GROUP_LABEL = re.compile(r"^\s*(?:(\*\*|__)[^*_]{2,80}\1|<(b|strong)>[^<]{2,80}</\2>)\s*:?\s*$")


def read_piece(kind: str, title: str, lines: List[Line], ctx: Context, group: str = "",
               selected: bool = False) -> list:
    """Content nodes and Markup for the lines of one section; paper-boxes read in any section."""
    nodes: list = []
    rest: List[Line] = []
    i = 0
    while i < len(lines):
        text = lines[i][1].lstrip()
        if text.startswith("<div") and is_paper_box(text):
            end = block_end(lines, i, ("div",))
            nodes.extend(paper_box(lines[i:end + 1], ctx))
        elif kind == "publications" and text.lower().startswith(("<ul", "<ol")):
            end = block_end(lines, i, ("ul", "ol"))
            nodes.extend(html_list(lines[i:end + 1], ctx))
        else:
            end = i
            rest.append(lines[i])
        i = end + 1
    if kind == "publications":
        nodes.extend(_publication_lines(rest, title, ctx))
    elif rest:
        nodes.extend(parse_section(kind, Section(title=title, level=0, lines=rest), ctx))
    nodes.sort(key=lambda n: n.span.line)
    label = group
    for node in nodes:
        if isinstance(node, Markup) and node.kind == "heading":
            label = strip_markup(node.text)  # a bold line naming the group of the entries below it
        elif isinstance(node, Publication):
            node.group = node.group or label
            node.selected = selected
            if not node.date and node.venue is not None and node.venue.year:
                node.date = str(node.venue.year)
        elif isinstance(node, FreeSection) and not node.title:
            node.title = title
    return nodes


def _publication_lines(lines: List[Line], title: str, ctx: Context) -> list:
    """Markdown publication bullets; paragraphs and unreadable entries become free sections."""
    nodes: list = []
    for chunk in split_chunks(lines):
        if chunk.kind == "markup":
            nodes.append(markup_node(chunk, ctx.path))
            continue
        if chunk.kind == "text" and len(chunk.lines) == 1 and _GROUP_LABEL.match(chunk.lines[0][1]):
            number, text = chunk.lines[0]
            nodes.append(Markup(kind="heading", text=text.strip(), span=Span(ctx.path, number, 1, number)))
            continue
        pub = read_entry(chunk.lines, ctx) if chunk.kind == "entry" else None
        if pub is None and chunk.kind == "entry" and len(chunk.lines) == 1:
            pub = _plain_entry(chunk.lines, ctx)
        nodes.extend([pub] if pub is not None else free_sections(_with_blanks(lines, chunk.lines), title, ctx.path,
                                                                 "publications"))
    return nodes


def _plain_entry(lines: List[Line], ctx: Context):
    """A one-line bullet with no title markup: its text is the title."""
    from .entries import clean_lines

    body = clean_lines(lines)
    text = body[0][1] if body else ""
    text = text[len(re.match(TITLE_PREFIX, text).group("pre")):]
    plain = strip_markup(text)
    if len(plain) < 8:
        return None
    pub = read_entry([(lines[0][0], "**" + text + "**")], ctx)
    if pub is not None:
        pub.title = plain
        pub.span.col = 1
    return pub


def _with_blanks(lines: List[Line], chunk: List[Line]) -> List[Line]:
    start, end = lines.index(chunk[0]), lines.index(chunk[-1])
    return lines[start:end + 1]
