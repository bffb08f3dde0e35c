"""One publication from the lines of a markdown entry: title, authors, venue, links, notes.

Used for acad-homepage `paper-box` texts and markdown publication bullets
(`- \\`NeurIPS 2023\\` [Title](url), A, **Owner**`, or title / authors / venue lines).
Lines may also hold inline HTML (`<u>`, `<font>`, `<a>`).
"""
from __future__ import annotations

import html
import re
from typing import List, Optional, Tuple

from ..mdlinks import Needing
from ..model import Publication, Span
from .blocks import BULLET, Context
from .fields import parse_authors, parse_venue
from .inline import MD_LINK, is_badge_image, line_links, link_label, soup
from .markdown import Line, strip_markup
from .names import name_matches

_CODE = re.compile(r"(`+)\s*(.+?)\s*\1")
_LINK_WORDS = re.compile(r"^(paper|pdf|code|project|page|blog|video|slides?|poster|arxiv|doi|data(set)?|demo|"
                         r"website|github|article|preprint|supp\w*|bibtex|bib|citation|link|html|openreview|"
                         r"talk|media|press|news|huggingface|model|weights|benchmark|leaderboard|abstract)s?$", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
TITLE_PREFIX = r"(?P<pre>(?:\s|``[^`]*``|`[^`]*`|[^\w\s\[*`<\\]|New|NEW)*)"
_TITLE_PREFIX = re.compile(TITLE_PREFIX)
_BROKEN_LINK = re.compile(r"^\[([^\[\]]{12,})\]\(([^)）\s]*)[)）]?")
_BOLD = re.compile(r"^(\*\*|__)(?!\s)(.+?)(?<!\s)\1(?!\*)")
_CAPITALS = re.compile(r"[A-Z]{2,}")
_NEW = re.compile(r"new", re.I)
_TWO_COMMAS = re.compile(r",.*,")
_HTML_LINK = Needing(re.compile(r"<a\b.*?</a>", re.I | re.S), "<")
_SEPARATOR_RUN = re.compile(r"[\s|\\/,;·•\[\]()-]+")
_VENUE_END = re.compile(r"\\\||\s\|\s|(?<!!)\[|<a\b|<strong><span")
_UNDERLINE = re.compile(r"<u>|<ins>", re.I)
_NAME_SEPARATOR = re.compile(r",|\band\b")
_TRAILING_MARKS = re.compile(r"[*†‡#\d]+$")
_LATEX_SUP = re.compile(r"\$\^\{?([^${}]*)\}?\$")
_LINE_BREAK_END = re.compile(r"(\s*\\\\?|\s{2,})$")
_LEADING_BREAK = re.compile(r"^\\\\")


def _title_link(text: str) -> Optional[re.Match]:
    match = MD_LINK.match(text)
    if match and not _LINK_WORDS.match(link_label(match.group(1))) and len(link_label(match.group(1))) > 6:
        return match
    return None


def split_title(text: str) -> Optional[Tuple[str, str, str, str]]:
    """(prefix, title, title url, rest) when the line starts with a title (bold or link)."""
    prefix = _TITLE_PREFIX.match(text).group("pre")
    body = text[len(prefix):]
    link = _title_link(body)
    if link:
        return prefix, link_label(link.group(1)), link.group(4), body[link.end():]
    broken = _BROKEN_LINK.match(body)
    if broken and "](" in body[:broken.end()]:
        # a link whose ')' is missing or full-width still names the title
        return prefix, link_label(broken.group(1)), broken.group(2), body[broken.end():]
    bold = _BOLD.match(body)
    if bold and "<font" not in bold.group(2).lower():
        title = strip_markup(bold.group(2))
        inner = _title_link(bold.group(2).strip())
        if len(title) > 12 and not _YEAR.fullmatch(title):
            return prefix, title, inner.group(4) if inner else "", body[bold.end():]
    if "<" in body:
        parsed = soup(body)
        named = parsed.find("papertitle") or (parsed.find("a") if parsed.find("a") and
                                               parsed.get_text(strip=True) == parsed.find("a").get_text(strip=True)
                                               else None)
        if named is not None and len(named.get_text(strip=True)) > 12:
            anchor = named if named.name == "a" else named.find_parent("a")
            return prefix, named.get_text(" ", strip=True), str(anchor.get("href") or "") if anchor else "", ""
    return None


def _code_venue(prefix: str) -> str:
    for _, inner in _CODE.findall(prefix):
        if _YEAR.search(inner) or _CAPITALS.search(inner) and not _NEW.match(inner):
            return inner
    return ""


def is_link_row(text: str) -> bool:
    """A line of links (and separators), possibly after a venue: '**Preprint** \\| [Paper](..) \\| [Code](..)'."""
    links = list(MD_LINK.finditer(text))
    if not links and "<a" in text:
        return bool(soup(text).find("a")) and not _TWO_COMMAS.search(strip_markup(text))
    return bool(links) and all(_LINK_WORDS.match(link_label(m.group(1))) or
                               is_badge_image(m.group(4)) or m.group(1).startswith("!") for m in links) \
        and len(strip_markup(MD_LINK.sub(" ", text)).split()) <= ROW_WORDS  # not a paragraph ending in '[pdf](..)'


ROW_WORDS = 16
"""Words a link row may hold besides its links: a venue ('IEEE Transactions on ... (TPAMI), 2023')."""


def _only_links(text: str) -> bool:
    """Nothing but links and separators: '[PDF](..) | [Code](..)'."""
    rest = MD_LINK.sub("", _HTML_LINK.sub("", text))
    return rest != text and not _SEPARATOR_RUN.sub("", strip_markup(rest))


_NOTE_LABEL = re.compile(r"(abstract|summary|overview|tl;?\s?dr|highlights?|key\s?words?|bibtex|contributions?)\s*:?",
                         re.I)


def _venue_text(text: str) -> str:
    """The venue part of a venue/link row: what precedes the first separator or link."""
    head = _VENUE_END.split(text)[0]
    return html.unescape(strip_markup(head)).strip(" |,.")


def _looks_like_authors(text: str, owners: List[str]) -> bool:
    plain = strip_markup(text)
    if _UNDERLINE.search(text):
        return True
    names = [p.strip() for p in _NAME_SEPARATOR.split(plain) if p.strip()]
    if any(name_matches(_TRAILING_MARKS.sub("", n).strip(), owners) for n in names):
        return True
    return len(names) >= 2 and sum(len(n.split()) <= 4 for n in names) >= len(names) - 1 and not MD_LINK.search(text)


_LATEX_MARKS = {"dagger": "†", "ddagger": "‡", "ast": "*", "star": "*", "#": "#", "*": "*", "S": "§"}


def authors_of(text: str, owners: List[str]):
    """parse_authors, with LaTeX marks ('Name$^\\dagger$', '$^{*}$') written as <sup>."""
    def sup(match: re.Match) -> str:
        marks = [_LATEX_MARKS.get(m.strip("\\ "), m.strip("\\ ")) for m in match.group(1).split(",")]
        return "<sup>" + ",".join(marks) + "</sup>"
    text = _LATEX_SUP.sub(sup, text)
    return owner_by_name(parse_authors(text, owners), owners)


def owner_by_name(people: list, owners: List[str]) -> list:
    """The owner's own name beats emphasis: some pages bold their students, not themselves."""
    named = [p for p in people if name_matches(p.name, owners)]
    if named and not any(p.is_owner and p in named for p in people):
        for person in people:
            person.is_owner = person is named[0]
    return people


def _clean(text: str) -> str:
    text = text.strip()
    while BULLET.match(text):
        text = text[BULLET.match(text).end():].strip()
    return _LINE_BREAK_END.sub("", text).strip()


def read_entry(lines: List[Line], ctx: Context) -> Optional[Publication]:
    """A Publication from an entry's lines, or None when no title can be found."""
    pub = Publication(source="list", span=Span(ctx.path, lines[0][0], 1, lines[-1][0]))
    notes: List[str] = []
    venue_raw, venue_line = "", 0
    title_url = ""
    in_comment = False
    authors_line = lines[0][0]
    in_notes = False  # past the first notes bullet: what follows is the entry's notes
    for k, (number, raw) in enumerate(lines):
        text = _clean(raw) if k == 0 else raw.strip().rstrip("\\").rstrip()
        if in_comment or text.startswith("<!--"):
            in_comment = "-->" not in text
            continue
        if not text:
            continue
        line_span = Span(ctx.path, number, 1, number)
        if not pub.title and not notes:
            found = split_title(text)
            if found:
                prefix, pub.title, title_url, rest = found
                venue_raw = _code_venue(prefix) or venue_raw
                venue_line = number if venue_raw else venue_line
                rest = rest.strip(" ,.;:")
                rest = _LEADING_BREAK.sub("", rest).strip()
                if rest and _looks_like_authors(rest, ctx.owners):
                    pub.authors, authors_line = authors_of(rest, ctx.owners), number
                elif rest:
                    notes.append(rest)
                _add_links(pub, text, line_span, title_url or pub.title)
                continue
            if not venue_raw and len(strip_markup(text)) < 80 and not BULLET.match(raw.strip()) and len(lines) > 1:
                venue_raw, venue_line = html.unescape(strip_markup(text)), number
                continue
            if k == 0 and not BULLET.match(text) and len(strip_markup(text).split()) >= 4:
                pub.title = strip_markup(text[len(_TITLE_PREFIX.match(text).group("pre")):])
                continue
            notes.append(text)
            continue
        if not pub.title:
            notes.append(text)
            continue
        if BULLET.match(raw.strip()) and k > 0:
            # a bullet of links only is the links row; links inside notes bullets belong to the notes
            if not in_notes and _only_links(_clean(text)):
                _add_links(pub, text, line_span, title_url)
            else:
                in_notes = True
            notes.append(raw.strip())
            continue
        if _NOTE_LABEL.fullmatch(strip_markup(text).strip()):  # 'Abstract' heads the notes: not a venue
            notes.append(text)
            in_notes = True
            continue
        link_row = is_link_row(text)
        if not pub.authors and not link_row and _looks_like_authors(text, ctx.owners):
            pub.authors, authors_line = authors_of(text, ctx.owners), number
            if "](" in text or "href" in text:  # 'A, B. *NeurIPS 2024*. [[Code](..)]': the links are the paper's
                _add_links(pub, text, line_span, title_url)
            continue
        if link_row or (not venue_raw and not in_notes and len(strip_markup(text)) < 100):
            head = _venue_text(text)
            if head and not venue_raw:
                venue_raw, venue_line = head, number
            _add_links(pub, text, line_span, title_url)
            continue
        notes.append(text)
        if not in_notes:
            _add_links(pub, text, line_span, title_url)
    if not pub.title:
        return None
    _trailing_venue(pub, authors_line)
    if venue_raw:
        pub.venue = parse_venue(venue_raw)
        pub.venue.span = Span(ctx.path, venue_line, 1, venue_line)
    pub.notes = "\n".join(notes)
    return pub


def _add_links(pub: Publication, text: str, span: Span, title_url: str) -> None:
    links, badges = line_links(text, span)
    for link in links:
        if title_url in (link.url, link.label) and not any(l.kind == "paper" for l in pub.links):
            link.kind = "paper"
        pub.links.append(link)
    pub.badges.extend(badges)


def _trailing_venue(pub: Publication, line: int) -> None:
    """'A, B, ICCV 2023' or 'A, B, Preprint 2023': the last author token is a venue."""
    if pub.authors and _YEAR.search(pub.authors[-1].name) and not pub.venue:
        last = pub.authors.pop()
        pub.venue = parse_venue(last.name)
        pub.venue.span = Span(pub.span.path, line, 1, line)
