"""Writer for academicpages: one file per publication, talk and course, an about page with the
rest, and the theme's `_config.yml` with the author block."""
from __future__ import annotations

import re
from typing import Dict, List

from ..model import PortfolioItem, Publication, Site, Talk, Teaching
from ..urls import slugify
from ..venues import badge_label
from . import Output, WriteOptions
from . import acad_items as items
from .academicpages_templates import CONFIG, COPIED, listing
from .assets import avatar_file, local_path
from .pages import carried_pages, carry_posts, front_matter, page_text, quote, source_nav_entries
from .readback import stable_line
from .site_config import finish_site

ABOUT = "_pages/about.md"
SECTIONS = [("news", "News", items.news_line), ("education", "Education", items.education_line),
            ("experience", "Experience", items.experience_line), ("honors", "Honors and Awards", items.honor_line),
            ("projects", "Projects", items.project_line)]


def write(site: Site, options: WriteOptions) -> Output:
    out = Output()
    names: Dict[str, int] = {}
    about_path = next((p.path for p in site.pages if p.role == "about"), "")
    seen_titles: Dict[str, str] = {}
    for pub in site.publications:
        key = " ".join(pub.title.lower().split())
        if key in seen_titles:  # the same paper listed as selected and in the full list: one file
            out.place(pub, "mapped", seen_titles[key])
            continue
        path = _unique(names, "_publications", _stem(pub.date or _year(pub), pub.title))
        seen_titles[key] = path
        out.files[path] = _publication(pub, path)
        out.place(pub, "mapped", path)
    for talk in site.talks:
        path = _unique(names, "_talks", _stem(talk.date, talk.title or talk.event))
        out.files[path] = _talk(talk, path)
        out.place(talk, "mapped", path)
    for course in site.teaching:
        path = _unique(names, "_teaching", _stem(course.date, course.title))
        out.files[path] = _course(course, path)
        out.place(course, "mapped", path)
    for item in site.portfolio:  # the theme's own collection, so a second conversion reads them back as such
        path = _unique(names, "_portfolio", _stem("", item.title))
        out.files[path] = _portfolio_item(item, path)
        out.place(item, "mapped", path)
    carried = carried_pages(site, about_path)
    body: List[str] = []
    for section in site.sections:
        if section.span.path in carried:
            continue
        if section.title and section.role != "intro":
            body.extend([f"## {section.title}", ""])
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
    finish_site(out, site, options, config, avatar, CONFIG, COPIED)
    for link in (link for pub in site.publications for link in pub.links):
        if local_path(link.url):
            out.copies.setdefault(local_path(link.url), local_path(link.url))
    return out


def _year(pub: Publication) -> str:
    return str(pub.venue.year) if pub.venue and pub.venue.year else ""


def _stem(date: str, title: str) -> str:
    slug = slugify(title)[:60].strip("-") or "untitled"
    full = _full_date(date)
    return f"{full}-{slug}" if full else slug


def _full_date(date: str) -> str:
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date or "")
    if not match:
        return ""
    return f"{match.group(1)}-{match.group(2) or '01'}-{match.group(3) or '01'}"


def _unique(names: Dict[str, int], folder: str, stem: str) -> str:
    names[f"{folder}/{stem}"] = names.get(f"{folder}/{stem}", 0) + 1
    count = names[f"{folder}/{stem}"]
    return f"{folder}/{stem}{'' if count == 1 else f'-{count}'}.md"


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
