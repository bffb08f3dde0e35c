"""DUP002: the same publication in several places with conflicting title, venue, authors, links or role."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Dict, Iterator, List, Optional

from ..diagnostics import Diagnostic
from ..matching import STOPWORDS, arxiv_ids, dois, same_person, title_key
from ..model import Publication
from ..owner import owner_match, owner_names
from .base import LintContext, Rule
from .dup001 import publication_groups
from .textscan import short

# publishers and societies name no venue: 'IEEE/CVF Conference on ...' is not a different venue than 'CVPR'
_PUBLISHERS = {"ieee", "acm", "cvf", "siam", "springer", "elsevier", "ieee-cvf", "usenix", "ios", "pmlr", "lncs",
               "ccf", "sci", "ei", "proc", "proceedings"}
_STOPWORDS_LONGEST_FIRST = sorted(STOPWORDS, key=len, reverse=True)
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z-]*[A-Z][A-Za-z-]*")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3}


class ConflictingPublication(Rule):
    """Flags one paper described differently in different places of the site.

    ## What it does
    Groups the entries of every page, collection and data file that describe
    the same paper (by title, the short name before a colon, arXiv id or DOI,
    confirmed by title words, authors and year) and compares them: title,
    venue, author list, arXiv id / DOI, and a stated role ("first author")
    against the owner's place in an author list. A field missing in one place
    is not a conflict, nor is a preprint listed where another place gives the
    published venue.

    ## Why is this bad?
    Visitors (and hiring committees) cannot tell which version is right; an
    author list that drops co-authors in one place looks careless or worse.

    ## Example
    `publications.md` lists *AutoChunk: Automated Activation Chunk for
    Memory-Efficient Long Sequence Inference* with eight authors; `cv.md`
    lists *... Deep Learning Inference* with five.

    ## Fix
    Pick the published version and copy it to every place the paper appears.
    """

    code = "DUP002"
    name = "conflicting-publication"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        names = owner_names(ctx.owner)
        for group in publication_groups(ctx):
            paths = Counter(p.span.path for p in group)
            # a page listing the paper twice is DUP001's; compare only the single listings
            single = [p for p in group if paths[p.span.path] == 1]
            if len({p.span.path for p in single}) >= 2:
                yield from self._group(single, names)

    def _group(self, group: List[Publication], names: List[str]) -> Iterator[Diagnostic]:
        blamed: Dict[int, List[str]] = defaultdict(list)
        related: Dict[int, List[Publication]] = defaultdict(list)
        checks = [("title", lambda p: title_key(p.title) or None, _same_title, _title_diff),
                  ("venue", _venue_value, _venue_same, _pair(lambda p: p.venue.label if p.venue else "")),
                  ("author list", _authors_value, _same_authors, _authors_diff),
                  ("arXiv id", lambda p: frozenset(arxiv_ids(p)) or None, _overlap,
                   _pair(lambda p: ", ".join(sorted(arxiv_ids(p))))),
                  ("DOI", lambda p: frozenset(dois(p)) or None, _overlap, _pair(lambda p: ", ".join(sorted(dois(p)))))]
        for field, value, same, text in checks:
            for odd, others in _minorities(group, value, same, blamed):
                ref = others[0]
                blamed[id(odd)].append(f"{field} differs from {_place(ref)} ({text(odd, ref)})")
                related[id(odd)].extend(others)
        for pub in group:
            if pub.owner_role and not pub.authors and names:
                for other in group:
                    why = _role_conflict(pub.owner_role, other, names)
                    if why and other.span.path != pub.span.path:
                        blamed[id(pub)].append(f"'{pub.owner_role}' here, but {why} in {_place(other)}")
                        related[id(pub)].append(other)
                        break
        for pub in group:
            if blamed[id(pub)]:
                spans = []
                for other in related[id(pub)]:
                    if other is not pub and other.span not in spans:
                        spans.append(other.span)
                yield self.report(f"'{short(pub.title)}' conflicts with other listings: "
                                  + "; ".join(blamed[id(pub)]), pub.span, related=spans)


def _place(pub: Publication) -> str:
    return f"{pub.span.path}:{pub.span.line}"


def _pair(text: Callable) -> Callable:
    return lambda odd, ref: f"'{short(text(odd), 50)}' here, '{short(text(ref), 50)}' there"


def _title_diff(odd: Publication, ref: Publication) -> str:
    """The words that differ between two titles: 'Deep Learning' here, 'Long Sequence' there."""
    wa, wb = odd.title.split(), ref.title.split()
    start = 0
    while start < min(len(wa), len(wb)) and wa[start].lower() == wb[start].lower():
        start += 1
    end = 0
    while end < min(len(wa), len(wb)) - start and wa[-1 - end].lower() == wb[-1 - end].lower():
        end += 1
    part_a = " ".join(wa[start:len(wa) - end])
    part_b = " ".join(wb[start:len(wb) - end])
    if not part_b:
        return f"'{short(part_a, 50)}' only here"
    if not part_a:
        return f"'{short(part_b, 50)}' missing here"
    return f"'{short(part_a, 50)}' here, '{short(part_b, 50)}' there"


def _authors_diff(odd: Publication, ref: Publication) -> str:
    here, there = [p.name for p in odd.authors], [p.name for p in ref.authors]
    missing = [name for name in there if not any(same_person(name, h) for h in here)]
    extra = [name for name in here if not any(same_person(name, t) for t in there)]
    parts = [f"{len(here)} authors here, {len(there)} there"]
    if missing:
        parts.append("missing " + ", ".join(missing[:4]) + (" ..." if len(missing) > 4 else ""))
    if extra:
        parts.append("extra " + ", ".join(extra[:4]) + (" ..." if len(extra) > 4 else ""))
    if not missing and not extra:
        parts.append("in another order")
    return "; ".join(parts)


def _same_title(a: str, b: str) -> bool:
    # titles that differ only in stopwords ('the', 'a') or spacing are the same title
    return a == b or _content(a) == _content(b)


def _content(key: str) -> str:
    for word in _STOPWORDS_LONGEST_FIRST:
        key = key.replace(word, "") if len(word) > 2 else key
    return key


def _overlap(a, b) -> bool:
    return bool(a & b)


def _venue_value(pub: Publication):
    """(acronyms, year) of a published venue; None for preprints and unknown venues."""
    venue = pub.venue
    if venue is None or venue.preprint or not (venue.label or venue.raw):
        return None
    text = venue.label or venue.raw
    acronyms = frozenset(w.lower() for w in _ACRONYM.findall(text)
                         if sum(c.isupper() for c in w) >= 2 and w.lower() not in _PUBLISHERS)
    if not acronyms:
        return None
    return (acronyms, venue.year)


def _authors_value(pub: Publication):
    names = tuple(p.name for p in pub.authors if p.name)
    return names if len(names) >= 2 else None


def _same_authors(a, b) -> bool:
    # a list that stops early was cut short ('et al.'), it does not disagree
    n = min(len(a), len(b))
    return all(same_person(x, y) for x, y in zip(a[:n], b[:n])) and (len(a) == len(b) or n >= 3)


def _minorities(group: List[Publication], value: Callable, same: Callable, blamed: Dict[int, list]):
    """(entry, entries it disagrees with) for entries outside the largest class of equal values."""
    classes: List[List[Publication]] = []
    reps: list = []
    for pub in group:
        v = value(pub)
        if v is None:
            continue
        for i, rep in enumerate(reps):
            if same(rep, v):
                classes[i].append(pub)
                break
        else:
            reps.append(v)
            classes.append([pub])
    if len(classes) < 2:
        return []
    # the largest class is right; on a tie, the class already wrong elsewhere (else the later one) is not
    ranked = sorted(classes, key=lambda c: (-len(c), any(blamed[id(p)] for p in c),
                                             [i for i, g in enumerate(group) if g is c[0]][0]))
    main = ranked[0]
    out = []
    for cls in ranked[1:]:
        for pub in cls:
            elsewhere = [o for o in main if o.span.path != pub.span.path]  # same page: DUP001's
            if elsewhere:
                out.append((pub, elsewhere))
    return out


def _venue_same(a, b) -> bool:
    (acr_a, year_a), (acr_b, year_b) = a, b
    if year_a and year_b and year_a != year_b:
        return False
    return bool(acr_a & acr_b)


def _role_conflict(role: str, other: Publication, names: List[str]) -> Optional[str]:
    """Why a stated role ('first author') contradicts the other entry's author list, or None."""
    if not other.authors:
        return None
    position = next((i + 1 for i, p in enumerate(other.authors) if p.is_owner), None) or \
        next((i + 1 for i, p in enumerate(other.authors) if owner_match(p.name, names)), None)
    if position is None:
        return None
    low = role.lower()
    if re.search(r"co-?\s*first|equal", low):
        leading = [p for p in other.authors[:position] if p.equal_contribution]
        return None if position == 1 or len(leading) == position else f"the owner is author {position}"
    if "last" in low or "senior" in low:
        return None if position == len(other.authors) else f"the owner is author {position} of {len(other.authors)}"
    match = re.search(r"\b(" + "|".join(_ORDINALS) + r")\b", low)
    if match and _ORDINALS[match.group(1)] != position:
        shared = position > 1 and other.authors[position - 1].equal_contribution and \
            _ORDINALS[match.group(1)] < position and other.authors[0].equal_contribution
        return None if shared else f"the owner is author {position}"
    return None
