"""The canonical schema every reader produces and every writer and rule consumes.

Each node is a plain dataclass with a `span` (where it was read) and a `kind`
tag, so a JSON dump is self-describing. Field docs live in the `field(...)`
metadata and flow into docs/schema.json (see migrator/schema.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


def doc(text: str, default: Any = None, factory: Any = None):
    """A dataclass field with a description for the JSON Schema."""
    if factory is not None:
        return field(default_factory=factory, metadata={"doc": text})
    return field(default=default, metadata={"doc": text})


@dataclass
class Span:
    """A place in an original file: 1-based line and column, front matter included."""

    path: str = doc("file path relative to the site root, with '/' separators", "")
    line: int = doc("first line (1-based)", 1)
    col: int = doc("column on the first line (1-based)", 1)
    end_line: int = doc("last line the node covers (inclusive, 1-based)", 0)

    def __post_init__(self):
        if self.end_line < self.line:
            self.end_line = self.line

    def at(self, line: int, col: int = 1) -> "Span":
        """A one-line span in the same file."""
        return Span(self.path, line, col, line)


@dataclass
class Link:
    """A hyperlink of a known kind."""

    kind: str = doc("paper, pdf, code, blog, project, video, slides, doi, arxiv, "
                    "poster, data, website, github, scholar, orcid, twitter, linkedin, email, other", "other")
    url: str = doc("the target as written (not resolved)", "")
    label: str = doc("the visible text of the link", "")
    span: Span = doc("where the link is written", factory=Span)


@dataclass
class Badge:
    """An image shown next to an item, such as a GitHub stars shield."""

    image: str = doc("image URL", "")
    url: str = doc("where the badge links to, if anywhere", "")
    alt: str = doc("alternative text", "")
    span: Span = doc("where the badge is written", factory=Span)


@dataclass
class Person:
    """An author of a publication."""

    name: str = doc("the name as written, marks removed", "")
    is_owner: bool = doc("this author is the site owner (underlined, bold or matching the owner's name)", False)
    equal_contribution: bool = doc("marked '*' (equal contribution)", False)
    corresponding: bool = doc("marked '†' or '#' (corresponding / equal corresponding)", False)
    marks: List[str] = doc("the raw marks written after the name", factory=list)


@dataclass
class Venue:
    """Where a publication appeared."""

    label: str = doc("short label, e.g. 'ICLR 2025'", "")
    name: str = doc("full name when the source gives it", "")
    year: Optional[int] = doc("year of the venue", None)
    preprint: bool = doc("arXiv, preprint, under review, submitted, in preparation", False)
    raw: str = doc("the text exactly as the source gives it", "")
    span: Span = doc("where the venue is written", factory=Span)


@dataclass
class Publication:
    """A paper, preprint, patent, thesis or other publication entry."""

    kind: str = doc("always 'publication'", "publication")
    title: str = doc("title, markup removed", "")
    authors: List[Person] = doc("authors in order; empty when the source lists none", factory=list)
    owner_role: str = doc("role the source states instead of an author list ('first author', 'co-first author')", "")
    venue: Optional[Venue] = doc("venue, if given", None)
    links: List[Link] = doc("links of the entry", factory=list)
    badges: List[Badge] = doc("images such as GitHub star shields", factory=list)
    group: str = doc("the heading the entry is listed under", "")
    category: str = doc("category from front matter (academicpages: manuscripts, conferences, books)", "")
    selected: bool = doc("listed as a selected publication (on the about page)", False)
    date: str = doc("publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD)", "")
    citation: str = doc("citation as given (a collection item's `citation:` is HTML, as the theme shows it)", "")
    image: str = doc("teaser image (acad-homepage paper-box)", "")
    notes: str = doc("further markdown of the entry (bullets, excerpt, abstract)", "")
    url: str = doc("output URL of the item's own page (collection items)", "")
    source: str = doc("how it was read: list, paper-box, collection, cv, data", "list")
    span: Span = doc("the whole entry", factory=Span)


@dataclass
class NewsItem:
    """A dated news line."""

    kind: str = doc("always 'news'", "news")
    date: str = doc("date, ISO (YYYY, YYYY-MM or YYYY-MM-DD)", "")
    raw_date: str = doc("the date as written", "")
    text: str = doc("markdown of the news", "")
    span: Span = doc("the news line(s)", factory=Span)


@dataclass
class Education:
    """A degree or period of study."""

    kind: str = doc("always 'education'", "education")
    institution: str = doc("school or university", "")
    degree: str = doc("degree as written, e.g. 'Ph.D.', 'M.S.', 'B.Eng.'", "")
    field: str = doc("field of study", "")
    start: str = doc("start date, ISO", "")
    end: str = doc("end date, ISO, or 'present'", "")
    location: str = doc("city or country", "")
    text: str = doc("other text of the entry (advisor, thesis, ...)", "")
    links: List[Link] = doc("links written in the entry (institution, advisor, thesis, ...)", factory=list)
    span: Span = doc("the entry", factory=Span)


@dataclass
class Experience:
    """A job, internship or visit."""

    kind: str = doc("always 'experience'", "experience")
    organisation: str = doc("company, lab or institution", "")
    role: str = doc("position, e.g. 'Research Intern'", "")
    hosts: List[str] = doc("mentors / hosts / advisors named", factory=list)
    start: str = doc("start date, ISO", "")
    end: str = doc("end date, ISO, or 'present'", "")
    location: str = doc("city or country", "")
    internship: bool = doc("listed as an internship", False)
    text: str = doc("description markdown", "")
    links: List[Link] = doc("links written in the entry (organisation, host, project, ...)", factory=list)
    span: Span = doc("the entry", factory=Span)


@dataclass
class Honor:
    """An award, scholarship or other honor."""

    kind: str = doc("always 'honor'", "honor")
    name: str = doc("the honor, markup removed", "")
    date: str = doc("date, ISO", "")
    text: str = doc("the entry's markdown as written", "")
    span: Span = doc("the entry", factory=Span)


@dataclass
class Talk:
    """A talk, seminar or presentation."""

    kind: str = doc("always 'talk'", "talk")
    title: str = doc("title of the talk", "")
    event: str = doc("event, venue or host", "")
    date: str = doc("date, ISO", "")
    location: str = doc("where", "")
    talk_type: str = doc("academicpages `type` (Talk, Tutorial, ...)", "")
    links: List[Link] = doc("slides, video, ...", factory=list)
    text: str = doc("markdown of the entry or page body", "")
    url: str = doc("output URL of the item's own page (collection items)", "")
    span: Span = doc("the entry", factory=Span)


@dataclass
class Teaching:
    """A course taught or assisted."""

    kind: str = doc("always 'teaching'", "teaching")
    title: str = doc("course", "")
    institution: str = doc("venue / institution", "")
    role: str = doc("type or role (Undergraduate course, TA, ...)", "")
    date: str = doc("date, ISO", "")
    location: str = doc("where", "")
    text: str = doc("markdown of the entry or page body", "")
    url: str = doc("output URL of the item's own page (collection items)", "")
    span: Span = doc("the entry", factory=Span)


@dataclass
class Project:
    """An open-source or research project."""

    kind: str = doc("always 'project'", "project")
    name: str = doc("project name", "")
    url: str = doc("project URL", "")
    role: str = doc("the owner's role", "")
    description: str = doc("markdown description", "")
    start: str = doc("start date, ISO", "")
    end: str = doc("end date, ISO", "")
    span: Span = doc("the entry", factory=Span)


@dataclass
class Post:
    """A blog post (`_posts`)."""

    kind: str = doc("always 'post'", "post")
    title: str = doc("title", "")
    date: str = doc("date, ISO", "")
    tags: List[str] = doc("tags", factory=list)
    body: str = doc("markdown body", "")
    url: str = doc("output URL", "")
    span: Span = doc("the whole file", factory=Span)


@dataclass
class PortfolioItem:
    """A portfolio entry (`_portfolio`) or an item of another non-paper collection."""

    kind: str = doc("always 'portfolio'", "portfolio")
    title: str = doc("title", "")
    collection: str = doc("the collection it came from", "portfolio")
    excerpt: str = doc("excerpt", "")
    body: str = doc("markdown body", "")
    url: str = doc("output URL", "")
    span: Span = doc("the whole file", factory=Span)


@dataclass
class FreeSection:
    """Content the readers do not structure: kept verbatim as markdown."""

    kind: str = doc("always 'section'", "section")
    title: str = doc("the heading it sits under ('' for text before any heading)", "")
    markdown: str = doc("the source lines, verbatim (mojibake repaired)", "")
    role: str = doc("what it is when known: intro, research, services, contact, ...", "")
    span: Span = doc("the lines it covers", factory=Span)


@dataclass
class Markup:
    """A structural line that carries no content of its own: a heading, anchor, wrapper tag, Liquid tag, rule."""

    kind: str = doc("heading, anchor, html, liquid, rule, comment, front-matter", "html")
    text: str = doc("the line(s), stripped", "")
    level: int = doc("heading level, 0 for non-headings", 0)
    anchor: str = doc("the id this markup defines, if any", "")
    span: Span = doc("where it is", factory=Span)


@dataclass
class Page:
    """A file Jekyll renders: a page in `_pages/`, a collection item, a post."""

    path: str = doc("file path relative to the site root", "")
    collection: str = doc("collection name for collection items, '' for pages", "")
    role: str = doc("about, publications, cv, talks, teaching, portfolio, blog, listing, include, item, other", "other")
    title: str = doc("front matter title", "")
    url: str = doc("output URL computed as Jekyll does", "")
    layout: str = doc("layout after defaults", "")
    output: bool = doc("Jekyll writes a file for it", True)
    listing_of: str = doc("the collection a Liquid loop on this page lists, if it is only such a loop", "")
    front_matter: Dict[str, Any] = doc("front matter after `defaults:`, JSON-safe", factory=dict)
    key_lines: Dict[str, int] = doc("line of each top-level front matter key", factory=dict)
    structure: List[Markup] = doc("structural lines of the body", factory=list)
    span: Span = doc("the front matter block (line 1 to its closing ---)", factory=Span)


@dataclass
class NavItem:
    """An entry of `_data/navigation.yml`."""

    title: str = doc("label", "")
    url: str = doc("target", "")
    children: List["NavItem"] = doc("sub-entries", factory=list)
    span: Span = doc("where it is written", factory=Span)


@dataclass
class Profile:
    """The site owner, from `_config.yml` `author:` and the pages."""

    name: str = doc("display name", "")
    name_variants: List[str] = doc("other spellings seen (native script, 'Last, First', ...)", factory=list)
    avatar: str = doc("avatar path as written", "")
    bio: str = doc("short bio line", "")
    location: str = doc("location", "")
    employer: str = doc("employer", "")
    email: str = doc("email", "")
    homepage: str = doc("the site's own URL (`url` in _config.yml)", "")
    scholar_id: str = doc("Google Scholar user id", "")
    links: List[Link] = doc("social and profile links", factory=list)
    extra: Dict[str, Any] = doc("other non-empty `author:` keys, kept for writers", factory=dict)
    span: Span = doc("the `author:` block", factory=Span)


@dataclass
class Repair:
    """A line whose text was repaired (mojibake)."""

    line: int = doc("line number", 1)
    original: str = doc("the line as stored, non-ASCII escaped as \\uXXXX so a dump holds no garbled text", "")
    repaired: str = doc("the line as read into the model", "")
    encoding: str = doc("the wrong encoding it had been read with", "")

    @property
    def original_text(self) -> str:
        """The stored line itself (unescaped)."""
        return self.original.encode("ascii").decode("unicode_escape")

    @staticmethod
    def escape(text: str) -> str:
        return "".join(ch if ch.isascii() and ch != "\\" else
                       (f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
                       for ch in text)


@dataclass
class SourceFile:
    """How one file was decoded."""

    path: str = doc("path relative to the site root", "")
    encoding: str = doc("utf-8, utf-8-sig, utf-16, latin-1", "utf-8")
    newline: str = doc("LF, CRLF or mixed", "LF")
    repairs: List[Repair] = doc("mojibake repairs", factory=list)


@dataclass
class Problem:
    """Something a reader could not read as intended, with its place."""

    code: str = doc("diagnostic code, e.g. FM001", "")
    message: str = doc("what is wrong", "")
    severity: str = doc("error, warning or info", "error")
    span: Span = doc("where", factory=Span)


@dataclass
class Site:
    """One site, read into the canonical schema."""

    root: str = doc("site folder as given", "")
    theme: str = doc("academicpages or acad-homepage", "")
    profile: Profile = doc("the owner", factory=Profile)
    publications: List[Publication] = doc("every publication entry, in reading order", factory=list)
    news: List[NewsItem] = doc("news items", factory=list)
    education: List[Education] = doc("degrees", factory=list)
    experience: List[Experience] = doc("jobs and internships", factory=list)
    honors: List[Honor] = doc("honors and awards", factory=list)
    talks: List[Talk] = doc("talks", factory=list)
    teaching: List[Teaching] = doc("teaching", factory=list)
    projects: List[Project] = doc("projects", factory=list)
    posts: List[Post] = doc("blog posts", factory=list)
    portfolio: List[PortfolioItem] = doc("portfolio and other collection items", factory=list)
    sections: List[FreeSection] = doc("free sections", factory=list)
    pages: List[Page] = doc("every rendered file", factory=list)
    navigation: List[NavItem] = doc("`_data/navigation.yml` main entries", factory=list)
    config: Dict[str, Any] = doc("`_config.yml`, JSON-safe", factory=dict)
    config_lines: Dict[str, int] = doc("line of each top-level `_config.yml` key", factory=dict)
    files: List[SourceFile] = doc("how each file was decoded", factory=list)
    problems: List[Problem] = doc("what the readers could not read", factory=list)


CONTENT_LISTS = ("publications", "news", "education", "experience", "honors", "talks",
                 "teaching", "projects", "posts", "portfolio", "sections")
"""The `Site` lists that hold content nodes (each node has a `span`)."""


def content_nodes(site: Site):
    """Every content node of a site with the name of its list."""
    for name in CONTENT_LISTS:
        for node in getattr(site, name):
            yield name, node
