"""Header ids exactly as kramdown's GFM parser makes them (`auto_ids: true`), so navigation anchors resolve."""
from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from typing import List, Tuple

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def _is_word(ch: str) -> bool:
    """Ruby's \\p{Word}: letters, marks, decimal digits, connector punctuation."""
    category = unicodedata.category(ch)
    return category.startswith(("L", "M")) or category in ("Nd", "Pc")


def heading_text(markdown: str) -> str:
    """The text kramdown keeps of a heading: link text without URLs, no images or tags,
    emphasis markers and code ticks gone, entities and typographic dashes as characters."""
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(?<![\w\\])_{1,2}(?=\S)(.+?)(?<=\S)_{1,2}(?!\w)", r"\1", text)
    text = text.replace("`", "").replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return html.unescape(text)


def gfm_id(raw_text: str) -> str:
    """The id before de-duplication: downcase, drop non-word characters but '-', spaces -> '-'."""
    lowered = raw_text.lower()
    kept = "".join(ch for ch in lowered if _is_word(ch) or ch in "- \t")
    return kept.replace(" ", "-").replace("\t", "-")


class HeaderIds:
    """Hands out ids in document order; a repeated id gets '-1', '-2', ... as kramdown does."""

    def __init__(self) -> None:
        self.seen: Counter = Counter()

    def next(self, raw_text: str) -> str:
        base = gfm_id(raw_text)
        self.seen[base] += 1
        count = self.seen[base]
        return base if count == 1 else f"{base}-{count - 1}"


def heading_ids(markdown: str) -> List[Tuple[int, str, str]]:
    """(0-based line, heading text, id) of every ATX heading outside code fences and HTML blocks."""
    ids = HeaderIds()
    found: List[Tuple[int, str, str]] = []
    fence = ""
    for number, line in enumerate(markdown.split("\n")):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        match = _ATX.match(line)
        if match:
            text = match.group(2).strip()
            found.append((number, text, ids.next(heading_text(text))))
    return found
