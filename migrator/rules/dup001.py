"""DUP001: the same publication, news item, talk, degree or job listed twice in one list."""
from __future__ import annotations

from typing import Callable, Hashable, Iterator, List, Optional, Sequence

from ..diagnostics import Diagnostic, Edit, Fix
from ..matching import (cluster, cluster_publications, cluster_texts, degree_level, fold,
                        organisation_keys, same_organisation)
from .base import LintContext, Rule
from .textscan import file_lines, short


def publication_groups(ctx: LintContext) -> List[List]:
    """`cluster_publications` of the site, computed once per lint run (DUP001 and DUP002 both need it)."""
    groups = ctx.options.get("publication_groups")
    if groups is None:
        groups = ctx.options["publication_groups"] = cluster_publications(ctx.site.publications)
    return groups


def list_of(node) -> Hashable:
    """The list an entry is shown in: its page and heading; a collection is one list."""
    top = node.span.path.split("/")[0]
    if getattr(node, "source", "") == "collection" or (
            "/" in node.span.path and top.startswith("_") and top not in ("_pages", "_data")):
        return ("collection", top)
    return (node.span.path, getattr(node, "group", ""))


class DuplicateEntry(Rule):
    """Flags the same entry listed twice in one list (or one collection).

    ## What it does
    Finds a publication, news item, talk, degree or job that appears twice in
    the same list: under one heading of a page, or as two files of one
    collection. Publications are matched by title (ignoring case and
    punctuation), arXiv id or DOI, so an entry written once with authors and
    once with a role only is still found.

    ## Why is this bad?
    Readers see the paper twice and wonder which entry is current; counts of
    papers and talks come out wrong.

    ## Example
    ```markdown
    * **Real-Time Video Generation with Pyramid Attention Broadcast** ...
    * **Real-Time Video Generation with Pyramid Attention Broadcast** ...
    ```

    ## Fix
    Delete one of the entries. When both entries are byte-for-byte the same
    lines of one file, `--fix` deletes the second.
    """

    code = "DUP001"
    name = "duplicate-entry"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        site = ctx.site
        yield from self._report(ctx, publication_groups(ctx), "publication",
                                lambda p: p.title)
        yield from self._report(ctx, cluster_texts(site.news, lambda n: n.text, lambda n: n.date),
                                "news item", lambda n: n.text)
        yield from self._report(ctx, cluster_texts(site.talks, lambda t: t.title + " " + t.event,
                                                   lambda t: t.date), "talk", lambda t: t.title)
        yield from self._report(ctx, cluster(site.education, _degree_keys, _same_degree), "degree",
                                lambda e: f"{e.degree} {e.institution}".strip())
        yield from self._report(ctx, cluster(site.experience, _job_keys, _same_job), "job",
                                lambda e: e.organisation)

    def _report(self, ctx: LintContext, groups: Sequence[List], what: str,
                label: Callable) -> Iterator[Diagnostic]:
        for group in groups:
            seen: dict = {}
            for node in group:
                where = list_of(node)
                first = seen.setdefault(where, node)
                if first is node:
                    continue
                message = (f"{what} '{short(label(node))}' is listed twice in this list; "
                           f"first at line {first.span.line}")
                yield self.report(message, node.span, related=[first.span],
                                  fix=exact_duplicate_fix(ctx, first, node))


def _degree_keys(e) -> List[Hashable]:
    return [(k, degree_level(e.degree), e.start) for k in organisation_keys(e.institution)]


def _same_degree(a, b) -> bool:
    return degree_level(a.degree) == degree_level(b.degree) and a.start == b.start and \
        same_organisation(a.institution, b.institution)


def _job_keys(e) -> List[Hashable]:
    return [(k, e.start) for k in organisation_keys(e.organisation)]


def _same_job(a, b) -> bool:
    # two stints at one place are normal; the same role from the same (known) date is a repeat
    same_text = fold(a.text) == fold(b.text) and fold(a.role) == fold(b.role)
    return (len(a.start) >= 7 or same_text) and a.start == b.start and fold(a.role) == fold(b.role) and \
        same_organisation(a.organisation, b.organisation)


def exact_duplicate_fix(ctx: LintContext, first, node) -> Optional[Fix]:
    """Delete the second entry's lines when they repeat the first entry's lines exactly."""
    if first.span.path != node.span.path:
        return None
    lines = file_lines(ctx, node.span.path)
    a = lines[first.span.line - 1:first.span.end_line]
    b = lines[node.span.line - 1:node.span.end_line]
    if not b or [x.rstrip() for x in a] != [x.rstrip() for x in b]:
        return None
    numbers = list(range(node.span.line, node.span.end_line + 1))
    # take one blank separator with it, so no double gap is left behind
    before, after = node.span.line - 1, node.span.end_line + 1
    if before >= 1 and after <= len(lines) and not lines[before - 1].strip() and not lines[after - 1].strip():
        numbers.append(after)
    edits = [Edit(node.span.path, n, lines[n - 1], None) for n in numbers]
    return Fix(f"delete the repeated entry (lines {numbers[0]}-{numbers[-1]})", edits)
