"""Theme-independent parsers for the small fields of academic pages.

Author lines, venues, link kinds, dates and section headings look the same on
both themes, so both readers share these.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Tuple

from ..model import Person, Profile, Venue
from .markdown import strip_markup
from .names import name_matches, normalise_name
from .venues import analyse as analyse_venue

__all__ = ["parse_authors", "parse_venue", "link_kind", "parse_date", "parse_range",
           "section_kind", "owner_names", "clean_heading"]

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


def _split_authors(text: str) -> List[str]:
    """Split an author line at commas/semicolons outside tags, and at a final 'and'/'&'."""
    sep = ";" if text.count(";") >= 1 and text.count(";") >= text.count(",") / 2 else ","
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        if (ch == sep or sep == "," and ch in "，、") and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out: List[str] = []
    for part in parts:
        part = part.strip()
        part = _LEAD_AND.sub("", part)
        part = _TRAIL_AND.sub("", part)
        pieces = _AND.split(part)
        out.extend(p.strip() for p in pieces if p.strip())
    return _join_last_first(out, bool(re.search(r"\s(and|&)\s", text)))


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


def _person(token: str) -> Tuple[Person, bool]:
    """One author token -> (Person, emphasised as the owner)."""
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
    person = Person(name=name.strip(), marks=marks)
    person.equal_contribution = "*" in marks
    person.corresponding = any(m in ("†", "#", "‡", "✉") for m in marks)
    return person, emphasised


def parse_authors(fragment: str, owner_names: List[str]) -> List[Person]:
    """Authors of an author line (markdown or inline HTML); the owner marked at most once."""
    text = fragment.strip().rstrip("\\").strip()
    text = _WRAPPER_TAG.sub("", text)
    text = _ITALIC_LINE.sub(r"\1", text.strip())  # a line in *italics*
    text = text.replace("&nbsp;", " ").replace("&amp;", "&")
    text = _AUTHORS_LABEL.sub("", text)
    text = _TRAIL_ET_AL.sub("", text.strip())
    text = _SUP.sub(lambda m: m.group(0).replace(",", " "), text)  # '<sup>1,2</sup>' is one mark group
    people: List[Person] = []
    emphasised: List[int] = []
    for token in _split_authors(text):
        person, marked = _person(token)
        if not person.name or _ET_AL.match(person.name):
            continue
        if marked:
            emphasised.append(len(people))
        people.append(person)
    matching = [i for i, p in enumerate(people) if name_matches(p.name, owner_names)]
    if len(emphasised) == 1:
        owner = emphasised[0]
    elif emphasised:
        chosen = [i for i in emphasised if i in matching]
        owner = chosen[0] if chosen else None
    else:
        owner = matching[0] if matching else None
    if owner is not None:
        people[owner].is_owner = True
    return people


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


def link_kind(label: str, url: str) -> str:
    """Kind of a publication/project link from its label, else from its URL."""
    words = strip_markup(label).strip("[]() ").lower()
    for kind, pattern in _LINK_LABELS:
        if re.search(r"\b(" + pattern + r")\b", words):
            return kind
    for kind, pattern in _LINK_URLS:
        if re.search(pattern, url or "", re.I):
            return kind
    return "other"


_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_PRESENT = re.compile(r"^(now|present|current|currently|today|ongoing|till now|to date|至今|现在)$", re.I)


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
    m = re.fullmatch(r"(\d{4})(?:[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?)?月?)?", s)
    if m and _valid_month(m.group(2)):
        return _iso(m.group(1), m.group(2), m.group(3))
    m = re.fullmatch(r"(\d{1,2})[/.](\d{4})", s)
    if m and _valid_month(m.group(1)):
        return _iso(m.group(2), m.group(1))
    m = re.fullmatch(r"([A-Za-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})", s)
    if m and m.group(1).lower() in _MONTHS:
        return _iso(m.group(3), str(_MONTHS[m.group(1).lower()]), m.group(2))
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", s)
    if m and m.group(2).lower() in _MONTHS:
        return _iso(m.group(3), str(_MONTHS[m.group(2).lower()]), m.group(1))
    m = re.fullmatch(r"(?:spring|summer|fall|autumn|winter)\s+(\d{4})", s, re.I)
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
    for at in (m.start() for m in re.finditer("-", s[:40])):  # '2019.06-2022.04', '2018-2022'
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


def clean_heading(title: str) -> str:
    """A heading's words: emoji, markup and a trailing '([all](...))' removed."""
    text = re.sub(r"\(\s*\[[^\]]*\]\([^)]*\)\s*\)", "", title)
    text = strip_markup(text)
    text = "".join(ch for ch in text if ch.isalnum() or ch.isspace() or ch in "&'-/,.()" or ord(ch) > 0x2E80
                   and not 0x1F000 <= ord(ch) <= 0x1FAFF)
    return re.sub(r"\s+", " ", text).strip(" -:.")


def section_kind(title: str) -> str:
    """news, publications, honors, education, experience, internships, talks, teaching,
    projects, services, about or other, from a heading's words."""
    words = clean_heading(title).lower()
    if not words:
        return "other"
    for kind, pattern in _SECTION_WORDS:
        if re.search(r"(?<![a-z])(" + pattern + r")(?![a-z])", words):
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
