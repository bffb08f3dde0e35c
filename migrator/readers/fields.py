"""Theme-independent parsers for the small fields of academic pages.

Author lines, venues, link kinds, dates and section headings look the same on
both themes, so both readers share these.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Tuple

from ..model import Profile, Venue
from .authors import parse_authors
from .markdown import strip_markup
from .names import normalise_name
from .venues import analyse as analyse_venue

__all__ = ["parse_authors", "parse_venue", "link_kind", "parse_date", "parse_range",
           "section_kind", "owner_names", "clean_heading"]

_SPACES = re.compile(r"\s+")


def parse_venue(text: str) -> Venue:
    """Venue with a short label ('ICLR 2025'), full name, year and preprint flag."""
    label, name, year, preprint = analyse_venue(text)
    return Venue(label=label, name=name, year=year, preprint=preprint, raw=text)


_LINK_LABELS = [
    ("arxiv", r"arxiv"), ("pdf", r"pdf"), ("code", r"code|github|source|software|repo"),
    ("blog", r"blog|post|news"), ("project", r"project|page|homepage|demo"),
    ("video", r"video|youtube|recording|talk"), ("slides", r"slides?|ppt|deck"),
    ("doi", r"doi"), ("poster", r"poster"), ("data", r"data|dataset|benchmark"),
    ("paper", r"paper|publication|article|proceedings|openreview|acm|ieee|link|full text|preprint"),
    ("website", r"website|site|web"),
]
_LINK_URLS = [
    ("arxiv", r"arxiv\.org"), ("doi", r"doi\.org/"), ("code", r"github\.com|gitlab\.com|bitbucket\.org"),
    ("video", r"youtube\.com|youtu\.be|bilibili\.com|vimeo\.com"), ("pdf", r"\.pdf(\?|#|$)"),
    ("slides", r"slideshare|speakerdeck|slides"), ("data", r"huggingface\.co/datasets|kaggle\.com|zenodo"),
    ("paper", r"openreview\.net|dl\.acm\.org|ieeexplore|springer|sciencedirect|aclanthology|"
              r"proceedings|papers\.nips|semanticscholar|nature\.com|wiley"),
    ("blog", r"medium\.com|/blog|substack"),
]
_LABEL_PATTERNS = [(kind, re.compile(r"\b(" + pattern + r")\b")) for kind, pattern in _LINK_LABELS]
_URL_PATTERNS = [(kind, re.compile(pattern, re.I)) for kind, pattern in _LINK_URLS]


def link_kind(label: str, url: str) -> str:
    """Kind of a publication/project link from its label, else from its URL."""
    kind = _label_kind(label) if isinstance(label, str) else _label_kind.__wrapped__(label)
    if kind:
        return kind
    for kind, pattern in _URL_PATTERNS:
        if pattern.search(url or ""):
            return kind
    return "other"


@lru_cache(maxsize=4096)
def _label_kind(label: str) -> str:
    """The kind a link label names ('[Code]', 'PDF'); '' when it names none. Few labels, many links."""
    words = strip_markup(label).strip("[]() ").lower()
    return next((kind for kind, pattern in _LABEL_PATTERNS if pattern.search(words)), "")


_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_PRESENT = re.compile(r"^(now|present|current|currently|today|ongoing|till now|to date|至今|现在)$", re.I)
_YEAR_MONTH_DAY = re.compile(r"(\d{4})(?:[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?)?月?)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{4})")
_NAMED_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})")
_DAY_NAMED_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_SEASON_YEAR = re.compile(r"(?:spring|summer|fall|autumn|winter)\s+(\d{4})", re.I)


def parse_date(text: Any) -> str:
    """An ISO partial date ('2022-05', '2024', '2024-01-15') or 'present'; '' when unreadable."""
    return _parse_date(str(text or ""))


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> str:
    s = strip_markup(text).strip(" .,;:()[]*_")
    if not s:
        return ""
    if _PRESENT.match(s):
        return "present"
    m = _YEAR_MONTH_DAY.fullmatch(s)
    if m and _valid_month(m.group(2)):
        return _iso(m.group(1), m.group(2), m.group(3))
    m = _MONTH_YEAR.fullmatch(s)
    if m and _valid_month(m.group(1)):
        return _iso(m.group(2), m.group(1))
    m = _NAMED_MONTH_YEAR.fullmatch(s)
    if m and m.group(1).lower() in _MONTHS:
        return _iso(m.group(3), str(_MONTHS[m.group(1).lower()]), m.group(2))
    m = _DAY_NAMED_MONTH_YEAR.fullmatch(s)
    if m and m.group(2).lower() in _MONTHS:
        return _iso(m.group(3), str(_MONTHS[m.group(2).lower()]), m.group(1))
    m = _SEASON_YEAR.fullmatch(s)
    if m:
        return m.group(1)
    return ""


def _valid_month(month: Any) -> bool:
    return month is None or 1 <= int(month) <= 12


def _iso(year: str, month: Any = None, day: Any = None) -> str:
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day and 1 <= int(day) <= 31:
            out += f"-{int(day):02d}"
    return out


_RANGE_SEP = re.compile(r"\s*(?:--|–|—|~|～|\bto\b|\buntil\b|\btill\b)\s*|\s+-\s+", re.I)


def parse_range(text: Any) -> Tuple[str, str]:
    """(start, end) of '2024.01 - now', '2022.5 - 2023.12', '2018.09 -- 2022.06'; end '' for one date."""
    return _parse_range(str(text or ""))


@lru_cache(maxsize=4096)
def _parse_range(text: str) -> Tuple[str, str]:
    s = strip_markup(text).strip(" .,;:()[]*_")
    parts = _RANGE_SEP.split(s, maxsplit=1)
    if len(parts) == 2:
        return parse_date(parts[0]), parse_date(parts[1])
    for at in (k for k, ch in enumerate(s[:40]) if ch == "-"):  # '2019.06-2022.04', '2018-2022'
        start, end = parse_date(s[:at]), parse_date(s[at + 1:])
        if start and end:
            return start, end
    return parse_date(s), ""


_SECTION_WORDS = [
    ("news", r"news|updates?|announcements?|latest|what'?s new|新闻|动态|近况"),
    ("internships", r"internships?|interns?\b|实习"),
    ("teaching", r"teaching|courses?|lectures?|tutoring|教学"),
    ("honors", r"honou?rs?|awards?|scholarships?|prizes?|fellowships?|grants?|achievements?|荣誉|奖"),
    ("education", r"educations?|academic background|educational background|degrees?|教育"),
    ("publications", r"publications?|papers?|preprints?|manuscripts?|patents?|books?|"
                     r"working papers?|selected works|bibliography|论文|出版"),
    ("talks", r"talks?|presentations?|seminars?|invited|keynotes?|报告|讲座"),
    ("projects", r"projects?|open[- ]?source|software|tools|systems|项目"),
    ("services", r"services?|reviewer|reviewing|professional activities|activities|committees?|服务"),
    ("experience", r"experiences?|employment|positions?|appointments?|work|career|jobs?|经历|工作"),
    ("about", r"about|about me|bio|biography|introduction|who am i|profile|research interests?|"
              r"interests|简介|关于"),
]
_SECTION_PATTERNS = [(kind, re.compile(r"(?<![a-z])(" + pattern + r")(?![a-z])")) for kind, pattern in _SECTION_WORDS]
_ALL_LINK = re.compile(r"\(\s*\[[^\]]*\]\([^)]*\)\s*\)")


def clean_heading(title: str) -> str:
    """A heading's words: emoji, markup and a trailing '([all](...))' removed."""
    text = _ALL_LINK.sub("", title)
    text = strip_markup(text)
    text = "".join(ch for ch in text if ch.isalnum() or ch.isspace() or ch in "&'-/,.()" or ord(ch) > 0x2E80
                   and not 0x1F000 <= ord(ch) <= 0x1FAFF)
    return _SPACES.sub(" ", text).strip(" -:.")


def section_kind(title: str) -> str:
    """news, publications, honors, education, experience, internships, talks, teaching,
    projects, services, about or other, from a heading's words."""
    words = clean_heading(title).lower()
    if not words:
        return "other"
    for kind, pattern in _SECTION_PATTERNS:
        if pattern.search(words):
            return kind
    return "other"


def owner_names(profile: Profile, config: Dict[str, Any]) -> List[str]:
    """Names the owner goes by: profile name and variants, config `name`/`author.name`."""
    names: List[str] = []
    author = config.get("author") if isinstance(config.get("author"), dict) else {}
    for value in [profile.name, *profile.name_variants, config.get("name"), author.get("name")]:
        if isinstance(value, str) and value.strip() and normalise_name(value) not in map(normalise_name, names):
            names.append(value.strip())
    return names
