"""Reader for academicpages sites: `_pages`, collections, `_data` files and the `author:` profile."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, List

from ..loader import Document, LoadedSite
from ..model import CONTENT_LISTS, Education, Experience, Markup, Problem, Span
from . import collections as collection_items
from . import cv, cvmarkdown
from .blocks import Context, add_nodes, parse_section
from .datafiles import read_data_files
from .entry_parts import DEGREE, INSTITUTION
from .fields import clean_heading, owner_names, section_kind
from .markdown import Line, Section, split_sections
from .pagelines import claimed_by, leftovers, rule_markups, structure
from .profile import read_profile
from .htmlpubs import read_html_entries
from .publist import read_list

_GENERIC_PUB_TITLE = re.compile(r"^((selected|recent|all|my|full|list of)\s+)*(publications?|papers?|"
                                r"publications? (list|and preprints))$", re.I)
_FOOTNOTE = re.compile(r"indicates|equal contribution|corresponding author|^\W*[*†#]\W", re.I)
KNOWN_ROLES = ("research", "contact", "skills", "interests", "biography", "bio", "hobbies", "misc")
_PAGE_ROLES = [(role, re.compile(pattern)) for role, pattern in (
    ("cv", r"\b(cv|resume|curriculum|vitae)"), ("publications", r"publication|papers"), ("talks", r"talks"),
    ("teaching", r"teaching"), ("portfolio", r"portfolio"), ("blog", r"\bblog|year-archive"))]
_NOT_ANCHOR = re.compile(r"[^\w\- ]")


@dataclass
class ReadContext:
    """What section parsers need: the loaded site, the page path and the owner's names."""

    loaded: LoadedSite
    owners: List[str]
    path: str = ""
    page_role: str = ""
    doc: Document = None
    heading_lines: List[int] = None
    body_end: int = 0
    """Last line of the page body (asked for by every section: found once per page)."""

    @property
    def site(self):
        return self.loaded.site


def read(loaded: LoadedSite) -> None:
    """Fill `loaded.site` from the loaded documents."""
    site = loaded.site
    site.profile = read_profile(loaded)
    ctx = ReadContext(loaded, owner_names(site.profile, site.config))
    for doc in loaded.documents:
        ctx.path, ctx.doc = doc.path, doc
        guarded(ctx, doc, collection_items.read_item if doc.page.collection else read_page)
    try:
        read_data_files(ctx)
    except Exception as exc:  # odd data must not stop the site: say which file family failed
        site.problems.append(Problem("RD001", f"_data news/cv could not be read ({type(exc).__name__}: {exc})",
                                     "warning", Span("_data", 1, 1)))


def guarded(ctx: ReadContext, doc: Document, reader) -> None:
    """Run a page reader; if it fails, keep the body as free text and report where."""
    site = ctx.site
    before = {name: len(getattr(site, name)) for name in CONTENT_LISTS}
    try:
        reader(doc, ctx)
    except Exception as exc:  # a reader bug must not lose the page: keep it verbatim and say so
        for name, count in before.items():
            del getattr(site, name)[count:]
        doc.page.structure.clear()
        body = doc.body()
        site.sections.extend(leftovers(body, [], doc.path, "", "unread"))
        line = body[0][0] if body else 1
        site.problems.append(Problem("RD001", f"page could not be read into structure "
                                     f"({type(exc).__name__}: {exc}); kept as free text",
                                     "warning", Span(doc.path, line, 1)))


def page_role(doc: Document) -> str:
    stem = doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    permalink = str(doc.page.front_matter.get("permalink") or "").strip("/").lower()
    title = doc.page.title.lower()
    words = " ".join((stem, permalink, title))
    if permalink == "" and "permalink" in doc.page.front_matter or stem in ("about", "index", "home"):
        return "about"
    for role, pattern in _PAGE_ROLES:
        if pattern.search(words):
            return role
    return "other"


def read_page(doc: Document, ctx: ReadContext) -> None:
    page = doc.page
    body = doc.body()
    ctx.body_end = body[-1][0] if body else 0
    markups, content, listed = structure(body, doc.path)
    page.structure.extend(markups)
    page.listing_of = listed
    page.role = page_role(doc)
    if listed and not any(text.strip() for _, text in content):
        page.role = "listing"
    ctx.page_role = page.role
    if page.role == "cv" and cv.is_plain_text(content):
        cv.read_plain(content, ctx)
        return
    kept = {number for number, _ in content}
    parents: List[tuple] = []
    sections = split_sections(with_placeholders(body, content))
    ctx.heading_lines = [section.heading_lines[0] for section in sections if section.heading_lines]
    for section in sections:
        section.lines = [line for line in section.lines if line[0] in kept]
        if section.heading_lines:
            page.structure.append(heading_markup(section, doc))
        while parents and parents[-1][0] >= section.level:
            parents.pop()
        kind = section_kind(section.title) if section.title else ""
        if kind in ("other", "") and parents:
            kind = parents[-1][1]
        if page.role == "publications" and kind in ("", "other", "about"):
            kind = "publications"
        if section.title:
            parents.append((section.level, kind))
        read_section(kind, section, ctx)


def with_placeholders(body: List[Line], content: List[Line]) -> List[Line]:
    """The body with lines taken as markup blanked, so headings are found as in the file."""
    kept = {number for number, _ in content}
    return [(number, text if number in kept else "") for number, text in body]


def heading_markup(section: Section, doc: Document) -> Markup:
    first, last = section.heading_lines[0], section.heading_lines[-1]
    text = "\n".join(doc.text.lines[n - 1].strip() for n in section.heading_lines)
    anchor = _NOT_ANCHOR.sub("", clean_heading(section.title).lower()).strip().replace(" ", "-")
    return Markup(kind="heading", text=text, level=section.level, anchor=anchor,
                  span=Span(doc.path, first, 1, last))


def read_section(kind: str, section: Section, ctx: ReadContext) -> None:
    """Structured nodes of one section; what no parser takes stays a free section."""
    site, path = ctx.site, ctx.path
    rules, lines = rule_markups(section.lines, path)
    ctx.doc.page.structure.extend(rules)
    taken: List[object] = []
    if kind == "publications":
        title = clean_heading(section.title)
        group = "" if not title or _GENERIC_PUB_TITLE.match(title) or section_kind(title) != "publications" \
            and ctx.page_role != "publications" else title
        selected = ctx.page_role == "about" or "selected" in title.lower()
        html = read_html_entries(ctx.doc, section_span_lines(section, lines, ctx), ctx.doc.page.structure, ctx.owners)
        inside = claimed_by(html)
        found = read_list([ln for ln in lines if ln[0] not in inside], path, ctx.owners, group=group,
                          selected=selected)
        found.publications = sorted(html + found.publications, key=lambda pub: pub.span.line)
        for pub in found.publications:
            pub.source = "cv" if ctx.page_role == "cv" else pub.source
        site.publications.extend(found.publications)
        ctx.doc.page.structure.extend(found.structure)
        taken = found.publications + found.structure
    elif ctx.page_role == "cv" and kind in ("education", "experience", "internships") and \
            (template := cvmarkdown.read_entries(kind, lines, path)):
        taken = cv_entries(kind, section, lines, template, ctx)
    elif kind not in ("", "other", "about"):
        taken = read_structured(kind, section, lines, ctx)
    role = free_role(kind, section.title, ctx)
    for free in leftovers(lines, claimed_by(taken), path, section.title, role):
        if kind == "publications" and _FOOTNOTE.search(free.markdown) and len(free.markdown) < 300:
            free.role = "footnote"
        site.sections.append(free)


def cv_entries(kind: str, section: Section, lines: List[Line], template: list, ctx: ReadContext) -> list:
    """A CV page section's degrees or jobs: the template-shaped ones, then those in another shape
    ('* **PhD Student**, Economics, University of Michigan', undated) read as on any other page,
    all in the page's order."""
    site = ctx.site
    nodes = getattr(site, "education" if kind == "education" else "experience")
    first = len(nodes)
    nodes.extend(template)
    inside = claimed_by(template)
    # only what looks like a degree or a dated job: a course list, or a job under an Education
    # heading that does not render as one, stays text
    others = read_structured(kind, section, [ln for ln in lines if ln[0] not in inside], ctx, keep=plausible)
    nodes[first:] = sorted(nodes[first:], key=lambda node: node.span.line)
    return template + others


def plausible(node: object) -> bool:
    """A degree names a degree or a school; a job has a date."""
    if isinstance(node, Education):
        words = " ".join((node.degree, node.field, node.institution))
        return bool(DEGREE.search(words) or any(p.search(words) for p in INSTITUTION))
    return bool(node.start) if isinstance(node, Experience) else True


def free_role(kind: str, title: str, ctx: ReadContext) -> str:
    if not title:
        return "intro" if ctx.page_role == "about" else ""
    if kind not in ("", "other"):
        return kind
    words = clean_heading(title).lower()
    return next((r for r in KNOWN_ROLES if r in words), "")


def section_span_lines(section: Section, lines: List[Line], ctx: ReadContext) -> List[Line]:
    """The section's body lines up to the next heading, lines taken as markup included."""
    if not lines:
        return []
    first = section.heading_lines[-1] + 1 if section.heading_lines else lines[0][0]
    headings = [line for line in ctx.heading_lines if line > first]
    last = min(headings) - 1 if headings else ctx.body_end
    return [(n, "") for n in range(first, last + 1)]


def read_structured(kind: str, section: Section, lines: List[Line], ctx: ReadContext,
                    keep: Callable[[object], bool] = lambda node: True) -> list:
    """Entries of news, education, experience, ... sections, by the shared block parser (those
    `keep` accepts; the lines of the others stay text)."""
    part = Section(title=section.title, level=section.level, heading_lines=section.heading_lines, lines=lines)
    nodes = [n for n in parse_section(kind, part, Context(path=ctx.path, owners=ctx.owners)) if keep(n)]
    add_nodes(ctx.site, ctx.doc.page, nodes)
    return nodes
