"""One-line citations: 'Authors. Title. Venue' or 'Authors, “Title,” *Venue*, 2024'."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from ..mdlinks import Needing
from ..model import Publication, Span
from .fields import link_kind, parse_authors, parse_venue
from .inline import MD_LINK, line_links
from .markdown import strip_markup

_QUOTED = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
_BOLD = re.compile(r"\*\*([^*]+)\*\*|<(?:b|strong)>(.*?)</(?:b|strong)>", re.I)
_CODE_VENUE = re.compile(r"^`+([^`]+)`+\s*")
_INITIAL_END = re.compile(r"(?:^|[\s.\-])(?:[A-Z]|[A-Z][a-z]?\.[A-Z]|Jr|Sr|St|Dr|Prof)$")
_HTML_LINK = Needing(re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S), "<")
_LABEL_MARKUP = re.compile(r"[\[\]*_`]")
_OPEN_BRACKET_END = re.compile(r"\s*[\[(]?\s*$")
_SENTENCE_END = re.compile(r"\.\s+|[.。](?=[\u4e00-\u9fff])")
_WRAPPING_EMPHASIS = re.compile(r"(?<![*\w\\])\*(?!\*)([^*]+)(?<!\\)\*(?!\*)|(?<![_\w])_([^_]+)_(?![_\w])")
_OTHER_TAGS = re.compile(r"</?(?!(?:b|u|strong|sup|em|i)\b)[a-z]\w*\b[^>]*>", re.I)
_LINKED_TITLE = re.compile(r"\s*\[([^\]]+)\]\([^)]*\)\s*[,.]?\s*(.*)$")
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def unlink(text: str) -> str:
    """The fragment with links replaced by their labels."""
    text = MD_LINK.sub(lambda m: m.group(1), text)
    return _HTML_LINK.sub(r"\1", text)


def remove_links(text: str) -> str:
    text = MD_LINK.sub("", text)
    return _HTML_LINK.sub("", text)


def drop_link_words(text: str) -> str:
    """Remove links labelled like '[PDF]' or '[code]': their labels are not part of the citation."""
    def drop(match: "re.Match[str]") -> str:
        label = _LABEL_MARKUP.sub("", match.group(1)).strip()
        if len(label.split()) <= 2 and link_kind(label, "") != "other":
            return ""
        return match.group(0)
    return _OPEN_BRACKET_END.sub("", MD_LINK.sub(drop, text)).strip() if MD_LINK.search(text) else text


def sentences(text: str) -> List[str]:
    """Split at '. ' that does not end an initial ('A. Vendeville', 'M.A. Gonzalez')."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 12):match.start()]  # the tail is enough: keeps it linear
        if _INITIAL_END.search(before if match.start() - 12 > start else text[start:match.start()]):
            continue
        out.append(text[start:match.start()].strip())
        start = match.end()
    out.append(text[start:].strip().rstrip("."))
    return [s for s in out if s]


def _strip_wrapping_emphasis(text: str) -> str:
    if "*" not in text and "_" not in text:  # the pattern's two marks
        return text
    return _WRAPPING_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)


def split_citation(text: str, owners: List[str]) -> Tuple[str, str, str]:
    """(authors, title, venue) fragments of a citation; '' where not found."""
    quoted = _QUOTED.search(text)
    if quoted:
        return text[:quoted.start()].strip(" ,"), quoted.group(1).strip(" ,."), text[quoted.end():].strip(" ,.")
    for bold in _BOLD.finditer(text):
        inner = bold.group(1) or bold.group(2) or ""
        if len(inner.split()) >= 4 and not any(o.lower() in inner.lower() for o in owners):
            before, after = text[:bold.start()].strip(" ,."), text[bold.end():].strip(" ,.")
            if before and not after:
                return "", inner, before
            return (before, inner, after) if before else (after_authors(after), inner, after_venue(after))
    parts = sentences(_strip_wrapping_emphasis(text))
    if len(parts) >= 3:
        return parts[0], parts[1], ". ".join(parts[2:])
    if len(parts) == 2:
        return parts[0], parts[1], ""
    return "", text, ""


def after_authors(text: str) -> str:
    parts = sentences(text)
    return parts[0] if len(parts) > 1 else ""


def after_venue(text: str) -> str:
    parts = sentences(text)
    return ". ".join(parts[1:]) if len(parts) > 1 else text


def parse_citation(text: str, where: Span, owners: List[str], span: Span) -> Optional[Publication]:
    """A Publication from citation text, or None when no title can be found."""
    pub = Publication(span=span)
    pub.links, pub.badges = line_links(text, where)
    code_venue = _CODE_VENUE.match(text)
    if code_venue:
        text = text[code_venue.end():]
    plain_tags = _OTHER_TAGS.sub("", unlink(drop_link_words(text)))
    authors, title, venue = split_citation(plain_tags, owners)
    if not authors and title:
        # 'Title, Authors' (acad-homepage bullets put authors after the linked title)
        linked = _LINKED_TITLE.match(text)
        if linked:
            title, authors, venue = linked.group(1), linked.group(2), ""
    pub.title = strip_markup(title).strip(" .,")
    if len(pub.title) < 4:
        return None
    if authors:
        pub.authors = parse_authors(authors, owners)
    venue = venue.strip(" ,;")  # 'Preprint on [arXiv](..), [HAL](..)' without its links
    venue_text = strip_markup(code_venue.group(1)) if code_venue else venue
    if venue_text:
        pub.venue = parse_venue(venue_text)
        pub.venue.raw = code_venue.group(1) if code_venue else venue
        pub.venue.span = where
        if pub.venue.year:
            pub.date = str(pub.venue.year)
    pub.citation = strip_markup(unlink(text))
    for link in pub.links:
        if link.kind == "other" and link.label and link.label in pub.title:
            link.kind = "paper"
    return pub if looks_cited(pub, text, bool(code_venue)) else None


def looks_cited(pub: Publication, text: str, code_venue: bool) -> bool:
    """A list item is a citation when it has a year, several authors, a quoted title or a paper link:
    'See my Google Scholar profile' is not."""
    paper_link = any(link.kind in ("paper", "pdf", "arxiv", "doi") for link in pub.links)
    return bool(code_venue or _QUOTED.search(text) or len(pub.authors) >= 2 or paper_link
                or _YEAR.search(text))
