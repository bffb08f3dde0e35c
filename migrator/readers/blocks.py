"""Theme-independent parsing of one page section into entries: news, honors, education, ...

`parse_section(kind, section, ctx)` cuts a section's lines into list entries,
paragraphs and structural lines (comments, wrapper tags, style blocks) and
hands each entry to the parser of the section's kind (see entries.py). It
returns content nodes and `Markup` nodes; `add_nodes` files them in a `Site`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from ..model import (Education, Experience, FreeSection, Honor, Markup, NewsItem, Page, Project,
                     Publication, Site, Span, Talk, Teaching)
from .inline import soup
from .markdown import Line, Section
from .pagelines import RULE, markup_text

BULLET = re.compile(r"^(\s*)(?:[-*+•·▪●◦]|\d{1,3}[.)])(?:\s+|$)")
_CONTENT_TAGS = ("img", "a", "iframe", "video", "audio", "input", "button", "svg", "hr", "br", "li")
_RAW_TAGS = ("style", "script")
_HTML_BLOCK = re.compile(r"</?(li|ul|ol|div|p|table|details|summary|h[1-6]|section|blockquote|dl|hr)\b", re.I)


@dataclass
class Context:
    """What a section parser needs besides the lines."""

    path: str
    owners: List[str] = field(default_factory=list)


@dataclass
class Chunk:
    """A run of lines: a list entry, a paragraph run, or a structural (markup) run."""

    kind: str  # entry, text, markup
    lines: List[Line]
    markup: str = ""  # comment, html

    @property
    def span(self) -> Span:
        return Span("", self.lines[0][0], 1, self.lines[-1][0])


def indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def comment_start(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith("<!--") or bool(re.match(r"\[(//|comment)\]:\s*<?#", stripped))


def comment_end(lines: List[Line], i: int) -> int:
    """Index of the last line of the comment starting at lines[i]."""
    if not lines[i][1].lstrip().startswith("<!--"):
        return i
    start_text = lines[i][1].lstrip()[4:]
    if "-->" in start_text:
        return i
    for j in range(i + 1, len(lines)):
        if "-->" in lines[j][1]:
            return j
    return len(lines) - 1


def raw_block_end(lines: List[Line], i: int) -> Optional[int]:
    """Index of the closing line of a <style>/<script> block starting at lines[i], else None."""
    stripped = lines[i][1].lstrip().lower()
    for tag in _RAW_TAGS:
        if stripped.startswith("<" + tag):
            for j in range(i, len(lines)):
                if f"</{tag}>" in lines[j][1].lower():
                    return j
            return len(lines) - 1
    return None


_LAYOUT_TAGS = re.compile(r"^\s*(</?(div|section|article|span|center|p|ul|ol|li|table|tbody|thead|tr|td|th|br|hr|main|"
                          r"aside|header|footer|nav|details|summary|font|b|i|strong|em)\b[^>]*>\s*)+$", re.I)


def tag_only(text: str) -> bool:
    """The line holds only HTML tags (wrappers like <ul>, </div>, <details>), no text or images."""
    stripped = text.strip()
    if not stripped.startswith("<") or stripped.startswith("<!--"):
        return False
    if not re.match(r"</?[A-Za-z]", stripped):
        return False
    parsed = soup(stripped)
    return not parsed.get_text(strip=True) and parsed.find(_CONTENT_TAGS) is None


def is_summary(text: str) -> bool:
    return text.strip().lower().startswith("<summary")


def _entry_end(lines: List[Line], i: int) -> int:
    """Index of the last line of the list entry starting at lines[i]."""
    base = indent(lines[i][1])
    html_item = lines[i][1].lstrip().lower().startswith("<li")
    last = i
    j = i + 1
    while j < len(lines) and lines[j][0] == lines[j - 1][0] + 1:
        text = lines[j][1]
        if html_item and "</li>" in lines[last][1].lower():
            break
        if not text.strip():
            k = j
            while k < len(lines) and not lines[k][1].strip() and lines[k][0] == lines[k - 1][0] + 1:
                k += 1
            if k >= len(lines) or lines[k][0] != lines[k - 1][0] + 1 or indent(lines[k][1]) <= base \
                    or html_item or comment_start(lines[k][1]):
                break
            j = k
            continue
        bullet = BULLET.match(text)
        if html_item:
            if text.lstrip().lower().startswith(("<li", "</ul", "</ol")):
                break
        elif (bullet and indent(text) <= base) or comment_start(text) or text.lstrip().startswith("#") \
                or (tag_only(text) and indent(text) <= base) or (indent(text) <= base and _HTML_BLOCK.match(text.lstrip())):
            break
        last = j
        j += 1
    return last


def split_chunks(lines: List[Line]) -> List[Chunk]:
    """Cut lines into entries, paragraph runs and markup runs (blank lines dropped)."""
    chunks: List[Chunk] = []
    i = 0
    while i < len(lines):
        text = lines[i][1]
        stripped = text.strip()
        if not stripped:
            i += 1
            continue
        if comment_start(text):
            end = comment_end(lines, i)
            chunks.append(Chunk("markup", lines[i:end + 1], "comment"))
        elif raw_block_end(lines, i) is not None:
            end = raw_block_end(lines, i)
            chunks.append(Chunk("markup", lines[i:end + 1], "html"))
        elif RULE.match(text):  # a thematic break: layout, as the academicpages reader takes it
            end = i
            chunks.append(Chunk("markup", lines[i:i + 1], "rule"))
        elif tag_only(text) and _LAYOUT_TAGS.match(text) or is_summary(text):
            end = i  # a layout wrapper (`<div>`, `</ul>`); `<figure>` or `<address>` stays with its text
            chunks.append(Chunk("markup", lines[i:i + 1], "html"))
        elif BULLET.match(text) or stripped.lower().startswith("<li"):
            end = _entry_end(lines, i)
            previous = chunks[-1] if chunks else None
            if previous and _sub_items_of(previous, text) and _adjacent(lines, previous.lines[-1][0], lines[i][0]):
                # '**Ph.D., EE** (2017 - ), UFMG' then indented '- Supervisor: ...': one entry
                previous.kind = "entry"
                previous.lines.extend(lines[lines.index(previous.lines[-1]) + 1:end + 1])
            else:
                chunks.append(Chunk("entry", lines[i:end + 1]))
        else:
            end = i
            previous = chunks[-1] if chunks else None
            if previous and previous.kind == "text" and _adjacent(lines, previous.lines[-1][0], lines[i][0]):
                previous.lines.extend(lines[lines.index(previous.lines[-1]) + 1:i + 1])
            else:
                chunks.append(Chunk("text", lines[i:i + 1]))
        i = end + 1
    return chunks


def _sub_items_of(previous: Chunk, bullet: str) -> bool:
    """An indented bullet under a one-line paragraph that opens in bold: that entry's details."""
    head = previous.lines[0][1]
    bold_lead = head.lstrip().startswith("**") and not BULLET.match(head)
    one_line = previous.kind == "entry" or len(previous.lines) == 1  # an entry: such a line, details added
    return previous.kind in ("text", "entry") and indent(bullet) >= 2 and bold_lead and one_line


def _adjacent(lines: List[Line], a: int, b: int) -> bool:
    """Lines a and b are separated only by blank lines of this list (nothing taken out between)."""
    numbers = [n for n, _ in lines]
    ia, ib = numbers.index(a), numbers.index(b)
    return ib - ia == b - a


def markup_node(chunk: Chunk, path: str) -> Markup:
    span = Span(path, chunk.lines[0][0], 1, chunk.lines[-1][0])
    return Markup(kind=chunk.markup, text=markup_text(chunk.lines), span=span)


def free_section(lines: List[Line], title: str, path: str, role: str = "") -> FreeSection:
    first = lines[0][0]
    return FreeSection(title=title, markdown="\n".join(t for _, t in lines), role=role,
                       span=Span(path, first, indent(lines[0][1]) + 1, lines[-1][0]))


def free_sections(lines: List[Line], title: str, path: str, role: str = "") -> List[FreeSection]:
    """Free sections of lines, split where lines were taken out (a span never covers another node's line)."""
    runs: List[List[Line]] = []
    for line in lines:
        if runs and line[0] == runs[-1][-1][0] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return [free_section(run, title, path, role) for run in runs if any(t.strip() for _, t in run)]


_ROLES = {"about": "intro", "services": "services", "other": ""}


def parse_section(kind: str, section: Section, ctx: Context) -> list:
    """Content nodes and Markup for the body lines of one section (its heading excluded)."""
    from .entries import ENTRY_PARSERS

    parser: Optional[Callable] = ENTRY_PARSERS.get(kind)
    nodes: list = []
    run: List[Line] = []

    def flush():
        if run:
            nodes.extend(free_sections(run, section.title, ctx.path, _ROLES.get(kind, kind)))
            run.clear()

    for chunk in split_chunks(section.lines):
        if chunk.kind == "markup":
            flush()
            nodes.append(markup_node(chunk, ctx.path))
        elif chunk.kind == "entry" and parser is not None:
            flush()
            # an entry with nothing to read ('- ') is still kept
            nodes.extend(parser(chunk.lines, ctx, kind) or
                         free_sections(chunk.lines, section.title, ctx.path, _ROLES.get(kind, kind)))
        else:
            if run and not _adjacent(section.lines, run[-1][0], chunk.lines[0][0]):
                flush()
            start = section.lines.index(chunk.lines[0])
            if run:
                start = section.lines.index(run[-1]) + 1
            run.extend(section.lines[start:section.lines.index(chunk.lines[-1]) + 1])
            if chunk.kind == "text" and parser is not None:
                flush()
    flush()
    return nodes


SITE_LISTS: Dict[type, str] = {
    Publication: "publications", NewsItem: "news", Education: "education", Experience: "experience",
    Honor: "honors", Talk: "talks", Teaching: "teaching", Project: "projects", FreeSection: "sections",
}


def add_nodes(site: Site, page: Page, nodes: list) -> None:
    """File content nodes in their `Site` list and Markup in the page structure."""
    for node in nodes:
        if isinstance(node, Markup):
            page.structure.append(node)
        else:
            getattr(site, SITE_LISTS[type(node)]).append(node)
