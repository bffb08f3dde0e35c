"""Text helpers shared by the entry parsers: cleaned entry lines, comma parts, keyword patterns."""
from __future__ import annotations

import re
from typing import List, Tuple

from ..model import Span
from .blocks import BULLET, Context, indent
from .dates import leading_date, trailing_date
from .markdown import Line, strip_markup

DEGREE = re.compile(r"(ph\.?\s?d|doctor|doctoral|d\.phil|master|m\.?\s?sc|m\.?\s?eng|m\.?\s?phil|bachelor|b\.?\s?sc|"
                     r"b\.?\s?eng|b\.?\s?tech|m\.?\s?tech|undergraduate|postgraduate|graduate student|mba|"
                     r"candidate|student|diploma|licen[cs]e|exchange|visiting|joint|博士|硕士|本科|学士)"
                     r"|\b(MS|BS|MA|BA|BE|ME|M\.S\.?|B\.S\.?|M\.A\.?|B\.A\.?|B\.E\.?|M\.E\.?)\b", re.I)
INSTITUTION = [re.compile(p, re.I) for p in (r"univ|大学", r"college|institu|istitut|academy|polytechnic|学院|研究院",
                                              r"school|lab|中学|学校")]
ROLE = re.compile(r"\b(intern|internship|professor|researcher|scientist|engineer|assistant|fellow|student|"
                   r"scholar|postdoc\w*|lecturer|director|manager|developer|member|head|lead|consultant|analyst|"
                   r"instructor|editor|officer|trainee|candidate|chair|founder|ceo|cto|ta|tutor|associate)\b"
                   r"|实习|研究员|教授|工程师|博士后", re.I)
ORG = re.compile(r"universit|institut|lab\b|laborator|inc\b|ltd|corp|company|group|cent(er|re)|academy|college|"
                  r"school|department|大学|公司|实验室", re.I)
ABBREVIATION = re.compile(r"\b(?:Prof|Profs|Dr|Drs|Assoc|Asst|Mr|Mrs|Ms|St|Jr|Sr|Univ|Dept|Inst|Corp|Co|Inc|Ltd|No|Vol)\.")


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


_ENTITY_OPEN = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+)$")  # 'Sup&eacute' before its ';'


def split_parts(text: str) -> List[str]:
    """Split at commas (ASCII or full-width) outside brackets, links and tags."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "([<{" and 1 or 0
        depth -= ch in ")]>}" and depth > 0 and 1 or 0
        if ch in ",，;；" and depth == 0 and not (ch == ";" and _ENTITY_OPEN.search(current)):
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out = []
    for part in parts:
        # split at sentence ends, not after a title such as 'Prof.'
        protected = ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\x00"), part)
        out.extend(p.replace("\x00", ".") for p in re.split(r"(?<=[a-z]{3})\.\s+(?=[A-Z])", protected))
    return [trim_part(p) for p in out if trim_part(p)]


def trim_part(part: str) -> str:
    """Spaces and a sentence's final period removed; 'B.Sc.' keeps its own."""
    part = part.strip(" 。")
    last = part.split()[-1] if part.split() else ""
    return part if last.count(".") > 1 else part.strip(" .")


def plain_text(text: str) -> str:
    return strip_markup(text.replace("&nbsp;", " ").replace("&ensp;", " ")).strip(" .,")


def is_place(part: str) -> bool:
    plain = plain_text(part)
    return 0 < len(plain.split()) <= 3 and not re.search(r"\d", plain) and not ORG.search(plain) \
        and not ROLE.search(plain) and not DEGREE.search(plain) and len(plain) < 40


def date_and_rest(text: str) -> Tuple[str, str]:
    raw, rest = leading_date(text)
    if not raw:
        raw, rest = trailing_date(text)
    return raw, rest
