"""Line-level structure of a markdown page body shared by the readers: headings and sections.

Headings follow kramdown's GFM parser, which Jekyll runs on both themes (`input: GFM`): what it
renders as <h1>-<h6> is a heading here, and nothing else is.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

Line = Tuple[int, str]
"""(1-based line number in the original file, text)."""

_ATX = re.compile(r"^(#{1,6})[ \t]+(.*)$")  # kramdown GFM: '#' in column 0 and a space after it
_SETEXT = re.compile(r"^([-=])[-=]*[ \t]*$")  # underline in column 0; its first character gives the level
_HEADER_ID = re.compile(r"[ \t]\{#[A-Za-z_:][\w.:-]*\}$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BARE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
_LIST = re.compile(r"^ {0,3}(?:[-+*]|\d+\.)[ \t|]")
_QUOTE = re.compile(r"^ {0,3}>")
_HR = re.compile(r"^ {0,3}([-*_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$")
_IAL = re.compile(r"^ {0,3}\{:(?![:/])[^}]*\}[ \t]*$")
_EOB = re.compile(r"^\^[ \t]*$")
_LIQUID = re.compile(r"^[ \t]*(?:\{%(?:(?!%\}).)*%\}[ \t]*)+$")  # rendered before markdown, mostly to nothing
_TAG = re.compile(r"^ {0,3}<(/?)([A-Za-z][\w:-]*)\b([^>]*)")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)(?=[\s/>]|$)")
_MARKDOWN_ATTR = re.compile(r"""\bmarkdown\s*=\s*["']?(1|block)\b""")
SPAN_TAGS = {"a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
              "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc",
              "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var"}
VOID_TAGS = {"area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta",
             "param", "source", "track", "wbr"}
_LOOKBACK = 60  # lines a heading check looks back for an open list or quote (bounded: hostile input)


@dataclass
class Section:
    """A heading and the lines up to the next heading of the same or higher level."""

    title: str
    level: int
    heading_lines: List[int] = field(default_factory=list)
    """Lines of the heading itself (two for a setext heading)."""
    lines: List[Line] = field(default_factory=list)


def _blank(text: str) -> bool:
    return not text.strip() or bool(_LIQUID.match(text))


def _title(text: str, atx: bool) -> str:
    text = _HEADER_ID.sub("", text.rstrip()).rstrip()
    bare = text.rstrip("#")
    if atx and bare != text:  # kramdown drops a closing run of '#' (not an escaped one), even with no space
        text = (bare + "#" if bare.endswith("\\") else bare).rstrip()
    return text.strip()


def _starts_block(text: str) -> bool:
    """A line kramdown reads as some other block: it cannot be the text of a setext heading."""
    tag = _TAG.match(text)
    return bool(_ATX.match(text) or _FENCE.match(text) or _LIST.match(text) or _QUOTE.match(text)
                or _HR.match(text) or _IAL.match(text) or _EOB.match(text) or _LIQUID.match(text)
                or text.lstrip(" ").startswith("<!--") or tag and tag.group(2).lower() not in SPAN_TAGS
                or text.startswith("\t") or len(text) - len(text.lstrip(" ")) >= 4)


def _after_boundary(lines: List[Line], i: int) -> bool:
    """Whether line i starts a block for a setext heading: first line, after a blank line, a block
    attribute list (`{: #id}`), an end-of-block marker (`^`) or the tag opening a markdown="1" element."""
    if i == 0:
        return True
    before = lines[i - 1][1]
    tag = _TAG.match(before)
    return (_blank(before) or bool(_IAL.match(before) or _EOB.match(before))
            or bool(tag and not tag.group(1) and _MARKDOWN_ATTR.search(tag.group(3))))


def _in_quote(lines: List[Line], i: int) -> bool:
    """A line right under blockquote lines (no blank line between) belongs to the quote."""
    for k in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
        text = lines[k][1]
        rest = text.lstrip(" ")
        if not rest.strip():
            return False
        if rest[0] == ">":
            return len(text) - len(rest) <= 3
        if rest[0] in "<{" and (_TAG.match(text) or _IAL.match(text) or _LIQUID.match(text)):
            return False
    return False


def heading_at(lines: List[Line], i: int) -> Optional[Tuple[int, str, int]]:
    """(level, title, number of lines) if a heading starts at index i, as kramdown (GFM) reads it.
    The caller skips code fences, comments and raw HTML blocks (split_sections does)."""
    text = lines[i][1]
    match = _ATX.match(text)
    if match:
        title = _title(match.group(2), atx=True)
        # a '#' line under a list item is rendered as a heading inside that item: still a heading
        return (len(match.group(1)), title, 1) if title and not _in_quote(lines, i) else None
    if i + 1 < len(lines) and text.strip() and _SETEXT.match(lines[i + 1][1]):
        if not _starts_block(text) and _after_boundary(lines, i):
            title = _title(text, atx=False)
            return ((1 if lines[i + 1][1][0] == "=" else 2), title, 2) if title else None
    return None


class _Closers:
    """Where fences and comments close, found once per body so that unclosed openers on a long
    (or hostile) page cost a lookup each, not a scan to the end."""

    def __init__(self, lines: List[Line]):
        self.lines = lines
        self.comment_ends = [k for k, (_, text) in enumerate(lines) if "-->" in text]
        self.fences: dict = {"`": [], "~": []}
        for k, (_, text) in enumerate(lines):
            bare = _BARE_FENCE.match(text)
            if bare:
                self.fences[bare.group(1)[0]].append((k, len(bare.group(1))))
        self.fence_keys = {ch: [k for k, _ in found] for ch, found in self.fences.items()}
        self.tag_ends = _tag_ends(lines)

    def fence_end(self, i: int) -> Optional[int]:
        """The line closing the fence opened at i (same character, at least as long); None when it
        is never closed, and kramdown then reads the fence line as text."""
        opening = _FENCE.match(self.lines[i][1]).group(1)
        found = self.fences[opening[0]]
        for at in range(bisect_right(self.fence_keys[opening[0]], i), len(found)):
            if found[at][1] >= len(opening):
                return found[at][0]
        return None

    def comment_end(self, i: int) -> Optional[int]:
        text = self.lines[i][1]
        if "-->" in text[text.index("<!--") + 4:]:
            return i
        at = bisect_right(self.comment_ends, i)
        return self.comment_ends[at] if at < len(self.comment_ends) else None

    def raw_block(self, i: int, in_paragraph: bool) -> Optional[int]:
        """Last index of a raw HTML block or comment starting at line i (no headings inside); None
        if line i starts none. A comment starts a block only where no paragraph runs on."""
        text = self.lines[i][1]
        if text.lstrip(" ").startswith("<!--") and len(text) - len(text.lstrip(" ")) < 4:
            return None if in_paragraph else self.comment_end(i)
        tag = _TAG.match(text)
        if not tag or tag.group(1) or tag.group(2).lower() in SPAN_TAGS:
            return None
        name = tag.group(2).lower()
        if name in VOID_TAGS or tag.group(3).rstrip().endswith("/") or _MARKDOWN_ATTR.search(tag.group(3)):
            return i  # a markdown="1" element: only its tag lines are HTML, its content is markdown
        # never closed: kramdown runs the element to the end of the page; here only the tag line is
        # HTML, so one missing '</div>' (or a closing line a reader blanked) hides no later section
        return self.tag_ends.get((i, name), i)


def _tag_ends(lines: List[Line]) -> Dict[Tuple[int, str], int]:
    """(line, tag name) of the first start tag on a line -> line of its end tag (same-name tags nest)."""
    ends: Dict[Tuple[int, str], int] = {}
    open_at: Dict[str, List[Tuple[int, bool]]] = {}
    for k, (_, text) in enumerate(lines):
        seen = set()
        for found in _ANY_TAG.finditer(text):
            name = found.group(2).lower()
            if name in SPAN_TAGS or name in VOID_TAGS:
                continue
            stack = open_at.setdefault(name, [])
            if not found.group(1):
                stack.append((k, name not in seen))
                seen.add(name)
            elif stack:
                start, first = stack.pop()
                if first:
                    ends[(start, name)] = k
    return ends


def split_sections(lines: List[Line]) -> List[Section]:
    """Split body lines at every heading kramdown renders (not in code, comments or raw HTML).
    The first section may be untitled."""
    sections = [Section(title="", level=0)]
    closers = _Closers(lines)
    in_paragraph = False
    i = 0
    while i < len(lines):
        text = lines[i][1]
        end = closers.fence_end(i) if _FENCE.match(text) else None
        if end is None:
            end = closers.raw_block(i, in_paragraph)
        if end is not None:
            sections[-1].lines.extend(lines[i:end + 1])
            in_paragraph = False
            i = end + 1
            continue
        found = heading_at(lines, i)
        if found:
            level, title, size = found
            sections.append(Section(title=title, level=level,
                                    heading_lines=[lines[i + k][0] for k in range(size)]))
            in_paragraph = False
            i += size
            continue
        sections[-1].lines.append(lines[i])
        in_paragraph = not _blank(text) and not _HR.match(text) and not _TAG.match(text)
        i += 1
    if not sections[0].lines:
        sections.pop(0)
    return sections


_INLINE_TAG = re.compile(r"<[^<>]*>")  # no '<' inside: linear on a line of many '<'
_INLINE_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def strip_markup(text: str) -> str:
    """Plain text of a short markdown/HTML fragment (emphasis, links, tags removed)."""
    # every reader strips the same titles, names and venues again and again: cache by the string
    if not isinstance(text, str):  # not a string (a number from front matter): fails as it always did
        return _INLINE_TAG.sub("", text)
    return _cached_strip(text)


def _strip(text: str) -> str:
    # each pattern needs a character most titles and names do not hold: test for it first
    # (tests/test_speed_text.py compares this with the four substitutions on every code point)
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    if "](" in text:
        text = _INLINE_LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    if "\\" in text:
        text = text.replace("\\|", "|").replace("\\", "")
    return " ".join(text.split())  # str.split and re's \s agree on what whitespace is


_cached_strip = lru_cache(maxsize=1 << 16)(_strip)
