"""The ids a rendered page has: kramdown's automatic heading ids and ids written in HTML or IALs."""
from __future__ import annotations

import posixpath
import re
from typing import Dict, List, Optional, Set

from ..kramdown_ids import gfm_id, heading_text
from .base import LintContext

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_IAL_ID = re.compile(r"\{:?\s*[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INCLUDE_RELATIVE = re.compile(r"\{%-?\s*include_relative\s+([^\s%]+)")
_INCLUDE = re.compile(r"\{%-?\s*include\s")


def kramdown_id(text: str) -> str:
    """kramdown's own parser: drop leading non-letters and non-ASCII, spaces to '-'."""
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text)
    return text.replace(" ", "-").lower() or "section"


def heading_texts(lines: List[str]) -> List[str]:
    out = []
    fence = None
    for i, line in enumerate(lines):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1)[0] else (fence or opened.group(1)[0])
            continue
        if fence:
            continue
        match = _ATX.match(line)
        if match:
            out.append(match.group(2) or "")
        elif i + 1 < len(lines) and line.strip() and _SETEXT.match(lines[i + 1]) \
                and (i == 0 or not lines[i - 1].strip()) and not line.lstrip().startswith(("<", "-", "*", "|")):
            out.append(line.strip())
    return out


def page_ids(lines: List[str], gfm: bool) -> Set[str]:
    """Every id the page will have once rendered (with the '-1', '-2' of repeated headings)."""
    ids: Set[str] = set()
    counts: Dict[str, int] = {}
    for text in heading_texts(lines):
        ial = _IAL_ID.search(text)
        if ial:
            ids.add(ial.group(1))
            continue
        plain = heading_text(text)
        # the GFM parser leaves headings inside `<div markdown="1">` to kramdown's own ids
        for base in {gfm_id(plain) if gfm else kramdown_id(plain), kramdown_id(plain)}:
            n = counts.get(base, -1) + 1
            counts[base] = n
            ids.add(base if n == 0 else f"{base}-{n}")
    for line in lines:
        if "=" in line:  # every id= or name= has one
            ids.update(_HTML_ID.findall(line))
        if line.lstrip().startswith("{:"):
            ids.update(m.group(1) for m in _IAL_ID.finditer(line))
    return ids


def ids_of(ctx: LintContext, page) -> Optional[Set[str]]:
    """Ids of a page and the files it includes with include_relative; None when a theme
    include (whose text is not in the site) may add more. Kept per page: menu entries share pages."""
    known = ctx.options.setdefault("ids_of", {})
    if page.path not in known:
        known[page.path] = _ids_of(ctx, page, set())
    ids = known[page.path]
    return None if ids is None else set(ids)


def _ids_of(ctx: LintContext, page, seen: Set[str]) -> Optional[Set[str]]:
    docs = ctx.options.setdefault("docs_by_path", {d.path: d for d in ctx.loaded.documents})
    doc = docs.get(page.path)
    if doc is None:
        return None
    kramdown = ctx.site.config.get("kramdown")
    gfm = not (isinstance(kramdown, dict) and str(kramdown.get("input", "GFM")).lower() == "kramdown")
    body = doc.text.lines[doc.front.body_start - 1:]  # the lines of doc.body(), without their numbers
    ids = set(_page_ids_of(ctx, doc.path, body, gfm))
    seen = seen | {page.path}
    for line in body:
        if "{%" not in line:
            continue  # no Liquid tag, no include
        if _INCLUDE.search(line) and "include_relative" not in line:
            return None
        for rel in _INCLUDE_RELATIVE.findall(line):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), rel))
            included = docs.get(target)
            if included is None:
                if target not in ctx.loaded.files:
                    return None
                lines = (ctx.loaded.root / target).read_text(encoding="utf-8", errors="replace").splitlines()
                ids |= page_ids(lines, gfm)
            elif target not in seen:
                more = _ids_of(ctx, included.page, seen)
                if more is None:
                    return None
                ids |= more
    return ids


def _page_ids_of(ctx: LintContext, path: str, body: List[str], gfm: bool) -> Set[str]:
    """`page_ids` of one loaded page's body, worked out once (several pages include one file)."""
    known = ctx.options.setdefault("page_ids", {})
    if path not in known:
        known[path] = page_ids(body, gfm)
    return known[path]
