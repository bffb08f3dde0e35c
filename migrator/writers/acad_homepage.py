"""Writer for acad-homepage: one about page with emoji sections, an optional full publication list,
navigation anchors that resolve, and the theme's `_config.yml`."""
from __future__ import annotations

import re
from typing import Dict, List, Tuple

from ..model import FreeSection, Publication, Site
from ..readers.fields import clean_heading, owner_names, section_kind
from . import Output, WriteOptions
from . import acad_items as items
from .acad_templates import (ABOUT_HEAD, CONFIG, COPIED, EXPERIENCE_HEADING, FREE_EMOJI, SECTIONS)
from .assets import avatar_file
from ..kramdown_ids import heading_ids, heading_text
from .readback import reads_as_text, stable_line
from .pages import (carried_pages, carry_posts, old_theme_page, front_matter, nav_title, page_text, page_titles, quote,
                    source_nav_entries)
from .site_config import finish_site

ABOUT = "_pages/about.md"
FULL_LIST = "_pages/publications.md"
LINES = {"news": items.news_line, "honors": items.honor_line, "education": items.education_line,
         "experience": items.experience_line, "talks": items.talk_line, "teaching": items.teaching_line,
         "projects": items.project_line, "portfolio": items.portfolio_line}


class Block:
    """One `#` section of the about page."""

    def __init__(self, kind: str, heading: str, span_id: str, position: Tuple[int, int]):
        self.kind, self.heading, self.span_id, self.position = kind, heading, span_id, position
        self.lines: List[str] = []


def write(site: Site, options: WriteOptions) -> Output:
    out = Output()
    about_path = next((p.path for p in site.pages if p.role == "about"), "")
    prefixes = include_positions(site, about_path)
    rank = lambda span: prefixes.get(span.path, (1, span.path)) + (span.line,)
    blocks: Dict[str, Block] = {}
    intro: List[Tuple[tuple, str]] = []

    def block(kind: str, position: Tuple) -> Block:
        if kind not in blocks:
            heading, span_id = next(((h, s) for k, h, s in SECTIONS if k == kind), ("", kind))
            if kind == "experience" and not all(e.internship for e in site.experience):
                heading, span_id = EXPERIENCE_HEADING
            blocks[kind] = Block(kind, heading, span_id, position)
        blocks[kind].position = min(blocks[kind].position, position)
        return blocks[kind]

    list_pages = {p.path for p in site.pages if p.role == "publications"} | \
        {p.span.path for p in site.publications}
    list_pages.discard(about_path)
    machinery = {p.path for p in site.pages if p.path != about_path and old_theme_page(p)}
    carried = carried_pages(site, about_path, list_pages | machinery)
    about_pubs, full_list = _split_publications(site)
    # once each: every entry's read-back tests its authors against this list
    owners = list(dict.fromkeys(owner_names(site.profile, site.config) + [
        p.name for pub in site.publications for p in pub.authors if p.is_owner]))
    list_sections: List[FreeSection] = []
    titles = page_titles(site)
    last_free = ""
    for section in site.sections:
        if section.span.path in carried:
            continue
        if section.span.path in machinery and not _standalone(section):
            out.place(section, "dropped", "", "part of the old theme's includes and loops (Liquid, or tags without text)")
            continue
        if section.span.path in list_pages and full_list and reads_as_text(section.markdown, "publications"):
            list_sections.append(section)  # text the list page would read as entries goes to the about page
            out.place(section, "carried", FULL_LIST)
            continue
        # the about page's untitled text, and any text titled like the intro ('About Me', or the
        # top of a second about page) goes to the intro, where a second conversion puts it too
        shown = section.title.strip() or ("" if section.span.path in prefixes else titles.get(section.span.path, ""))
        if section.span.path in prefixes and not shown or _ABOUT_ME.fullmatch(clean_heading(shown)):
            intro.append((rank(section.span), section.markdown.strip("\n") + "\n"))
            out.place(section, "carried", ABOUT)
            continue
        kind = "publications" if section.span.path in list_pages else section_kind(section.title)
        beside = section.span.path in list_pages or _beside(site, kind, section)
        # text that the reader would take for entries of that section gets a section of its own
        own = beside and not reads_as_text(section.markdown, "projects" if kind == "portfolio" else kind)
        if beside and not own:
            target = block("projects" if kind == "portfolio" else kind, rank(section.span))
            last_free = ""
        else:
            title = section.title.strip() or titles.get(section.span.path, "") or "Other"
            title = "Details" if own and section_kind(title) != "other" else title
            title = title if not title[:1].isalnum() else f"{FREE_EMOJI} {title}"
            key = f"free:{section.span.path}:{section.title}"
            if key in blocks and key != last_free:  # the same title again further on: a section of its own
                key += f":{section.span.line}"
            target = block(key, rank(section.span))
            last_free = key
            target.heading = title
            target.span_id = _slug(heading_text(nav_title(title))) or "section"
        # a fence or tag left open in one section must not swallow the entries written after it
        target.lines.extend([_close_blocks(section.markdown.strip("\n")), ""])
        out.place(section, "carried", ABOUT)
    for kind, render in LINES.items():
        for node in getattr(site, kind):
            target = block("projects" if kind == "portfolio" else kind, rank(node.span))
            target.lines.append(stable_line(render, node, section_kind(target.heading)))
            out.place(node, "mapped", ABOUT)
    for kind in [k for k in blocks if not k.startswith("free:")]:
        blocks[kind].lines.append("")
    if about_pubs:
        pubs = block("publications", min(rank(p.span) for p in about_pubs))
        if full_list:
            pubs.heading = "📝 Selected Publications"
        pubs.lines.extend(_grouped(about_pubs, owners))
        for pub in about_pubs:
            out.place(pub, "mapped", ABOUT)
    ordered = sorted(blocks.values(), key=lambda b: b.position)
    about_text, anchors = _about([text for _, text in sorted(intro, key=lambda item: item[0])], ordered)
    out.files[ABOUT] = about_text
    nav: List[Tuple[str, str]] = [("About Me", "/#about-me")]
    nav += [(nav_title(b.heading), "/#" + (anchors[i] or b.span_id)) for i, b in enumerate(ordered)]
    if full_list:
        out.files[FULL_LIST] = _full_list_page(full_list, list_sections, owners)
        for pub in full_list:
            out.place(pub, "mapped", FULL_LIST)
        nav.append(("All Publications", "/publications/"))
    for path, page, sections in carried.values():
        out.files[path] = page_text(page, sections)
        for section in sections:
            out.place(section, "carried", path)
        out.place(page, "carried", path)
    written_urls = {page.url for _, page, _ in carried.values()} | ({"/publications/"} if full_list else set())
    nav += source_nav_entries(site, written_urls, {u for _, u in nav})
    out.files["_data/navigation.yml"] = _navigation(nav)
    carry_posts(site, out)
    name, source = avatar_file(site)
    avatar = site.profile.avatar if site.profile.avatar and not source else ""
    if source:
        avatar = f"images/{name}"
        out.copies[avatar] = source
    config = dict(site.config)
    config.setdefault("description", site.profile.bio)
    finish_site(out, site, options, config, avatar, CONFIG, COPIED)
    return out


def include_positions(site: Site, about_path: str) -> Dict[str, tuple]:
    """Sort-key prefix of the about page and of every file it includes, at the line of its include tag,
    so content keeps the order a visitor sees."""
    found: Dict[str, tuple] = {about_path: (0,)}
    pages = {p.path: p for p in site.pages}
    todo = [about_path]
    while todo:
        parent = todo.pop()
        for markup in pages[parent].structure if parent in pages else []:
            if "include" not in markup.text:
                continue
            for page in site.pages:
                stem = page.path.rsplit("/", 1)[-1]
                if page.role == "include" and page.path not in found and stem in markup.text:
                    found[page.path] = found[parent] + (markup.span.line,)
                    todo.append(page.path)
    return found


# headings the theme's intro stands for (its text goes there, the heading does not); 'Research
# Interests' keeps a section of its own
_ABOUT_ME = re.compile(r"(?i)(about|about me|bio|biography|introduction|who am i|profile|简介|关于.{0,4})")


def _standalone(section: FreeSection) -> bool:
    """Text of a markdown page built with the old theme's includes that stands without them (a CV's
    Skills, a note above a listing): words outside tags and no Liquid. (An HTML page's text is
    not markdown: its indented lines would turn into code blocks on the about page.)"""
    markdown = section.markdown
    if "{{" in markdown or "{%" in markdown or section.span.path.lower().endswith((".html", ".htm")):
        return False
    return bool(re.search(r"\w", _TAG.sub("", _HTML_HEADING.sub("", markdown))))  # '<h2>Posts</h2>' above a loop: no


def _beside(site: Site, kind: str, section: FreeSection) -> bool:
    """Text of a news/publications/... section written right before or after its entries
    (an intro line, a footnote) stays in that section; other sections keep their own heading."""
    if kind not in LINES and kind != "publications":
        return False
    span = section.span
    if any(n.span.path == span.path and n.span.line <= span.end_line + 3 and n.span.end_line >= span.line - 3
           for n in getattr(site, kind)):
        return True
    # a note under this writer's own heading ('\\* equal contribution' above the paper boxes of a
    # converted page, whose first title is a few lines into the box's HTML) stays there
    own = {heading for k, heading, _ in SECTIONS if k == kind}
    if kind == "experience":
        own.add(EXPERIENCE_HEADING[0])
    return section.title.strip() in own and any(n.span.path == span.path for n in getattr(site, kind))


_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "param", "track"}
_HTML_HEADING = re.compile(r"<h[1-6]\b[^>]*>.*?</h[1-6]\s*>", re.I | re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*?(/?)>")


def _close_blocks(markdown: str) -> str:
    """A code fence or HTML element left open (its closing line was structure of the old page)
    would swallow every later section and its anchor: close it at the end of the text."""
    fence = ""
    for line in markdown.split("\n"):
        match = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if match and (not fence or match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)):
            fence = "" if fence else match.group(1)
    if fence:
        return markdown + "\n" + fence
    stack: List[str] = []
    for closing, name, self_closing in _TAG.findall(re.sub(r"`[^`\n]*`", "", markdown)):
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        if not closing:
            stack.append(name)
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name):]
    return markdown + ("\n" + "".join(f"</{name}>" for name in reversed(stack)) if stack else "")


def _split_publications(site: Site) -> Tuple[List[Publication], List[Publication]]:
    """(about page, full list page): the selected ones and everything, when the source has both."""
    selected = [p for p in site.publications if p.selected]
    rest = [p for p in site.publications if not p.selected]
    if not selected or not rest:
        return site.publications, []
    listed = {items_key(p) for p in rest}
    return selected, rest + [p for p in selected if items_key(p) not in listed]


def items_key(pub: Publication) -> str:
    return " ".join(pub.title.lower().split())


def _grouped(pubs: List[Publication], owners: List[str]) -> List[str]:
    groups: Dict[str, List[Publication]] = {}
    for pub in pubs:
        groups.setdefault(pub.group.strip(), []).append(pub)
    lines: List[str] = []
    for group, members in sorted(groups.items(), key=lambda g: g[0] != ""):
        if group:
            lines.extend([f"## {group}", ""])
        lines.extend(items.publication_list(members, owners) + [""])
    return lines


def _about(intro: List[str], blocks: List[Block]) -> Tuple[str, List[str]]:
    """The page text and the kramdown id of each block's heading."""
    body: List[str] = ["", _close_blocks("\n".join(intro))]
    for index, b in enumerate(blocks):
        body.extend(["", f"<span class='anchor' id='@@{index}@@'></span>", "", f"# {b.heading}"])
        body.append(_close_blocks("\n".join(b.lines)))
    text = _tidy("\n".join(body))
    lines = text.split("\n")
    ids = {line: anchor for line, _, anchor in heading_ids(text)}
    marker_line = {line.split("@@")[1]: n for n, line in enumerate(lines) if "id='@@" in line}
    anchors = [ids.get(marker_line[str(i)] + 2, "") for i in range(len(blocks))]
    used = set(ids.values()) | {"about-me"}
    for index, b in enumerate(blocks):
        span_id = b.span_id
        while span_id in used:
            span_id += "-section"
        used.add(span_id)
        b.span_id = span_id
        text = text.replace(f"@@{index}@@", span_id, 1)
    return ABOUT_HEAD + text, anchors


def _tidy(text: str) -> str:
    """At most one blank line in a row, one newline at the end (so a second run is identical)."""
    return "\n".join(_tidy_lines([text]) + [""])


def _tidy_lines(pieces: List[str]) -> List[str]:
    """The lines of the pieces joined by newlines, tidied as `_tidy` says, with no blank line first
    or last ([""] when none is left). Works on the list: a 10k-entry page is not joined, split and
    copied again."""
    lines, blank = [], False
    for piece in pieces:
        for line in piece.split("\n"):
            line = line.rstrip()
            if not line and blank:
                continue
            blank = not line
            lines.append(line)
    start = 1 if lines and not lines[0] else 0
    end = len(lines) - 1 if len(lines) > start and not lines[-1] else len(lines)
    return lines[start:end] or [""]


def _full_list_page(pubs: List[Publication], sections: List[FreeSection], owners: List[str]) -> str:
    head = front_matter({"permalink": "/publications/", "title": "Publications", "author_profile": True})
    body = [s.markdown.strip("\n") + "\n" for s in sections]
    body += ["# 📝 Publications", ""] + _grouped(pubs, owners)
    return "\n".join([head] + _tidy_lines(body) + [""])


def _navigation(entries: List[Tuple[str, str]]) -> str:
    lines = ["# main links", "main:"]
    for title, url in entries:
        lines += [f"  - title: {quote(title)}", f"    url: {quote(url)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-_")
