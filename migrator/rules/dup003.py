"""DUP003: the same degree or job stated with conflicting facts (degree, field, role, spelling) in two places."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from difflib import SequenceMatcher
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from ..diagnostics import Diagnostic
from ..matching import (STOPWORDS, cluster_education, cluster_experience, degree_levels, fold,
                        organisation_aliases)
from .base import LintContext, Rule
from .date001 import overlapping, similar_roles
from .textscan import short
from ..mdlinks import unlink

# one pattern per degree title; abbreviations of two letters count only in capitals ('MS', not 'ms')
_TITLES = [
    ("Ph.D.", r"(?i:\bph\.?\s?d\b|\bd\.?\s?phil\b|doctor\s+of\s+philosophy)"),
    ("D.Eng.", r"(?i:\bd\.\s?eng\b|\beng\.\s?d\b|doctor\s+of\s+engineering)"),
    ("D.Sc.", r"(?i:\bd\.\s?sc\b|\bsc\.\s?d\b|doctor\s+of\s+science)|\b(DSc|ScD)\b"),
    ("M.S.", r"(?i:\bm\.\s?sc?\b|\bmsc\b|master\s+of\s+science|\bs\.\s?m\.)|\b(MS|SM)\b"),
    ("M.Eng.", r"(?i:\bm\.?\s?eng\b|master\s+of\s+engineering|\bm\.\s?e\.)"),
    ("M.Phil.", r"(?i:\bm\.?\s?phil\b|master\s+of\s+philosophy)"),
    ("M.Res.", r"(?i:\bm\.?\s?res\b|master\s+of\s+research)"),
    ("M.A.", r"(?i:\bm\.\s?a\.|master\s+of\s+arts|\ba\.\s?m\.)|\b(MA|AM)\b"),
    ("MBA", r"(?i:\bm\.?\s?b\.?\s?a\b|master\s+of\s+business)"),
    ("M.Tech.", r"(?i:\bm\.?\s?tech\b|master\s+of\s+technology)"),
    ("B.S.", r"(?i:\bb\.\s?sc?\b|\bbsc\b|bachelor\s+of\s+science|\bs\.\s?b\.)|\b(BS|SB)\b"),
    ("B.Eng.", r"(?i:\bb\.?\s?eng\b|bachelor\s+of\s+engineering|\bb\.\s?e\b)|\bBE\b"),
    ("B.A.", r"(?i:\bb\.\s?a\.|bachelor\s+of\s+arts|\ba\.\s?b\.)|\b(BA|AB)\b"),
    ("B.Tech.", r"(?i:\bb\.?\s?tech\b|bachelor\s+of\s+technology)"),
    ("BBA", r"(?i:\bb\.?\s?b\.?\s?a\b|bachelor\s+of\s+business)"),
]
# words that name a unit or a distinction, not the subject studied
_FIELD_NOISE = {"school", "department", "dept", "faculty", "college", "major", "majoring", "program",
                "programme", "honors", "honours", "honor", "track", "degree", "specialization", "concentration"}
_UNITS = "school|department|dept|faculty|college|institute|academy|lab|laboratory|center|centre|group"
_ROLE_NOISE = re.compile(r"(?i)\([^)]*\)|\b(?:advised|supervised|mentored|hosted)\s+by\b.*|"
                         r"\b(?:advisors?|supervisors?|mentors?|hosts?)\s*:.*|\s/\s.*|"
                         r"\s(?:at|@)\s.*|\b(?:19|20)\d\d\b|\b(?:spring|summer|fall|autumn|winter)\b")
_ROLE_WORDS = {"sr": "senior", "jr": "junior", "asst": "assistant", "assoc": "associate", "prof": "professor",
               "engr": "engineer", "internship": "intern", "swe": "software engineer",
               "res": "research", "mgr": "manager", "vis": "visiting"}
_CROWD = 25
_DUTIES = ("teaching", "research")  # a teaching and a research assistant at one place are two jobs


def degree_title(degree: str) -> str:
    """'Ph.D.' for 'PhD'/'Doctor of Philosophy', 'B.S.' for 'BSc'; '' for 'Bachelor' or two titles."""
    head = re.split(r"\s+in\s+|,", degree or "", maxsplit=1)[0]
    if len(degree_levels(head)) > 1:
        return ""  # 'Master-Ph.D. Combined Program', 'B.S./M.S.'
    found = {title for title, pattern in _TITLES if re.search(pattern, head)}
    return found.pop() if len(found) == 1 else ""


def stated_degree(node) -> Tuple[str, str]:
    """(degree, field) as the entry states them: 'Master' + 'Science in CS' is 'Master of Science', 'CS'."""
    degree, field = node.degree or "", node.field or ""
    joined = re.match(r"(?i)\s*(master|bachelor|doctor)(?:'?s)?\s*$", degree) and \
        re.match(r"(?i)(science|arts|engineering|philosophy|technology|research|business)\b", field)
    if joined:
        degree, field = f"{degree.strip()} of {field.strip()}", ""
    if not field.strip():
        match = re.search(r"\s+in\s+(.+)$", degree)
        if match:
            degree, field = degree[:match.start()], match.group(1)
    return degree.strip(), field.strip()


def subject_of(field: str) -> str:
    """The subject a field names: 'School of Computer Science' -> 'Computer Science'; '' for 'Yuanpei College'."""
    text = re.sub(r"\([^)]*\)", " ", field or "")  # '(magna cum laude)', '(Honor Class)'
    unit = re.search(r"(?i)\b(?:school|department|dept\.?|faculty|college|institute|academy)\s+of\s+(.+)", text)
    if unit:
        return unit.group(1)
    return "" if re.search(rf"(?i)\b({_UNITS})\b", text) else text


def _field_words(text: str) -> List[str]:
    return [w for w in fold(subject_of(text)).split() if w not in STOPWORDS and w not in _FIELD_NOISE]


def _unsaid(words: List[str], other: List[str]) -> List[str]:
    """Words of one field the other does not say, as a word, a prefix ('Comp.') or initials ('EE')."""
    rest = []
    for word in words:
        if word in other or len(word) >= 3 and any(x.startswith(word) for x in other):
            continue
        if len(word) >= 2 and any("".join(x[0] for x in other[i:i + len(word)]) == word
                                  for i in range(len(other) - len(word) + 1)):
            continue
        rest.append(word)
    return rest


def fields_conflict(a: str, b: str) -> bool:
    """Both fields say something the other does not: 'Physics' vs 'Chemistry', not 'CS' vs 'Computer Science'."""
    wa, wb = _field_words(a), _field_words(b)
    if not wa or not wb or _latin(a) != _latin(b):
        return False
    return bool(_unsaid(wa, wb)) and bool(_unsaid(wb, wa))


def _latin(text: str) -> bool:
    # a page in another language translates the facts; it does not contradict them
    return bool(re.search(r"[A-Za-z]{2}", text or ""))


def role_key(role: str, organisations: List[str]) -> str:
    """The role with case, punctuation, abbreviations, hosts, dates, place and organisation ignored."""
    text = f" {fold(_ROLE_NOISE.sub(' ', role or ''))} "
    for name in organisations:
        for alias in sorted(organisation_aliases(name), key=len, reverse=True):
            text = re.sub(rf"\s(?:at\s)?{re.escape(alias)}\s", " ", text)
    words = [_ROLE_WORDS.get(w, w) for w in text.split() if w not in STOPWORDS]
    return re.sub(r"postdoc(?!toral)", "postdoctoral", "".join(words))  # 'Post-doc' = 'Postdoctoral'


def roles_conflict(a, b) -> bool:
    """Roles that differ in words: 'Research Engineer Intern' vs 'MLSys Research Intern'.

    A team or place after a comma only adds to a role: 'Research Intern, Systems Group' ~ 'Research Intern'."""
    if not a.role.strip() or not b.role.strip() or _latin(a.role) != _latin(b.role):
        return False
    orgs = [a.organisation, b.organisation] + [place for place in (a.location, b.location) if place]
    ka, kb = role_key(a.role, orgs), role_key(b.role, orgs)
    if not ka or not kb or ka == kb:
        return False
    return role_key(a.role.split(",")[0], orgs) != role_key(b.role.split(",")[0], orgs)


def misspelling(a: str, b: str) -> Optional[Tuple[str, str]]:
    """A word spelled two ways in two names of one place ('Univeristy' / 'University'), else None."""
    wa, wb = _main_name(a), _main_name(b)
    if not wa or not wb or "".join(wa).lower() == "".join(wb).lower():
        return None
    lower_b = {w.lower() for w in wb}
    only_b = [w for w in wb if w.lower() not in {x.lower() for x in wa}]
    for x in (w for w in wa if w.lower() not in lower_b):
        for y in only_b:
            xl, yl = x.lower(), y.lower()
            if min(len(xl), len(yl)) >= 4 and abs(len(xl) - len(yl)) <= 1 and \
                    not xl.startswith(yl) and not yl.startswith(xl) and \
                    SequenceMatcher(None, xl, yl).ratio() >= 0.8:
                return x, y
    return None


def _main_name(name: str) -> List[str]:
    """Words of the name before a comma or bracket, accents and British/American spelling ignored."""
    text = unlink(name or "")
    text = unicodedata.normalize("NFKD", re.split(r"[,(（/]| - | – ", text)[0])
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return [re.sub(r"tre$", "ter", re.sub(r"is(e|ed|ation|ing)$", r"iz\1", w.replace("our", "or")))
            for w in re.findall(r"\w+", text)]


class ConflictingEntryFacts(Rule):
    """Flags a degree or job stated with different facts in two places of the site.

    ## What it does
    Matches degrees (same institution and level) and jobs (same organisation,
    aliases included, overlapping dates) across pages and data files, and
    compares what they say: the degree title ('B.S.' vs 'B.Eng.'), the field of
    study, the role, and the spelling of the institution. Abbreviations and
    formatting that mean the same are not conflicts ('Ph.D.' = 'PhD' = 'Doctor
    of Philosophy', 'CS & EE' = 'Computer Science and Electrical Engineering'),
    nor is a fact given in one place only, a shorter field, or a translation.
    Dates are left to DATE001.

    ## Why is this bad?
    A degree is one degree: a reader (or a hiring committee) who finds 'B.S.'
    on one page and 'B.Eng.' on the other cannot tell which is true.

    ## Example
    `about.md`: Colossal-AI, *Research Engineer Intern*; `cv.md`: HPC-AI TECH
    Inc. (Colossal-AI), *MLSys Research Intern*.

    ## Fix
    Decide which is right and write it the same way everywhere.
    """

    code = "DUP003"
    name = "conflicting-entry-facts"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for group in cluster_education(ctx.site.education):
            yield from self._group(group, ctx.today, _degree_conflicts, lambda a, b: True,
                                   lambda e: f"degree at '{short(e.institution, 50)}'")
        for group in cluster_experience(ctx.site.experience):
            yield from self._group(group, ctx.today, _job_conflicts, _same_job,
                                   lambda e: f"job at '{short(e.organisation, 50)}'")

    def _group(self, group: List, today: dt.date, conflicts: Callable, same: Callable,
               label: Callable) -> Iterator[Diagnostic]:
        by_path: Dict[str, List] = {}
        for node in group:
            by_path.setdefault(node.span.path, []).append(node)
        # dozens of entries of one place in one file say nothing about which is which
        if len(by_path) < 2 or max(len(nodes) for nodes in by_path.values()) > _CROWD:
            return
        partner = {(id(node), path): _partner(node, nodes, today, conflicts, same)
                   for node in group for path, nodes in by_path.items() if path != node.span.path}
        pairs = []
        order = {id(node): i for i, node in enumerate(group)}
        agreements: Dict[int, int] = {id(node): 0 for node in group}
        for i, a in enumerate(group):
            for path in by_path:
                b = partner.get((id(a), path))
                if b is None or order[id(b)] < i or partner.get((id(b), a.span.path)) is not a:
                    continue
                facts = conflicts(a, b)
                if facts:
                    pairs.append((a, b, facts))
                else:
                    agreements[id(a)] += 1
                    agreements[id(b)] += 1
        blamed: Dict[int, list] = {}
        for a, b, facts in pairs:
            # the entry that agrees with fewer other places is the odd one; on a tie, the later one
            odd, other = (a, b) if agreements[id(a)] < agreements[id(b)] else (b, a)
            if odd is b:
                facts = [(what, theirs, ours) for what, ours, theirs in facts]
            where = f"{other.span.path}:{other.span.line}"
            blamed.setdefault(id(odd), [odd, [], []])
            blamed[id(odd)][1].extend(f"{what} '{short(here, 50)}' here, '{short(there, 50)}' in {where}"
                                      for what, here, there in facts)
            blamed[id(odd)][2].append(other.span)
        for odd, texts, related in blamed.values():
            yield self.report(f"{label(odd)} is stated differently: " + "; ".join(texts), odd.span,
                              related=related)


def _partner(node, nodes: List, today: dt.date, conflicts: Callable, same: Callable):
    """The entry among `nodes` (one file's) that states the same degree or job: one that agrees, else the only one."""
    candidates = [o for o in nodes if _same_period(node, o, today) and same(node, o)]
    agreeing = [o for o in candidates if not conflicts(node, o)]
    if agreeing:
        return agreeing[0]  # the facts agree with one of them: the others are other stints
    return candidates[0] if len(candidates) == 1 else None


def _same_period(a, b, today: dt.date) -> bool:
    if not (a.start or a.end) or not (b.start or b.end):
        return True
    return overlapping(a, b, today)


def _same_job(a, b) -> bool:
    """'Research Engineer Intern' ~ 'MLSys Research Intern'; 'PhD Student' and 'Teaching Assistant' are two jobs."""
    return similar_roles(a, b) and (not a.role or not b.role or _duties(a.role) == _duties(b.role))


def _degree_conflicts(a, b) -> List[Tuple[str, str, str]]:
    found = []
    (da, fa), (db, fb) = stated_degree(a), stated_degree(b)
    if degree_title(da) and degree_title(db) and degree_title(da) != degree_title(db):
        found.append(("degree", da, db))
    if fields_conflict(fa, fb):
        found.append(("field", fa, fb))
    return found + _spelling(a.institution, b.institution)


def _job_conflicts(a, b) -> List[Tuple[str, str, str]]:
    found = []
    if roles_conflict(a, b):
        found.append(("role", a.role, b.role))
    return found + _spelling(a.organisation, b.organisation)


def _duties(role: str) -> set:
    words = set(fold(role).split())
    return {d for d in _DUTIES if d in words}


def _spelling(a: str, b: str) -> List[Tuple[str, str, str]]:
    pair = misspelling(a, b)
    return [("spelling", pair[0], pair[1])] if pair else []
