"""TPL001: sample content of the template left in the site."""
from __future__ import annotations

import re
from typing import Iterator, List, Set, Tuple

from ..diagnostics import Diagnostic
from ..leftovers import Fact, load
from ..matching import fold, title_key
from ..model import Span, content_nodes
from ..owner import owner_match, owner_names, scholar_id
from .base import LintContext, Rule
from .textscan import block_span, blocks, config_line, rendered_lines, sample_title, short

SAMPLE_KINDS = ("template-sample", "template-placeholder")
BLOCK_GAP = 6
_READING_ORDER = ("title", "name", "degree", "role", "field", "institution", "organisation", "event",
                  "location", "text", "description")
"""Fields of an entry in the order a CV line reads them ('M.S. in Jekyll, GitHub University')."""
_TITLED = (("publications", "title"), ("talks", "title"), ("teaching", "title"),
           ("portfolio", "title"), ("posts", "title"))
_SCHOLAR_ID = re.compile(r"[\w-]{12}")
_HEADING_TEXT = re.compile(r"^\s{0,3}#{1,6}\s*|\s*#*\s*$")


class TemplateSampleContent(Rule):
    """Flags sample content of academicpages or acad-homepage left in the site.

    ## What it does
    Compares the site with a packaged list of the templates' sample content
    across their versions (migrator/data/leftovers.json): academicpages'
    sample publications ("Paper Title Number 1"), talks, teaching, portfolio
    items and posts, the sample CV and about-page text; acad-homepage's
    Lorem ipsum; and placeholder values of `_config.yml` such as
    `YOUR_GOOGLE_SCHOLAR_ID`, "Your Sidebar Name" or "Red Brick University".
    Text inside HTML comments is not rendered and is not reported; a demo
    page of the template (its Markdown guide) is reported as information.

    ## Why is this bad?
    Visitors see a talk the owner never gave, or a sidebar that says "Red
    Brick University"; search engines index it under the owner's name.

    ## Example
    `_talks/2012-03-01-talk-1.md` with title "Talk 1 on Relevant Topic in
    Your Field".

    ## Fix
    Delete the sample files and lines, or replace them with the owner's own.
    """

    code = "TPL001"
    name = "template-sample-content"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        data = load()
        names = owner_names(ctx.owner)
        reported: Set[Tuple[str, int]] = set()
        files_done: Set[str] = set()
        for list_name, attr in _TITLED:
            for node in getattr(ctx.site, list_name):
                title = getattr(node, attr, "") or ""
                fact = sample_title(ctx, title) or next(
                    (f for f in data.phrases_in(title) if f.kind in SAMPLE_KINDS), None)  # 'Talk A on Relevant Topic ...'
                if not fact or fact.kind not in SAMPLE_KINDS or _owner_wrote(data, node, names):
                    continue
                reported.add((node.span.path, node.span.line))
                if node.span.path.split("/")[0] not in ("_pages", "") and "/" in node.span.path:
                    files_done.add(node.span.path)
                yield self.report(f"{fact.what} '{short(getattr(node, attr))}' left from the template {_from(fact)}",
                                  node.span)
        yield from self._data_entries(ctx, data, reported)
        hits: List = []
        for line in rendered_lines(ctx):
            if line.path in files_done or (line.path, line.number) in reported:
                continue
            fact = self._line_fact(data, line)
            if fact is None:
                continue
            if line.collection or fact.whole_file:
                files_done.add(line.path)  # one finding per sample file is enough
            hits.append((line, fact))
        for run in blocks(hits, BLOCK_GAP):  # consecutive sample lines of one page make one finding
            span, more = block_span(run)
            fact = run[0][1]
            if fact.whole_file:  # a demo page nobody links to: worth knowing, not a warning
                found = self.report(f"{fact.what} is still published ('{short(fact.text, 50)}') {_from(fact)}",
                                    span, severity="info")
                found.whole_file = True
                yield found
                continue
            yield self.report(f"{fact.what}: '{short(fact.text, 70)}'{more} {_from(fact)}", span)
        yield from self._config(ctx, data)

    def _data_entries(self, ctx: LintContext, data, reported: Set[Tuple[str, int]]) -> Iterator[Diagnostic]:
        """Entries read from `_data` files (a JSON Resume cv.json): their text is not a page line."""
        for _, node in content_nodes(ctx.site):
            where = (node.span.path, node.span.line)
            if not node.span.path.startswith("_data/") or where in reported:
                continue
            text = _entry_text(node)
            fact = next((f for f in data.phrases_in(text) if f.kind in SAMPLE_KINDS), None)
            if fact:
                reported.add(where)
                yield self.report(f"{fact.what}: '{short(fact.text, 70)}' {_from(fact)}", node.span)

    def _line_fact(self, data, line):
        if line.heading:
            fact = data.headings.get(fold(_HEADING_TEXT.sub("", line.text)))
            if fact:
                return fact
        for fact in data.phrases_in(line.text):
            if fact.kind in SAMPLE_KINDS:
                return fact
        if "scholar" not in line.text.lower():
            return None  # a sample Scholar id counts only on a line about Scholar
        for match in _SCHOLAR_ID.finditer(line.text):
            fact = data.scholar_ids.get(match.group(0))
            if fact and fact.kind in SAMPLE_KINDS:
                return Fact(match.group(0), "scholar_ids", fact.group, fact.kind,
                            "Google Scholar id of the template's sample", fact.source)
        return None

    def _config(self, ctx: LintContext, data) -> Iterator[Diagnostic]:
        config = ctx.site.config or {}
        author = config.get("author") if isinstance(config.get("author"), dict) else {}
        values = [(key, config.get(key)) for key in ("title", "name", "description", "url", "repository")]
        values += [(f"author.{key}", value) for key, value in author.items()]
        for key, value in values:
            if not isinstance(value, str):
                continue
            fact = data.placeholder(value, key)
            sid = scholar_id(value) if "scholar" in key else ""
            if not fact and sid in data.scholar_ids and data.scholar_ids[sid].kind in SAMPLE_KINDS:
                fact = data.scholar_ids[sid]
            if fact is None:
                continue
            line = config_line(ctx.loaded, key) or ctx.site.config_lines.get(key.split(".")[0], 1)
            yield self.report(f"`{key}` is still the template's placeholder '{short(value, 60)}'",
                              Span("_config.yml", line, 1, line))


def _owner_wrote(data, node, names) -> bool:
    """A sample title that is really the owner's paper (the owner is one of its known authors)."""
    authors = data.title_authors.get(title_key(getattr(node, "title", "")), [])
    return bool(names) and any(owner_match(a, names) for a in authors)


def _entry_text(node) -> str:
    """An entry as a CV line would read: 'M.S. in Jekyll, GitHub University'."""
    parts = [str(getattr(node, name)) for name in _READING_ORDER if getattr(node, name, "")]
    degree, field = getattr(node, "degree", ""), getattr(node, "field", "")
    if degree and field and field not in degree:
        parts[parts.index(degree):parts.index(field) + 1] = [f"{degree} in {field}"]
    return ", ".join(parts)


def _from(fact: Fact) -> str:
    return f"(see {fact.source})"
