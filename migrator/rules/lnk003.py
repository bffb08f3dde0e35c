"""LNK003: a local link, image or avatar that points at a file or page the site does not have."""
from __future__ import annotations

import posixpath
from typing import Iterator, Optional

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .scan import line_of_key, strip_liquid, written_links, yaml_files
from .targets import baseurl, case_twin, exists, project_prefix, resolve

IMAGE_KEYS = ("teaser", "og_image", "overlay_image")
PATH_KEYS = IMAGE_KEYS + ("paperurl", "slidesurl", "bibtexurl", "pdf", "slides", "link", "url",
                          "video", "code", "image", "redirect", "external_url")
"""Front matter keys academicpages reads from images/ when they hold a bare file name."""


class MissingLocalFile(Rule):
    """A local link, image or the avatar pointing at a file or page the site does not have.

    ## What it does
    Resolves every local link and image (`/files/cv.pdf`, `images/me.jpg`,
    `{{ base_path }}/files/x.pdf`, `paperurl` in front matter) the way a
    browser does from the page's URL, and the avatar the way the theme does
    (academicpages reads `avatar: me.jpg` from `images/`), and reports those
    that match no file and no page of the site. When the site folder holds a
    `files.txt` (a content-only copy), it is taken as the list of the real
    repository's files.

    ## Why is this bad?
    Visitors get a 404 for the CV or the paper, or a broken image icon where
    the photo should be.

    ## Example
    ```markdown
    [CV](/files/CV.pdf)     <!-- the file is files/cv.pdf -->
    ```

    ## Fix
    Add the file, or correct the path: GitHub Pages is case-sensitive.
    """

    code = "LNK003"
    name = "missing-local-file"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        base = baseurl(ctx)
        for link in written_links(ctx):
            if not link.page_url or link.how in ("bare", "autolink") or link.url.startswith("["):
                continue
            if link.how == "yaml" and link.key.lower() not in PATH_KEYS:
                continue
            url = strip_liquid(link.url)
            if link.how == "yaml" and link.key.lower() in IMAGE_KEYS and ctx.site.theme == "academicpages" \
                    and "/" not in url and "://" not in url and "{" not in url:
                url = "/images/" + url
            why = self.missing(ctx, url, link.page_url, base, link.path, link.how == "yaml")
            if why:
                yield self.report(why, Span(link.path, link.line, link.col))
        yield from self.check_avatar(ctx)

    def missing(self, ctx: LintContext, url: str, page_url: str, base: str, source: str,
                lenient: bool) -> Optional[str]:
        target = resolve(url, page_url, base)
        if target is None or exists(ctx, target) or project_prefix(ctx, target):
            return None
        if target.endswith((".md", ".markdown")):
            # jekyll-relative-links (on by default on GitHub Pages) turns links to sources into page URLs
            beside = posixpath.normpath(posixpath.join(posixpath.dirname(source), url.split("#")[0]))
            if exists(ctx, beside):
                return None
        if lenient:
            # a front matter value is printed on the item's page and on listing pages alike
            rooted = resolve("/" + url.lstrip("./"), "/", base)
            if rooted is None or exists(ctx, rooted):
                return None
        twin = case_twin(ctx, target)
        hint = f" (the site has {twin}; GitHub Pages is case-sensitive)" if twin else ""
        return f"{url} points at /{target}, which is not in the site{hint}"

    def check_avatar(self, ctx: LintContext) -> Iterator[Diagnostic]:
        author = ctx.site.config.get("author")
        avatar = author.get("avatar") if isinstance(author, dict) else None
        if not isinstance(avatar, str) or not avatar.strip() or "://" in avatar or "{" in avatar:
            return
        avatar = avatar.strip()
        lines = yaml_files(ctx).get("_config.yml", [])
        place = line_of_key(lines, "avatar", ctx.site.config_lines.get("author", 1)) or (1, 1)
        span = Span("_config.yml", place[0], place[1])
        if ctx.site.theme == "academicpages":
            # the sidebar prepends /images/ to whatever is written
            target = posixpath.normpath("images/" + avatar).lstrip("./") or "images"
            if exists(ctx, target):
                return
            if exists(ctx, avatar.lstrip("/")):
                yield self.report(f"avatar {avatar!r} is read from images/ by academicpages, so it "
                                  f"points at /{target}; write {avatar.rsplit('/', 1)[-1]!r}", span)
                return
        else:
            target = posixpath.normpath(avatar).lstrip("./")
            if exists(ctx, target):
                return
        twin = case_twin(ctx, target)
        hint = f" (the site has {twin}; GitHub Pages is case-sensitive)" if twin else ""
        yield self.report(f"avatar {avatar!r} points at /{target}, which is not in the site{hint}", span)
