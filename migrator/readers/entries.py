"""Parsers for one list entry of a news, honors, education, experience, talks, projects or teaching section.

Each takes the entry's (line number, text) lines and returns nodes spanning
exactly those lines; an entry it cannot read still becomes a node of its kind
with its text kept.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List, Tuple

from ..model import Education, Experience, Honor, NewsItem, Project, Span, Talk, Teaching
from .blocks import BULLET, Context, indent
from .dates import is_date_text, iso_date, iso_range, leading_date, trailing_date
from .inline import entry_links
from .markdown import Line, strip_markup

_DEGREE = re.compile(r"(ph\.?\s?d|doctor|doctoral|d\.phil|master|m\.?\s?sc|m\.?\s?eng|m\.?\s?phil|bachelor|b\.?\s?sc|"
                     r"b\.?\s?eng|b\.?\s?tech|m\.?\s?tech|undergraduate|postgraduate|graduate student|mba|"
                     r"candidate|student|diploma|licen[cs]e|exchange|visiting|joint|博士|硕士|本科|学士)"
                     r"|\b(MS|BS|MA|BA|BE|ME|M\.S\.?|B\.S\.?|M\.A\.?|B\.A\.?|B\.E\.?|M\.E\.?)\b", re.I)
_INSTITUTION = [re.compile(p, re.I) for p in (r"univ|大学", r"college|institut|academy|polytechnic|学院|研究院",
                                              r"school|lab|中学|学校")]
_ROLE = re.compile(r"\b(intern|internship|professor|researcher|scientist|engineer|assistant|fellow|student|"
                   r"scholar|postdoc\w*|lecturer|director|manager|developer|member|head|lead|consultant|analyst|"
                   r"instructor|editor|officer|trainee|candidate|chair|founder|ceo|cto|ta|tutor|associate)\b"
                   r"|实习|研究员|教授|工程师|博士后", re.I)
_ORG = re.compile(r"universit|institut|lab\b|laborator|inc\b|ltd|corp|company|group|cent(er|re)|academy|college|"
                  r"school|department|大学|公司|实验室", re.I)
_ABBREVIATION = re.compile(r"\b(?:Prof|Profs|Dr|Drs|Assoc|Asst|Mr|Mrs|Ms|St|Jr|Sr|Univ|Dept|Inst|Corp|Co|Inc|Ltd|No|Vol)\.")
_HOSTS = re.compile(r"^[(（]?\s*(?:hosts?|mentors?|advisors?|advised by|supervisors?|supervised by|managers?|导师|"
                    r"working with|with)\s*[:：]?\s*(.+?)[)）]?\s*$", re.I)


def clean_lines(lines: List[Line]) -> List[Line]:
    """Entry lines without list markers, <li> tags, indentation or trailing hard breaks."""
    out = []
    for k, (number, text) in enumerate(lines):
        text = text.strip()
        if k == 0:
            while BULLET.match(text):
                text = text[BULLET.match(text).end():].strip()
        text = re.sub(r"^<li\b[^>]*>|</li>$", "", text, flags=re.I).strip()
        text = re.sub(r"\s*\\$", "", text).strip()
        if text:
            out.append((number, text))
    return out


def span_of(lines: List[Line], ctx: Context) -> Span:
    return Span(ctx.path, lines[0][0], indent(lines[0][1]) + 1, lines[-1][0])


def split_parts(text: str) -> List[str]:
    """Split at commas (ASCII or full-width) outside brackets, links and tags."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "([<{" and 1 or 0
        depth -= ch in ")]>}" and depth > 0 and 1 or 0
        if ch in ",，;；" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out = []
    for part in parts:
        # split at sentence ends, not after a title such as 'Prof.'
        protected = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\x00"), part)
        out.extend(p.replace("\x00", ".") for p in re.split(r"(?<=[a-z]{3})\.\s+(?=[A-Z])", protected))
    return [_trim(p) for p in out if _trim(p)]


def _trim(part: str) -> str:
    """Spaces and a sentence's final period removed; 'B.Sc.' keeps its own."""
    part = part.strip(" 。")
    last = part.split()[-1] if part.split() else ""
    return part if last.count(".") > 1 else part.strip(" .")


def _plain(text: str) -> str:
    return strip_markup(text.replace("&nbsp;", " ").replace("&ensp;", " ")).strip(" .,")


def _location(part: str) -> bool:
    plain = _plain(part)
    return 0 < len(plain.split()) <= 3 and not re.search(r"\d", plain) and not _ORG.search(plain) \
        and not _ROLE.search(plain) and not _DEGREE.search(plain) and len(plain) < 40


def _date_and_rest(text: str) -> Tuple[str, str]:
    raw, rest = leading_date(text)
    if not raw:
        raw, rest = trailing_date(text)
    return raw, rest


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
    raw, rest = _date_and_rest(" ".join(t for _, t in body))
    return raw, rest, "\n".join(t for _, t in body)


def honor(lines: List[Line], ctx: Context, kind: str) -> list:
    raw, rest, text = _dated(lines)
    return [Honor(name=_plain(rest), date=iso_date(raw), text=text, span=span_of(lines, ctx))] if text else []


def _degree_field(part: str) -> Tuple[str, str]:
    plain = _plain(part)
    match = re.match(r"(.+?)\s+(?:in|of|on)\s+(.+)$", plain)
    if match and _DEGREE.search(match.group(1)):
        return match.group(1).strip(), match.group(2).strip()
    written = strip_markup(part).strip(" ,")
    return (written if written.count(".") > 1 else plain), ""


def _join_campus(parts: List[str]) -> List[str]:
    """'University of California, Berkeley, Institute X': the campus belongs to the university."""
    out: List[str] = []
    for i, part in enumerate(parts):
        if out and i < len(parts) - 1 and re.match(r"(the\s+)?university of\b", _plain(out[-1]), re.I) \
                and len(_plain(part).split()) <= 2 and _location(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _fill_education(entry: Education, text: str) -> None:
    """Degree, institution, field and location from 'Master, Zhejiang University, Hangzhou'."""
    raw, rest = leading_date(text)
    if raw:
        entry.start, entry.end = iso_range(raw)
    else:
        raw, rest = trailing_date(text)
        start, end = iso_range(raw)
        # a single date after the entry is when the degree was (or will be) completed
        entry.start, entry.end = (start, end) if end else ("", start)
    parts = _join_campus(split_parts(re.sub(r"<img\b[^>]*>", "", rest)))
    ranks = [next((r for r, p in enumerate(_INSTITUTION) if p.search(_plain(part))), 9) for part in parts]
    inst = ranks.index(min(ranks)) if parts and min(ranks) < 9 else None
    degree = next((i for i, part in enumerate(parts) if i != inst and _DEGREE.search(_plain(part))), None)
    others = [i for i in range(len(parts)) if i not in (inst, degree)]
    if inst is None and others:
        # no school word: 'MSc, Economics, KU Leuven' names the school after the field
        inst = others[1] if degree == 0 and len(others) >= 2 else others[0]
        others.remove(inst)
    if inst is not None:
        entry.institution = _plain(parts[inst])
    if degree is not None:
        entry.degree, entry.field = _degree_field(parts[degree])
    if others and others[-1] == len(parts) - 1 and inst is not None and others[-1] > inst and _location(parts[-1]):
        entry.location = _plain(parts[others.pop()])
    # a part before the school (after the degree) names the field, unless it is a school itself
    if others and not entry.field and degree is not None and inst is not None and others[0] < max(degree, inst) \
            and ranks[others[0]] > 1:
        entry.field = _plain(parts[others.pop(0)])
    entry.text = ", ".join(parts[i] for i in others)


def _bare_institution(text: str) -> bool:
    """'**National University of Singapore**': a line naming only the place (degrees follow)."""
    plain = _plain(text)
    if leading_date(text)[0] or "," in plain:
        return False
    return bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", text)) or \
        (any(p.search(plain) for p in _INSTITUTION[:2]) and not _DEGREE.search(plain))


def education(lines: List[Line], ctx: Context, kind: str) -> list:
    body = clean_lines(lines)
    if not body:
        return []
    if len(body) == 1 or not _bare_institution(body[0][1]):
        entry = Education(span=span_of(lines, ctx))
        _fill_education(entry, body[0][1])
        for _, text in body[1:]:
            _add_education_line(entry, text)
        return [entry]
    # an institution line, then degree / date lines (several degrees at one place)
    institution = _plain(body[0][1])
    records: List[Tuple[int, Education]] = []
    current = None
    for number, text in body[1:]:
        if is_date_text(text) and current is not None and not current.start:
            current.start, current.end = iso_range(leading_date(text)[0] or _plain(text))
            continue
        if current is None or current.degree and (current.start or _DEGREE.search(text)):
            current = Education(institution=institution)
            records.append((number if records else lines[0][0], current))
        if not current.degree and not is_date_text(text):
            current.degree, current.field = _degree_field(text)
        else:
            _add_education_line(current, text)
    if not records:
        records = [(lines[0][0], Education(institution=institution))]
    out = []
    for k, (start, record) in enumerate(records):
        end = records[k + 1][0] - 1 if k + 1 < len(records) else lines[-1][0]
        record.span = Span(ctx.path, start, indent(lines[0][1]) + 1 if k == 0 else 1, end)
        out.append(record)
    return out


def _add_education_line(entry: Education, text: str) -> None:
    """A further line of an entry: dates, institution and place fill what is missing, the rest is text."""
    if is_date_text(text) and not entry.start and not entry.end:
        entry.start, entry.end = iso_range(leading_date(text)[0] or _plain(text))
        return
    if not entry.institution and any(p.search(_plain(text)) for p in _INSTITUTION):
        found = Education()
        _fill_education(found, text)
        for name in ("institution", "location", "start", "end", "field"):
            if not getattr(entry, name):
                setattr(entry, name, getattr(found, name))
        text = found.text
    if text:
        entry.text = (entry.text + "\n" + text).strip()


def _hosts(text: str) -> List[str]:
    match = _HOSTS.match(_plain(text))
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
        raw, rest = _date_and_rest(body[0][1])
        entry.start, entry.end = iso_range(raw)
        parts = split_parts(rest)
        inner = [re.search(r"[(（]\s*(?:host|mentor|advisor|supervisor|导师)s?\s*[:：][^)）]*[)）]", p, re.I)
                 for p in parts]
        for i, match in enumerate(inner):
            if match:
                entry.hosts = _hosts(match.group(0).strip("()（）"))
                parts[i] = parts[i].replace(match.group(0), "").strip()
        parts = [re.sub(r"^(at|@)\s+", "", p) for p in parts if p]
        role = next((i for i, p in enumerate(parts) if _ROLE.search(_plain(p)) and not _ORG.search(_plain(p))), None)
        org = next((i for i in range(len(parts)) if i != role), None)
        if role is not None:
            entry.role = _plain(parts[role])
        if org is not None:
            entry.organisation = _plain(parts[org])
        left = [i for i in range(len(parts)) if i not in (role, org)]
        if left and left[-1] == len(parts) - 1 and _location(parts[-1]):
            entry.location = _plain(parts[left.pop()])
        entry.text = ", ".join(parts[i] for i in left)
    else:
        entry.organisation = _plain(body[0][1])
        text: List[str] = []
        for _, line in body[1:]:
            if is_date_text(line) and not entry.start:
                entry.start, entry.end = iso_range(leading_date(line)[0] or _plain(line))
            elif _hosts(line):
                entry.hosts = _hosts(line)
            elif not entry.role and not text and _ROLE.search(_plain(line)) and len(_plain(line).split()) <= 8:
                entry.role = _plain(line)
            else:
                text.append(line)
        entry.text = "\n".join(text)
    entry.internship = entry.internship or bool(re.search(r"\bintern(ship)?\b|实习", entry.role, re.I))
    return [entry]


def talk(lines: List[Line], ctx: Context, kind: str) -> list:
    raw, rest, text = _dated(lines)
    if not text:
        return []
    main = re.split(r"\s*(?:\\\||\s\|\s)\s*", rest)[0]
    bold = re.match(r"^\*\*(.+?)\*\*[\s,.:]*(.*)$", main)
    if bold:
        title, event = bold.group(1), bold.group(2)
    else:
        pieces = split_parts(main)
        title, event = (pieces[0], ", ".join(pieces[1:])) if pieces else ("", "")
    links, _ = entry_links(lines, ctx.path)
    return [Talk(title=_plain(title), event=_plain(event), date=iso_date(raw), links=links, text=text,
                 span=span_of(lines, ctx))]


def project(lines: List[Line], ctx: Context, kind: str) -> list:
    body = clean_lines(lines)
    if not body:
        return []
    raw, head = leading_date(body[0][1])
    entry = Project(span=span_of(lines, ctx))
    entry.start, entry.end = iso_range(raw)
    links, _ = entry_links(body[:1], ctx.path)
    named = re.match(r"^(\*\*|__)?(\[[^\]]+\]\([^)]*\)|[^*:：\[\]()]+?)(\*\*|__)?\s*[:：]\s*(.*?)(\*\*|__)?$", head) or \
        re.match(r"^(\*\*|__)(.+?)(\*\*|__)()()$", head)
    if named:
        entry.name, entry.description = _plain(named.group(2)), named.group(4).strip()
    else:
        parts = split_parts(head)
        entry.name, entry.description = (_plain(parts[0]), ", ".join(parts[1:])) if parts else ("", "")
    if links and links[0].label and links[0].label in entry.name:
        entry.url = links[0].url
    more = [t for _, t in body[1:]]
    if more and len(_plain(more[0]).split()) <= 12:
        entry.role = more.pop(0)
    entry.description = "\n".join([d for d in [entry.description] + more if d])
    return [entry]


def teaching(lines: List[Line], ctx: Context, kind: str) -> list:
    raw, rest, text = _dated(lines)
    if not text:
        return []
    entry = Teaching(date=iso_date(raw), text=text, span=span_of(lines, ctx))
    parts = split_parts(rest)
    at = next((p for p in parts[1:] if re.match(r"^(at|@)\s+", p)), "")
    if at:
        entry.institution = _plain(re.sub(r"^(at|@)\s+", "", at))
        parts.remove(at)
    first = parts[0] if parts else ""
    course = re.match(r"^(.*?)\s+(?:in|for|of)\s+(?:the\s+)?(?:course|class|module)?\s*(.+)$", first, re.I)
    if course and _ROLE.search(course.group(1)):
        entry.role, entry.title = _plain(course.group(1)), _plain(course.group(2))
    else:
        entry.title = _plain(first)
    return [entry]


ENTRY_PARSERS: Dict[str, Callable] = {
    "news": news, "honors": honor, "education": education, "experience": experience,
    "internships": experience, "talks": talk, "projects": project, "teaching": teaching,
}
