"""Pieces both site writers share: front matter, carried pages and navigation entries from the old site."""
from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Set, Tuple

from ..model import FreeSection, Page, Post, Site, content_nodes
from ..output_dir import OutputError, safe_relative

STRUCTURED_ROLES = {"about", "publications", "talks", "teaching", "portfolio", "blog", "listing", "include", "item"}


_NOT_YAML_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def as_json(value: Any) -> str:
    """JSON is valid YAML once the characters YAML may not hold raw (C1 controls, line separators) are escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def quote(value: Any) -> str:
    """A YAML scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return as_json(str(value))


def front_matter(values: Dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in values.items():
        if value in (None, "", []):
            continue
        if isinstance(value, dict) or isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
            lines.append(f"{key}: {as_json(value)}")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {quote(v)}" for v in value)
        else:
            lines.append(f"{key}: {quote(value)}")
    return "\n".join(lines + ["---", ""])


def nav_title(heading: str) -> str:
    """'🔥 News' -> 'News'."""
    return re.sub(r"^[^\w(\[]+", "", heading, flags=re.UNICODE).strip() or heading.strip()


def old_theme_page(page: Page) -> bool:
    """A page built from the old theme's includes or collection loops (archives, sitemaps, listings)."""
    commented = False  # tags between {% comment %} and {% endcomment %} do nothing
    for m in sorted((m for m in page.structure if m.kind == "liquid"), key=lambda m: m.span.line):
        for tag in re.findall(r"\{%-?\s*(.*?)\s*-?%\}", m.text, re.S):
            if re.match(r"(end)?comment\b", tag):
                commented = not tag.startswith("end")
            elif not commented and re.match(r"include\s|for\s+\w+\s+in\s+site\.", tag):
                return True
    return False


def carried_pages(site: Site, about_path: str, skip: Set[str] = frozenset()
                  ) -> Dict[str, Tuple[str, Page, List[FreeSection]]]:
    """{source path: (output path, page, its free sections)} of pages whose text is carried as-is:
    other pages go to `_pages/`, collection documents no reader structured keep their path."""
    structured = {node.span.path for name, node in content_nodes(site) if name != "sections"}
    found: Dict[str, Tuple[str, Page, List[FreeSection]]] = {}
    for page in site.pages:
        if page.path == about_path or page.path in skip or page.path in structured or not page.output \
                or page.role in STRUCTURED_ROLES - {"cv", "item", "blog"}:
            continue
        sections = [s for s in site.sections if s.span.path == page.path]
        if not sections:
            continue
        stem = page.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        try:
            path = safe_relative(page.path if page.collection else f"_pages/{stem}.md")
        except OutputError:
            continue
        found[page.path] = (path, page, sections)
    return found


def own_front_matter(page: Page) -> Dict[str, Any]:
    """The keys the file itself sets (not `defaults:`), without the old theme's layout."""
    values = {k: page.front_matter[k] for k in page.key_lines if k in page.front_matter and k != "layout"}
    if page.url and ".." in page.url.split("/"):
        values.pop("permalink", None)
    return values


def page_text(page: Page, sections: List[FreeSection]) -> str:
    """A carried page: its own front matter, then its structural lines and sections in their order."""
    head = front_matter(own_front_matter(page) or {"title": page.title})
    chunks = [(m.span, m.text) for m in page.structure if m.kind != "front-matter"]
    chunks += [(s.span, s.markdown.strip("\n")) for s in sections]
    body, last = "", -1
    for span, text in sorted(chunks, key=lambda c: (c[0].line, c[0].end_line)):
        if text.strip():  # lines that were adjacent stay adjacent (a Liquid loop, a table); up to 2 blank lines kept
            body += ("" if not body else "\n" * max(1, min(span.line - last, 3))) + text
            last = max(span.end_line, span.line + text.count("\n"))
    return head + "\n" + body + "\n"


def carry_posts(site: Site, out) -> None:
    """Every post written again as it was, into `out` (an Output)."""
    pages: Dict[str, Page] = {}
    for page in site.pages:  # looked up by path: a site may have thousands of posts and pages
        pages.setdefault(page.path, page)
    for post in site.posts:
        path = f"_posts/{post.span.path.rsplit('/', 1)[-1]}"
        out.files[path] = post_text(post, pages.get(post.span.path))
        out.place(post, "carried", path)


def post_text(post: Post, page: Optional[Page]) -> str:
    values = own_front_matter(page) if page else {}
    head = front_matter(values or {"title": post.title, "date": post.date, "tags": post.tags})
    return head + "\n" + post.body.strip("\n") + "\n"


def source_nav_entries(site: Site, urls: Set[str], taken: Set[str]) -> List[Tuple[str, str]]:
    """Old navigation entries still meaningful: links to other sites and to pages written again."""
    entries: List[Tuple[str, str]] = []
    for item in site.navigation:
        url = item.url.strip()
        external = bool(re.match(r"^(https?:)?//|^mailto:", url))
        if url in taken or not (external or _norm(url) in {_norm(u) for u in urls}):
            continue
        entries.append((item.title, url))
        taken.add(url)
    return entries


def _norm(url: str) -> str:
    return "/" + url.strip().strip("/").removesuffix(".html") + "/"


def page_titles(site: Site) -> Dict[str, str]:
    """Source page path -> its title ('' when it has none); made once per write (a site may have
    thousands of pages)."""
    titles: Dict[str, str] = {}
    for page in site.pages:
        titles.setdefault(page.path, page.title.strip())
    return titles


_LIQUID_TAG = re.compile(r"\{%-?\s*(end)?(if|unless|for|case|capture|raw|comment|tablerow)\b")


def liquid_balanced(markdown: str) -> bool:
    """Every Liquid block the text opens it also closes: a fragment of another page's loop
    ('{%- endif -%}' alone) stops `jekyll build` wherever it is put."""
    depth = 0
    for match in _LIQUID_TAG.finditer(markdown):
        depth += -1 if match.group(1) else 1
        if depth < 0:
            return False
    return depth == 0
