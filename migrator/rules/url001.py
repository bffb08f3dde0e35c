"""URL001: two files that Jekyll would write to the same URL."""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, Tuple

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule


_POST = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")


def destination(url: str) -> str:
    """The file Jekyll writes for a URL: `/a/` -> a/index.html, `/a` and `/a.html` -> a.html."""
    path = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if path == "" or path.endswith("/"):
        return path + "index.html"
    last = path.rsplit("/", 1)[-1]
    return path if "." in last else path + ".html"


class PermalinkCollision(Rule):
    """Two files that Jekyll would write to the same URL.

    ## What it does
    Computes the output URL of every page, post and collection item the way
    Jekyll does (permalink, collection permalink, `defaults:`), adds the
    redirect pages of `redirect_from`, and reports every file whose URL is
    already taken, pointing at the first one.

    ## Why is this bad?
    Only one of them is published; which one depends on the build order, so a
    page can vanish from the site without any error.

    ## Example
    ```yaml
    # _pages/about.md                 # _pages/about-me.md
    permalink: /about/                permalink: /about/
    ```

    ## Fix
    Give one of them another `permalink`, or delete the stale copy.
    """

    code = "URL001"
    name = "permalink-collision"
    severity = "error"

    @staticmethod
    def published(ctx: LintContext, page) -> bool:
        """Jekyll writes the page: it has front matter, is not unpublished, and a post has a
        date in its name that is not in the future (unless `future: true`)."""
        if not page.output or not page.url or page.front_matter.get("published") is False:
            return False
        if page.collection and not page.key_lines and not page.front_matter.get("title"):
            return bool(page.span.end_line > 1)
        if page.collection == "posts":
            name = _POST.match(page.path.rsplit("/", 1)[-1])
            if not name:
                return False
            date = str(page.front_matter.get("date") or "-".join(name.groups()))[:10]
            if ctx.site.config.get("future") is not True and date > ctx.today.isoformat():
                return False
        return True

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        owners: Dict[str, Tuple[Span, str]] = {}
        redirects: List[Tuple[str, Span, str, str]] = []
        for page in sorted(ctx.site.pages, key=lambda p: p.path):
            if not self.published(ctx, page):
                continue
            target = destination(page.url)
            span = Span(page.path, page.key_lines.get("permalink", 1), 1)
            if target in owners:
                first, first_path = owners[target]
                yield self.report(f"{page.path} is written to {page.url}, like {first_path}; "
                                  "only one of them is published", span, related=[first])
            else:
                owners[target] = (span, page.path)
            extra = page.front_matter.get("redirect_from")
            for url in extra if isinstance(extra, list) else [extra] if isinstance(extra, str) else []:
                if isinstance(url, str) and url.strip():
                    redirects.append((url, Span(page.path, page.key_lines.get("redirect_from", 1), 1),
                                      page.path, destination(page.url)))
        for url, span, path, own in redirects:
            target = destination(url)
            if target in owners and target != own and owners[target][1] != path:
                first, first_path = owners[target]
                yield self.report(f"redirect_from {url} of {path} overwrites {first_path}, "
                                  "which is published at that URL", span, related=[first])
