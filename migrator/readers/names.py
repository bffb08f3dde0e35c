"""Matching an author name against the owner's names: initials, 'Last, First', case and accents."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, List, Tuple

_PUNCT_KEEP_COMMA = re.compile(r"[^\w\s,]")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """Lowercase, accents and punctuation removed, spaces collapsed."""
    text = name
    if not text.isascii():  # ASCII has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT_KEEP_COMMA.sub(" ", text.lower())
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def name_parts(name: str) -> Tuple[List[str], str]:
    """(given-name words, surname) of 'First Last', 'Last, First', 'F. Last' or 'LAST First'."""
    text = normalise_name(name)
    if "," in text:
        last, _, first = text.partition(",")
        return first.replace(",", " ").split(), last.strip()
    words = text.split()
    if not words:
        return [], ""
    raw_words = _PUNCT.sub(" ", name).split()
    # 'ZHAO Xuanlei': an all-capital first word is the surname
    if len(raw_words) == len(words) >= 2 and raw_words[0].isupper() and len(raw_words[0]) > 1 \
            and not raw_words[-1].isupper():
        return words[1:], words[0]
    return words[:-1], words[-1]


def name_matches(name: str, owners: Iterable[str]) -> bool:
    """The name is one of the owner's names, possibly abbreviated ('X. Zhao', 'Zhao, X.')."""
    # readers ask this for every author of every entry against the same few owner names
    return _name_matches(name, tuple(owners))


@lru_cache(maxsize=1 << 16)
def _name_matches(name: str, owners: Tuple[str, ...]) -> bool:
    first, last = name_parts(name)
    if not last:
        return False
    joined = normalise_name(name).replace(",", "").replace(" ", "")
    for owner in owners:
        o_first, o_last = name_parts(owner)
        o_joined = normalise_name(owner).replace(",", "").replace(" ", "")
        if joined and joined == o_joined:
            return True
        if not o_last:
            continue
        pairs = [(first, last, o_first, o_last)]
        # Chinese-style names are often written either way round
        if len(first) == 1 and len(o_first) == 1:
            pairs.append(([last], first[0], o_first, o_last))
        for f, l, of, ol in pairs:
            if l != ol or not f or not of:
                continue
            if _given_match(f, of):
                return True
    return False


def _given_match(given: List[str], owner_given: List[str]) -> bool:
    full = "".join(given)
    owner_full = "".join(owner_given)
    if full == owner_full:
        return True
    initials = "".join(w[0] for w in given)
    owner_initials = "".join(w[0] for w in owner_given)
    if all(len(w) == 1 for w in given):
        return full == owner_initials or full == owner_full[:1] or initials == owner_initials[:len(initials)]
    return given[0] == owner_given[0] and initials == owner_initials
