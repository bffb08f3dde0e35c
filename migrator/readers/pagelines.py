"""Structural lines of a page body (Liquid, wrapper HTML, comments, rules) and leftover grouping.

Every body line must land in one node: what a parser did not take becomes a
`FreeSection`, what carries no content becomes a `Markup`.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Set, Tuple

from ..model import FreeSection, Markup, Span
from .markdown import Line

_LIQUID_ONLY = re.compile(r"^\s*(\{%-?.*?-?%\}\s*)+$")
_LIQUID_OPEN = re.compile(r"\{%-?\s*(for|if|unless|case|capture|raw|comment)\b")
_LIQUID_CLOSE = re.compile(r"\{%-?\s*end(for|if|unless|case|capture|raw|comment)\b")
_LOOP = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+site\.((?:data\.)?\w+)")
# the template's `{% if author.googlescholar %}` blocks render profile data, not page content
_TEMPLATE_IF = re.compile(r"\{%-?\s*(?:if|unless)\s+(?:author|site)\.")
_WRAPPER = re.compile(r"^\s*(</?(div|section|article|span|center|p|ul|ol|table|tbody|thead|tr|br|hr|main|aside|"
                      r"header|footer|nav|details|summary)\b[^>]*>\s*)+$", re.I)
_ATTR = re.compile(r"^\s*\{:\s*[^}]*\}\s*$")
RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BLOCK_TAGS = ("style", "script")
_BLOCK_OPENINGS = [(tag, re.compile(r"<" + tag + r"\b", re.I)) for tag in _BLOCK_TAGS]
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}")


def liquid_blocks(lines: List[Line]) -> List[Tuple[int, int, str]]:
    """(first index, last index, collection) of each `{% for x in site.C %}` ... `{% endfor %}` block."""
    blocks = []
    i = 0
    while i < len(lines):
        loop = _LOOP.search(lines[i][1]) or _TEMPLATE_IF.search(lines[i][1])
        if loop:
            depth, j = 0, i
            while j < len(lines):
                depth += len(_LIQUID_OPEN.findall(lines[j][1])) - len(_LIQUID_CLOSE.findall(lines[j][1]))
                if depth <= 0:
                    break
                j += 1
            blocks.append((i, min(j, len(lines) - 1), loop.group(1) if loop.re is _LOOP else ""))
            i = j + 1
            continue
        i += 1
    return blocks


def structure(lines: List[Line], path: str) -> Tuple[List[Markup], List[Line], str]:
    """(markups, content lines, listed collection) of a body."""
    markups: List[Markup] = []
    content: List[Line] = []
    taken: Set[int] = set()
    listed = ""
    i = 0
    while i < len(lines):  # comments and style/script first: a loop inside a comment is not a loop
        end = _block_end(lines, i)
        if end is not None:
            kind = "comment" if lines[i][1].strip().startswith(("<!--", "{%")) else "html"
            markups.append(_markup(kind, lines[i:end + 1], path))
            taken.update(range(i, end + 1))
            i = end
        i += 1
    for first, last, collection in liquid_blocks(lines):
        if first in taken:
            continue
        last = next((j - 1 for j in range(first, last + 1) if j in taken), last)
        listed = listed or collection
        markups.append(_markup("liquid", lines[first:last + 1], path))
        taken.update(range(first, last + 1))
    i = 0
    while i < len(lines):
        if i in taken:
            i += 1
            continue
        number, text = lines[i]
        stripped = text.strip()
        if stripped and _LIQUID_ONLY.match(text):
            markups.append(_markup("liquid", [lines[i]], path))
        elif stripped and (_WRAPPER.match(text) or _ATTR.match(text)):
            markups.append(_markup("html", [lines[i]], path))
        else:
            content.append(lines[i])
        i += 1
    markups.sort(key=lambda m: m.span.line)
    return markups, content, listed


def _block_end(lines: List[Line], i: int):
    """Index of the last line of a `<style>`/`<script>` block or `<!-- -->` comment starting at i."""
    text = lines[i][1].strip()
    closer = None
    if text.startswith("<!--"):
        closer = "-->"
    elif text.startswith("{") and _LIQUID_COMMENT.match(text):
        closer = "endcomment"
    elif text.startswith("<"):  # every line is asked: most start with neither mark
        for tag, opening in _BLOCK_OPENINGS:
            if opening.match(text):
                closer = "</" + tag
    if closer is None:
        return None
    for j in range(i, len(lines)):
        if closer in lines[j][1].lower():
            return j
    return len(lines) - 1


def _markup(kind: str, block: List[Line], path: str) -> Markup:
    return Markup(kind=kind, text=markup_text(block), span=Span(path, block[0][0], 1, block[-1][0]))


def markup_text(block: List[Line]) -> str:
    """A structural run's lines as written: indentation and the blank lines inside a `<style>`
    block stay, so a carried page is written back the same."""
    return "\n".join(t.rstrip() for _, t in block).strip("\n")


def rule_markups(lines: List[Line], path: str) -> Tuple[List[Markup], List[Line]]:
    """Horizontal rules (`---`, `***`, `___`) as markup; other lines returned."""
    rules, rest = [], []
    for line in lines:
        if RULE.match(line[1]):
            rules.append(Markup(kind="rule", text=line[1].strip(), span=Span(path, line[0], 1, line[0])))
        else:
            rest.append(line)
    return rules, rest


def leftovers(lines: List[Line], claimed: Iterable[int], path: str, title: str, role: str) -> List[FreeSection]:
    """Runs of unclaimed non-blank lines as free sections, verbatim; a claimed line ends a run."""
    taken = set(claimed)
    sections: List[FreeSection] = []
    run: List[Line] = []

    def close():
        while run and not run[-1][1].strip():
            run.pop()
        if run:
            sections.append(FreeSection(title=title, role=role, markdown="\n".join(t for _, t in run),
                                        span=Span(path, run[0][0], 1, run[-1][0])))
        run.clear()

    previous = None
    for number, text in lines:
        if number in taken or (previous is not None and number != previous + 1):
            close()  # a claimed line or a line taken as markup ends the run
        previous = number
        if number in taken:
            continue
        if text.strip() or run:
            run.append((number, text))
    close()
    return sections


def claimed_by(nodes: Iterable[object]) -> Set[int]:
    """Lines covered by the spans of nodes."""
    out: Set[int] = set()
    for node in nodes:
        span = node.span
        out.update(range(span.line, span.end_line + 1))
    return out
