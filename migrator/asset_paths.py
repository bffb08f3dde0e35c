"""Asset references resolved as a browser does, against the URL of the page that shows them,
and rewritten so they work from whichever page of the new site they land on."""
from __future__ import annotations

import dataclasses
import functools
import posixpath
import re
from typing import Collection, Dict, Optional

from .model import Span, content_nodes
from .rules.scan import included_by
from .rules.targets import baseurl, resolve, site_paths
from .writers.assets import local_path, strip_base, sub_refs

WHOLE_URL_FIELDS = ("url", "image")
"""Fields holding one URL; other text fields hold markdown or HTML with links inside."""


def page_urls_by_file(ctx) -> Dict[str, str]:
    """Source file -> URL of the page showing it (an include_relative'd file takes its includer's)."""
    urls = {page.path: page.url for page in ctx.site.pages if page.output}
    for path, url in included_by(ctx).items():
        urls.setdefault(path, url)
    return urls


def rewrite_source_assets(ctx) -> Dict[str, Span]:
    """Rewrite, in the model, relative asset links that a browser resolves elsewhere than their
    text says (`../files/x.pdf` on /talks/a/) to the site-rooted path (`/files/x.pdf`).

    Returns {site path: where first written} for every local asset reference seen.
    """
    urls = page_urls_by_file(ctx)
    base = baseurl(ctx)
    files = site_paths(ctx)
    seen: Dict[str, Span] = {}

    def fix(url: str, page_url: Optional[str], span: Span) -> str:
        new = rooted(url, page_url, base, files)
        path = local_path(new)
        if path:
            seen.setdefault(path, span)
        return new

    def walk(node, page_url: Optional[str], span: Span) -> None:
        own = getattr(node, "span", None)
        if isinstance(own, Span) and own.path:
            span = own
            page_url = urls.get(own.path, page_url)
        for name in _field_names(type(node)):
            value = getattr(node, name)
            if isinstance(value, str):
                if not value:
                    continue
                if name in WHOLE_URL_FIELDS:
                    setattr(node, name, fix(value, page_url, span))
                elif "](" in value or "src" in value or "href" in value:
                    setattr(node, name, sub_refs(value, lambda u: fix(u, page_url, span)))
            elif _field_names(type(value)):
                walk(value, page_url, span)
            elif isinstance(value, list):
                for item in value:
                    if _field_names(type(item)):
                        walk(item, page_url, span)

    for _, node in content_nodes(ctx.site):
        walk(node, None, node.span)
    return seen


@functools.lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple:
    """The fields of a model node type but span and kind (none for other types), found once per type:
    every node of the site is walked."""
    if not dataclasses.is_dataclass(kind):
        return ()
    return tuple(f.name for f in dataclasses.fields(kind) if f.name not in ("span", "kind"))


def rooted(url: str, page_url: Optional[str], base: str, files: Collection[str] = ()) -> str:
    """`url` as written when it means the same file from any page; else `/site/path` (query and
    fragment kept). A browser stops `..` at the site root: a path climbing above it is taken so only
    when the site has that file, and is otherwise left as written, to be refused as leaving the site."""
    if page_url is None or strip_base(url) != url or url.startswith("/") or not local_path(url):
        return url
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    target = resolve(url, page_url, base)
    if target is None or target == local_path(url):
        return url
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    if posixpath.normpath(posixpath.join(folder.strip("/"), path)).startswith("..") and target not in files:
        return url
    return "/" + target + url[len(path):]
