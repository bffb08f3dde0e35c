"""Parsers for one list entry of a news, honors, education, experience, talks, projects or teaching section.

Each takes the entry's (line number, text) lines and returns nodes spanning
exactly those lines; an entry it cannot read still becomes a node of its kind
with its text kept.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List, Tuple

from ..model import Experience, Honor, NewsItem, Project, Talk, Teaching
from .blocks import Context
from .dates import is_date_text, iso_date, iso_range, leading_date
from .education import education
from .entry_parts import ORG, ROLE, clean_lines, date_and_rest, is_place, plain_text, span_of, split_parts
from .inline import entry_links
from .markdown import Line

_HOSTS = re.compile(r"^[(（]?\s*(?:hosts?|mentors?|advisors?|advised by|supervisors?|supervised by|managers?|导师|"
                    r"working with|with)\s*[:：]?\s*(.+?)[)）]?\s*$", re.I)


def news(lines: List[Line], ctx: Context, kind: str) -> list:
    body = clean_lines(lines)
    if not body:
        return []
    raw, rest = leading_date(body[0][1])
    text = "\n".join([rest] + [t for _, t in body[1:]]).strip()
    date = iso_date(raw)
    return [NewsItem(date="" if date == "present" else date, raw_date=raw, text=text, span=span_of(lines, ctx))]


def _dated(lines: List[Line]) -> Tuple[str, str, str]:
    """(date as written, the rest, the entry's markdown) of an entry read as one paragraph."""
    body = clean_lines(lines)
    raw, rest = date_and_rest(" ".join(t for _, t in body))
    return raw, rest, "\n".join(t for _, t in body)


def _head(lines: List[Line]) -> Tuple[List[Line], str]:
    """An entry's first paragraph (its fields) and the markdown of the paragraphs below it (a talk's
    abstract, a course's description; one blank line kept between paragraphs)."""
    for k in range(1, len(lines)):
        if not lines[k][1].strip() and any(t.strip() for _, t in lines[k + 1:]):
            below = [t.strip() for _, t in lines[k + 1:]]
            below = [t for i, t in enumerate(below) if t or (i and below[i - 1])]
            return lines[:k], "\n".join(below).strip("\n")
    return lines, ""


def _dated_head(lines: List[Line]) -> Tuple[List[Line], str, str, str]:
    """(first paragraph's lines, date, rest) as `_dated` reads the first paragraph, and the entry's markdown."""
    head, below = _head(lines)
    raw, rest, text = _dated(head)
    return head, raw, rest, (text + "\n\n" + below if below and text else text)


def honor(lines: List[Line], ctx: Context, kind: str) -> list:
    raw, rest, text = _dated(lines)
    return [Honor(name=plain_text(rest), date=iso_date(raw), text=text, span=span_of(lines, ctx))] if text else []


def _hosts(text: str) -> List[str]:
    match = _HOSTS.match(plain_text(text))
    if not match:
        return []
    names = re.split(r",|，|\band\b|&", match.group(1))
    return [n.strip(" .") for n in names if n.strip(" .")]


def experience(lines: List[Line], ctx: Context, kind: str) -> list:
    body = clean_lines(lines)
    if not body:
        return []
    entry = Experience(internship=kind == "internships", span=span_of(lines, ctx))
    if len(body) == 1:
        raw, rest = date_and_rest(body[0][1])
        entry.start, entry.end = iso_range(raw)
        parts = split_parts(rest)
        inner = [re.search(r"[(（]\s*(?:host|mentor|advisor|supervisor|导师)s?\s*[:：][^)）]*[)）]", p, re.I)
                 for p in parts]
        for i, match in enumerate(inner):
            if match:
                entry.hosts = _hosts(match.group(0).strip("()（）"))
                parts[i] = parts[i].replace(match.group(0), "").strip()
        parts = [re.sub(r"^(at|@)\s+", "", p) for p in parts if p]
        role = next((i for i, p in enumerate(parts) if ROLE.search(plain_text(p)) and not ORG.search(plain_text(p))), None)
        org = next((i for i in range(len(parts)) if i != role), None)
        if role is not None:
            entry.role = plain_text(parts[role])
        if org is not None:
            entry.organisation = plain_text(parts[org])
        left = [i for i in range(len(parts)) if i not in (role, org)]
        if left and left[-1] == len(parts) - 1 and is_place(parts[-1]):
            entry.location = plain_text(parts[left.pop()])
        entry.text = ", ".join(parts[i] for i in left)
    else:
        entry.organisation = plain_text(body[0][1])
        text: List[str] = []
        for _, line in body[1:]:
            if is_date_text(line) and not entry.start:
                entry.start, entry.end = iso_range(leading_date(line)[0] or plain_text(line))
            elif _hosts(line):
                entry.hosts = _hosts(line)
            elif not entry.role and not text and ROLE.search(plain_text(line)) and len(plain_text(line).split()) <= 8:
                entry.role = plain_text(line)
            else:
                text.append(line)
        entry.text = "\n".join(text)
    entry.internship = entry.internship or bool(re.search(r"\bintern(ship)?\b|实习", entry.role, re.I))
    entry.links = entry_links(lines, ctx.path)[0]
    return [entry]


def talk(lines: List[Line], ctx: Context, kind: str) -> list:
    head, raw, rest, text = _dated_head(lines)
    if not text:
        return []
    main = re.split(r"\s*(?:\\\||\s\|\s)\s*", rest)[0]
    bold = re.match(r"^\*\*(.+?)\*\*[\s,.:]*(.*)$", main)
    if bold:
        title, event = bold.group(1), bold.group(2)
    else:
        pieces = split_parts(main)
        title, event = (pieces[0], ", ".join(pieces[1:])) if pieces else ("", "")
    links, _ = entry_links(head, ctx.path)  # slides, video; links inside an abstract stay in its text
    return [Talk(title=plain_text(title), event=plain_text(event), date=iso_date(raw), links=links, text=text,
                 span=span_of(lines, ctx))]


def project(lines: List[Line], ctx: Context, kind: str) -> list:
    paragraph, below = _head(lines)
    body = clean_lines(paragraph)
    if not body:
        return []
    raw, head = leading_date(body[0][1])
    entry = Project(span=span_of(lines, ctx))
    entry.start, entry.end = iso_range(raw)
    links, _ = entry_links(body[:1], ctx.path)
    # '**Name (2021)**: what it does' names the project in bold, whatever the name holds; a name
    # before a colon holds no tag ('<a href="http://..">' has a colon of its own)
    named = re.match(r"^(\*\*|__)((?:(?!\1).)+)(\1)\s*[:：]\s*(.*)()$", head) or \
        re.match(r"^(\*\*|__)?(\[[^\]]+\]\([^)]*\)|[^*:：\[\]()<>\"]+?)(\*\*|__)?\s*[:：]\s*(.*?)(\*\*|__)?$", head) or \
        re.match(r"^(\*\*|__)(.+?)(\*\*|__)()()$", head)
    if named:
        entry.name, entry.description = plain_text(named.group(2)), (named.group(4) or "").strip()
    else:
        parts = split_parts(head)
        entry.name, entry.description = (plain_text(parts[0]), ", ".join(parts[1:])) if parts else ("", "")
    if links and links[0].label and links[0].label in entry.name:
        entry.url = links[0].url
    more = [t for _, t in body[1:]]
    if more and len(plain_text(more[0]).split()) <= 12:
        entry.role = more.pop(0)
    entry.description = "\n".join([d for d in [entry.description] + more if d])
    if below:  # paragraphs below the entry's line: more of its description
        entry.description = (entry.description + "\n\n" + below).strip("\n")
    return [entry]


def teaching(lines: List[Line], ctx: Context, kind: str) -> list:
    _, raw, rest, text = _dated_head(lines)
    if not text:
        return []
    entry = Teaching(date=iso_date(raw), text=text, span=span_of(lines, ctx))
    parts = split_parts(rest)
    at = next((p for p in parts[1:] if re.match(r"^(at|@)\s+", p)), "")
    if at:
        entry.institution = plain_text(re.sub(r"^(at|@)\s+", "", at))
        parts.remove(at)
    first = parts[0] if parts else ""
    course = re.match(r"^(.*?)\s+(?:in|for|of)\s+(?:the\s+)?(?:course|class|module)?\s*(.+)$", first, re.I)
    if course and ROLE.search(course.group(1)):
        entry.role, entry.title = plain_text(course.group(1)), plain_text(course.group(2))
    else:
        entry.title = plain_text(first)
    return [entry]


ENTRY_PARSERS: Dict[str, Callable] = {
    "news": news, "honors": honor, "education": education, "experience": experience,
    "internships": experience, "talks": talk, "projects": project, "teaching": teaching,
}
