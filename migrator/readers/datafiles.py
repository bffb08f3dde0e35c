"""`_data` files that pages render: `news.yml` and a JSON Resume `cv.json`."""
from __future__ import annotations

from typing import Any, Dict, List

from ..model import Education, Experience, Honor, NewsItem, Publication, Span, Talk
from ..source import NotText, read_text
from .fields import parse_authors, parse_date, parse_venue
from .markdown import strip_markup


def data_path(loaded, stem: str) -> str:
    return next((f for f in loaded.files if f.startswith(f"_data/{stem}.")), "")


def value_line(lines: List[str], value: Any, start: int = 0) -> int:
    """Line (1-based) where a value is written, searching from `start`; the start when not found."""
    text = str(value or "").strip()
    if text:
        for i in range(start, len(lines)):
            if text[:60] in lines[i]:
                return i + 1
    return start + 1


def file_lines(loaded, rel: str) -> List[str]:
    try:
        return read_text((loaded.root / rel).read_bytes(), rel).lines
    except (OSError, NotText):
        return []


def s(value: Any) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def read_data_files(ctx) -> None:
    loaded = ctx.loaded
    news = loaded.data_files.get("news")
    if isinstance(news, list):
        read_news(ctx, news, data_path(loaded, "news"))
    for stem in ("cv", "resume"):
        data = loaded.data_files.get(stem)
        if isinstance(data, dict) and any(k in data for k in ("basics", "work", "education")):
            read_resume(ctx, data, data_path(loaded, stem))


def read_news(ctx, items: List[Any], rel: str) -> None:
    lines = file_lines(ctx.loaded, rel)
    cursor = 0
    for item in items:
        if not isinstance(item, dict):
            continue
        text = s(item.get("text") or item.get("content") or item.get("title") or item.get("news"))
        raw = s(item.get("date"))
        if not text:
            continue
        line = value_line(lines, text or raw, cursor)
        cursor = line
        ctx.site.news.append(NewsItem(date=parse_date(raw[:10]) or parse_date(raw), raw_date=raw, text=text,
                                      span=Span(rel, line, 1)))


def _entries(data: Dict[str, Any], key: str) -> List[Dict[str, Any]]:
    value = data.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def read_resume(ctx, data: Dict[str, Any], rel: str) -> None:
    """JSON Resume sections: education, work/volunteer, awards, publications, presentations."""
    lines = file_lines(ctx.loaded, rel)
    site = ctx.site

    cursor = [0]

    def span(first: Any) -> Span:  # entries are written in order: search on from the last one
        line = value_line(lines, first, cursor[0])
        cursor[0] = line
        return Span(rel, line, 1)

    for item in _entries(data, "education"):
        site.education.append(Education(
            institution=s(item.get("institution")), degree=s(item.get("studyType")) or s(item.get("area")),
            field=s(item.get("area")) if s(item.get("studyType")) else "", start=parse_date(s(item.get("startDate"))),
            end=parse_date(s(item.get("endDate"))), span=span(item.get("institution") or item.get("area"))))
    for key in ("work", "volunteer"):
        for item in _entries(data, key):
            org = s(item.get("company")) or s(item.get("name")) or s(item.get("organization"))
            if not org and not s(item.get("position")):
                continue
            site.experience.append(Experience(
                organisation=org, role=s(item.get("position")), start=parse_date(s(item.get("startDate"))),
                end=parse_date(s(item.get("endDate"))), text=s(item.get("summary")), span=span(org)))
    for item in _entries(data, "awards"):
        site.honors.append(Honor(name=s(item.get("title")), date=parse_date(s(item.get("date"))),
                                 text=s(item.get("summary")), span=span(item.get("title"))))
    for item in _entries(data, "publications"):
        pub = Publication(title=strip_markup(s(item.get("name"))), date=parse_date(s(item.get("releaseDate"))),
                          source="data", citation=s(item.get("summary")), span=span(item.get("name")))
        if s(item.get("publisher")):
            pub.venue = parse_venue(s(item.get("publisher")))
        if s(item.get("authors")):
            pub.authors = parse_authors(s(item.get("authors")), ctx.owners)
        site.publications.append(pub)
    for item in _entries(data, "presentations"):
        site.talks.append(Talk(title=s(item.get("name")), event=s(item.get("event")),
                               date=parse_date(s(item.get("date"))), location=s(item.get("location")),
                               text=s(item.get("description")), span=span(item.get("name"))))
