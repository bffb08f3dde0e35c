"""Merging duplicate publications into one entry by a documented precedence, recording every merge.

Precedence, first rule that decides wins (see docs/migrating.md):
- the primary occurrence is the richest source: collection item, paper box, list, data file, CV;
  ties go to the one read first. Title, notes, citation and image come from it when it has them.
- venue: a published venue over a preprint label, then one with a year, then one with a full name.
- authors: the fuller list, then the one that marks the owner; '*'/'†' marks of the others are added.
- links: the primary's links, each malformed one replaced by a valid link of the same kind from
  another occurrence; kinds only the others have are added; the same URL is kept once.
- date: the most precise one (YYYY-MM-DD over YYYY-MM over YYYY).
An entry listed both as selected (about page) and in a full list keeps one copy per list, with the
same merged facts, so each page shows it once under its own group.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Dict, List, Tuple

from .model import Link, Publication
from .matching import author_key
from .report import where

SOURCE_RANK = {"collection": 0, "paper-box": 1, "list": 2, "data": 3, "cv": 4}
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(?:(\d{4}\.\d{4,5})|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", re.I)
_ARXIV_PATH = re.compile(r"arxiv\.org/(abs|pdf)/", re.I)
_SPACE = re.compile(r"\s")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_HOST = re.compile(r"^https?://[^/\s]+\.[^/\s]+", re.I)
_URL_PREFIX = re.compile(r"^https?://(www\.)?")


@dataclass
class Merged:
    """Publications after merging, and what happened to each source entry."""

    publications: List[Publication] = field(default_factory=list)
    fate: Dict[int, Tuple[str, str]] = field(default_factory=dict)
    """id(source entry) -> ('mapped' | 'merged', reason)."""
    outputs: Dict[int, object] = field(default_factory=dict)
    """id(source entry) -> the merged copy it became or was merged into."""
    records: List[dict] = field(default_factory=list)


def link_problem(link: Link) -> str:
    """Why a link looks malformed ('' when it looks fine)."""
    url = link.url.strip()
    if not url:
        return "empty link"
    if _SPACE.search(url):
        return "link contains spaces"
    if url.startswith(("mailto:", "/", "#", "./", "../")) or not _SCHEME.match(url):
        return ""
    if not _HOST.match(url):
        return "link has no host"
    if _ARXIV_PATH.search(url):
        found = _ARXIV.search(url)
        new_style = found.group(1) if found else ""
        # since 2015 (YYMM 1501) new-style identifiers have five digits after the dot
        if not found or new_style and int(new_style[:4]) >= 1501 and len(new_style.split(".")[1]) != 5:
            return "arXiv identifier is malformed"
    return ""


def merge_publications(pubs: List[Publication], clusters: List[List[Publication]]) -> Merged:
    """One merged copy per cluster and list role (selected / full list), in reading order."""
    result = Merged()
    order = {id(p): i for i, p in enumerate(pubs)}
    placed: List[Tuple[int, Publication]] = []
    for cluster in clusters:
        cluster = sorted(cluster, key=lambda p: order.get(id(p), 0))
        facts, chose = _merge_facts(cluster)
        roles = [role for role in ([p for p in cluster if p.selected == selected] for selected in (True, False))
                 if role]
        for n, role in enumerate(roles, 1):
            first = min(role, key=lambda p: SOURCE_RANK.get(p.source, 5))
            role = [first] + [p for p in role if p is not first]
            # the facts (a merged copy, or the one entry) go to the last role, a copy to an earlier one
            # (the fields set below are set for every role, so the copy's order does not matter)
            out = facts if n == len(roles) else clone(facts)
            out.selected, out.group, out.span, out.source, out.url = \
                first.selected, first.group, first.span, first.source, first.url
            placed.append((order.get(id(first), 0), out))
            result.fate[id(first)] = ("mapped", "")
            for other in role:
                result.outputs[id(other)] = out
            for other in role[1:]:
                result.fate[id(other)] = ("merged", f"same publication as {where(first.span)}")
        if len(cluster) > 1:
            result.records.append({"title": facts.title, "entries": [where(p.span) for p in cluster],
                                   "chose": chose})
    result.publications = [p for _, p in sorted(placed, key=lambda item: item[0])]
    return result


def _merge_facts(cluster: List[Publication]) -> Tuple[Publication, Dict[str, str]]:
    ranked = sorted(cluster, key=lambda p: SOURCE_RANK.get(p.source, 5))
    primary = ranked[0]
    chose: Dict[str, str] = {}
    if len(cluster) == 1:
        # nothing to merge: the entry goes on as it is, not copied (copies of a 10k-entry list cost
        # a second and 70 MB); nothing after merging changes a publication
        return primary, chose
    out = clone(replace(primary, authors=[], links=[]))  # authors and links: from all entries, below
    for name in ("title", "citation", "image", "notes", "category", "owner_role"):
        if not getattr(out, name):
            donor = next((p for p in ranked if getattr(p, name)), None)
            if donor is not None:
                setattr(out, name, getattr(donor, name))
    venues = [p for p in ranked if p.venue and (p.venue.label or p.venue.raw)]
    if venues:
        best = min(venues, key=lambda p: (p.venue.preprint, p.venue.year is None, not p.venue.name))
        out.venue = clone(best.venue)
        if any(p.venue.label != best.venue.label for p in venues):
            chose["venue"] = f"{best.venue.label or best.venue.raw} ({where(best.venue.span)})"
    authored = [p for p in ranked if p.authors]
    if authored:
        best = max(authored, key=lambda p: (len(p.authors), any(a.is_owner for a in p.authors)))
        out.authors = clone(best.authors)
        _add_marks(out, [p for p in authored if p is not best])
        if best is not primary:
            chose["authors"] = f"{len(best.authors)} authors from {where(best.span)}"
    out.links = _merge_links(ranked, chose)
    seen = set()
    out.badges = [clone(b) for p in ranked for b in p.badges if not (b.image in seen or seen.add(b.image))]
    dates = [p.date for p in ranked if p.date]
    if dates:
        out.date = max(dates, key=len)
    return out, chose


_IMMUTABLE = frozenset({str, int, float, bool, type(None)})
_FIELDS: Dict[type, Tuple[str, ...]] = {}


def clone(value, memo=None):
    """`copy.deepcopy` for model nodes (dataclasses, lists, plain values), twice as fast: field by
    field, so no instance `__dict__` is built. Objects shared inside `value` stay shared in the copy."""
    if type(value) in _IMMUTABLE:
        return value
    memo = {} if memo is None else memo
    done = memo.get(id(value))
    if done is not None:
        return done
    kind = type(value)
    if kind is list:
        out = []
        memo[id(value)] = out
        out += [v if type(v) in _IMMUTABLE else clone(v, memo) for v in value]
        return out
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
    if not names:
        return copy.deepcopy(value, memo)
    out = kind.__new__(kind)
    memo[id(value)] = out
    for name in names:
        v = getattr(value, name)
        setattr(out, name, v if type(v) in _IMMUTABLE else clone(v, memo))
    return out


def _add_marks(out: Publication, others: List[Publication]) -> None:
    by_key: Dict[str, list] = {}  # each name keyed once, not once per pair of authors
    for other in (a for p in others for a in p.authors):
        by_key.setdefault(author_key(other.name), []).append(other)
    for person in out.authors:
        for other in by_key.get(author_key(person.name), ()):
            person.equal_contribution |= other.equal_contribution
            person.corresponding |= other.corresponding
            person.is_owner |= other.is_owner
            person.marks += [m for m in other.marks if m not in person.marks]


def _merge_links(ranked: List[Publication], chose: Dict[str, str]) -> List[Link]:
    valid_by_kind: Dict[str, Link] = {}
    for pub in ranked:
        for link in pub.links:
            if not link_problem(link):
                valid_by_kind.setdefault(link.kind, link)
    links: List[Link] = []
    for link in ranked[0].links:
        if link_problem(link) and link.kind in valid_by_kind:
            chose[f"link {link.kind}"] = f"{valid_by_kind[link.kind].url} over malformed {link.url}"
            link = valid_by_kind[link.kind]
        links.append(clone(link))
    kinds = {link.kind for link in links}
    for pub in ranked[1:]:
        for link in pub.links:
            if link.kind not in kinds and not link_problem(link):
                links.append(clone(link))
        kinds |= {link.kind for link in pub.links}
    unique, urls = [], set()
    for link in links:
        key = _url_key(link.url)
        if key not in urls:
            urls.add(key)
            unique.append(link)
    return unique


def _url_key(url: str) -> str:
    return _URL_PREFIX.sub("", url.strip().lower()).rstrip("/")


def dedupe(nodes: List, clusters: List[List], merged: Merged) -> List:
    """Keep the first entry of each group of equal degrees, jobs, news, talks or honors."""
    keep = set()
    for group in clusters:
        keep.add(id(group[0]))
        for other in group[1:]:
            merged.fate[id(other)] = ("merged", f"same entry as {where(group[0].span)}")
            merged.outputs[id(other)] = group[0]
            _gain_links(group[0], other)
        if len(group) > 1:
            merged.records.append({"title": getattr(group[0], "institution", "") or getattr(group[0], "organisation", "")
                                   or getattr(group[0], "title", "") or getattr(group[0], "text", ""),
                                   "entries": [where(n.span) for n in group], "chose": {"kept": where(group[0].span)}})
    return [n for n in nodes if id(n) in keep]


def _gain_links(kept, other) -> None:
    """The links only a merged copy had (the CV's job line links the lab, the about page's does not)."""
    if not hasattr(kept, "links"):
        return
    urls = {link.url for link in kept.links}
    for link in other.links:
        if link.url not in urls:
            kept.links.append(link)
            urls.add(link.url)


def split_periods(clusters: List[List]) -> List[List]:
    """Jobs at one place in different periods (2018 and 2019 at one lab) are two jobs, not one entry
    listed twice; an undated entry joins the first period."""
    out: List[List] = []
    for group in clusters:
        periods: dict = {}
        for node in group:
            periods.setdefault((node.start, node.end) if node.start or node.end else None, []).append(node)
        undated = periods.pop(None, [])
        parts = list(periods.values()) or [[]]
        parts[0] = sorted(parts[0] + undated, key=group.index)
        out.extend(parts)
    return out
