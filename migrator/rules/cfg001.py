"""CFG001: `url` and `baseurl` of `_config.yml` that make the theme build broken links."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .scan import line_of_key, yaml_files


def url_problem(url: str) -> Optional[str]:
    if not re.match(r"^https?://", url):
        return f"url {url!r} has no http:// or https://, so links built from it are relative"
    path = re.sub(r"^https?://[^/]*", "", url)
    if path.strip("/"):
        return (f"url {url!r} holds the path {path!r}; `url` is the host only and the path "
                f"belongs in `baseurl: \"/{path.strip('/')}\"`")
    return None


def baseurl_problem(base: str) -> Optional[str]:
    if base == "/":
        return "baseurl '/' makes links start with '//', which browsers read as another host; write \"\""
    if not base.startswith("/"):
        return f"baseurl {base!r} must start with '/' (e.g. \"/{base.strip('/')}\")"
    if base.endswith("/"):
        return f"baseurl {base!r} must not end with '/': links would contain '//'"
    return None


class BrokenSiteUrl(Rule):
    """`url` or `baseurl` in `_config.yml` written so that the theme's links break.

    ## What it does
    Checks that `url` is a scheme and host only (`https://name.github.io`) and
    that `baseurl` is empty or a path that starts and does not end with `/`
    (`/repository`).

    ## Why is this bad?
    The themes build every link as `{{ site.url }}{{ site.baseurl }}/path`: a
    path inside `url`, a `baseurl` of `/` or one without its leading slash
    gives links such as `//files/cv.pdf` that point at another host, or at a
    folder that does not exist.

    ## Example
    ```yaml
    url: https://name.github.io/project/
    baseurl: ""
    ```

    ## Fix
    `url: https://name.github.io` and `baseurl: "/project"`.
    """

    code = "CFG001"
    name = "broken-site-url"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        lines = yaml_files(ctx).get("_config.yml", [])
        for key, judge in (("url", url_problem), ("baseurl", baseurl_problem)):
            value = ctx.site.config.get(key)
            if not isinstance(value, str) or not value.strip() or "{" in value:
                continue
            why = judge(value.strip())
            if why:
                line, col = line_of_key(lines, key) or (ctx.site.config_lines.get(key, 1), 1)
                yield self.report(why, Span("_config.yml", line, col))
