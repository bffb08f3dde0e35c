"""Links and badges inside one line of markdown or inline HTML, with their columns.

Markdown links are found with a small pattern (markdown is not HTML); `<a>` and
`<img>` tags go through BeautifulSoup's `html.parser`.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING, List, Tuple

from ..mdlinks import Needing
from ..model import Badge, Link, Span
from . import html_tree
from .fields import link_kind

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

# '(<url with {{ liquid }} spaces>)' is kramdown's form for a URL holding spaces
_URL = r"<?((?<=<)[^<>\n]*(?=>)|(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[\"'][^\"']*[\"'])?"
_IMAGE = r"!\[([^\]]*)\]\(\s*" + _URL + r"\s*\)"
_LABEL = r"((?:\\.|" + _IMAGE + r"|\[[^\]]*\]|[^\[\]\\])*)"
MD_LINK = Needing(re.compile(r"(?<!!)\[" + _LABEL + r"\]\(\s*" + _URL + r"\s*\)"), "](")
MD_IMAGE = Needing(re.compile(_IMAGE), "![")
_TAG = re.compile(r"<[^>]*>")
_BADGE_HOSTS = ("img.shields.io", "badge", "visitorbadge", "badgen.net")


@lru_cache(maxsize=None)
def _bs4():
    """bs4 (with soupsieve) takes ~60 ms to import: only runs that meet HTML pay for it."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
    from bs4.exceptions import ParserRejectedMarkup

    warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
    return BeautifulSoup, ParserRejectedMarkup


def soup(fragment: str) -> BeautifulSoup:
    """Parse an HTML fragment with the stdlib backend (positions kept)."""
    beautiful_soup, rejected = _bs4()
    try:
        return beautiful_soup(fragment, "html.parser")
    except (rejected, AssertionError, ValueError):
        # html.parser gives up on some broken declarations ('<![' ...): read them as text
        return beautiful_soup(fragment.replace("<!", "&lt;!"), "html.parser")


def tree(fragment: str):
    """The fragment parsed as bs4 would parse it, by the faster `html_tree` (bs4 itself where
    html.parser rejects the fragment, since bs4 then retries in its own way)."""
    parsed = html_tree.parse(fragment)
    return parsed if parsed is not None else soup(fragment)


def is_badge_image(url: str) -> bool:
    return any(host in url for host in _BADGE_HOSTS)


def link_label(label: str) -> str:
    """A link's visible text: escapes, brackets and emphasis removed."""
    text = MD_IMAGE.sub(lambda m: m.group(1), label)
    text = (_TAG.sub("", text) if "<" in text else text).replace("\\", "")
    return " ".join(text.strip(" []*_`").split())


def markdown_links(text: str, span: Span) -> Tuple[List[Link], List[Badge]]:
    """Links and badges written as markdown on one line; `span` is that line."""
    links: List[Link] = []
    badges: List[Badge] = []
    taken = []
    for match in MD_LINK.finditer(text):
        label, url = match.group(1), match.group(4)
        where = Span(span.path, span.line, span.col + match.start(), span.line)
        image = MD_IMAGE.fullmatch(label.strip())
        if image and is_badge_image(image.group(2)):
            badges.append(Badge(image=image.group(2), url=url, alt=image.group(1), span=where))
        else:
            links.append(Link(kind=link_kind(link_label(label), url), url=url, label=link_label(label), span=where))
        taken.append((match.start(), match.end()))
    for match in MD_IMAGE.finditer(text):
        if any(a <= match.start() < b for a, b in taken) or not is_badge_image(match.group(2)):
            continue
        where = Span(span.path, span.line, span.col + match.start(), span.line)
        badges.append(Badge(image=match.group(2), alt=match.group(1), span=where))
    return links, badges


def html_links(tag, first_line: int, path: str) -> Tuple[List[Link], List[Badge]]:
    """Links and badges of a parsed HTML fragment; `first_line` is the fragment's line 1."""
    links: List[Link] = []
    badges: List[Badge] = []
    for node in tag.find_all(["a", "img"]):
        where = Span(path, first_line + (node.sourceline or 1) - 1, (node.sourcepos or 0) + 1)
        if node.name == "img":
            src = str(node.get("src") or "")
            if is_badge_image(src):
                parent = node.find_parent("a")
                badges.append(Badge(image=src, url=str(parent.get("href") or "") if parent else "",
                                    alt=str(node.get("alt") or ""), span=where))
            continue
        href = str(node.get("href") or "")
        if node.find("img") is not None and is_badge_image(str(node.find("img").get("src") or "")):
            continue
        label = link_label(node.get_text(" "))
        links.append(Link(kind=link_kind(label, href), url=href, label=label, span=where))
    return links, badges


def line_links(text: str, span: Span) -> Tuple[List[Link], List[Badge]]:
    """Markdown and HTML links and badges of one line."""
    links, badges = markdown_links(text, span)
    if "<a" in text or "<img" in text:
        more_links, more_badges = html_links(tree(text), span.line, span.path)
        for item in more_links + more_badges:
            item.span.col += span.col - 1
        links += more_links
        badges += more_badges
    return links, badges


def entry_links(lines, path: str) -> Tuple[List[Link], List[Badge]]:
    """Links and badges of the (line number, text) lines of one entry, in order."""
    links: List[Link] = []
    badges: List[Badge] = []
    for number, text in lines:
        more_links, more_badges = line_links(text, Span(path, number, 1, number))
        links += more_links
        badges += more_badges
    return links, badges
