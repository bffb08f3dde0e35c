"""Line accounting: every non-blank body line of every page lands in exactly one model node.

Content nodes (publications, news, ... free sections) and structural `Markup`
lines of pages count; nested spans (links, venues) do not.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, List

from .model import Site, content_nodes


@dataclass
class Accounting:
    """Lines nobody took and lines taken twice, by file."""

    missing: Dict[str, List[int]] = field(default_factory=dict)
    doubled: Dict[str, List[int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.doubled

    def summary(self, limit: int = 10) -> str:
        parts = [f"{path}: lines {lines[:limit]} not read into any node" for path, lines in self.missing.items()]
        parts += [f"{path}: lines {lines[:limit]} read into two nodes" for path, lines in self.doubled.items()]
        return "\n".join(parts)


def claimed_lines(site: Site) -> Dict[str, Dict[int, int]]:
    """How many top-level nodes claim each line, by path."""
    counts: Dict[str, Dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for _, node in content_nodes(site):
        span = node.span
        for line in range(span.line, span.end_line + 1):
            counts[span.path][line] += 1
    for page in site.pages:
        for markup in page.structure:
            span = markup.span
            for line in range(span.line, span.end_line + 1):
                counts[span.path][line] += 1
    return counts


def account(site: Site, bodies: Dict[str, List[tuple]]) -> Accounting:
    """Check `bodies` ({path: [(line, text), ...]}) against the nodes of `site`."""
    counts = claimed_lines(site)
    result = Accounting()
    for path, lines in bodies.items():
        taken = counts.get(path, {})
        missing = [n for n, text in lines if text.strip() and taken.get(n, 0) == 0]
        doubled = [n for n, text in lines if text.strip() and taken.get(n, 0) > 1]
        if missing:
            result.missing[path] = missing
        if doubled:
            result.doubled[path] = doubled
    return result


def account_site(root: str, theme=None) -> Accounting:
    """Read a site and check its accounting (used by tests)."""
    from .readers import read_loaded

    loaded = read_loaded(root, theme)
    return account(loaded.site, {doc.path: doc.body() for doc in loaded.documents})
