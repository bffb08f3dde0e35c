"""Which entries are the same thing: publications, news, talks, degrees and jobs.

Entries are grouped by blocking keys (normalised title, the short name before a
colon, arXiv id, DOI, rare title words; organisation aliases, degree level ...),
only entries that share a key are compared, and confirmed pairs are joined with
union-find. Nothing here compares every pair of entries.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations
from typing import (Callable, Dict, FrozenSet, Hashable, Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple,
                    TypeVar)

from .folding import fold
from .model import Education, Experience, Publication
from .mdlinks import unlink

T = TypeVar("T")

STOPWORDS = set("""a an the of for and or in on with to from by via at as is are towards toward
using based its into over under through vs versus we our""".split())
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})", re.I)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>?#]+)", re.I)
_SPACES = re.compile(r"\s+")
_TYPE_MARK = re.compile(r"\s*\[[A-Z](?:/OL)?\]\s*$")
_NAME_MARKUP = re.compile(r"[*_`]")
_NAME_LIKE = re.compile(r"[A-Z].*[A-Z]|\d|^[A-Z][a-z]+[A-Z]")
_ARXIV_VERSION = re.compile(r"v\d+$")
_LEADING_YEAR = re.compile(r"(\d{4})")
_BLOCK_LIMIT = 25  # a key shared by more entries than this says nothing (a common word)


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """The title with case, accents, punctuation, spacing and a trailing '[J]' / '[C]' type mark ignored."""
    return fold(_TYPE_MARK.sub("", title or "")).replace(" ", "")


@lru_cache(maxsize=65536)
def title_tokens(title: str) -> FrozenSet[str]:
    """Content words of a title (stopwords dropped)."""
    return frozenset(w for w in fold(title).split() if w not in STOPWORDS)


@lru_cache(maxsize=65536)
def short_name(title: str) -> str:
    """The system name before a colon ('FastFold: ...' -> 'fastfold'), or ''."""
    head, sep, rest = (title or "").partition(":")
    if not sep or not rest.strip():
        return ""
    words = _NAME_MARKUP.sub("", head).split()
    if not 1 <= len(words) <= 3:
        return ""
    # a name, not a phrase: one word with inner capitals or digits, or an acronym
    if not any(_NAME_LIKE.search(w) for w in words):
        return ""
    return fold(head)


# clustering asks for the ids of each entry once per candidate pair: the ids of a URL are cached
def arxiv_ids(pub: Publication) -> Set[str]:
    found = set()
    for link in pub.links:
        found.update(_url_arxiv_ids(link.url))
    return found


@lru_cache(maxsize=1 << 16)
def _url_arxiv_ids(url: str) -> Tuple[str, ...]:
    return tuple(_ARXIV_VERSION.sub("", match.group(1).lower()) for match in _ARXIV.finditer(url))


def dois(pub: Publication) -> Set[str]:
    found = set()
    for link in pub.links:
        doi = _url_doi(link.url, link.kind == "doi")
        if doi:
            found.add(doi)
    return found


@lru_cache(maxsize=1 << 16)
def _url_doi(url: str, doi_kind: bool) -> str:
    match = _DOI.search(url)
    if match and ("doi" in url.lower() or doi_kind):
        return match.group(1).lower().rstrip(".,;)")
    return ""


def year_of(pub: Publication) -> Optional[int]:
    if pub.venue and pub.venue.year:
        return pub.venue.year
    match = _LEADING_YEAR.match(pub.date or "")
    return int(match.group(1)) if match else None


def same_person(a: str, b: str) -> bool:
    """Two author names of one paper are one person: 'Xuanlei Zhao' ~ 'Zhao, X.' ~ 'Zhao Xuanlei'."""
    if author_key(a) == author_key(b):
        return True
    wa, wb = fold(a).split(), fold(b).split()
    return len(wa) >= 2 and sorted(wa) == sorted(wb)


@lru_cache(maxsize=1 << 17)
def author_key(name: str) -> str:
    """'Xuanlei Zhao', 'Zhao, X.' and 'X. Zhao' -> 'zhao x'."""
    text = fold(name.replace(",", " , "))
    if "," in name:
        last, _, first = name.partition(",")
        last, first = fold(last), fold(first)
    else:
        parts = text.split()
        if not parts:
            return ""
        last, first = parts[-1], " ".join(parts[:-1])
    return f"{last} {first[:1]}".strip()


def author_overlap(a: Publication, b: Publication) -> Optional[float]:
    """Share of the shorter author list found in the other; None when one has no list."""
    return _overlap(_author_keys(a), _author_keys(b))


def _author_keys(pub: Publication) -> FrozenSet[str]:
    return frozenset(author_key(p.name) for p in pub.authors if p.name)


def _overlap(ka: FrozenSet[str], kb: FrozenSet[str]) -> Optional[float]:
    if not ka or not kb:
        return None
    return len(ka & kb) / min(len(ka), len(kb))


def token_similarity(a: str, b: str) -> float:
    return _jaccard(title_tokens(a), title_tokens(b))


def _jaccard(ta: FrozenSet[str], tb: FrozenSet[str]) -> float:
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    return shared / (len(ta) + len(tb) - shared)  # the size of the union, without building it


class PaperFacts(NamedTuple):
    """What pairing compares of one entry. Clustering reads them once per entry, not once per
    candidate pair; they are read, not kept: the entry is not changed."""

    pub: Publication
    title: str
    key: str
    name: str
    tokens: FrozenSet[str]
    arxiv: Set[str]
    dois: Set[str]
    year: Optional[int]
    authors: FrozenSet[str]


def paper_facts(pub: Publication) -> PaperFacts:
    title = pub.title
    return PaperFacts(pub, title, title_key(title), short_name(title), title_tokens(title), arxiv_ids(pub),
                      dois(pub), year_of(pub), _author_keys(pub))


def same_publication(a: Publication, b: Publication) -> bool:
    """Confirm a candidate pair that shares a blocking key."""
    return same_paper(paper_facts(a), paper_facts(b))


def same_paper(a: PaperFacts, b: PaperFacts) -> bool:
    """same_publication of two entries' facts."""
    if a.arxiv & b.arxiv or a.dois & b.dois:
        # one id on two clearly different titles is a wrong or borrowed link (a dataset paper's
        # arXiv report cited in a sibling paper's notes), not one paper
        return not clearly_different(a.title, b.title)
    ya, yb = a.year, b.year
    far_apart = ya is not None and yb is not None and abs(ya - yb) > 2
    overlap = _overlap(a.authors, b.authors)
    if overlap is not None and overlap < 0.3:
        return False
    if a.key == b.key and a.key:
        return not far_apart
    if far_apart:
        return False
    similarity = _jaccard(a.tokens, b.tokens)  # only now: most pairs are settled above
    if a.name and a.name == b.name:
        return similarity >= 0.3 or (overlap or 0) >= 0.5 or (ya is not None and ya == yb)
    ta, tb = a.tokens, b.tokens
    contained = len(ta & tb) / max(1, min(len(ta), len(tb)))
    return similarity >= 0.75 or (contained >= 0.9 and min(len(ta), len(tb)) >= 5 and similarity >= 0.6)


def clearly_different(a: str, b: str) -> bool:
    """Titles that name two papers: few shared words, neither held in the other, no shared system name."""
    if title_key(a) == title_key(b) or short_name(a) and short_name(a) == short_name(b):
        return False
    ta, tb = title_tokens(a), title_tokens(b)
    contained = len(ta & tb) / max(1, min(len(ta), len(tb)))
    return token_similarity(a, b) < 0.5 and contained < 0.8


def publication_keys(pub: Publication, rarity: Counter) -> List[Hashable]:
    return paper_keys(paper_facts(pub), rarity)


def paper_keys(paper: PaperFacts, rarity: Counter) -> List[Hashable]:
    """publication_keys of an entry's facts."""
    keys: List[Hashable] = [("title", paper.key)] if paper.key else []
    if paper.name:
        keys.append(("name", paper.name))
    keys += [("arxiv", x) for x in paper.arxiv] + [("doi", x) for x in paper.dois]
    rare = sorted(paper.tokens, key=lambda w: (rarity[w], w))
    keys += [("word", w) for w in rare[:2] if len(w) > 3]
    return keys


def cluster(items: Sequence[T], keys: Callable[[T], Iterable[Hashable]],
            same: Callable[[T, T], bool]) -> List[List[T]]:
    """Groups of items that are the same, in reading order; singletons included.

    Items are only compared with items sharing one of their keys. A block larger
    than `_BLOCK_LIMIT` (a key so common it says little) is only walked pairwise
    along its reading order, so the cost stays linear in its size.
    """
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: Dict[Hashable, List[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in dict.fromkeys(keys(item)):
            blocks[key].append(i)
    for members in blocks.values():
        if len(members) < 2:  # most keys (titles, ids) belong to one item: nothing to compare
            continue
        pairs = combinations(members, 2) if len(members) <= _BLOCK_LIMIT else zip(members, members[1:])
        for i, j in pairs:
            if find(i) != find(j) and same(items[i], items[j]):
                parent[find(j)] = find(i)
    groups: Dict[int, List[T]] = {}
    for i, item in enumerate(items):  # dicts keep insertion order: groups come in reading order
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())


def cluster_publications(pubs: Sequence[Publication]) -> List[List[Publication]]:
    """Group publication entries that describe the same paper (pure: the model is not changed).

    Survives title variants ('FastFold: Optimizing ...' vs 'FastFold: Reducing
    ...'), preprint vs published venue and missing fields. Each group keeps the
    entries in reading order; the converter merges a group into one paper.
    """
    rarity: Counter = Counter()
    for pub in pubs:
        rarity.update(title_tokens(pub.title))
    papers = [paper_facts(pub) for pub in pubs]
    groups = cluster(papers, lambda paper: paper_keys(paper, rarity), same_paper)
    return [[paper.pub for paper in group] for group in groups]


# --- organisations, degrees, jobs ------------------------------------------------------

_LEGAL = re.compile(r"\b(inc|ltd|llc|co|corp|corporation|company|gmbh|limited|plc|pte|the)\b")
_PAREN_INNER = re.compile(r"[(（]([^()（）]+)[)）]")
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_ORG_SEPARATOR = re.compile(r"[,/]| - | – ")


def organisation_aliases(name: str) -> Set[str]:
    """'HPC-AI TECH Inc. (Colossal-AI)' -> {'hpc ai tech', 'colossal ai', ...}."""
    text = unlink(name or "")
    parts = [text] + _PAREN_INNER.findall(text)
    parts.append(_PAREN.sub(" ", text))
    parts.append(_ORG_SEPARATOR.split(text)[0])
    aliases = set()
    for part in parts:
        folded = _SPACES.sub(" ", _LEGAL.sub(" ", fold(part))).strip()
        if len(folded) >= 2:
            aliases.add(folded.replace("univeristy", "university"))
    return aliases


def acronym(name: str) -> str:
    words = [w for w in fold(name).split() if w not in STOPWORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def same_organisation(a: str, b: str) -> bool:
    aa, ab = organisation_aliases(a), organisation_aliases(b)
    if aa & ab:
        return True
    # 'NUS' written for 'National University of Singapore'
    short_a = {x for x in aa if " " not in x}
    short_b = {x for x in ab if " " not in x}
    if short_a & {acronym(x) for x in ab} or short_b & {acronym(x) for x in aa}:
        return True
    # 'XJTU' for "Xi'an Jiaotong University": a letter may also come from inside a word
    return any(abbreviates(s, x) for s in short_a for x in ab) or any(abbreviates(s, x) for s in short_b for x in aa)


def abbreviates(short: str, name: str) -> bool:
    """`short` takes every word's initial of `name` in order, and maybe more letters of a word
    after its initial ('xjtu' of 'xian jiaotong university'; not 'xu', which skips a word)."""
    words = [w for w in name.split() if w not in STOPWORDS]
    if not 3 <= len(short) <= 2 * len(words) or len(words) < 2:
        return False
    at = 0  # the letter of `short` to place
    for k, word in enumerate(words):
        if at >= len(short) or short[at] != word[0]:
            return False
        at += 1
        inside = word[1:]
        # letters from inside this word, as long as the next word's initial is still ahead
        while at < len(short) and (k + 1 == len(words) or short[at] != words[k + 1][0]) and short[at] in inside:
            inside = inside[inside.index(short[at]) + 1:]
            at += 1
    return at == len(short)


def organisation_keys(name: str) -> List[Hashable]:
    aliases = organisation_aliases(name)
    return [("org", x) for x in aliases] + [("org", acronym(x)) for x in aliases if acronym(x)]


# spelled-out forms match in any case; abbreviations only as written ('BS', 'B.Eng.'), so the
# words 'be', 'ma' or 'ms' of a sentence are not taken for degrees
_LEVELS = [("phd", r"(?i:ph\.?\s?d\b|doctor|doctoral|d\.?phil\b)|\bPHD\b"),
           ("master", r"(?i:master|m\.\s?s\.|m\.\s?sc\b|m\.\s?eng\b|m\.\s?phil\b|m\.\s?res\b|m\.\s?a\.)"
                      r"|\b(MS|MSc|MEng|MPhil|MRes|MA|MBA|SM|S\.M\.)\b"),
           ("bachelor", r"(?i:bachelor|undergrad|b\.\s?s\.|b\.\s?sc\b|b\.\s?eng\b|b\.\s?tech\b|b\.\s?a\.|b\.\s?e\.)"
                        r"|\b(BS|BSc|BEng|BTech|BA|BE|SB|S\.B\.|B\.E)\b"),
           ("school", r"(?i:high school|middle school|secondary school)")]
_LEVEL_PATTERNS = [(level, re.compile(pattern)) for level, pattern in _LEVELS]


def degree_level(text: str) -> str:
    """'Ph.D. in CS' -> 'phd', 'B.Eng.'/'B.S.'/'Undergraduate' -> 'bachelor', ''."""
    for level, pattern in _LEVEL_PATTERNS:
        if pattern.search(text or ""):
            return level
    return ""


def degree_levels(text: str) -> Set[str]:
    """Every degree level a sentence names ('PhD student ..., where I also completed my master's')."""
    return {level for level, pattern in _LEVEL_PATTERNS if pattern.search(text or "")}


def cluster_education(items: Sequence[Education]) -> List[List[Education]]:
    """Degrees at the same institution and level ('B.S.' ~ 'B.Eng.', 'NUS' ~ 'National University of Singapore')."""
    def level(e: Education) -> str:
        return degree_level(e.degree) or degree_level(e.text)

    def keys(e: Education) -> List[Hashable]:
        return [(k, level(e)) for k in organisation_keys(e.institution)] if e.institution else []

    def same(a: Education, b: Education) -> bool:
        return level(a) == level(b) and same_organisation(a.institution, b.institution)
    return cluster(items, keys, same)


def cluster_experience(items: Sequence[Experience]) -> List[List[Experience]]:
    """Jobs at the same organisation (aliases: 'HPC-AI TECH Inc. (Colossal-AI)' ~ 'Colossal-AI')."""
    return cluster(items, lambda e: organisation_keys(e.organisation),
                   lambda a, b: same_organisation(a.organisation, b.organisation))


def cluster_texts(items: Sequence[T], text: Callable[[T], str],
                  extra: Callable[[T], Hashable] = lambda item: "") -> List[List[T]]:
    """Entries whose folded text (and `extra`, e.g. the date) are equal: news, talks, honors."""
    def key(item: T) -> Hashable:
        return (fold(text(item)), extra(item))
    return cluster(items, lambda item: [key(item)] if fold(text(item)) else [],
                   lambda a, b: key(a) == key(b))
