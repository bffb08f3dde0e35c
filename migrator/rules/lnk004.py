"""LNK004: an empty or placeholder link."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .scan import written_links
from .textscan import may_match

_BARE_SCHEME = re.compile(r"^(?:https?://)?(?:www\.?)?$", re.I)
_PLACEHOLDER = re.compile(
    r"YOUR[_-]?[A-Z]|\byour[-_]?(?:user)?(?:name|id|handle|profile|link|url|email|site)\b|<your|"
    r"\bx{4,}\b|\bexample\.(?:com|org|net)\b|\b(?:TODO|TBD|FIXME)\b|link[-_]?here|url[-_]?here|"
    r"\bLINK_TO\b", re.I)
_PLACEHOLDER_HINT = re.compile(r"your|xxxx|example\.|todo|tbd|fixme|here|link_to")  # in every match, lowered


def placeholder(url: str, how: str, tag: str) -> Optional[str]:
    value = url.strip()
    if value == "":
        return "empty link target" if how != "yaml" else None
    if value.startswith("[") and "](" in value:
        return "link target is itself a markdown link; the outer link is broken"
    if _BARE_SCHEME.match(value):
        return f"link {value!r} has no address after the scheme"
    match = _PLACEHOLDER.search(value) if may_match(value, _PLACEHOLDER_HINT) else None
    if match:
        return f"placeholder link {value!r} was never filled in"
    return None


class PlaceholderLink(Rule):
    """An empty link, or a placeholder address left unfilled.

    ## What it does
    Reports links in pages and front matter whose target is empty (`[PDF]()`,
    `href=""`), a scheme with no address (`http://`), another markdown link
    (`[a]([b](url))`), or a
    placeholder such as `YOUR_USERNAME`, `your-name`, `xxxx`, `example.com` or
    `TODO`. Placeholder values in `_config.yml` are left to TPL001.

    ## Why is this bad?
    The button is shown but leads nowhere, which reads as a broken site.

    ## Example
    ```markdown
    [Code](https://github.com/YOUR_USERNAME/project) [Slides]()
    ```

    ## Fix
    Fill in the real address, or remove the link until there is one.
    """

    code = "LNK004"
    name = "placeholder-link"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for link in written_links(ctx):
            if not link.page_url or link.how == "bare":
                continue
            if link.how == "html" and link.label == "src" and not link.url.strip():
                continue  # <img src=""> is filled by scripts in some themes
            why = placeholder(link.url, link.how, link.label)
            if why:
                yield self.report(why, Span(link.path, link.line, link.col))
