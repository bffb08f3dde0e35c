"""TPL002: content that belongs to someone else (the template author, a friend whose site was copied)."""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, Set, Tuple

from ..diagnostics import Diagnostic
from ..leftovers import Fact, load
from ..matching import degree_level, degree_levels, fold, same_organisation
from ..owner import near_miss, owner_match, owner_names
from .base import LintContext, Rule
from .textscan import Line, block_span, blocks, rendered_lines, sample_title, short
from ..mdlinks import unlink

# several facts of the template author's homepage must agree before any is reported:
# one shared scholarship or co-author is a coincidence, five are a copy
MIN_AUTHOR_FACTS = 3
THEME_REPOS = ("github.com/rayeren/acad-homepage.github.io", "github.com/academicpages/academicpages.github.io")
_INSTITUTION = re.compile(
    r"((?:[A-Z][\w&.'’-]*\s+){0,6}(?:University|Institute|College|School|Academy|Universit[éä]t?)"
    r"(?:\s+(?:of|for|de|and|&|in)\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)*|\b[A-Z]{2,6}\b)")


_RELEASED = re.compile(r"\b(I|we)\s+(release|released|publish|published|made|build|built|create|created|"
                       r"open-?sourced?)\b", re.I)
_EMPHASIS_OR_TAG = re.compile(r"\*\*|__|<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z])")
_FIRST_PERSON = re.compile(r"\b(I|I'm|my|me)\b")
_NOT_PLACES = {"CS", "EE", "AI", "ML", "NLP", "CV", "I", "IEEE", "ACM", "USA", "UK", "PRC", "GPA", "TA", "RA"}


class ForeignContent(Rule):
    """Flags content that belongs to someone else than the site owner.

    ## What it does
    Finds what was copied along with a template or a friend's site:
    lines of the acad-homepage author's own homepage (Yi Ren's news, honors,
    education, talks, internships and papers, packaged in
    migrator/data/leftovers.json, reported once at least three of them are
    present); publications whose highlighted "self" author is not the owner
    (while the owner is named in other entries); a degree that contradicts
    the owner's education as stated in the page's own text; and news that
    links to the theme's own repository.

    ## Why is this bad?
    The site claims someone else's awards, degrees and papers under the
    owner's name.

    ## Example
    ```markdown
    - *2019.05 - 2020.02*, [EnjoyMusic](https://enjoymusic.ai/), Hangzhou.
    - `NeurIPS 2023` [Unsupervised Video Domain Adaptation ...](...), ..., **Yi Ren**, et al.
    ```

    ## Fix
    Delete the copied lines and sections, or replace them with the owner's own.
    """

    code = "TPL002"
    name = "foreign-content"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        names = owner_names(ctx.owner)
        reported: Set[Tuple[str, int]] = set()
        for diag in self._author_copy(ctx, names):
            reported.update((diag.span.path, n) for n in range(diag.span.line, diag.span.end_line + 1))
            yield diag
        for diag in [*self._foreign_highlight(ctx, names), *self._theme_repo_news(ctx),
                     *self._contradicting_degrees(ctx)]:
            if (diag.span.path, diag.span.line) not in reported:
                reported.add((diag.span.path, diag.span.line))
                yield diag

    def _author_copy(self, ctx: LintContext, names: List[str]) -> Iterator[Diagnostic]:
        data = load()
        if any(owner_match(person, names) for person in ("Yi Ren",)) and names:
            return
        hits: List[Tuple[Line, Fact]] = []
        for line in rendered_lines(ctx, pages_only=True):
            facts = [f for f in data.phrases_in(line.text) if f.kind == "template-author"]
            if facts:
                hits.append((line, facts[0]))
        titled = {(p.span.path, p.span.line): p for p in ctx.site.publications
                  if (sample_title(ctx, p.title) or Fact("", "", "", "", "", "")).kind == "template-author"}
        distinct = {f.text for _, f in hits} | {p.title for p in titled.values()}
        if len(distinct) < MIN_AUTHOR_FACTS:
            return
        for run in blocks(hits, 2):  # one finding per run of copied lines (a section)
            span, more = block_span(run)
            fact = run[0][1]
            yield self.report(f"copied from {fact.what}: '{short(fact.text, 60)}'{more} (see {fact.source})",
                              span)
        for pub in titled.values():
            if not any(owner_match(p.name, names) for p in pub.authors):
                yield self.report(f"'{short(pub.title)}' is a paper of {sample_title(ctx, pub.title).what}",
                                  pub.span)

    def _foreign_highlight(self, ctx: LintContext, names: List[str]) -> Iterator[Diagnostic]:
        if not names:
            return
        pubs = ctx.site.publications
        owner_seen = any(owner_match(p.name, names) for pub in pubs for p in pub.authors)
        if not owner_seen:
            return  # the owner's name never appears: our idea of the owner is what is wrong
        samples = load()
        latin = any(re.search(r"[A-Za-z]", n) for n in names)
        for pub in pubs:
            marked = next((p for p in pub.authors if p.is_owner), None)
            if marked is None or any(owner_match(p.name, names) for p in pub.authors):
                continue
            if sample_title(ctx, pub.title) or latin != bool(re.search(r"[A-Za-z]", marked.name)):
                continue  # a template sample (TPL001), or a name in another script we cannot compare
            if near_miss(marked.name, names):
                continue  # a misspelling of the owner (OWN002)
            known = samples.people.get(fold(marked.name))
            who = f": {known.what}" if known else ""
            yield self.report(f"highlighted author '{marked.name}' of '{short(pub.title, 50)}' is not the "
                              f"site owner ({names[0]}){who}", pub.span)

    def _theme_repo_news(self, ctx: LintContext) -> Iterator[Diagnostic]:
        own = (ctx.owner.github or "").lower()
        for item in ctx.site.news:
            low = item.text.lower()
            repo = next((r for r in THEME_REPOS if r in low and r.split("/")[1] != own), None)
            # "I release a ... homepage template": the theme author's news; "built with" is the owner's
            if repo and _RELEASED.search(item.text):
                yield self.report(f"news links to the theme's own repository ({repo}): it is the "
                                  f"template author's news", item.span)

    def _contradicting_degrees(self, ctx: LintContext) -> Iterator[Diagnostic]:
        claims = stated_degrees(ctx)
        samples = load()
        for edu in ctx.site.education:
            if any(f.kind == "template-sample" for f in samples.phrases_in(f"{edu.degree} in {edu.field}, "
                                                                           f"{edu.institution} {edu.text}")):
                continue  # the template's sample CV: TPL001 reports it
            level = degree_level(edu.degree) or degree_level(edu.text)
            stated = claims.get(level)
            if not stated or not edu.institution:
                continue
            if any(_same_place(edu.institution, inst) for inst, _ in stated):
                continue
            inst, line = stated[0]
            yield self.report(f"{level} degree at '{short(edu.institution, 50)}' contradicts the owner's "
                              f"{level} at '{inst}' stated at {line.path}:{line.number}", edu.span,
                              related=[line.span()])


def stated_degrees(ctx: LintContext) -> Dict[str, List[Tuple[str, Line]]]:
    """Degree level -> (institution, line) from sentences of the pages' prose."""
    inside = {(e.span.path, n) for e in ctx.site.education for n in range(e.span.line, e.span.end_line + 1)}
    claims: Dict[str, List[Tuple[str, Line]]] = {}
    for line in rendered_lines(ctx, pages_only=True):
        if (line.path, line.number) in inside or len(line.text) < 60:
            continue
        plain = _EMPHASIS_OR_TAG.sub("", unlink(line.text) if "](" in line.text else line.text)
        if not _FIRST_PERSON.search(plain):
            continue  # no sentence of the line speaks of the owner
        for sentence in _SENTENCE_END.split(plain):
            if not _FIRST_PERSON.search(sentence):
                continue
            levels = degree_levels(sentence) - {"school"}
            if not levels:
                continue
            places = [m.group(1).strip() for m in _INSTITUTION.finditer(sentence)
                      if not degree_level(m.group(1)) and m.group(1).strip() not in _NOT_PLACES]
            for level in levels:
                claims.setdefault(level, []).extend((p, line) for p in places)
    return {k: v for k, v in claims.items() if v}


def _same_place(a: str, b: str) -> bool:
    if same_organisation(a, b):
        return True
    wa, wb = set(fold(a).replace("univeristy", "university").split()), set(fold(b).split())
    return bool(wb) and (wb <= wa or wa <= wb)

