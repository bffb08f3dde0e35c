"""Raw-HTML publication blocks of acad-homepage pages: `<ul><li><code>VENUE</code> <strong>TITLE</strong>` lists
and the template's `paper-box` divs, read as BeautifulSoup (`html.parser`) reads them (by the faster
`html_tree`, or by bs4 itself where that tree cannot answer) and with stdlib HTMLParser positions."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import List, Optional, Set

from ..model import Markup, Publication, Span
from .blocks import Context, comment_end, comment_start, free_section, free_sections
from .fields import parse_venue
from .html_elements import elements
from .html_tree import Unsupported
from .inline import html_links, soup, tree
from .markdown import Line
from .pub_lines import authors_of, read_entry


def is_paper_box(text: str) -> bool:
    if "paper-box" not in text or not text.lstrip().startswith("<") or comment_start(text):
        return False
    first = tree(text).find("div")
    return first is not None and any(c.startswith("paper-box") for c in first.get("class") or [])


def _markup_runs(lines: List[Line], path: str) -> List[Markup]:
    """Wrapper lines as Markup, comments kept apart."""
    out: List[Markup] = []
    i = 0
    while i < len(lines):
        if not lines[i][1].strip():
            i += 1
            continue
        end = comment_end(lines, i) if comment_start(lines[i][1]) else i
        kind = "comment" if comment_start(lines[i][1]) else "html"
        text = "\n".join(t.strip() for _, t in lines[i:end + 1])
        out.append(Markup(kind=kind, text=text, span=Span(path, lines[i][0], 1, lines[end][0])))
        i = end + 1
    return out


def paper_box(lines: List[Line], ctx: Context) -> list:
    """One paper-box block: a Publication over its text lines, Markup for the wrapper lines."""
    text = "\n".join(t for _, t in lines)
    parsed = tree(text)
    image_div = parsed.find("div", class_="paper-box-image")
    image = image_div.find("img") if image_div else None
    badge = parsed.find("div", class_="badge")
    box = next((e for e in elements(text) if "paper-box-text" in e[1].split()), None)
    content = lines
    if box is not None:
        start, end = box[2], box[3] or len(lines)
        inner = [ln for ln in lines[start - 1:end] if ln[1].strip()]
        if inner and _only_tags(inner[0][1]):
            inner = inner[1:]
        if inner and _only_tags(inner[-1][1]) and end != start:
            inner = inner[:-1]
        if inner:
            content = lines[lines.index(inner[0]):lines.index(inner[-1]) + 1]
    markdown = box is not None and "markdown" in box[4]
    pub = read_entry(content, ctx) if markdown or box is None else _html_entry(content, ctx)
    if pub is None:
        nodes: list = free_sections(content, "", ctx.path)
    else:
        pub.source = "paper-box"
        pub.span = Span(ctx.path, content[0][0], 1, content[-1][0])
        pub.image = str(image.get("src") or "") if image is not None else ""
        label = badge.get_text(" ", strip=True) if badge is not None else ""
        if re.fullmatch(r"(19|20)\d\d", label) and pub.venue is not None:
            pub.date = label  # a year badge: the text gives the venue
        elif label:
            line = lines[0][0] + (badge.sourceline or 1) - 1
            pub.venue = parse_venue(label)
            pub.venue.span = Span(ctx.path, line, (badge.sourcepos or 0) + 1, line)
        nodes = [pub]
    outside = [ln for ln in lines if ln not in content]
    return _markup_runs(outside, ctx.path) + nodes


@lru_cache(maxsize=4096)  # wrapper lines ('</div>', '<div class=...>') repeat in every box and list
def _only_tags(text: str) -> bool:
    if not text.strip().startswith("<"):
        return False
    parsed = tree(text)
    return not parsed.get_text(strip=True) and parsed.find("img") is None


def _html_entry(lines: List[Line], ctx: Context) -> Optional[Publication]:
    """A paper-box text written in HTML: segments between <br>/<p> read like markdown lines."""
    text = "\n".join(t for _, t in lines)
    try:
        return _segments_entry(lines, tree(text), ctx)
    except Unsupported:  # markup the small tree does not write back like bs4
        return _segments_entry(lines, soup(text), ctx)


def _segments_entry(lines: List[Line], parsed, ctx: Context) -> Optional[Publication]:
    segments: List[Line] = []
    current: List[str] = []
    line = 1

    def flush():
        joined = "".join(current).strip()
        if joined:
            segments.append((lines[0][0] + line - 1, " ".join(joined.split())))
        current.clear()

    for node in _flat(parsed):
        name = getattr(node, "name", None)
        if name in ("br", "p") or (name == "div" and current):
            flush()
        if name is not None and node.sourceline is not None and not current:
            line = node.sourceline
        if name in ("br",):
            continue
        if name == "p":
            current.append(node.decode_contents())
            flush()
            continue
        current.append(str(node))
    flush()
    return read_entry(segments, ctx) if segments else None


def _flat(parsed):
    """Top-level nodes, with wrapper divs opened up."""
    for node in parsed.contents:
        if getattr(node, "name", None) == "div":
            yield from _flat(node)
        else:
            yield node


def html_list(lines: List[Line], ctx: Context) -> list:
    """A `<ul>` of `<li>` publications: one Publication per item, Markup for the wrapper lines."""
    text = "\n".join(t for _, t in lines)
    try:
        return _list_items(lines, tree(text), ctx)
    except Unsupported:  # markup the small tree does not write back like bs4
        return _list_items(lines, soup(text), ctx)


def _list_items(lines: List[Line], parsed, ctx: Context) -> list:
    items = [li for li in parsed.find_all("li") if li.find_parent("li") is None]
    if not items:
        return [free_section(lines, "", ctx.path)]
    first = lines[0][0]
    starts = [first + (li.sourceline or 1) - 1 for li in items]
    numbers = [ln[0] for ln in lines]
    ordered = all(a < b for a, b in zip(numbers, numbers[1:]))  # then each item's lines are one slice
    nodes: list = []
    taken: Set[Line] = set()
    for k, li in enumerate(items):
        if k and starts[k] == starts[k - 1]:
            continue  # several items on one line: read as one entry
        stop = next((starts[m] for m in range(k + 1, len(starts)) if starts[m] > starts[k]), None)
        high = stop or lines[-1][0] + 1
        window = lines[bisect_left(numbers, starts[k]):bisect_left(numbers, high)] if ordered else lines
        span_lines = [ln for ln in window if starts[k] <= ln[0] < high and ln[1].strip()]
        if stop is None:
            while len(span_lines) > 1 and _only_tags(span_lines[-1][1]) and "</li>" not in span_lines[-1][1]:
                span_lines.pop()
        nodes.append(_list_item(li, span_lines, first, ctx))
        taken.update(span_lines)
    outside = [ln for ln in lines if ln not in taken]
    return _markup_runs(outside, ctx.path) + nodes


def _list_item(li, span_lines: List[Line], block_first: int, ctx: Context):
    pub = Publication(source="list", span=Span(ctx.path, span_lines[0][0], 1, span_lines[-1][0]))
    code = li.find("code")
    title = li.find(["strong", "b"])
    if title is None:
        return free_section(span_lines, "", ctx.path)
    pub.title = title.get_text(" ", strip=True)
    if code is not None:
        line = block_first + (code.sourceline or 1) - 1
        pub.venue = parse_venue(code.get_text(" ", strip=True))
        pub.venue.span = Span(ctx.path, line, (code.sourcepos or 0) + 1, line)
    pub.links, pub.badges = html_links(li, block_first, ctx.path)
    italic = next((i for i in li.find_all(["i", "em"]) if "," in i.get_text() or i.find("u")), None)
    if italic is not None:
        pub.authors = authors_of(italic.decode_contents(), ctx.owners)
    else:
        # '<li>A, <u>B</u>. <b>Title</b>. Venue</li>': the authors come before the title
        before = "".join(str(node) for node in reversed(list(title.previous_siblings)))
        if "," in before and code is None:
            pub.authors = authors_of(before.strip().rstrip(".:"), ctx.owners)
    after = " ".join(str(node.get_text(" ") if hasattr(node, "get_text") else node) for node in title.next_siblings
                     if getattr(node, "name", None) not in ("div", "a", "img"))
    after = re.sub(r"^[\s.,:]*(in\s+)?", "", " ".join(after.split()), flags=re.I).strip(" .")
    if code is None and re.search(r"(19|20)\d\d", after) and len(after) < 150:
        line = pub.span.line
        pub.venue = parse_venue(after)
        pub.venue.span = Span(ctx.path, line, 1, line)
    return pub
