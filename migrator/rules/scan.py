"""Links and local paths as they are written in the site's files, each with its line and column.

Rules about links read these rather than the model, so a link is checked
wherever it sits: a paper entry, a free section, front matter or a data file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from .base import LintContext
from .textscan import SCAN_LIMIT, blank_comments

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_MD = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
                 r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_HTML = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_REF = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:\s*<?([^\s>]+)")
_LIQUID_TAG = re.compile(r"\{%.*?%\}")
_INCLUDE_RELATIVE = re.compile(r"\{%-?\s*include_relative\s+([^\s%]+)")
_AUTO = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_BARE = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]+|\bwww\.[a-z0-9-]+\.[^\s<>\"'`]+", re.I)
_YAML_VALUE = re.compile(r"""^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*:\s+(?:"([^"]*)"|'([^']*)'|([^#\s][^#]*?))\s*(?:#.*)?$""")
_LIQUID_BASE = re.compile(r"\{\{-?\s*(?:base_path|site\.baseurl|site\.url|site\.github\.url)\s*-?\}\}")
_URL_START = re.compile(r"^(?:https?|ftp)://")
_LIQUID_FILTER = re.compile(r"""\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}""")
LINK_KEYS = frozenset(("paperurl", "slidesurl", "bibtexurl", "pdf", "link", "slides", "video", "code",
                       "teaser", "image", "og_image", "redirect", "external_url", "url", "doi", "arxiv"))


@dataclass
class Written:
    """A link target as written, where it is written, and how."""

    url: str
    path: str
    line: int
    col: int
    how: str
    """markdown, image, html, reference, autolink, bare, yaml"""
    label: str = ""
    key: str = ""
    page_url: str = ""
    """Output URL of the page it is on ('' for data files)."""


def strip_liquid(url: str) -> str:
    """`{{ base_path }}/files/x.pdf` -> `/files/x.pdf`; other Liquid is left for callers to skip."""
    if "{{" not in url:  # both patterns start with '{{': most URLs have no Liquid
        return url
    url = _LIQUID_FILTER.sub(lambda m: m.group(1), url)
    return _LIQUID_BASE.sub("", url)


def _mask(text: str, spans: List[Tuple[int, int]]) -> str:
    """The text with the (possibly overlapping) spans blanked, columns kept."""
    if not spans:
        return text
    pieces, done = [], 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        pieces += [text[done:start], " " * (end - start)]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _may_link(text: str) -> bool:
    """Every link pattern needs one of these marks: most lines have none and skip the scan."""
    if "](" in text or "]:" in text or "://" in text:
        return True
    low = text.lower()
    return "www." in low or "href" in low or "src" in low


def _trim(url: str) -> str:
    """Trailing punctuation of prose is not part of a bare URL; a ')' is when it opens one too."""
    while url and url[-1] in ".,;:!?*_]}":
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def links_in_line(text: str, path: str, number: int, page_url: str) -> List[Written]:
    if not _may_link(text):
        return []
    found: List[Written] = []
    # each pattern needs a mark ('`', '{%', '](', '=', '<'): skip the ones a line cannot match
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    if "{%" in text:
        text = _LIQUID_TAG.sub(_blank, text)
    used: List[Tuple[int, int]] = []
    ref = _REF.match(text) if "]:" in text else None
    if ref:
        found.append(Written(ref.group(2), path, number, ref.start(2) + 1, "reference", ref.group(1),
                             page_url=page_url))
        used.append(ref.span())
    for m in _MD.finditer(text) if "](" in text else ():
        url = m.group(3)
        col = m.start(3) + 1
        if url.startswith("<") and url.endswith(">"):
            url, col = url[1:-1], col + 1
        found.append(Written(url, path, number, col, "image" if m.group(1) else "markdown",
                             m.group(2), page_url=page_url))
        used.append((m.start(3), m.end(3)))
    for m in _HTML.finditer(text) if "=" in text else ():
        group = next(g for g in (2, 3, 4) if m.group(g) is not None)
        found.append(Written(m.group(group), path, number, m.start(group) + 1, "html",
                             m.group(1).lower(), page_url=page_url))
        used.append((m.start(group), m.end(group)))
    for m in _AUTO.finditer(text) if "<" in text else ():
        found.append(Written(m.group(1), path, number, m.start(1) + 1, "autolink", page_url=page_url))
        used.append(m.span())
    rest = _mask(text, used)
    for m in _BARE.finditer(rest):
        url = _trim(m.group(0))
        if url:
            found.append(Written(url, path, number, m.start() + 1, "bare", page_url=page_url))
    return found


def _blank(match: "re.Match[str]") -> str:
    return " " * len(match.group(0))


def _yaml_line(text: str, path: str, number: int, page_url: str) -> List[Written]:
    if not _may_link(text) and _key_before_colon(text).lower() not in LINK_KEYS:
        return []  # 'venue: "KDD 2005"': no link key and no mark of a link
    match = _YAML_VALUE.match(text)
    if not match:
        return links_in_line(text, path, number, page_url) if "://" in text else []
    key = match.group(2)
    group = next((g for g in (3, 4, 5) if match.group(g) is not None), None)
    value = match.group(group) if group else ""
    if group is None or not value.strip():
        return []
    if key.lower() in LINK_KEYS or _URL_START.match(value):
        return [Written(value.strip(), path, number, match.start(group) + 1, "yaml", key=key,
                        page_url=page_url)]
    return [w for w in links_in_line(text, path, number, page_url) if w.how != "reference"]


def _key_before_colon(text: str) -> str:
    """The key `_YAML_VALUE` would read ('  - url: x' -> 'url'), found without the regex."""
    return text.split(":", 1)[0].strip().lstrip("-").strip()


def written_links(ctx: LintContext) -> List[Written]:
    """Every link of every page and collection item, and the URLs of YAML data files."""
    cached = ctx.options.get("written_links")
    if cached is not None:
        return cached
    found: List[Written] = []
    shown_at = included_by(ctx)
    for doc in ctx.loaded.documents:
        path, lines = doc.path, doc.text.lines
        # a file Jekyll does not write has no URL to resolve its local links from
        page_url = shown_at.get(path, doc.page.url if doc.page.output else "")
        front_end = doc.front.end_line if doc.front.present else 0
        for i in range(2, min(front_end, len(lines) + 1)):
            found += _yaml_line(lines[i - 1][:SCAN_LIMIT], path, i, page_url)
        found += _body_links(lines, front_end + 1, path, page_url)
    for rel, lines in yaml_files(ctx).items():
        for i, line in enumerate(lines, start=1):
            line = line[:SCAN_LIMIT]
            if "://" in line and not line.lstrip().startswith("#"):
                found += [w for w in links_in_line(line, rel, i, "") if w.how in ("bare", "autolink")]
    ctx.options["written_links"] = found
    return found


def _body_links(lines: List[str], start: int, path: str, page_url: str) -> List[Written]:
    """Links of the body lines from line `start` on, outside code fences and comments."""
    found: List[Written] = []
    fence, in_html, in_liquid = None, False, False
    for i in range(start, len(lines) + 1):
        line = lines[i - 1][:SCAN_LIMIT]
        opened = _FENCE.match(line) if "``" in line or "~~" in line else None  # a fence needs three
        if opened:
            fence = None if fence == opened.group(1)[0] else (fence or opened.group(1)[0])
            continue
        line, in_html, in_liquid = blank_comments(line, in_html, in_liquid)
        if fence is None and _may_link(line):  # (links_in_line tests it too: this saves a call a line)
            found += links_in_line(line, path, i, page_url)
    return found


def included_by(ctx: LintContext) -> Dict[str, str]:
    """Files pulled into a page with `include_relative` -> the URL of the page showing them."""
    import posixpath

    out: Dict[str, str] = {}
    for doc in ctx.loaded.documents:
        for line in doc.text.lines:
            for rel in _INCLUDE_RELATIVE.findall(line) if "include_relative" in line else ():
                target = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), rel))
                out.setdefault(target, doc.page.url)
    return out


def yaml_files(ctx: LintContext) -> Dict[str, List[str]]:
    """Lines of `_config.yml` and `_data/*.yml`, read once."""
    cached = ctx.options.get("yaml_files")
    if cached is not None:
        return cached
    out: Dict[str, List[str]] = {}
    for rel in ctx.loaded.files:
        if rel == "_config.yml" or (rel.startswith("_data/") and rel.endswith((".yml", ".yaml"))):
            try:
                raw = (ctx.loaded.root / rel).read_bytes()
            except OSError:
                continue
            out[rel] = raw.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()
    ctx.options["yaml_files"] = out
    return out


def line_of_key(lines: List[str], key: str, after: int = 0) -> Optional[Tuple[int, int]]:
    """(line, column of the value) of the first `key:` at or after line `after`."""
    pattern = re.compile(rf"^(\s*{re.escape(key)}\s*:\s*)")
    for i in range(max(after, 1), len(lines) + 1):
        m = pattern.match(lines[i - 1])
        if m:
            return i, m.end(1) + 1
    return None
