"""Hand-written markdown publication lists: bullets of title / authors / venue / link rows.

Covers the multi-line style (title line, authors line, `<span>` venue, `| [paper](...) |`
row, role-only `| arXiv | first author` lines) and one-line citations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ..model import Markup, Publication, Span
from .citation import parse_citation, remove_links, unlink
from .fields import parse_authors, parse_venue
from .inline import line_links
from .markdown import Line, strip_markup

BULLET = re.compile(r"^(\s*)(?:[*+-]|\d{1,3}[.)])\s+")
GROUP_LINE = re.compile(r"^\s{0,3}(?:\*\*([^*].*?)\*\*|__([^_].*?)__|<(?:b|strong)>(.*?)</(?:b|strong)>)\s*:?\s*$", re.I)
ROLE = re.compile(r"\b((?:co-?|joint |equal )?(?:first|second|third|fourth|fifth|last|senior|corresponding|sole|"
                  r"lead|main)[- ]authors?|co-?authors?|corresponding|equal contribution)\b", re.I)
_VENUE_SPAN = re.compile(r"<(span|em|i|font)\b[^>]*>(.*?)</\1>", re.I)
_YEAR_HEADING = re.compile(r"^(?:19|20)\d\d$")
_LINE_END = re.compile(r"(\\|<br\s*/?>|\s{2,})\s*$")
_ANY_TAG = re.compile(r"<[^>]+>")
_SEPARATORS = re.compile(r"[\s|,/·•\-–\[\]()]")
_BOLD_TITLE = re.compile(r"^\s*(\*\*|__|<b>|<strong>)(.+?)(\*\*|__|</b>|</strong>)\s*[,.:]?\s*(.*)$", re.I)
_AUTHOR_MARKUP = re.compile(r"<u>|\*\*[^*]+\*\*|<b>[^<]+</b>|<sup>")
_NAME_SEPARATOR = re.compile(r",|\band\b")
_FOUR_DIGITS = re.compile(r"\d{4}")
_EMPHASIS_START = re.compile(r"^\s*[*_][^*_]")
_VENUE_WORDS = re.compile(r"(19|20)\d\d|arxiv|preprint|proceedings|journal|conference|workshop|review", re.I)


@dataclass
class Entry:
    """The lines of one list item."""

    lines: List[Line] = field(default_factory=list)
    indent: int = 0


@dataclass
class ListRead:
    """What a section of a publication list yielded."""

    publications: List[Publication] = field(default_factory=list)
    structure: List[Markup] = field(default_factory=list)
    leftover: List[Line] = field(default_factory=list)


def group_title(text: str) -> str:
    match = GROUP_LINE.match(text)
    if not match:
        return ""
    title = strip_markup(next(g for g in match.groups() if g is not None))
    return title if title and len(title) < 120 else ""


def split_items(lines: List[Line]) -> List[object]:
    """Entries, ('group', line) markers and ('text', line) leftovers, in order."""
    out: List[object] = []
    current: Optional[Entry] = None
    blank = False
    previous = None
    for number, text in lines:
        if previous is not None and number != previous + 1:
            current = None  # a line taken out as markup ends the entry
        previous = number
        if not text.strip():
            blank = True
            continue
        bullet = BULLET.match(text)
        indent = _indent(text)
        if bullet and (current is None or indent <= current.indent + 1):
            current = Entry([(number, text)], indent)
            out.append(current)
        elif group_title(text) and (current is None or indent <= current.indent):
            current = None
            out.append(("group", (number, text)))
        elif current is not None and (indent > current.indent or not blank):
            current.lines.append((number, text))
        else:
            current = None
            out.append(("text", (number, text)))
        blank = False
    return out


def _indent(text: str) -> int:
    """Columns before the text: a tab reaches the next multiple of 4, as in markdown (a tab-indented
    '\t* Supervisor: ...' is a sub-item, not an entry of its own)."""
    lead = text[:len(text) - len(text.lstrip())]
    return len(lead.expandtabs(4)) if "\t" in lead else len(lead)


def _span(path: str, lines: List[Line]) -> Span:
    return Span(path, lines[0][0], 1, lines[-1][0])


def _strip_line(text: str) -> str:
    text = BULLET.sub("", text, count=1) if BULLET.match(text) else text
    text = text.rstrip()  # so only a final '\\' or '<br>' can be a line end
    return (_LINE_END.sub("", text) if text.endswith(("\\", ">")) else text).strip()


def is_link_row(text: str) -> bool:
    return _only_links_left(text) and bool(line_links(text, Span())[0])


def _only_links_left(text: str) -> bool:
    """Nothing but separators is left once links and tags are taken out."""
    rest = _ANY_TAG.sub("", remove_links(text))
    return not _SEPARATORS.sub("", rest)


def role_cells(text: str) -> Tuple[str, str]:
    """(owner role, venue text) of a role-only line such as `| <span>arXiv</span> | first author`."""
    cells = [c.strip() for c in text.split("|") if c.strip()]
    role, venue = "", ""
    for cell in cells:
        plain = strip_markup(cell)
        if ROLE.fullmatch(plain.strip(" .").lower()) or (ROLE.search(plain) and len(plain.split()) <= 4):
            role = plain.strip(" .")
        elif plain and not line_links(cell, Span())[0]:
            venue = venue or cell
    return role, venue


def parse_entry(entry: Entry, path: str, owners: List[str]) -> Optional[Publication]:
    """One list item -> Publication, or None when it does not look like one."""
    lines = [(n, _strip_line(t)) for n, t in entry.lines]
    span = _span(path, entry.lines)
    if len(lines) == 1 or not _title_line(lines[0][1]):
        text = " ".join(t for _, t in lines)
        return parse_citation(text, span.at(lines[0][0]), owners, span)
    pub = Publication(span=span)
    first_no, first = lines[0]
    pub.title, rest = _title_and_rest(first)
    links, badges = line_links(first if not rest else first[:len(first) - len(rest)], span.at(first_no))
    pub.links.extend(links)
    pub.badges.extend(badges)
    for link in pub.links:
        if link.kind == "other" and strip_markup(link.label) in pub.title:
            link.kind = "paper"
    notes: List[str] = []
    pending = [(first_no, rest)] if rest else []
    for number, text in pending + lines[1:]:
        here = span.at(number)
        links, badges = line_links(text, here)
        pub.badges.extend(badges)
        if links and _only_links_left(text):  # is_link_row(text), its links already found
            pub.links.extend(links)
            continue
        role, venue_text = role_cells(text) if "|" in text else ("", "")
        if role:
            pub.owner_role = role.lower()
            if venue_text and pub.venue is None:
                pub.venue = _venue(venue_text, here)
            pub.links.extend(links)
            continue
        if not pub.authors and _looks_like_authors(text, owners):
            pub.authors = parse_authors(unlink(text), owners)
            continue
        if pub.venue is None and _looks_like_venue(text):
            pub.venue = _venue(text, here)
            pub.links.extend(links)
            continue
        pub.links.extend(links)
        notes.append(text)
    pub.notes = "\n".join(notes)
    if pub.venue and pub.venue.year:
        pub.date = str(pub.venue.year)
    return pub if pub.title and (pub.authors or pub.venue or pub.links or pub.owner_role) else None


def _title_line(text: str) -> bool:
    """The first line of a multi-line entry holds only a title (bold, linked or plain)."""
    plain = strip_markup(unlink(text))
    return bool(plain) and len(plain) < 300


def _title_and_rest(text: str) -> Tuple[str, str]:
    bold = _BOLD_TITLE.match(text)
    if bold and len(strip_markup(bold.group(2))) > 3:
        return strip_markup(unlink(bold.group(2))), bold.group(4)
    return strip_markup(unlink(text)).strip(" ."), ""


def _looks_like_authors(text: str, owners: List[str]) -> bool:
    plain = strip_markup(unlink(text))
    if _AUTHOR_MARKUP.search(text):
        return True
    if any(name and name.lower() in plain.lower() for name in owners):
        return True
    names = [p.strip() for p in _NAME_SEPARATOR.split(plain) if p.strip()]
    return len(names) >= 2 and all(len(n.split()) <= 5 for n in names) and not _FOUR_DIGITS.search(plain)


def _looks_like_venue(text: str) -> bool:
    return bool(_VENUE_SPAN.search(text) or _EMPHASIS_START.match(text)
                or _VENUE_WORDS.search(text))


def _venue(text: str, span: Span):
    inner = _VENUE_SPAN.search(text)
    venue = parse_venue(inner.group(2) if inner else text)
    venue.raw = text.strip()
    venue.span = span
    return venue


def read_list(lines: List[Line], path: str, owners: List[str], group: str = "",
              selected: bool = False) -> ListRead:
    """Publications of a section; bold-line groups become `Markup` headings, the rest leftovers."""
    result = ListRead()
    for item in split_items(lines):
        if isinstance(item, Entry):
            pub = parse_entry(item, path, owners)
            if pub is None:
                result.leftover.extend(item.lines)
                continue
            pub.group, pub.selected = group, selected
            if not pub.date and _YEAR_HEADING.match(group):
                pub.date = group
            result.publications.append(pub)
        elif item[0] == "group":
            number, text = item[1]
            group = group_title(text)
            result.structure.append(Markup(kind="heading", text=text.strip(), level=0,
                                           span=Span(path, number, 1, number)))
        else:
            result.leftover.append(item[1])
    return result
