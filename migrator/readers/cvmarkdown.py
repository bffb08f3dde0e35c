"""The academicpages template's markdown CV entries.

Education: `* Ph.D in Version Control Theory, GitHub University, 2018 (expected)`.
Work: `* Summer 2015: Research Assistant` with sub-bullets organisation,
`Duties included: ...` and `Supervisor: ...`.
"""
from __future__ import annotations

import re
from typing import List, Optional

from ..model import Education, Experience, Span
from .dates import is_date_text, iso_range
from .fields import parse_range
from .markdown import Line, strip_markup
from .publist import BULLET, Entry, split_items

_HOSTS = re.compile(r"^(supervisors?|advisors?|mentors?|hosts?|managers?|pi)\s*:\s*(.+)$", re.I)
_YEARS = re.compile(r"(?:(?:[A-Za-z]+\.?\s+)?(?:19|20)\d\d)(?:\s*(?:-|–|—|to)\s*(?:(?:[A-Za-z]+\.?\s+)?(?:19|20)\d\d|"
                    r"present|now|today|\d\d\b))?", re.I)
_DEGREE = re.compile(r"^(.*?)\s+(?:in|of)\s+(.+)$")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def read_entries(kind: str, lines: List[Line], path: str) -> list:
    """Education or Experience nodes for the template-shaped entries of a CV section."""
    nodes = []
    for item in split_items(lines):
        if isinstance(item, Entry):
            node = education(item, path) if kind == "education" else experience(item, path, kind)
            if node is not None:
                nodes.append(node)
    return nodes


def _items(entry: Entry) -> List[str]:
    return [strip_markup(BULLET.sub("", text, count=1)).strip() for _, text in entry.lines]


def _span(entry: Entry, path: str) -> Span:
    return Span(path, entry.lines[0][0], 1, entry.lines[-1][0])


def education(entry: Entry, path: str) -> Optional[Education]:
    parts = [p.strip() for p in _items(entry)[0].split(",") if p.strip()]
    dated = [i for i, part in enumerate(parts) if i and _YEARS.search(part)]
    if len(parts) < 2 or not dated:
        return None
    at = dated[-1]
    found = _YEARS.search(parts[at])
    start, end = parse_range(found.group(0))
    short = re.fullmatch(r"((?:19|20)\d\d)\s*[-–]\s*(\d\d)", found.group(0))
    if short:  # '2018-19'
        start, end = short.group(1), short.group(1)[:2] + short.group(2)
    if not end:  # a single year is when the degree was (or will be) awarded
        start, end = "", start
    # 'Lady Margaret Hall - University of Oxford (2019-20)': words before the date name the place;
    # words after it ('2018 (expected)', '2018. Grade: 17/20') are a note
    before = parts[at][:found.start()].strip(" ([.,;:")
    after = _EMPTY_BRACKETS.sub("", parts[at][found.end():].lstrip(")]")).strip(" .,;:")
    names = parts[1:at] + ([before] if before else [])
    degree_part, institution = parts[0], ", ".join(names)
    match = _DEGREE.match(degree_part)
    degree, field = (match.group(1), match.group(2)) if match else (degree_part, "")
    if not match and len(names) > 1:  # 'MSc, Economics, KU Leuven, 2018'
        field, institution = names[0], ", ".join(names[1:])
    rest = ", ".join(([after] if after else []) + parts[at + 1:]).strip(" .,")
    return Education(institution=institution, degree=degree.strip(), field=field.strip(), start=start, end=end,
                     text="\n".join(([rest] if rest else []) + _items(entry)[1:]), span=_span(entry, path))


def experience(entry: Entry, path: str, kind: str) -> Optional[Experience]:
    items = _items(entry)
    head = re.match(r"^(.*?)\s*:\s+(.+)$", items[0])
    if not head:
        return None
    start, end = parse_range(head.group(1))
    if not start and is_date_text(head.group(1)):  # '2019-20: Tutor'
        start, end = iso_range(head.group(1))
    if not start:
        return None
    node = Experience(role=head.group(2).strip(), start=start, end=end, internship=kind == "internships",
                      span=_span(entry, path))
    text = []
    for item in items[1:]:
        hosts = _HOSTS.match(item)
        if hosts:
            node.hosts += [h.strip(" .") for h in re.split(r",|\band\b|&", hosts.group(2)) if h.strip(" .")]
        elif not node.organisation and ":" not in item:
            node.organisation = item
        else:
            text.append(item)
    node.text = "\n".join(text)
    return node
