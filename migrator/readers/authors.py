"""Author lines -> Person nodes: names, marks ('*', '†', '<sup>1</sup>') and the owner.

Split out of fields.py; `fields.parse_authors` is this module's function.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional, Tuple

from ..model import Person
from .markdown import strip_markup
from .names import name_matches

_MARK_CHARS = "*†‡#✉§¶+"
_SUP = re.compile(r"<sup>\s*([^<]*?)\s*</sup>", re.I)
_CARET = re.compile(r"\^\{?([" + re.escape(_MARK_CHARS) + r"\d,]+)\}?")
_ET_AL = re.compile(r"^(et\.?\s*al\.?|others|etc\.?)$", re.I)
# compiled once: these run for every author of every entry
_LEAD_AND = re.compile(r"^(and|&)\s+", re.I)
_TRAIL_AND = re.compile(r"\s+(and|&)$", re.I)
_AND = re.compile(r"\s+(?:and|&amp;|&)\s+")
_INITIALS = re.compile(r"(?:[A-Z]\.?\s*-?\s*){1,3}")
_ONE_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+\.?")
_MARK_SEP = re.compile(r"[,\s]+")
_EMPTY_EMPHASIS = re.compile(r"<(b|strong|u|ins)>\s*</\1>|\*\*\s*\*\*", re.I)
_HTML_EMPHASIS = re.compile(r"<(u|b|strong|ins)\b[^>]*>[^<]*[^\W\d_]", re.I)
_MD_EMPHASIS = re.compile(r"\*\*[^*]*[^\W\d_][^*]*\*\*|__[^_]*[^\W\d_][^_]*__")
_EMPHASIS_TAG = re.compile(r"</?(u|b|strong|ins|em|i)\b[^>]*>", re.I)
_TRAILING_MARKS = re.compile(r"^(.*?[^\s" + re.escape(_MARK_CHARS) + r"])[\s]*([" + re.escape(_MARK_CHARS) + r"\s]+)$")
_FINAL_INITIAL = re.compile(r"(^|[\s.,])\w\.$")
_WRAPPER_TAG = re.compile(r"</?(div|p|span|i|em|font|small)\b[^>]*>", re.I)
_ITALIC_LINE = re.compile(r"^\*(?!\*)(.*)(?<!\*)\*$")
_AUTHORS_LABEL = re.compile(r"^(authors?|by)\s*:\s*", re.I)
_TRAIL_ET_AL = re.compile(r",?\s*\bet\.?\s*al\.?\s*$")
_COMMAS = re.compile(r"[,，、]")
_SPLIT_OR_TAG = {";": re.compile(r"[<>;]"), ",": re.compile(r"[<>,，、]")}
_SPACED_AND = re.compile(r"\s(and|&)\s")
# a '<' with a separator or another '<' before the next '>': a tag may hold a separator
_OPEN_TAG_SEPARATOR = re.compile(r"<[^>]*[<;,，、]")

# What an author token says: (name, marks, emphasised, equal contribution, corresponding).
# Immutable, so cached: the same names come back in every entry of a site; each call still
# builds its own Person nodes.
PersonParts = Tuple[str, Tuple[str, ...], bool, bool, bool]


def _split_top(text: str, sep: str) -> List[str]:
    """The text split at `sep` (a comma also at '，' and '、') where no tag is open."""
    if "<" not in text or not _OPEN_TAG_SEPARATOR.search(text):  # no separator inside a tag
        return text.split(";") if sep == ";" else _COMMAS.split(text)
    parts, depth, start = [], 0, 0
    for found in _SPLIT_OR_TAG[sep].finditer(text):
        ch = found.group()
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1 if depth else 0
        elif depth == 0:
            parts.append(text[start:found.start()])
            start = found.end()
    parts.append(text[start:])
    return parts


def _split_authors(text: str) -> List[str]:
    """Split an author line at commas/semicolons outside tags, and at a final 'and'/'&'."""
    sep = ";" if text.count(";") >= 1 and text.count(";") >= text.count(",") / 2 else ","
    out: List[str] = []
    for part in _split_top(text, sep):
        out.extend(_names_in_part(part))
    return _join_last_first(out, bool(_SPACED_AND.search(text)))


@lru_cache(maxsize=1 << 16)
def _names_in_part(part: str) -> Tuple[str, ...]:
    """The names of one comma-separated part: 'A and B' is two."""
    part = part.strip()
    part = _LEAD_AND.sub("", part)
    part = _TRAIL_AND.sub("", part)
    pieces = _AND.split(part)
    return tuple(p.strip() for p in pieces if p.strip())


def _join_last_first(tokens: List[str], has_and: bool) -> List[str]:
    """'Zhao, X., Cheng, S.' or 'Roe, Jane and Doe, John' split into surname/given pairs: join them back."""
    if len(tokens) < 2 or len(tokens) % 2:
        return tokens
    plain = [strip_markup(_SUP.sub("", t)).strip(_MARK_CHARS + " ") for t in tokens]
    firsts = plain[1::2]
    initials = all(_INITIALS.fullmatch(f or "-") for f in firsts)
    single_words = all(_ONE_WORD.fullmatch(p) for p in plain)
    if (initials or has_and and single_words) and all(" " not in s for s in plain[0::2]):
        return [f"{tokens[i]}, {tokens[i + 1]}" for i in range(0, len(tokens), 2)]
    return tokens


@lru_cache(maxsize=1 << 16)
def _person(token: str) -> PersonParts:
    """One author token -> (name, marks, emphasised as the owner)."""
    marks: List[str] = [m for m in _SUP.findall(token) for m in _MARK_SEP.split(m) if m]
    text = _SUP.sub("", token)
    text = _CARET.sub(lambda m: marks.extend(m.group(1).split(",")) or "", text)
    text = _EMPTY_EMPHASIS.sub("", text)
    emphasised = bool(_HTML_EMPHASIS.search(text) or _MD_EMPHASIS.search(text))
    text = _EMPHASIS_TAG.sub("", text)
    text = text.replace("**", "").replace("__", "").replace("\\*", "*")
    trailing = _TRAILING_MARKS.match(text)
    if trailing:
        marks.extend(ch for ch in trailing.group(2) if not ch.isspace())
        text = trailing.group(1)
    name = strip_markup(text).strip(" ,;")
    if not _FINAL_INITIAL.search(name):  # keep the dot of a final initial ('Zhao, X.')
        name = name.rstrip(".")
    return (name.strip(), tuple(marks), emphasised, "*" in marks,
            any(m in ("†", "#", "‡", "✉") for m in marks))


def parse_authors(fragment: str, owner_names: List[str]) -> List[Person]:
    """Authors of an author line (markdown or inline HTML); the owner marked at most once."""
    parts = _author_parts(fragment)
    people = [Person(name=name, marks=list(marks), equal_contribution=equal, corresponding=corresponding)
              for name, marks, _, equal, corresponding in parts]
    emphasised = [i for i, part in enumerate(parts) if part[2]]
    if len(emphasised) == 1:
        owner: Optional[int] = emphasised[0]
    else:
        matching = [i for i, p in enumerate(people) if name_matches(p.name, owner_names)]
        chosen = [i for i in emphasised if i in matching] if emphasised else matching
        owner = chosen[0] if chosen else None
    if owner is not None:
        people[owner].is_owner = True
    return people


@lru_cache(maxsize=1 << 14)
def _author_parts(fragment: str) -> Tuple[PersonParts, ...]:
    """The authors of an author line, et al. dropped: their parts, in order."""
    text = fragment.strip().rstrip("\\").strip()
    if "<" in text:  # (here and below: the pattern cannot match without that character)
        text = _WRAPPER_TAG.sub("", text)
    text = text.strip()
    if text.startswith("*"):
        text = _ITALIC_LINE.sub(r"\1", text)  # a line in *italics*
    text = text.replace("&nbsp;", " ").replace("&amp;", "&")
    if ":" in text:
        text = _AUTHORS_LABEL.sub("", text)
    text = text.strip()
    if "al" in text:
        text = _TRAIL_ET_AL.sub("", text)
    if "<" in text:
        text = _SUP.sub(lambda m: m.group(0).replace(",", " "), text)  # '<sup>1,2</sup>' is one mark group
    parts = (_person(token) for token in _split_authors(text))
    return tuple(part for part in parts if part[0] and not _ET_AL.match(part[0]))
