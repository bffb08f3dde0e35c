"""Pieces both site writers share: front matter, carried pages and navigation entries from the old site."""
from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Set, Tuple

from ..model import FreeSection, Page, Site
from ..output_dir import OutputError, safe_relative

STRUCTURED_ROLES = {"about", "publications", "talks", "teaching", "portfolio", "blog", "listing", "include", "item"}


def quote(value: Any) -> str:
    """A YAML scalar: JSON strings are valid YAML and need no further escaping rules."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def front_matter(values: Dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in values.items():
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {quote(v)}" for v in value)
        else:
            lines.append(f"{key}: {quote(value)}")
    return "\n".join(lines + ["---", ""])


def nav_title(heading: str) -> str:
    """'🔥 News' -> 'News'."""
    return re.sub(r"^[^\w(\[]+", "", heading, flags=re.UNICODE).strip() or heading.strip()


def carried_pages(site: Site, about_path: str, skip: Set[str] = frozenset()
                  ) -> Dict[str, Tuple[str, Page, List[FreeSection]]]:
    """{source path: (output path, page, its free sections)} of pages whose text is carried as-is."""
    found: Dict[str, Tuple[str, Page, List[FreeSection]]] = {}
    for page in site.pages:
        if page.path == about_path or page.collection or page.role in STRUCTURED_ROLES - {"cv"} \
                or page.path in skip or not page.output:
            continue
        sections = [s for s in site.sections if s.span.path == page.path]
        if not sections:
            continue
        stem = page.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        try:
            path = safe_relative(f"_pages/{stem}.md")
        except OutputError:
            continue
        found[page.path] = (path, page, sections)
    return found


def page_text(page: Page, sections: List[FreeSection]) -> str:
    """A carried page: its title and permalink, and its sections verbatim."""
    permalink = page.url if page.url and ".." not in page.url.split("/") else ""
    head = front_matter({"permalink": permalink, "title": page.title})
    body: List[str] = []
    for section in sections:
        if section.title:
            body.extend([f"## {section.title}", ""])
        body.extend([section.markdown.strip("\n"), ""])
    return head + "\n" + "\n".join(body).strip("\n") + "\n"


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
