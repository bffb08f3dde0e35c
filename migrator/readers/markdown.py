"""Line-level structure of a markdown page body shared by the readers: headings and sections."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

Line = Tuple[int, str]
"""(1-based line number in the original file, text)."""

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass
class Section:
    """A heading and the lines up to the next heading of the same or higher level."""

    title: str
    level: int
    heading_lines: List[int] = field(default_factory=list)
    """Lines of the heading itself (two for a setext heading)."""
    lines: List[Line] = field(default_factory=list)


def heading_at(lines: List[Line], i: int) -> Optional[Tuple[int, str, int]]:
    """(level, title, number of lines) if a heading starts at index i."""
    text = lines[i][1]
    match = _ATX.match(text)
    if match:
        return len(match.group(1)), (match.group(2) or "").strip(), 1
    if i + 1 < len(lines) and text.strip() and not text.lstrip().startswith(("<", "*", "-", "|", ">")):
        under = _SETEXT.match(lines[i + 1][1])
        if under and (i == 0 or not lines[i - 1][1].strip()):
            return (1 if under.group(1)[0] == "=" else 2), text.strip(), 2
    return None


def split_sections(lines: List[Line]) -> List[Section]:
    """Split body lines at every heading (outside fenced code). The first section may be untitled."""
    sections = [Section(title="", level=0)]
    fence = None
    i = 0
    while i < len(lines):
        text = lines[i][1]
        fence_match = _FENCE.match(text)
        if fence_match:
            marker = fence_match.group(1)[0]
            fence = None if fence == marker else (fence or marker)
        if fence is None and not fence_match:
            found = heading_at(lines, i)
            if found:
                level, title, size = found
                sections.append(Section(title=title, level=level,
                                        heading_lines=[lines[i + k][0] for k in range(size)]))
                i += size
                continue
        sections[-1].lines.append(lines[i])
        i += 1
    if not sections[0].lines:
        sections.pop(0)
    return sections


def strip_markup(text: str) -> str:
    """Plain text of a short markdown/HTML fragment (emphasis, links, tags removed)."""
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = text.replace("\\|", "|").replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()
