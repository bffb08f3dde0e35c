"""What a local link can point at: the site's files (or `files.txt` of a content-only copy) and page URLs."""
from __future__ import annotations

import posixpath
import re
from typing import Dict, Optional, Set
from urllib.parse import unquote

from .base import LintContext

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
QUERY_OR_FRAGMENT = re.compile(r"[?#]")
THEME_FOLDERS = ("assets", "_includes", "_layouts", "_sass")
"""Folders of the theme itself: a content-only copy of a site may not have them."""
GENERATED = ("feed.xml", "sitemap.xml", "robots.txt", "atom.xml", "rss.xml", "404.html",
             "search.json", "tags", "categories")
"""Files Jekyll plugins and the themes write at build time."""


def site_paths(ctx: LintContext) -> Set[str]:
    """Every file of the site; a `files.txt` beside the content lists the real repository's files."""
    cached = ctx.options.get("site_paths")
    if cached is not None:
        return cached
    paths = set(ctx.loaded.files)
    listing = ctx.loaded.root / "files.txt"
    if listing.is_file():
        try:
            paths |= {p.strip().lstrip("./") for p in
                      listing.read_text(encoding="utf-8", errors="replace").splitlines() if p.strip()}
        except OSError:
            pass
    ctx.options["site_paths"] = paths
    return paths


def folders(ctx: LintContext) -> Set[str]:
    """Every `F` such that a site path starts with `F/`: one look-up instead of a scan of all files."""
    cached = ctx.options.get("site_folders")
    if cached is None:
        cached = ctx.options["site_folders"] = set()
        for f in site_paths(ctx):
            cut = f.find("/")
            while cut != -1:
                cached.add(f[:cut])
                cut = f.find("/", cut + 1)
    return cached


def norm_url(url: str) -> str:
    url = "/" + url.strip("/")
    for suffix in ("/index.html", ".html", "/index.htm", ".htm"):
        if url.endswith(suffix):
            url = url[: -len(suffix)] or "/"
    return url.rstrip("/") or "/"


def page_urls(ctx: LintContext) -> Dict[str, object]:
    """Normalised output URL -> Page, including `redirect_from` entries."""
    cached = ctx.options.get("page_urls")
    if cached is not None:
        return cached
    urls: Dict[str, object] = {}
    for page in ctx.site.pages:
        if not page.output:
            continue
        urls.setdefault(norm_url(page.url), page)
        redirects = page.front_matter.get("redirect_from")
        for extra in redirects if isinstance(redirects, list) else [redirects] if redirects else []:
            if isinstance(extra, str):
                urls.setdefault(norm_url(extra), page)
    ctx.options["page_urls"] = urls
    return urls


def baseurl(ctx: LintContext) -> str:
    value = ctx.site.config.get("baseurl")
    return "/" + str(value).strip("/") if isinstance(value, str) and value.strip("/") else ""


def resolve(url: str, page_url: str, base: str) -> Optional[str]:
    """A local link as a site path without query or fragment ('' for the root), or None when
    it is external, an anchor on the same page, or still holds Liquid."""
    url = url.strip()
    if not url or url.startswith(("#", "//", "{", "?")) or SCHEME.match(url) or "{{" in url or "{%" in url:
        return None
    path = unquote(QUERY_OR_FRAGMENT.split(url, maxsplit=1)[0])
    if not path:
        return None
    if not path.startswith("/"):
        folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
        path = posixpath.join(folder or "/", path)
    path = posixpath.normpath(path)
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):] or "/"
    return path.lstrip("/")


def exists(ctx: LintContext, path: str) -> bool:
    """True when a file, a folder's index or a page is at this site path."""
    files = site_paths(ctx)
    if path in files or not path or path in (".", "/"):
        return True
    stem = path.rstrip("/")
    if stem in files or f"{stem}/index.html" in files or f"{stem}/index.md" in files:
        return True
    if path.endswith("/") and stem in folders(ctx):
        return True
    if norm_url(path) in page_urls(ctx):
        return True
    top = stem.split("/", 1)[0]
    if top in GENERATED or (top in THEME_FOLDERS and top not in folders(ctx)):
        return True
    return False


def project_prefix(ctx: LintContext, path: str) -> bool:
    """A GitHub project site is served under /REPO/ even when `baseurl` is empty; a path that
    starts with the repository's name and exists without it is fine."""
    if baseurl(ctx) or "/" not in path:
        return False
    first, rest = path.split("/", 1)
    folder = ctx.loaded.root.resolve().name
    repository = str(ctx.site.config.get("repository") or "")
    if first == folder or folder.endswith("__" + first) or repository.endswith("/" + first) \
            or first.endswith(".github.io"):
        return exists(ctx, rest)
    return False


def case_twin(ctx: LintContext, path: str) -> str:
    """The existing file whose name differs only in case (GitHub Pages is case-sensitive)."""
    by_lower = ctx.options.get("paths_by_lower")
    if by_lower is None:
        by_lower = ctx.options["paths_by_lower"] = {}
        for f in site_paths(ctx):
            by_lower.setdefault(f.lower(), f)
    return by_lower.get(path.lower(), "")
