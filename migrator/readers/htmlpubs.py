"""Hand-written HTML publication entries: `<div class="publication-entry">` blocks whose
children are named by class (`...-title`, `...-authors`, `...-conference`, buttons)."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from ..model import Link, Publication, Span
from .fields import link_kind, parse_authors, parse_venue
from .inline import html_links, is_badge_image, soup
from .markdown import Line, strip_markup

ENTRY_OPEN = re.compile(r"^\s*<(div|li|article|section)\b[^>]*\bclass\s*=\s*[\"'][^\"']*"
                        r"\b(?:pub|publication|paper)(?:[-_](?:entry|item|card|box))?\b[^\"']*[\"']", re.I)
_VENUE_CLASS = re.compile(r"venue|conference|journal|booktitle|proceedings|where", re.I)


def entry_ranges(lines: List[Line]) -> List[Tuple[int, int]]:
    """(first, last) line numbers of each class-named entry block in the body lines."""
    ranges = []
    i = 0
    while i < len(lines):
        opener = ENTRY_OPEN.match(lines[i][1])
        if not opener:
            i += 1
            continue
        tag = opener.group(1).lower()
        depth, j = 0, i
        while j < len(lines):  # follow nesting of the opening tag's name to its closing line
            text = lines[j][1].lower()
            depth += len(re.findall(r"<" + tag + r"\b", text)) - len(re.findall(r"</" + tag + r"\s*>", text))
            if depth <= 0:
                break
            j += 1
        j = min(j, len(lines) - 1)
        ranges.append((lines[i][0], lines[j][0]))
        i = j + 1
    return ranges


def _by_class(entry, pattern: str):
    return entry.find(class_=lambda c: bool(c) and re.search(pattern, " ".join(c) if isinstance(c, list) else c, re.I))


def read_entry(html: str, first: int, last: int, path: str, owners: List[str]) -> Optional[Publication]:
    """A Publication from one entry block's HTML (its first line is line `first` of the file)."""
    entry = soup(html)
    title_node = _by_class(entry, r"title") or entry.find(["h1", "h2", "h3", "h4", "h5", "strong", "b"])
    if title_node is None or not title_node.get_text(strip=True):
        return None
    # markdown inside the HTML (`markdown="1"` boxes): '**Title**' is the title's words
    pub = Publication(title=strip_markup(re.sub(r"\s+", " ", title_node.get_text(" ", strip=True))).strip(),
                      span=Span(path, first, 1, last))
    authors = _by_class(entry, r"author")
    if authors is not None:
        pub.authors = parse_authors(re.sub(r"\s+", " ", authors.decode_contents()), owners)
    venue = _by_class(entry, _VENUE_CLASS.pattern)
    if venue is not None:
        pub.venue = parse_venue(venue.get_text(" ", strip=True))
        pub.venue.span = Span(path, first + (venue.sourceline or 1) - 1, (venue.sourcepos or 0) + 1)
        pub.date = str(pub.venue.year or "")
    pub.links, pub.badges = html_links(entry, first, path)
    for badge in pub.badges:  # buttons drawn as shields: the link is the badge's target
        if badge.url and not re.search(r"stars|forks|citation|visitor", badge.image + badge.alt, re.I):
            pub.links.append(Link(kind=link_kind(badge.alt, badge.url), url=badge.url, label=badge.alt,
                                  span=badge.span))
    image = next((img for img in entry.find_all("img") if not is_badge_image(str(img.get("src") or ""))), None)
    pub.image = str(image.get("src") or "") if image is not None else ""
    return pub


def read_html_entries(doc, lines: List[Line], structure: list, owners: List[str]) -> List[Publication]:
    """Publications of the class-named HTML entries among `lines`; markup inside them is dropped
    from `structure` because the entry now holds those lines."""
    if not lines:
        return []
    first, last = lines[0][0], lines[-1][0]
    raw = [(n, doc.text.lines[n - 1]) for n in range(first, last + 1)]
    pubs = []
    for start, end in entry_ranges(raw):
        inside = [m for m in structure if m.span.line <= end and m.span.end_line >= start]
        if any(m.span.line < start or m.span.end_line > end for m in inside):
            continue  # a markup block crosses the entry's edge: leave the lines as they are
        pub = read_entry("\n".join(doc.text.lines[start - 1:end]), start, end, doc.path, owners)
        if pub is None:
            continue
        for markup in inside:
            structure.remove(markup)
        pubs.append(pub)
    return pubs
