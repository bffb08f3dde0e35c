"""Reader for acad-homepage sites: `_pages/about.md` (and the files it pulls in with
`{% include_relative %}`) split into sections by heading and anchor, each section read by kind."""
from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ..loader import Document, LoadedSite
from ..model import CONTENT_LISTS, Markup, Page, Problem, Span
from .collections import read_item
from .blocks import Context, add_nodes, comment_end, comment_start, free_section
from .fields import owner_names, section_kind
from . import html_tree
from .html_elements import block_end
from .html_pubs import is_paper_box
from .inline import soup, tree
from .markdown import Line, heading_at, strip_markup
from .pagelines import markup_text
from .names import normalise_name
from .profile import read_profile
from .sections import read_piece

_INCLUDE = re.compile(r"\{%-?\s*include_relative\s+([^\s%]+)(.*?)-?%\}")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
MAX_INCLUDE_DEPTH = 8


@dataclass
class Heading:
    """An open heading: its section kind, and the publication group and selected flag it gives."""

    level: int
    title: str
    kind: str
    group: str = ""
    selected: bool = False


@dataclass
class Walk:
    """Where the reader is: the open headings and the lines read since the last one."""

    stack: List[Heading] = field(default_factory=list)
    path: str = ""
    kind: str = "about"
    """Section kind of the page's lines before any heading (a publications page lists publications)."""
    lines: List[Line] = field(default_factory=list)


class AcadReader:
    """Walks page bodies line by line: structure to `Page.structure`, section lines to `read_piece`."""

    def __init__(self, loaded: LoadedSite, owners: List[str]):
        self.loaded = loaded
        self.site = loaded.site
        self.owners = owners
        self.docs: Dict[str, Document] = {d.path: d for d in loaded.documents}
        self.visited: set = set()

    def page(self, path: str) -> Page:
        doc = self.docs.get(path)
        if doc is not None:
            return doc.page
        page = next((p for p in self.site.pages if p.path == path), None)
        if page is None:
            page = Page(path=path, role="include", output=False, span=Span(path, 1, 1, 1))
            self.site.pages.append(page)
        return page

    def read_document(self, doc: Document) -> None:
        self.visited.add(doc.path)
        walk = Walk(path=doc.path, kind=page_kind(doc))
        self.walk(doc.path, doc.body(), walk, [doc.path])
        self.flush(walk)

    def markup(self, path: str, kind: str, lines: List[Line], level: int = 0, anchor: str = "") -> None:
        text = markup_text(lines) if kind in ("liquid", "html", "comment") else "\n".join(t.strip() for _, t in lines)
        self.page(path).structure.append(Markup(kind=kind, text=text, level=level, anchor=anchor,
                                                span=Span(path, lines[0][0], 1, lines[-1][0])))

    def flush(self, walk: Walk) -> None:
        if any(t.strip() for _, t in walk.lines):
            head = walk.stack[-1] if walk.stack else Heading(0, "", walk.kind)
            ctx = Context(walk.path, self.owners)
            nodes = read_piece(head.kind, head.title, walk.lines, ctx, group=head.group, selected=head.selected)
            add_nodes(self.site, self.page(walk.path), nodes)
        walk.lines = []

    def walk(self, path: str, lines: List[Line], walk: Walk, chain: List[str]) -> None:
        walk.path = path
        fence = None
        i = 0
        while i < len(lines):
            number, text = lines[i]
            stripped = text.strip()
            fence_match = _FENCE.match(text)
            if fence_match or fence:
                marker = fence_match.group(1)[0] if fence_match else None
                fence = None if fence and marker == fence else (fence or marker)
                walk.lines.append(lines[i])
            elif comment_start(text):
                end = comment_end(lines, i)
                self.markup(path, "comment", lines[i:end + 1])
                i = end
            elif stripped.lower().startswith(("<ul", "<ol")) or is_paper_box(stripped):
                # an HTML block is read whole by the section parsers, comments and all
                end = block_end(lines, i, ("ul", "ol") if stripped.lower().startswith(("<ul", "<ol")) else ("div",))
                walk.lines.extend(lines[i:end + 1])
                i = end
            elif stripped.startswith("{%"):
                end = next((j for j in range(i, len(lines)) if "%}" in lines[j][1]), i)
                self.markup(path, "liquid", lines[i:end + 1])
                include = _INCLUDE.search(stripped)
                if include:
                    self.include(path, number, include.group(1), walk, chain)
                i = end
            elif _anchor(stripped) is not None:
                self.markup(path, "anchor", [lines[i]], anchor=_anchor(stripped))
            else:
                found = heading_at(lines, i) or (_html_heading(stripped) if text[:1] not in " \t" else None)
                if found:
                    level, title, size = found
                    self.flush(walk)
                    self.markup(path, "heading", lines[i:i + size], level=level)
                    self.push(walk, level, title)
                    i += size
                    continue
                walk.lines.append(lines[i])
            i += 1

    def push(self, walk: Walk, level: int, title: str) -> None:
        while walk.stack and walk.stack[-1].level >= level:
            walk.stack.pop()
        parent = walk.stack[-1] if walk.stack else (Heading(0, "", walk.kind) if walk.kind != "about" else None)
        own = section_kind(title)
        plain = strip_markup(title)
        selected = "selected" in plain.lower() or bool(parent and parent.selected)
        if parent and parent.level == 0 and own == "publications":
            # '# Publications' at the top of a publications page names the list, not a group of it
            head = Heading(level, title, "publications", "", selected)
        elif parent and parent.kind == "publications" and own in ("other", "publications", "projects"):
            head = Heading(level, title, "publications", plain, selected)
        elif parent and own == "other":
            head = Heading(level, title, parent.kind, parent.group, parent.selected)
        else:
            head = Heading(level, title, own, "", selected and own == "publications")
        walk.stack.append(head)

    def include(self, path: str, line: int, target: str, walk: Walk, chain: List[str]) -> None:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(path), target.strip("'\"")))
        problem = None
        if rel.startswith("../") or rel == ".." or posixpath.isabs(target):
            problem = f"include_relative {target} points outside the site"
        elif rel in chain:
            problem = f"include_relative {target} includes itself (cycle: {' -> '.join(chain + [rel])})"
        elif len(chain) > MAX_INCLUDE_DEPTH:
            problem = f"include_relative {target}: includes nested more than {MAX_INCLUDE_DEPTH} deep"
        elif rel not in self.loaded.files:
            problem = f"include_relative {target}: file {rel} not found"
        if problem:
            self.loaded.problem("LNK003", problem, path, line)
            return
        if rel in self.visited:
            return  # read once; a second inclusion would claim the same lines twice
        lines = self.included_lines(rel)
        if lines is None:
            return
        self.flush(walk)
        self.visited.add(rel)
        self.walk(rel, lines, walk, chain + [rel])
        self.flush(walk)
        walk.path = path

    def included_lines(self, rel: str) -> Optional[List[Line]]:
        doc = self.docs.get(rel)
        if doc is not None:
            doc.page.role = "include"
            return doc.body()
        text = self.loaded.read(rel)
        return None if text is None else [(n + 1, t) for n, t in enumerate(text.lines)]


def page_kind(doc: Document) -> str:
    """'publications', 'talks' or 'teaching' for a page named so (file, permalink or title), else 'about'."""
    words = " ".join((doc.path.rsplit("/", 1)[-1], str(doc.page.front_matter.get("permalink") or ""),
                      doc.page.title)).lower()
    if doc.path.endswith("/about.md") or "/includes/" in doc.path:
        return "about"
    kind = next((k for k, p in (("publications", r"publication|papers"), ("talks", r"\btalks\b"),
                                ("teaching", r"\bteaching\b")) if re.search(p, words)), "about")
    if kind != "about" and doc.page.role == "other":
        doc.page.role = kind
    return kind


def _anchor(stripped: str) -> Optional[str]:
    """The id of an acad-homepage `<span class='anchor' id=...></span>` line."""
    if not stripped.startswith("<span") or "anchor" not in stripped:
        return None
    parsed = tree(stripped)  # the small tree: a page of anchors needs no bs4
    span = parsed.find("span")
    if span is None or "anchor" not in (span.get("class") or []) or parsed.get_text(strip=True):
        return None
    return str(span.get("id") or "")


def _html_heading(stripped: str):
    """(level, title, 1) for a line that is one `<h1>`..`<h6>` element (not indented: an indented one
    is part of the HTML block around it, kept as text with its indent)."""
    if not re.match(r"<h[1-6]\b", stripped, re.I):
        return None
    parsed = soup(stripped)
    tag = parsed.find(re.compile(r"^h[1-6]$"))
    if tag is None or tag.get_text(strip=True) != parsed.get_text(strip=True):
        return None
    return int(tag.name[1]), tag.get_text(" ", strip=True), 1


def underlined_owner(loaded: LoadedSite) -> List[str]:
    """The name most often underlined (`<u>`) on the pages: the owner by the template's convention."""
    counts: Counter = Counter()
    for doc in loaded.documents:
        text = doc.text.text
        if "<u>" in text or "<U>" in text:
            counts.update(_underlined(text))
    names = [(n, c) for n, c in counts.most_common() if n and len(n) < 60]
    return [names[0][0]] if names else []


def _underlined(text: str) -> List[str]:
    """The text of each `<u>` element of a page, as bs4 reads them."""
    texts = html_tree.underlined(text)
    if texts is None:  # html.parser rejects the page: bs4 retries in its own way
        texts = [u.get_text(" ", strip=True) for u in soup(text).find_all("u")]
    return texts


def read(loaded: LoadedSite) -> None:
    site = loaded.site
    site.profile = read_profile(loaded)
    owners = owner_names(site.profile, site.config)
    for name in underlined_owner(loaded):
        if normalise_name(name) not in map(normalise_name, owners):
            owners.append(name)
    reader = AcadReader(loaded, owners)
    about = [d for d in loaded.documents if d.path == "_pages/about.md"]
    pages = [d for d in loaded.documents if d.path != "_pages/about.md" and "/includes/" not in d.path]
    for doc in about:
        doc.page.role = "about"
    for doc in about + pages + [d for d in loaded.documents if "/includes/" in d.path]:
        if doc.page.collection == "posts" and doc.path not in reader.visited:
            # Jekyll's own blog posts: read as posts, whichever theme the site uses
            reader.visited.add(doc.path)
            read_item(doc, reader)
        elif doc.path not in reader.visited:
            if "/includes/" in doc.path:
                doc.page.role = "include"
            guarded(reader, doc)


def guarded(reader: AcadReader, doc: Document) -> None:
    """Read one document; if the reader fails, keep its body as free text and say where (RD001)."""
    site = reader.site
    before = {name: len(getattr(site, name)) for name in CONTENT_LISTS}
    structure = {id(page): len(page.structure) for page in site.pages}
    visited = set(reader.visited)
    try:
        reader.read_document(doc)
    except Exception as exc:  # a reader bug must not lose the page
        for name, count in before.items():
            del getattr(site, name)[count:]
        for page in site.pages:
            del page.structure[structure.get(id(page), 0):]
        reader.visited = visited | {doc.path}
        body = [line for line in doc.body() if line[1].strip()]
        if body:
            lines = [ln for ln in doc.body() if body[0][0] <= ln[0] <= body[-1][0]]
            site.sections.append(free_section(lines, "", doc.path, "unread"))
        site.problems.append(Problem("RD001", f"page could not be read into structure "
                                     f"({type(exc).__name__}: {exc}); kept as free text", "warning",
                                     Span(doc.path, body[0][0] if body else 1, 1)))
