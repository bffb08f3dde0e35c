"""Rendered body lines of the site's files and the links in them, for site-wide rules.

Lines inside HTML comments, Liquid comments and front matter are skipped: Jekyll
does not render them, so they are nobody's leftover and nobody's statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Tuple

from ..leftovers import load
from ..model import Span
from ..mdlinks import html_links, md_links

_HTML_START, _HTML_END = re.compile(r"<!--"), re.compile(r"-->")
_LIQUID_START = re.compile(r"{%-?\s*comment\s*-?%}")
_LIQUID_END = re.compile(r"{%-?\s*endcomment\s*-?%}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_UNDERLINE = re.compile(r"^\s*(=+|-{3,})\s*$")
_TAG_IN_LABEL = re.compile(r"<[^>]{0,2000}>")
_CLOSING_A = re.compile(r"</a>")
CASE_TWINS = (("\u0130", "i"), ("\u0131", "i"), ("\u212a", "k"), ("\u017f", "s"))
"""The only non-ASCII letters a case-blind pattern matches to an ASCII one ('İ', 'ı', Kelvin 'K', 'ſ')."""
SCAN_LIMIT = 5000
"""Rules read at most this many characters of a line (real pages stay under 3,000): a pathological
line of 40,000 `[` or `<` would otherwise cost minutes of regex backtracking in a pre-commit hook."""


@dataclass
class Line:
    """One rendered line: its file, 1-based number and text."""

    path: str
    number: int
    text: str
    collection: str
    heading: bool = False

    def span(self, col: int = 1) -> Span:
        return Span(self.path, self.number, col, self.number)


@dataclass
class FoundLink:
    label: str
    url: str
    col: int


def rendered_lines(ctx, pages_only: bool = False) -> List[Line]:
    """Body lines Jekyll renders, of every page and collection item (pages only if asked).

    Computed once per lint run (several rules read them) and kept in `ctx.options`;
    the pages' lines are those of the whole list outside collections.
    """
    cache = ctx.options.setdefault("rendered_lines", {})
    if False not in cache:
        cache[False] = list(_rendered(ctx.loaded))
    if pages_only and True not in cache:
        cache[True] = [line for line in cache[False] if not line.collection]
    return cache[pages_only]


def _rendered(loaded) -> Iterator[Line]:
    for doc in getattr(loaded, "documents", []) or []:
        collection = doc.page.collection or ""
        lines = doc.text.lines
        start = doc.front.body_start
        in_html = in_liquid = False
        for number in range(start, len(lines) + 1):
            raw = lines[number - 1][:SCAN_LIMIT]
            text, in_html, in_liquid = blank_comments(raw, in_html, in_liquid)
            if not text.strip():
                continue
            nxt = lines[number] if number < len(lines) else ""
            # a heading needs a '#', an underline a '=' or '---': most lines skip both regexes
            heading = "#" in text and bool(_HEADING.match(text)) or \
                ("=" in nxt or "---" in nxt) and bool(_UNDERLINE.match(nxt))
            yield Line(doc.path, number, text, collection, heading)


def blank_comments(line: str, in_html: bool, in_liquid: bool) -> Tuple[str, bool, bool]:
    """The line with comment text blanked (columns kept), and whether a comment stays open."""
    if not (in_html or in_liquid) and "<!--" not in line and "{%" not in line:
        return line, False, False  # most lines: no comment can start here
    out, i = "", 0
    while i < len(line):
        if in_html or in_liquid:
            match = _HTML_END.search(line, i) if in_html else _LIQUID_END.search(line, i)
            if not match:
                return out + " " * (len(line) - i), in_html, in_liquid
            out += " " * (match.end() - i)
            i, in_html, in_liquid = match.end(), False, False
            continue
        html, liquid = _HTML_START.search(line, i), _LIQUID_START.search(line, i)
        first = min((m for m in (html, liquid) if m), key=lambda m: m.start(), default=None)
        if first is None:
            return out + line[i:], False, False
        out += line[i:first.start()] + " " * (first.end() - first.start())
        in_html, in_liquid = first is html, first is liquid
        i = first.end()
    return out, in_html, in_liquid


def links_in(text: str) -> List[FoundLink]:
    """Markdown and HTML links of a line with their 1-based columns."""
    found = []  # a markdown link needs '](' and an HTML link '</a>': most lines have neither
    if "](" in text:
        found += [FoundLink(label, url, start + 1) for label, url, start in md_links(text) if url]
    if "</" in text and may_match(text, _CLOSING_A):
        found += [FoundLink(_TAG_IN_LABEL.sub("", label), url, start + 1)
                  for label, url, start in html_links(text)]
    return sorted(found, key=lambda link: link.col)


def may_match(text: str, needed: "re.Pattern[str]") -> bool:
    """Whether a case-blind pattern can match `text`, where `needed` is a case-sensitive pattern
    every match holds once lowered: a cheap test that rules out most lines and files."""
    return bool(needed.search(_lowered(text)))


def _lowered(text: str) -> str:
    if not text.isascii():
        for twin, letter in CASE_TWINS:  # str.replace: str.translate is slow on long text
            text = text.replace(twin, letter)
    return text.lower()


def doc_may_match(ctx, doc, needed: "re.Pattern[str]") -> bool:
    """may_match on a document's whole text; the lowered text is made once per run, as
    several rules ask (LNK001, LNK002)."""
    cache = ctx.options.setdefault("lowered_texts", {})
    low = cache.get(doc.path)
    if low is None:
        low = cache[doc.path] = _lowered(doc.text.text)
    return bool(needed.search(low))


def config_line(loaded, dotted_key: str) -> Optional[int]:
    """Line of `key` (or `parent.key`) in `_config.yml`, found in the raw file."""
    path = getattr(loaded, "root", None)
    if path is None:
        return None
    try:
        lines = (path / "_config.yml").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    parts = dotted_key.split(".")
    depth_ok = len(parts) == 1
    for number, line in enumerate(lines, 1):
        if not depth_ok and re.match(rf"^{re.escape(parts[0])}\s*:", line):
            depth_ok = True
            continue
        indent = "" if len(parts) == 1 else r"\s+"
        if depth_ok and re.match(rf"^{indent}{re.escape(parts[-1])}\s*:", line):
            return number
    return None


def sample_title(ctx, title: str):
    """The template sample this title is (`leftovers.title`), worked out once per title and run:
    several rules ask it of every publication."""
    known = ctx.options.setdefault("sample_titles", {})
    if title not in known:
        known[title] = load().title(title)
    return known[title]


def file_lines(ctx, path: str) -> List[str]:
    """The decoded lines of one loaded page or item ([] when it was not loaded)."""
    by_path: Dict[str, List[str]] = ctx.options.get("lines_by_path")
    if by_path is None:  # rules ask once per entry: index the documents once
        by_path = ctx.options["lines_by_path"] = {}
        for doc in getattr(ctx.loaded, "documents", []) or []:
            by_path.setdefault(doc.path, doc.text.lines)
    return by_path.get(path, [])


def short(text: str, width: int = 60) -> str:
    """A title cut for a message."""
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def blocks(hits: List[Tuple["Line", object]], gap: int) -> List[List[Tuple["Line", object]]]:
    """(line, fact) hits in reading order, cut into runs of one file with at most `gap` lines between."""
    runs: List[List[Tuple[Line, object]]] = []
    for hit in hits:
        last = runs[-1][-1][0] if runs else None
        if last is None or last.path != hit[0].path or hit[0].number - last.number > gap:
            runs.append([])
        runs[-1].append(hit)
    return runs


def block_span(run: List[Tuple["Line", object]]) -> Tuple[Span, str]:
    """The span of a run and ' and N more line(s) up to line L' (empty for one line)."""
    span = run[0][0].span()
    if len(run) == 1:
        return span, ""
    span.end_line = run[-1][0].number
    return span, f" and {len(run) - 1} more line(s) up to line {span.end_line}"
