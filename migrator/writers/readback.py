"""Entry lines written so a second conversion gives them back unchanged: each line is read with the
acad-homepage reader and, when its reading would be written differently, rewritten from that reading."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, List

from ..mdlinks import MD_IMAGE, html_links, md_links
from ..model import Markup
from ..readers.blocks import Context
from ..readers.sections import read_piece

ROUNDS = 3


def reread(line: str, kind: str, like: object, owners: List[str] = ()):
    """The one node of the same type the reader makes of `line` in a `kind` section, else None."""
    return _reread(line, kind, type(like), owners)


def _reread(line: str, kind: str, node_type: type, owners: List[str] = ()):
    lines = list(enumerate(line.split("\n"), start=1))
    try:
        nodes = [n for n in read_piece(kind, "", lines, Context("readback.md", list(owners)))
                 if not isinstance(n, Markup)]
    except Exception:  # a reader bug must not stop the writer: the line is kept as rendered
        return None
    return nodes[0] if len(nodes) == 1 and type(nodes[0]) is node_type else None


def stable_line(render: Callable, node: object, kind: str, owners: List[str] = ()) -> str:
    """`render(node)`, or the line it settles to once read back and written again (fields that the
    reader files differently move, their text stays)."""
    return _settled(render, render(node), kind, type(node), tuple(owners))


@lru_cache(maxsize=1024)
def _settled(render: Callable, line: str, kind: str, node_type: type, owners: tuple) -> str:
    # what follows depends on the rendered line only, not on the node: an entry written twice
    # (a selected paper on the about page and in the full list) is read back once
    kept = _targets(line)
    for _ in range(ROUNDS):
        again = _reread(line, kind, node_type, owners)
        if again is None:
            return line
        text = render(again)
        if text == line or not kept <= _targets(text):  # a reading that loses a link: not taken
            return line
        line = text
    return line


_SRC = re.compile(r"\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.I)


def _targets(text: str) -> set:
    """The link and image targets of a rendered entry, found as the linter finds them."""
    found = {url for _, url, _ in md_links(text)} | {url for _, url, _ in html_links(text)}
    found.update(match.group(2) for match in MD_IMAGE.finditer(text))
    found.update(_SRC.findall(text))
    return found


def reads_as_text(markdown: str, kind: str) -> bool:
    """Whether free text written into a `kind` section is read back as free text, not as entries."""
    lines = list(enumerate(markdown.split("\n"), start=1))
    try:
        nodes = read_piece(kind, "", lines, Context("readback.md"))
    except Exception:  # a reader bug: treat the text as at risk, it gets a section of its own
        return False
    return all(type(n).__name__ in ("FreeSection", "Markup") for n in nodes)
