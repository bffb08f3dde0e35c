"""NAV001: a navigation entry whose page or anchor does not exist."""
from __future__ import annotations

import difflib
import re
from typing import Iterator, List

from ..diagnostics import Diagnostic
from ..model import NavItem, Span
from .anchors import ids_of
from .base import LintContext, Rule
from .scan import strip_liquid, yaml_files
from .targets import SCHEME, baseurl, exists, norm_url, page_urls, project_prefix, resolve


def _flatten(items: List[NavItem]) -> Iterator[NavItem]:
    for item in items:
        yield item
        yield from _flatten(item.children)


def _loose(anchor: str) -> str:
    """An id without marks and joiners: emoji variation selectors vary between editors."""
    return re.sub(r"[\u0300-\u036f\u200c\u200d\ufe00-\ufe0f]", "", anchor)


def _url_span(ctx: LintContext, item: NavItem) -> Span:
    """The line of the entry's `url:` (the model keeps the line of its title)."""
    lines = yaml_files(ctx).get(item.span.path, [])
    for number in range(item.span.line, min(item.span.line + 6, len(lines)) + 1):
        col = lines[number - 1].find(item.url) if item.url else -1
        if col >= 0 and "url" in lines[number - 1]:
            return Span(item.span.path, number, col + 1)
    return Span(item.span.path, item.span.line, item.span.col)


class BrokenNavigation(Rule):
    """A navigation entry whose page or heading anchor does not exist.

    ## What it does
    Resolves each entry of `_data/navigation.yml` (with `baseurl`) to a page,
    collection item or file of the site, and its `#anchor` to an id of that
    page: an `id=` written in HTML or an IAL, or the id kramdown gives a
    heading (with GFM input, `# 🔥 News` becomes `-news`). Pages that pull in
    theme includes are not checked for anchors.

    ## Why is this bad?
    The menu item leads to a 404, or to the top of the page instead of the
    section, usually after a heading was renamed or an emoji was added.

    ## Example
    ```yaml
    - title: "Publications"
      url: "/#-publications"    # the heading is "# 📝 Selected Publications"
    ```

    ## Fix
    Point the entry at the heading's id (`/#-selected-publications`), or give
    the heading an explicit id with `<span class='anchor' id='-publications'></span>`.
    """

    code = "NAV001"
    name = "broken-navigation"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        base = baseurl(ctx)
        pages = page_urls(ctx)
        for item in _flatten(ctx.site.navigation):
            url = strip_liquid(item.url.strip())
            if not url or SCHEME.match(url) or url.startswith("//") or "{" in url:
                continue
            path, _, anchor = url.partition("#")
            target = resolve(path or "/", "/", base)
            if target is None:
                continue
            span = _url_span(ctx, item)
            page = pages.get(norm_url(target))
            if page is None and project_prefix(ctx, target.rstrip("/") + "/"):
                target = target.split("/", 1)[1] if "/" in target else ""
                page = pages.get(norm_url(target))
            if page is None:
                if not exists(ctx, target):
                    yield self.report(f"menu entry {item.title!r} points at {url}, which no page "
                                      "or file of the site provides", span)
                continue
            if not anchor:
                continue
            ids = ids_of(ctx, page)
            if ids is None or anchor in ids or _loose(anchor) in {_loose(i) for i in ids}:
                continue
            close = sorted((i for i in ids if anchor.strip("-") and anchor.strip("-") in i),
                           key=lambda i: (i[:1] != anchor[:1], len(i)))[:1] \
                or difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.6)
            hint = f"; did you mean #{close[0]}?" if close else ""
            yield self.report(f"menu entry {item.title!r} points at #{anchor}, but {page.path} "
                              f"has no such id{hint}", span)


