"""Markdown link syntax shared by readers, rules and writers.

Every repetition is bounded, so a pathological line (40,000 `[` or `[a](`)
costs linear time instead of minutes of backtracking.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional, Tuple, Union


class Needing:
    """A compiled pattern that cannot match a text without `needle` (a link holds '](', an HTML
    link '<'): such texts, most lines of a page, skip the regex. `regex` is the pattern itself."""

    def __init__(self, regex: "re.Pattern[str]", needle: str):
        self.regex, self.needle = regex, needle

    def finditer(self, text: str) -> Iterator["re.Match[str]"]:
        return self.regex.finditer(text) if self.needle in text else iter(())

    def search(self, text: str) -> Optional["re.Match[str]"]:
        return self.regex.search(text) if self.needle in text else None

    def match(self, text: str) -> Optional["re.Match[str]"]:
        return self.regex.match(text) if self.needle in text else None

    def fullmatch(self, text: str) -> Optional["re.Match[str]"]:
        return self.regex.fullmatch(text) if self.needle in text else None

    def sub(self, repl: Union[str, Callable[["re.Match[str]"], str]], text: str) -> str:
        return self.regex.sub(repl, text) if self.needle in text else text


# '(<url with {{ liquid }} spaces>)' is kramdown's form for a URL holding spaces
_URL = (r"<?((?<=<)[^<>\n]{0,2048}(?=>)|(?:[^()\s<>]|\([^()\s]{0,512}\)){0,2048})>?"
        r"(?:\s+[\"'][^\"'\n]{0,512}[\"'])?")
_IMAGE = r"!\[([^\]\n]{0,1000})\]\(\s*" + _URL + r"\s*\)"
_LABEL = r"((?:\\.|" + _IMAGE + r"|\[[^\]\n]{0,1000}\]|[^\[\]\\\n]){0,1000})"

MD_LINK = Needing(re.compile(r"(?<!!)\[" + _LABEL + r"\]\(\s*" + _URL + r"\s*\)"), "](")
"""A markdown link: group 1 is the label, group 4 the URL (2 and 3 belong to an image inside the label)."""

MD_IMAGE = Needing(re.compile(_IMAGE), "![")
"""A markdown image: group 1 is the alt text, group 2 the URL."""

_HTML_A = Needing(re.compile(r"<a\s([^>]{0,2000})>((?:[^<]|<(?!/a>)){0,2000})</a>", re.I), "<")
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))", re.I)


def html_links(text: str) -> Iterator[Tuple[str, str, int]]:
    """(inner HTML, url, 0-based start) of every `<a href>` closed on the same line.

    For scanning lines of text; HTML blocks are parsed with a real parser elsewhere.
    """
    for match in _HTML_A.finditer(text):
        href = _HREF.search(match.group(1))
        if href:
            yield match.group(2), next(g for g in href.groups() if g is not None), match.start()


def md_links(text: str) -> Iterator[Tuple[str, str, int]]:
    """(label, url, 0-based start) of every markdown link of a line."""
    for match in MD_LINK.finditer(text):
        yield match.group(1), match.group(4), match.start()


def without_links(text: str) -> str:
    """The text with markdown and HTML links removed altogether (labels too)."""
    text = MD_LINK.sub(" ", text)
    return _HTML_A.sub(" ", text)


def unlink(text: str) -> str:
    """The text with markdown links and images replaced by their labels."""
    text = MD_IMAGE.sub(lambda m: m.group(1), text)
    return MD_LINK.sub(lambda m: m.group(1), text)
