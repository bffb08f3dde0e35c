"""Education entries: one-line ('*2019.06 - 2022.04*, Master, Zhejiang University, Hangzhou.') and
multi-line shapes (an institution line followed by degree / date lines, or a degree line followed by the place)."""
from __future__ import annotations

import re
from typing import List, Tuple

from ..model import Education, Span
from .blocks import Context, indent
from .dates import is_date_text, iso_range, leading_date, trailing_date
from .entry_parts import DEGREE, INSTITUTION, clean_lines, is_place, plain_text, span_of, split_parts
from .inline import entry_links
from .markdown import Line, strip_markup


def _degree_field(part: str) -> Tuple[str, str]:
    plain = plain_text(part)
    match = re.match(r"(.+?)\s+(?:in|of|on)\s+(.+)$", plain)
    if match and DEGREE.search(match.group(1)):
        return match.group(1).strip(), match.group(2).strip()
    written = strip_markup(part).strip(" ,")
    return (written if written.count(".") > 1 else plain), ""


def _join_campus(parts: List[str]) -> List[str]:
    """'University of California, Berkeley, Institute X': the campus belongs to the university."""
    out: List[str] = []
    for i, part in enumerate(parts):
        if out and i < len(parts) - 1 and re.match(r"(the\s+)?university of\b", plain_text(out[-1]), re.I) \
                and len(plain_text(part).split()) <= 2 and is_place(part):
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
    ranks = [next((r for r, p in enumerate(INSTITUTION) if p.search(plain_text(part))), 9) for part in parts]
    inst = ranks.index(min(ranks)) if parts and min(ranks) < 9 else None
    degree = next((i for i, part in enumerate(parts) if i != inst and DEGREE.search(plain_text(part))), None)
    others = [i for i in range(len(parts)) if i not in (inst, degree)]
    if inst is None and others:
        # no school word: 'MSc, Economics, KU Leuven' names the school after the field
        inst = others[1] if degree == 0 and len(others) >= 2 else others[0]
        others.remove(inst)
    if inst is not None:
        entry.institution = plain_text(parts[inst])
    if degree is not None:
        entry.degree, entry.field = _degree_field(parts[degree])
    if others and others[-1] == len(parts) - 1 and inst is not None and others[-1] > inst and is_place(parts[-1]):
        entry.location = plain_text(parts[others.pop()])
    # a part before the school (after the degree) names the field, unless it is a school itself
    if others and not entry.field and degree is not None and inst is not None and others[0] < max(degree, inst) \
            and ranks[others[0]] > 1:
        entry.field = plain_text(parts[others.pop(0)])
    entry.text = ", ".join(parts[i] for i in others)


def _bare_institution(text: str) -> bool:
    """'**National University of Singapore**': a line naming only the place (degrees follow)."""
    plain = plain_text(text)
    if leading_date(text)[0] or "," in plain:
        return False
    return bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", text)) or \
        (any(p.search(plain) for p in INSTITUTION[:2]) and not DEGREE.search(plain))


def education(lines: List[Line], ctx: Context, kind: str) -> list:
    body = clean_lines(lines)
    if not body:
        return []
    if len(body) == 1 or not _bare_institution(body[0][1]):
        entry = Education(span=span_of(lines, ctx))
        _fill_education(entry, body[0][1])
        for _, text in body[1:]:
            _add_education_line(entry, text)
        entry.links = entry_links(lines, ctx.path)[0]
        return [entry]
    # an institution line, then degree / date lines (several degrees at one place)
    institution = plain_text(body[0][1])
    records: List[Tuple[int, Education]] = []
    current = None
    for number, text in body[1:]:
        if is_date_text(text) and current is not None and not current.start:
            current.start, current.end = iso_range(leading_date(text)[0] or plain_text(text))
            continue
        if current is None or current.degree and (current.start or DEGREE.search(text)):
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
        record.links = entry_links([ln for ln in lines if start <= ln[0] <= end], ctx.path)[0]
        out.append(record)
    return out


def _add_education_line(entry: Education, text: str) -> None:
    """A further line of an entry: dates, institution and place fill what is missing, the rest is text."""
    if is_date_text(text) and not entry.start and not entry.end:
        entry.start, entry.end = iso_range(leading_date(text)[0] or plain_text(text))
        return
    if not entry.institution and any(p.search(plain_text(text)) for p in INSTITUTION):
        found = Education()
        _fill_education(found, text)
        for name in ("institution", "location", "start", "end", "field"):
            if not getattr(entry, name):
                setattr(entry, name, getattr(found, name))
        text = found.text
    if text:
        entry.text = (entry.text + "\n" + text).strip()
