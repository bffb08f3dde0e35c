"""OWN001: a link to another person's homepage or profile where the owner's own is meant."""
from __future__ import annotations

import re
from typing import Iterator, Optional
from urllib.parse import parse_qs, urlparse

from ..diagnostics import Diagnostic
from ..leftovers import load
from ..owner import owner_match, owner_names
from .base import LintContext, Rule
from .textscan import links_in, rendered_lines

# labels that say "this is mine": the target should be the owner's own site
_OWN_LABEL = re.compile(r"^(all|all papers|all publications|full list|full publication list|complete list|"
                        r"full publications|publication list|cv|resume|curriculum vitae|my homepage|"
                        r"personal homepage|my website|personal website|see all|more publications)$")
# labels that are only "mine" when the link goes to a publication list or a CV ('homepage' and
# 'website' are not: they usually introduce an advisor's or a co-author's site)
_WEAK_LABEL = re.compile(r"^(here|more|publications|papers|list)$")
_OWN_PATH = re.compile(r"^/?(publications?|pubs|papers|cv|resume|files/[^/]*cv[^/]*\.pdf)/?(index\.html)?$", re.I)
_SCHOLAR_LABEL = re.compile(r"^(google scholar|scholar|my google scholar|google scholar profile|citations|"
                            r"all|full list|full publication list|publications|all publications|here)$")
_CITATION_BADGE = re.compile(r"show_paper_citations'?\"?\s+data\s*=\s*['\"]([\w-]{12}):")


def plain(label: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", re.sub(r"<[^>]+>", "", label))).strip().lower()


def _may_be_profile(url: str) -> bool:
    """Whether the host can be a github.io site or Google Scholar: the host is a piece of the URL.
    URLs urlparse changes (tabs, newlines) or may refuse (brackets, non-ASCII) are parsed as before."""
    if not (url.isascii() and url.isprintable()) or "[" in url or "]" in url:
        return True
    low = url.lower()
    return ".github.io" in low or "scholar.google." in low


class ForeignProfileLink(Rule):
    """Flags a link to someone else's homepage or Scholar profile where the owner's is meant.

    ## What it does
    Looks at links whose label says they lead to the owner's own material
    ("all", "full list", "CV", "Google Scholar", the owner's name) and
    reports those that go to a different `*.github.io` site than the owner's
    (from `url`/`repository` in `_config.yml`) or to a Google Scholar profile
    whose user id differs from the owner's. acad-homepage citation badges
    (`show_paper_citations`) with another user's id are reported too. Links
    to co-authors, labelled with their names, are left alone.

    ## Why is this bad?
    Sites are often started from a friend's copy: the "all publications"
    link then sends visitors to the friend's list.

    ## Example
    ```markdown
    Selected Publications ([all](https://xuefuzhao.github.io/publications/))
    ```
    on a site whose `url` is `https://oahzxl.github.io`.

    ## Fix
    Point the link at the owner's own page or profile.
    """

    code = "OWN001"
    name = "foreign-profile-link"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        owner = ctx.owner
        own_host = (urlparse(owner.homepage).hostname or "").lower() if owner.homepage else ""
        own_user = (owner.github or "").lower()
        names = owner_names(owner)
        template_ids = set(load().scholar_ids)
        for line in rendered_lines(ctx):
            for link in links_in(line.text):
                why = self._foreign(link.label, link.url, own_host, own_user, owner.scholar_id, names,
                                    template_ids)
                if why:
                    yield self.report(why, line.span(link.col))
            if owner.scholar_id:
                for match in _CITATION_BADGE.finditer(line.text):
                    if match.group(1) not in (owner.scholar_id, *template_ids):
                        yield self.report(f"citation badge reads Scholar user {match.group(1)}, not the "
                                          f"owner's ({owner.scholar_id})", line.span(match.start(1) + 1))

    def _foreign(self, label: str, url: str, own_host: str, own_user: str, scholar: str, names,
                 template_ids) -> Optional[str]:
        if not _may_be_profile(url):
            return None
        parsed = urlparse(url.strip())
        host = (parsed.hostname or "").lower()
        text = plain(label)
        named = bool(text) and bool(names) and owner_match(label.strip(), names)
        if host.endswith(".github.io") and (own_host or own_user):
            user = host[:-len(".github.io")]
            if host == own_host or user == own_user:
                return None
            if named or _OWN_LABEL.match(text) or (_WEAK_LABEL.match(text) and _OWN_PATH.match(parsed.path)):
                mine = own_host or f"{own_user}.github.io"
                return f"'{label.strip()}' links to {host}, which is not the owner's site ({mine})"
        if "scholar.google." in host and scholar:
            user = (parse_qs(parsed.query).get("user") or [""])[0]
            if user and user != scholar and user not in template_ids and (named or _SCHOLAR_LABEL.match(text)):
                return (f"'{label.strip()}' links to Google Scholar user {user}, not the owner's "
                        f"({scholar})")
        return None
