"""Writer for academicpages: one file per publication, talk and course, an about page with the
rest, and the theme's `_config.yml` with the author block."""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Dict, List, Tuple

from ..model import FreeSection, PortfolioItem, Publication, Site, Talk, Teaching
from ..readers.fields import section_kind
from ..venues import badge_label
from . import Output, WriteOptions
from . import acad_items as items
from .academicpages_templates import CONFIG, COPIED, listing
from .assets import avatar_file, local_path
from .pages import (carried_pages, carry_posts, front_matter, liquid_balanced, page_text, page_titles, quote,
                    source_nav_entries)
from .readback import reads_as_text, stable_line
from .site_config import finish_site

ABOUT = "_pages/about.md"
SECTIONS = [("news", "News", items.news_line), ("education", "Education", items.education_line),
            ("experience", "Experience", items.experience_line), ("honors", "Honors and Awards", items.honor_line),
            ("projects", "Projects", items.project_line)]


def write(site: Site, options: WriteOptions) -> Output:
    out = Output()
    about_path = next((p.path for p in site.pages if p.role == "about"), "")
    seen_titles: Dict[str, Publication] = {}
    pubs: List[Publication] = []
    repeats: List[Tuple[Publication, Publication]] = []
    for pub in site.publications:
        key = " ".join(pub.title.lower().split())
        if key in seen_titles:  # the same paper listed as selected and in the full list: one file
            repeats.append((pub, seen_titles[key]))
        else:
            seen_titles[key] = pub
            pubs.append(pub)
    written: Dict[int, str] = {}
    for folder, nodes, stem, render in (
            ("_publications", pubs, lambda p: _stem(p.date or _year(p), p.title), _publication),
            ("_talks", site.talks, lambda t: _stem(t.date, t.title or t.event), _talk),
            ("_teaching", site.teaching, lambda c: _stem(c.date, c.title), _course),
            # the theme's own collection, so a second conversion reads them back as such
            ("_portfolio", site.portfolio, lambda i: _stem("", i.title), _portfolio_item)):
        for node, path in _named(folder, nodes, stem, render):
            out.files[path] = render(node, path)
            out.place(node, "mapped", path)
            written[id(node)] = path
    for pub, first in repeats:
        out.place(pub, "mapped", written[id(first)])
    carried = carried_pages(site, about_path)
    body: List[str] = []
    last_heading = ""
    titles = page_titles(site)
    for section in site.sections:
        if section.span.path in carried:
            continue
        if "{%" in section.markdown and not liquid_balanced(section.markdown):
            out.place(section, "dropped", "", "a piece of the old page's Liquid (a block it does not open or close)")
            continue
        heading = "" if section.role == "intro" else _heading(section, titles.get(section.span.path, ""))
        if heading and heading != last_heading:
            body.extend([f"## {heading}", ""])
            last_heading = heading
        body.extend([section.markdown.strip("\n"), ""])
        out.place(section, "carried", ABOUT)
    for kind, heading, render in SECTIONS:
        nodes = getattr(site, kind)
        if nodes:
            # each line as it reads back, so a second conversion writes it unchanged
            body.extend([f"## {heading}", ""] + [stable_line(render, n, kind) for n in nodes] + [""])
            for node in nodes:
                out.place(node, "mapped", ABOUT)
    head = front_matter({"permalink": "/", "title": "About", "author_profile": True,
                         "redirect_from": ["/about/", "/about.html"]})
    out.files[ABOUT] = head + "\n" + "\n".join(body).strip("\n") + "\n"
    nav = []
    for collection, title, permalink in (("publications", "Publications", "/publications/"),
                                         ("talks", "Talks", "/talks/"), ("teaching", "Teaching", "/teaching/"),
                                         ("portfolio", "Portfolio", "/portfolio/")):
        if any(p.startswith(f"_{collection}/") for p in out.files):
            out.files[f"_pages/{collection}.md"] = listing(title, permalink, collection)
            nav.append((title, permalink))
    for path, page, sections in carried.values():
        out.files[path] = page_text(page, sections)
        for section in sections:
            out.place(section, "carried", path)
        out.place(page, "carried", path)
    nav += source_nav_entries(site, {page.url for _, page, _ in carried.values()}, {u for _, u in nav})
    out.files["_data/navigation.yml"] = "main:\n" + "".join(
        f"  - title: {quote(t)}\n    url: {quote(u)}\n\n" for t, u in nav).rstrip("\n") + "\n"
    carry_posts(site, out)
    name, source = avatar_file(site)
    avatar = name or site.profile.avatar
    if source:
        out.copies[f"images/{name}"] = source
    config = dict(site.config)
    config.setdefault("name", site.profile.name)
    finish_site(out, site, options, config, avatar, _with_collections(CONFIG, site.config), COPIED)
    for link in (link for pub in site.publications for link in pub.links):
        if local_path(link.url):
            out.copies.setdefault(local_path(link.url), local_path(link.url))
    return out


_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _with_collections(template: str, source: dict) -> str:
    """The template's config with the source's other collections declared (their items are written
    to the theme's own): a carried page's Liquid may still loop over one (`site.wps | concat: ..`),
    and an undeclared collection is nil there, which stops the build."""
    declared = source.get("collections")
    names = list(declared) if isinstance(declared, (dict, list)) else []
    extra = [n for n in names if isinstance(n, str) and _NAME.fullmatch(n) and n != "posts"
             and f"\n  {n}:\n" not in template]
    declarations = "".join(f"  {n}:\n    output: false\n" for n in extra)
    return template.replace("\ncollections:\n", "\ncollections:\n" + declarations, 1)


def _heading(section: FreeSection, page_title: str) -> str:
    """The about page's heading for a free section. Text from the top of another page goes under
    that page's title: without a heading it would read back as part of the section above it (as
    entries, when that section is a list of talks or projects). Text that the reader did not take
    for entries but would under its title (a course list under 'Education') gets a neutral one."""
    title = section.title.strip() or page_title or "Other"
    return title if reads_as_text(section.markdown, section_kind(title)) else "Details"


def _year(pub: Publication) -> str:
    return str(pub.venue.year) if pub.venue and pub.venue.year else ""


_NOT_NAME = re.compile(r"[^a-z0-9\x80-\U0010ffff]+")  # ASCII other than letters and digits


def name_slug(title: str) -> str:
    """A title as a file name: Latin accents dropped ('Schrödinger' -> 'schrodinger'), other
    letters kept as Jekyll's own slugify keeps them ('进化深度学习' stays, not 'untitled')."""
    text = title.lower()
    if not text.isascii():
        text = "".join(map(_name_char, text))
    return _NOT_NAME.sub("-", text).strip("-")


def _name_char(char: str) -> str:
    # 'é' -> 'e', 'ﬁ' -> 'fi', 'Ｆ' -> 'f'; a Hangul syllable or a Devanagari vowel sign stays
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if plain and plain.isascii():
        return plain
    return char if char.isalnum() or unicodedata.category(char).startswith("M") else "-"


def _stem(date: str, title: str) -> str:
    slug = name_slug(title)[:60].strip("-") or "untitled"
    full = _full_date(date)
    return f"{full}-{slug}" if full else slug


def _full_date(date: str) -> str:
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date or "")
    if not match:
        return ""
    return f"{match.group(1)}-{match.group(2) or '01'}-{match.group(3) or '01'}"


def _named(folder: str, nodes: list, stem: Callable, render: Callable) -> List[Tuple[object, str]]:
    """Each node with its file: `stem`, then `stem-2`, ... for nodes that share one. Which of them
    gets which name follows their content, not the order read: a second conversion reads
    'x-2.md' before 'x.md' and must give each the same name again."""
    groups: Dict[str, list] = {}
    for node in nodes:
        groups.setdefault(stem(node), []).append(node)
    taken = set(groups)
    named = {}
    for name, members in groups.items():
        if len(members) > 1:
            members = sorted(members, key=lambda node: render(node, f"{folder}/{name}.md"))
        for position, node in enumerate(members):
            unique, number = name, 1
            while position and unique in taken:  # 'x-2' may be another title's own stem
                number += 1
                unique = f"{name}-{number}"
            taken.add(unique)
            named[id(node)] = f"{folder}/{unique}.md"
    return [(node, named[id(node)]) for node in nodes]


def _publication(pub: Publication, path: str) -> str:
    stem = path.rsplit("/", 1)[-1][:-3]
    venue = pub.venue.name or pub.venue.raw or badge_label(pub.venue) if pub.venue else ""
    paper = next((l.url for l in pub.links if l.kind in ("paper", "pdf", "arxiv", "doi")), "")
    keyed, rest = _link_keys(pub, paper)
    category = pub.category or _category(pub)
    authors = items.author_html(pub)
    values = {"title": pub.title, "collection": "publications", "category": category,
              "permalink": f"/publication/{stem}", "date": _full_date(pub.date or _year(pub)),
              "venue": venue, "paperurl": paper, "citation": pub.citation or _citation(pub, venue),
              "authors": authors, **keyed}
    text = front_matter(values)
    # links without a key of the theme's (arXiv next to a PDF, a project page, ...): a row on the
    # paper's page, where the theme shows them (it shows no other front matter list)
    row = " ".join(f"[{items.link_text(l, pub.title)}]({items.md_url(l.url)})" for l in rest if l.url not in pub.notes)
    body = [part for part in (_figure(pub), row, pub.notes.strip()) if part]
    return text + ("\n" + "\n\n".join(body) + "\n" if body else "")


_JOURNAL = re.compile(r"\b(?:journal|transactions|letters|reviews?|magazine|annals|bulletin|pnas|"
                      r"proceedings of the (?:national|royal) )", re.I)


def _category(pub: Publication) -> str:
    """The theme's `publication_category` keys: 'manuscripts' (shown as Journal Articles, and
    where preprints go), 'conferences' (Conference Papers)."""
    venue = pub.venue
    if venue is None or venue.preprint:
        return "manuscripts"
    return "manuscripts" if _JOURNAL.search(" ".join((venue.name, venue.raw, venue.label))) else "conferences"


def _figure(pub: Publication) -> str:
    """The paper's teaser image and star badges, shown on its page (the theme has no field that
    a publication's page displays for them)."""
    shown = [f"![{pub.title}]({items.md_url(pub.image)})"] if pub.image else []
    for badge in pub.badges:
        image = f"![{badge.alt or 'badge'}]({items.md_url(badge.image)})"
        shown.append(f"[{image}]({items.md_url(badge.url)})" if badge.url else image)
    return " ".join(shown)


LINK_KEYS = {"pdf": "pdfurl", "code": "codeurl", "slides": "slidesurl", "video": "videourl",
             "poster": "posterurl", "blog": "blogurl", "project": "projecturl", "data": "dataurl"}


def _link_keys(pub: Publication, paper: str):
    """The theme's `...url` front matter keys, one per kind; other links go to a `links:` list."""
    keyed, rest = {}, []
    for link in pub.links:
        key = LINK_KEYS.get(link.kind)
        if link.url == paper:
            continue
        if key and key not in keyed:
            keyed[key] = link.url
        else:
            rest.append(link)
    return keyed, rest


def _citation(pub: Publication, venue: str) -> str:
    names = ", ".join(p.name for p in pub.authors)
    year = f" ({_year(pub) or pub.date[:4]})." if (_year(pub) or pub.date) else ""
    return " ".join(f"{names}.{year} &quot;{pub.title}.&quot; <i>{venue}</i>.".split()) if names else ""


def _talk(talk: Talk, path: str) -> str:
    stem = path.rsplit("/", 1)[-1][:-3]
    values = {"title": talk.title or talk.event, "collection": "talks", "type": talk.talk_type or "Talk",
              "permalink": f"/talks/{stem}", "venue": talk.event, "date": _full_date(talk.date),
              "location": talk.location}
    body = talk.text.strip()
    links = " | ".join(f"[{l.label.strip('[]') or l.kind}]({l.url})" for l in talk.links)
    return front_matter(values) + "\n" + "\n\n".join(t for t in (body, links) if t) + "\n"


def _portfolio_item(item: PortfolioItem, path: str) -> str:
    stem = path.rsplit("/", 1)[-1][:-3]
    values = {"title": item.title, "excerpt": item.excerpt.strip(), "collection": "portfolio",
              "permalink": f"/portfolio/{stem}"}
    return front_matter(values) + "\n" + (item.body.strip() + "\n" if item.body.strip() else "")


def _course(course: Teaching, path: str) -> str:
    stem = path.rsplit("/", 1)[-1][:-3]
    values = {"title": course.title, "collection": "teaching", "type": course.role,
              "permalink": f"/teaching/{stem}", "venue": course.institution, "date": _full_date(course.date),
              "location": course.location}
    return front_matter(values) + "\n" + (course.text.strip() + "\n" if course.text.strip() else "")
