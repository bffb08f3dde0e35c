"""Collection items (`_publications`, `_talks`, `_teaching`, `_posts`, `_portfolio`, custom ones).

Front matter holds the fields and the body is the item's text; each node's
span covers the whole file.
"""
from __future__ import annotations

import html
import re
from typing import Any, Dict, List

from ..loader import Document
from ..model import Link, PortfolioItem, Post, Publication, Span, Talk, Teaching
from .citation import split_citation
from .fields import link_kind, parse_authors, parse_date, parse_venue
from .markdown import strip_markup

PUBLICATION_NAMES = re.compile(r"pub|paper|preprint|working|wps|patent|article|journal|conference|"
                               r"manuscript|book|thes[ie]s|report", re.I)
PUBLICATION_KEYS = ("venue", "paperurl", "citation", "pubtype", "journal", "doi", "authors")
LINK_KEYS = {"paperurl": "paper", "pdf": "pdf", "pdfurl": "pdf", "slidesurl": "slides", "slides": "slides",
             "codeurl": "code", "code": "code", "github": "code", "bibtexurl": "other", "videourl": "video",
             "video": "video", "posterurl": "poster", "arxiv": "arxiv", "doi": "doi", "projecturl": "project",
             "link": "other", "url": "other", "talk_url": "video", "dataurl": "data", "blogurl": "blog"}
LINK_LABELS = {"paperurl": "Paper", "pdf": "PDF", "pdfurl": "PDF", "slidesurl": "Slides", "slides": "Slides",
               "codeurl": "Code", "code": "Code", "github": "Code", "bibtexurl": "BibTeX", "videourl": "Video",
               "video": "Video", "posterurl": "Poster", "arxiv": "arXiv", "doi": "DOI", "projecturl": "Project",
               "link": "Link", "url": "Link", "talk_url": "Video", "dataurl": "Data", "blogurl": "Blog"}
"""The words the theme shows for each front-matter link (its buttons: 'Download Paper', 'Download
Slides', ...): a link's visible text, where the key itself ('paperurl') is not."""
_PAREN_YEAR = re.compile(r"\(\s*\d{4}[a-z]?\s*\)")
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})-")


def collection_kind(name: str, front: Dict[str, Any]) -> str:
    """publication, talk, teaching, post or portfolio."""
    if name == "posts":
        return "post"
    if name in ("talks", "presentations"):
        return "talk"
    if name == "teaching":
        return "teaching"
    if name == "publications" or PUBLICATION_NAMES.search(name) or \
            sum(key in front for key in PUBLICATION_KEYS) >= 2:
        return "publication"
    return "portfolio"


def text_of(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def body_text(doc: Document) -> str:
    return "\n".join(text for _, text in doc.body()).strip("\n")


def item_links(front: Dict[str, Any], span: Span, key_lines: Dict[str, int]) -> List[Link]:
    links = []
    for key in [key for key in front if key in LINK_KEYS]:  # in the order written: a writer keeps it
        kind, url = LINK_KEYS[key], text_of(front.get(key))
        if url and (key not in ("url", "link", "doi", "arxiv") or "/" in url or key == "doi"):
            if key == "doi" and not url.startswith("http"):
                url = "https://doi.org/" + url
            found = link_kind(key, url) if kind == "other" else kind
            links.append(Link(kind=found, url=url, label=LINK_LABELS[key], span=span.at(key_lines.get(key, 1))))
    return links


def read_item(doc: Document, ctx) -> None:
    """One collection item into its `Site` list."""
    page, front = doc.page, doc.page.front_matter
    page.role = "blog" if page.collection == "posts" else "item"
    span = Span(doc.path, 1, 1, max(len(doc.text.lines), 1))
    kind = collection_kind(page.collection, front)
    title = strip_markup(text_of(front.get("title"))) or doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    date = parse_date(text_of(front.get("date"))[:10]) or _date_from_name(doc.path)
    body = body_text(doc)
    site = ctx.site
    if kind == "publication":
        site.publications.append(publication(doc, ctx, title, date, body, span))
    elif kind == "talk":
        site.talks.append(Talk(title=title, event=text_of(front.get("venue")), date=date,
                               location=text_of(front.get("location")), talk_type=text_of(front.get("type")),
                               links=item_links(front, span, page.key_lines), text=body, url=page.url, span=span))
    elif kind == "teaching":
        site.teaching.append(Teaching(title=title, institution=text_of(front.get("venue")),
                                      role=text_of(front.get("type")), date=date,
                                      location=text_of(front.get("location")), text=body, url=page.url, span=span))
    elif kind == "post":
        tags = front.get("tags") or []
        tags = [str(t) for t in tags] if isinstance(tags, list) else str(tags).split()
        site.posts.append(Post(title=title, date=date, tags=tags, body=body, url=page.url, span=span))
    else:
        site.portfolio.append(PortfolioItem(title=title, collection=page.collection,
                                            excerpt=strip_markup(text_of(front.get("excerpt"))),
                                            body=body, url=page.url, span=span))


def publication(doc: Document, ctx, title: str, date: str, body: str, span: Span) -> Publication:
    front = doc.page.front_matter
    pub = Publication(title=title, date=date, source="collection", url=doc.page.url, span=span,
                      category=text_of(front.get("category")) or text_of(front.get("pubtype")),
                      citation=text_of(front.get("citation")).strip())  # HTML, as the theme shows it
    venue = text_of(front.get("venue")) or text_of(front.get("journal"))
    if venue:
        pub.venue = parse_venue(venue)
        pub.venue.span = span.at(doc.page.key_lines.get("venue", doc.page.key_lines.get("journal", 1)))
        if pub.venue.year is None and date:
            pub.venue.year = int(date[:4])
    authors = front.get("authors") or front.get("author")
    if isinstance(authors, list):
        authors = ", ".join(text_of(a) for a in authors if text_of(a))
    if text_of(authors):
        pub.authors = parse_authors(text_of(authors), ctx.owners)
    elif pub.citation:
        names, _, _ = split_citation(html.unescape(pub.citation), ctx.owners)  # the theme's &quot;Title&quot;
        names = _PAREN_YEAR.sub("", names).strip(" .,")
        if names:
            pub.authors = parse_authors(names, ctx.owners)
    pub.links = item_links(front, span, doc.page.key_lines)
    excerpt = text_of(front.get("excerpt"))
    pub.notes = "\n\n".join(part for part in (excerpt, body) if part)
    pub.selected = bool(front.get("selected") or front.get("highlight"))
    return pub


def _date_from_name(path: str) -> str:
    match = _NAME_DATE.search(path.rsplit("/", 1)[-1])
    return match.group(1) if match else ""
