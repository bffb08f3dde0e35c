"""Plain-text CVs pasted from a PDF: CAPITAL section titles, institution / date / • degree blocks.

Markdown CVs go through the ordinary section reader; this module handles the
text that has no markdown headings at all (seed 003).
"""
from __future__ import annotations

import re
from typing import List, Set

from ..model import Education, Experience, FreeSection, Honor, Markup, Project, Span
from .citation import parse_citation
from .fields import parse_range, section_kind
from .markdown import Line, strip_markup

CAPS_TITLE = re.compile(r"^\s*([A-Z][A-Z0-9&/,.'()\- ]{3,})\s*:?\s*$")
BULLET = re.compile(r"^\s*(?:[•·▪●◦*+-]|\d{1,3}[.)])\s+")
HOSTS = re.compile(r"\b(?:advised|supervised|mentored|hosted)\s+by\b|\b(?:hosts?|mentors?|supervisors?|advisors?)\s*:",
                   re.I)
ROLE_WORDS = re.compile(r"\b(intern|engineer|research|scientist|assistant|student|developer|manager|fellow|lead|"
                        r"professor|lecturer|postdoc|analyst|consultant|visiting|member|director)\w*", re.I)
LABEL = re.compile(r"^\s*(objective|description|summary|responsibilities|duties|achievements?|topics?|thesis|"
                   r"dissertation|advisors?|supervisors?|courses?|gpa|keywords|tasks?|results?|outcomes?)\s*:", re.I)
DEGREE = re.compile(r"^(.*?)\s+(?:in|of)\s+(.+)$")


def caps_title(text: str) -> bool:
    match = CAPS_TITLE.match(text)
    return bool(match) and sum(ch.isalpha() for ch in match.group(1)) >= 4 and len(text.split()) <= 6


def is_plain_text(lines: List[Line]) -> bool:
    """No markdown headings, and at least two CAPITAL title lines."""
    if any(re.match(r"^ {0,3}#{1,6}\s", t) or re.match(r"^ {0,3}(=+|-{3,})\s*$", t) for _, t in lines):
        return False
    return sum(caps_title(t) for _, t in lines) >= 2


def date_line(text: str) -> bool:
    return len(text) <= 80 and len(strip_markup(text)) <= 40 and bool(parse_range(text)[0])


def header_lines(lines: List[Line]) -> Set[str]:
    """The text of the lines before the first title (name, contact): repeated after page breaks."""
    out = set()
    for _, text in lines:
        if caps_title(text):
            break
        if text.strip():
            out.add(text.strip())
    return out


def blocks_of(lines: List[Line]) -> List[List[Line]]:
    """Entries: text lines, then a date line, then bullets/paragraphs, until the next text line after those."""
    entries: List[List[Line]] = []
    current: List[Line] = []
    state = "head"
    previous = None
    for line in lines:
        text = line[1]
        if previous is not None and line[0] != previous + 1 and current:
            entries.append(current)  # a line taken out as markup ends the entry
            current, state = [], "head"
        previous = line[0]
        if not text.strip():
            continue
        kind = "date" if date_line(text) else ("bullet" if BULLET.match(text) else "text")
        if kind == "text" and state == "body" and not text.rstrip().endswith(":") and not _description(text):
            entries.append(current)
            current, state = [], "head"
        if kind == "date" and state == "head":
            state = "dated"
        elif kind != "text" or state == "dated":
            state = "body" if state != "head" or kind == "bullet" else state
        current.append(line)
    if current:
        entries.append(current)
    return entries


def _description(text: str) -> bool:
    """Long prose lines belong to the entry above ('Objective: ...')."""
    return len(text.split()) > 14 or bool(LABEL.match(text))


def read_plain(lines: List[Line], ctx) -> None:
    """Read a plain-text CV page body into the site."""
    site, path, page = ctx.site, ctx.path, ctx.doc.page
    header = header_lines(lines)
    title, kind, chunk = "", "", []
    sections = []
    for line in lines:
        if caps_title(line[1]):
            sections.append((title, kind, chunk))
            title, chunk = line[1].strip(), []
            kind = section_kind(title)
            page.structure.append(Markup(kind="heading", text=title, level=2, span=Span(path, line[0], 1, line[0])))
        else:
            chunk.append(line)
    sections.append((title, kind, chunk))
    for title, kind, chunk in sections:
        body = [ln for ln in chunk if ln[1].strip() not in header]
        repeats = [ln for ln in chunk if ln[1].strip() and ln[1].strip() in header]
        for run in _runs(repeats):
            site.sections.append(FreeSection(title=title, role="header", markdown="\n".join(t for _, t in run),
                                             span=Span(path, run[0][0], 1, run[-1][0])))
        if kind == "publications":
            for entry in [ln for ln in body if ln[1].strip()]:
                text = BULLET.sub("", entry[1]).strip()
                span = Span(path, entry[0], 1, entry[0])
                pub = parse_citation(text, span, ctx.owners, span)
                if pub:
                    pub.source = "cv"
                    site.publications.append(pub)
                else:
                    site.sections.append(_free(title, kind, [entry], path))
            continue
        breaks = {n for n, _ in repeats}
        segments: List[List[Line]] = [[]]
        for line in chunk:  # a repeated page header splits the text around it
            if line[0] in breaks:
                segments.append([])
            elif line[1].strip() not in header:
                segments[-1].append(line)
        for segment in segments:
            for entry in blocks_of(segment):
                node = entry_node(kind, title, entry, path)
                getattr(site, _LISTS[type(node)]).append(node)


_LISTS = {Education: "education", Experience: "experience", Project: "projects", Honor: "honors",
          FreeSection: "sections"}


def _runs(lines: List[Line]) -> List[List[Line]]:
    runs: List[List[Line]] = []
    for line in lines:
        if runs and line[0] - runs[-1][-1][0] <= 2:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _free(title: str, kind: str, lines: List[Line], path: str) -> FreeSection:
    role = "header" if not title else ("" if kind == "other" else kind)
    return FreeSection(title=title, role=role, markdown="\n".join(t for _, t in lines),
                       span=Span(path, lines[0][0], 1, lines[-1][0]))


def entry_node(kind: str, title: str, entry: List[Line], path: str):
    """Education / Experience / Project / Honor from one block, else a free section."""
    span = Span(path, entry[0][0], 1, entry[-1][0])
    heads = [strip_markup(t) for _, t in entry if not date_line(t) and not BULLET.match(t) and not _description(t)]
    dates = next((parse_range(t) for _, t in entry if date_line(t)), ("", ""))
    rest = [t.strip() for _, t in entry if BULLET.match(t) or _description(t)]
    if kind == "education" and heads:
        degree_line = strip_markup(BULLET.sub("", rest[0])) if rest else (heads[1] if len(heads) > 1 else "")
        degree, field = _degree(degree_line)
        return Education(institution=heads[0], degree=degree, field=field, start=dates[0], end=dates[1],
                         text="\n".join(rest[1:]), span=span)
    if kind in ("experience", "internships") and heads and "research" not in title.lower():
        role, hosts, location = _role_hosts(heads[1:])
        return Experience(organisation=heads[0], role=role, hosts=hosts, start=dates[0], end=dates[1],
                          location=location, internship=kind == "internships" or "intern" in role.lower(),
                          text="\n".join(rest), span=span)
    if kind in ("experience", "projects") and heads:
        return Project(name=heads[0], role=" / ".join(heads[1:]), description="\n".join(rest), start=dates[0], end=dates[1],
                       span=span)
    if kind == "honors" and len(entry) == 1:
        return Honor(name=strip_markup(BULLET.sub("", entry[0][1])), date=dates[0], text=entry[0][1].strip(),
                     span=span)
    return _free(title, kind, entry, path)


def _degree(text: str):
    match = DEGREE.match(text.strip())
    return (match.group(1).strip(), match.group(2).strip()) if match else (text.strip(), "")


def _role_hosts(lines: List[str]):
    """(role, hosts, location) from the lines under an organisation."""
    role, hosts, location = "", [], ""
    for text in lines:
        parts = re.split(r"\s+/\s+|\s*;\s*", text)
        for part in parts:
            if HOSTS.search(part):
                names = HOSTS.split(part, maxsplit=1)[-1]
                hosts += [n.strip(" .") for n in re.split(r",|\band\b|&", names) if n.strip(" .")]
            elif not role and (ROLE_WORDS.search(part) or location):
                role = part.strip()
            elif not location and len(part.split()) <= 4:
                location = part.strip()
            elif not role:
                role = part.strip()
    return role, hosts, location

