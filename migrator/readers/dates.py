"""Dates written at the start or end of a list entry: '*2024.03*:', '**[Jan 2024]**', '2023.12.09:', ', Dec. 2021'."""
from __future__ import annotations

import re
from typing import Tuple

from .fields import parse_date, parse_range

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ONE = (r"(?:\d{4}(?:[./\-年]\d{1,2}(?:[./\-月]\d{1,2}日?)?月?)?(?!\d)|\d{1,2}[./]\d{4}"
        rf"|{_MONTH},?\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
        r"|(?:spring|summer|fall|autumn|winter)\s+\d{4}"
        r"|now|present|current|today|ongoing|至今|现在|YYYY\.MM)")
DATE_TOKEN = re.compile(rf"{_ONE}(?:\s*(?:-{{1,2}}|–|—|~|to|until)\s*{_ONE})?(?:\s*\([^)]{{0,20}}\))?", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_WRAPPERS = [("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"), ("``", "``"), ("`", "`"),
             ("[", "]"), ("(", ")"), ("【", "】"), ("<", ">")]
_INLINE_TAG = re.compile(r"^<(b|strong|em|i|span|code|font|time)\b[^>]*>(.*?)</\1>", re.I | re.S)
_SEPARATOR = re.compile(r"^(?:\s|[:：,，;|\-–—]|\\\||&nbsp;|&ensp;|&emsp;|&#160;)*")
_TRAILING = re.compile(rf"(?:^|[\s,，;(（])\(?((?:{_ONE})(?:\s*(?:-|–|—|~|to)\s*(?:{_ONE}))?)\)?"
                       r"(\s*\([^)]{0,20}\))?[.。]?\s*$", re.I)
_PEOPLE_NOTE = re.compile(r"\(\s*(?:hosts?|advisors?|supervisors?|mentors?|with)\b", re.I)
_DIGIT = re.compile(r"\d")
_AFTER_DATE = re.compile(r"(?:\s|[:：,，;|\-–—]|\\\||&\w+;)")
_SHORT_RANGE = re.compile(r"\(?(\d{4})\s*[-–]\s*(\d{2})\)?")
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def _unwrap(token: str) -> str:
    """'**[Jan 2024]**' -> 'Jan 2024'."""
    changed = True
    while changed:
        changed = False
        token = token.strip()
        tag = _INLINE_TAG.fullmatch(token)
        if tag:
            token, changed = tag.group(2), True
            continue
        for open_, close in _WRAPPERS:
            if len(token) > len(open_) + len(close) and token.startswith(open_) and token.endswith(close):
                token, changed = token[len(open_):-len(close)], True
                break
    return token.strip()


def is_date_text(text: str, plain: bool = False) -> bool:
    """The text is only a date or range ('2019.06 - 2022.04', 'Jan 2024', '2021, 2022')."""
    token = _unwrap(text).strip(" .,:;")
    if not token:
        return False
    if DATE_TOKEN.fullmatch(token):
        return not plain or bool(_DIGIT.search(token))
    return not plain and len(token) <= 20 and bool(_YEAR.search(token)) and len(token.split()) <= 3


def _emphasised_prefix(text: str) -> Tuple[str, str]:
    """(token, rest) when the text starts with an emphasised or bracketed token."""
    tag = _INLINE_TAG.match(text)
    if tag:
        return tag.group(0), text[tag.end():]
    for open_, close in _WRAPPERS[:-1]:
        if text.startswith(open_):
            end = text.find(close, len(open_) + (1 if open_ in "*_" else 0))
            if open_ == "*" and text.startswith("**"):
                continue
            if end > 0 and not (open_ == "[" and text[end + 1:end + 2] == "("):
                token, rest = text[:end + len(close)], text[end + len(close):]
                # '**[Jan 2024]**' closes its brackets inside the bold
                return token, rest
    return "", text


def leading_date(text: str) -> Tuple[str, str]:
    """(date as written, the rest) when the text starts with a date; ('', text) otherwise."""
    body = text.strip()
    token, rest = _emphasised_prefix(body)
    if token and is_date_text(token):
        return _unwrap(token).strip(" :,"), _SEPARATOR.sub("", rest)
    match = DATE_TOKEN.match(body)
    if match and _DIGIT.search(match.group(0)):
        after = body[match.end():]
        if not after or _AFTER_DATE.match(after):
            return match.group(0).strip(), _SEPARATOR.sub("", after)
    return "", body


def trailing_date(text: str) -> Tuple[str, str]:
    """(date as written, the text before it) when the text ends with a date."""
    match = _TRAILING.search(text.strip())
    if match and _DIGIT.search(match.group(1)):
        before = text.strip()[:match.start()].rstrip(" ,，;(（")
        note = match.group(2) or ""
        # '2017-present (Host: X. Chen)': the note is the entry's, not the date's ('2018 (expected)')
        return match.group(1).strip(), f"{before} {note.strip()}" if _PEOPLE_NOTE.match(note.strip()) else before
    return "", text.strip()


def iso_date(raw: str) -> str:
    """An ISO date for a written date or range (its start), or the first year in it."""
    if not raw:
        return ""
    start = parse_range(raw)[0] or parse_date(raw)
    if start and start != "present":
        return start
    year = _YEAR.search(raw)
    return year.group(0) if year else ""


def iso_range(raw: str) -> Tuple[str, str]:
    """(start, end) ISO of a written range; years as a fallback."""
    if not raw:
        return "", ""
    short = _SHORT_RANGE.fullmatch(raw.strip())
    if short and (int(short.group(2)) > 12 or int(short.group(2)) == (int(short.group(1)) + 1) % 100):
        return short.group(1), short.group(1)[:2] + short.group(2)  # '2018-19'
    start, end = parse_range(_TRAILING_PAREN.sub("", raw))
    if not start:
        years = _YEAR.findall(raw)
        start = years[0] if years else ""
        end = end or (years[1] if len(years) > 1 else "")
    return start, end
