"""Where the elements of an HTML fragment start and end (stdlib HTMLParser positions), and on which
line an HTML block (a `<ul>` list, a paper-box `<div>`) that opens on a given line closes."""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Dict, List, Optional, Tuple

from .markdown import Line
from .plain_markup import ANGLE, feed_plain, is_plain

_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "param", "track"}


class _Elements(HTMLParser):
    """Start and end line (1-based, relative) of every element of a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: List[list] = []
        self.done: List[list] = []  # [tag, classes, start, end, attrs]
        self.started: List[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        element = [tag, dict(attrs).get("class") or "", self.getpos()[0], 0, dict(attrs)]
        self.stack.append(element)
        self.started.append(element)

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                for element in self.stack[k:]:
                    element[3] = self.getpos()[0]
                    self.done.append(element)
                del self.stack[k:]
                return


def _feed(parser: "_Elements", text: str) -> bool:
    """Feed text; False when html.parser gives up on broken markup (what was read so far stays)."""
    try:
        parser.feed(text)
        return True
    except (AssertionError, ValueError):
        return False


def elements(text: str) -> List[list]:
    parser = _Elements()
    if not feed_plain(parser, text):  # plain markup: html.parser's events without running it
        parser = _Elements()
        _feed(parser, text)
    return sorted(parser.done + parser.stack, key=lambda e: e[2])


class _Closing(_Elements):
    """_Elements whose end lines are the line an end tag finishes on (a tag may span lines), which is
    the line a line-by-line feed would be reading when the element closes."""

    def parse_endtag(self, i):
        before = len(self.done)
        return self._finished(i, before, super().parse_endtag(i))

    def parse_starttag(self, i):  # '<ul/>' opens and closes in one tag
        before = len(self.done)
        return self._finished(i, before, super().parse_starttag(i))

    def _finished(self, i: int, before: int, k: int) -> int:
        extra = self.rawdata.count("\n", i, k) if k > i else 0
        for element in self.done[before:]:
            element[3] += extra
        return k


# (tags, first line) -> the lines of a block found closed: the page walk and then the section
# reader look for the end of the same block; the answer depends only on those lines' text
_CLOSED: Dict[Tuple[Tuple[str, ...], Line], Tuple[Line, ...]] = {}


def block_end(lines: List[Line], i: int, tags: Tuple[str, ...]) -> int:
    """Index of the line closing the element (one of `tags`) that opens on lines[i]; unclosed: last line."""
    known = _CLOSED.get((tags, lines[i]))
    if known is not None and tuple(lines[i:i + len(known)]) == known:
        return i + len(known) - 1
    end = _closing_line(lines, i, tags)
    if end is None:
        return _unclosed_end(lines, i)
    if len(_CLOSED) > 1024:
        _CLOSED.clear()
    _CLOSED[(tags, lines[i])] = tuple(lines[i:end + 1])
    return end


def _closing_line(lines: List[Line], i: int, tags: Tuple[str, ...]) -> Optional[int]:
    """The closing line's index, None if the element is not closed (or the markup breaks first)."""
    try:
        return _PlainScan(tags).closing_line(lines, i)
    except _NotPlain:
        pass
    # fed in chunks that end on a line naming a closing tag, not line by line: html.parser reads a
    # text cut after any newline the same way, and the parser itself says on which line it closed
    parser = _Closing()
    for j, k in _chunks(lines, i, tags):
        if not _feed(parser, "".join(text + "\n" for _, text in lines[j:k + 1])):
            return _closing_by_lines(lines, i, tags)  # broken markup: where it breaks matters
        first = next((e for e in parser.started if e[0] in tags), None)
        if first is not None and first[3]:
            return i + first[3] - 1
    return None


def _chunks(lines: List[Line], i: int, tags: Tuple[str, ...]):
    """(first, last) indices of runs of lines from i on, each ending on a line naming a closing tag."""
    closing = _closing_tag(tags)
    j = i
    while j < len(lines):
        k = next((m for m in range(j, len(lines)) if closing.search(lines[m][1])), len(lines) - 1)
        yield j, k
        j = k + 1


@lru_cache(maxsize=None)
def _closing_tag(tags: Tuple[str, ...]):
    return re.compile("</(?:" + "|".join(tags) + ")", re.I)


def _closing_by_lines(lines: List[Line], i: int, tags: Tuple[str, ...]) -> Optional[int]:
    parser = _Elements()
    for j in range(i, len(lines)):
        if not _feed(parser, lines[j][1] + "\n"):
            return None
        first = next((e for e in parser.started if e[0] in tags), None)
        if first is not None and first[3]:
            return j
    return None


def _unclosed_end(lines: List[Line], i: int) -> int:
    """Never closed: stop before the next markdown heading rather than swallow the page."""
    heading = next((j for j in range(i + 1, len(lines)) if re.match(r"#{1,6}\s", lines[j][1])), len(lines))
    return max(i, next((j for j in range(heading - 1, i, -1) if lines[j][1].strip()), i))


class _NotPlain(Exception):
    """The block holds markup the plain scan does not follow: the parser is asked instead."""


class _PlainScan:
    """What `_Elements` does with a block made only of plain tags and text, by one pattern: such
    markup cannot break html.parser and each tag is one match, so the element stack is the same."""

    def __init__(self, tags: Tuple[str, ...]):
        self.tags = tags
        self.stack: List[list] = []
        self.first: Optional[list] = None

    def closing_line(self, lines: List[Line], i: int) -> Optional[int]:
        for number in range(i, len(lines)):
            if "<" in lines[number][1] and self.closes(lines[number][1]):
                return number
        return None

    def closes(self, text: str) -> bool:
        """Read one whole line (what follows the close on it could still break html.parser); True if
        the first element named in `tags` is closed on it."""
        closed = False
        for match in ANGLE.finditer(text):
            if not is_plain(match):
                raise _NotPlain(text)
            if closed:
                continue
            slash, name, _, self_closing = match.groups()
            name = name.lower()
            if not slash and name not in _VOID:
                element = [name]
                self.stack.append(element)
                if self.first is None and name in self.tags:
                    self.first = element
            closed = bool(slash or self_closing) and self.end(name)
        return closed

    def end(self, name: str) -> bool:
        """`_Elements.handle_endtag`: close up to the nearest open element of that name."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == name:
                closed = self.stack[k:]
                del self.stack[k:]
                return any(element is self.first for element in closed)
        return False
