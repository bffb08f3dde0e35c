"""OWN002: the owner's name written or highlighted inconsistently across the site."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Dict, Iterator, List, Optional, Tuple

from ..diagnostics import Diagnostic
from ..matching import fold
from ..model import Person, Publication
from ..owner import near_miss, owner_match, owner_names
from .base import LintContext, Rule
from .textscan import file_lines, sample_title

_OPEN = re.compile(r"(\*\*|__|<(?:b|strong|u|ins)\b[^>]*>)\s*$", re.I)
_CLOSE = re.compile(r"^[\s*†‡#\d,^{}]*(?:<sup>[^<]*</sup>)?\s*(\*\*|__|</(?:b|strong|u|ins)>)", re.I)


def owner_in(pub: Publication, names: List[str]) -> Optional[Person]:
    return next((p for p in pub.authors if owner_match(p.name, names)), None)


def emphasised(pub: Publication, person: Person, lines: List[str]) -> Optional[bool]:
    """Whether the name is bold/underlined in the entry's source lines; None when not found."""
    text = "\n".join(lines[pub.span.line - 1:pub.span.end_line])
    found = None
    for match in re.finditer(re.escape(person.name), text):
        before, after = text[max(0, match.start() - 40):match.start()], text[match.end():match.end() + 40]
        if _OPEN.search(before) or _CLOSE.match(after):
            return True
        found = False
    return found


class InconsistentOwnerName(Rule):
    """Flags the owner's name misspelled, spelled differently, or left unhighlighted.

    ## What it does
    Looks at the owner in every author list: a highlighted author whose name
    is a near-miss of the owner's ("Xuanlei Zaho"); the owner written in a
    different order or spelling than in most lists ("Zhao Xuanlei" among
    "Xuanlei Zhao"); and an entry where the owner is not highlighted while
    most other entries of the same page highlight them.

    ## Why is this bad?
    Readers scan author lists for the highlighted name; a misspelling or a
    missing highlight makes a paper look like someone else's.

    ## Example
    ```markdown
    * **Paper A** \\ **Xuanlei Zhao**, Kai Wang
    * **Paper B** \\ Xuanlei Zhao, Kai Wang
    ```

    ## Fix
    Write the name the same way everywhere and highlight it in every entry.
    """

    code = "OWN002"
    name = "inconsistent-owner-name"
    severity = "info"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        names = owner_names(ctx.owner)
        if not names:
            return
        pubs = [p for p in ctx.site.publications if p.authors and not sample_title(ctx, p.title)]
        owners = {id(pub): owner_in(pub, names) for pub in pubs}  # asked by all three checks
        yield from self._misspelled(pubs, names, owners)
        yield from self._spellings(pubs, names, owners)
        yield from self._highlights(ctx, pubs, owners)

    def _misspelled(self, pubs, names, owners) -> Iterator[Diagnostic]:
        for pub in pubs:
            marked = next((p for p in pub.authors if p.is_owner), None)
            if marked is None or owner_match(marked.name, names) or owners[id(pub)]:
                continue
            if near_miss(marked.name, names):
                yield self.report(f"highlighted author '{marked.name}' looks like a misspelling of the "
                                  f"owner's name '{names[0]}'", pub.span, severity="warning")

    def _spellings(self, pubs, names, owners) -> Iterator[Diagnostic]:
        written: Dict[str, List[Publication]] = defaultdict(list)
        for pub in pubs:
            person = owners[id(pub)]
            if person is not None:
                written[_form(person.name)].append(pub)
        full = {form: items for form, items in written.items() if not _abbreviated(form)}
        if len(full) < 2:
            return
        counts = Counter({form: len(items) for form, items in full.items()})
        (main, main_count), = counts.most_common(1)
        for form, items in full.items():
            if form != main and main_count >= 3 * len(items):
                for pub in items:
                    yield self.report(f"owner written '{owners[id(pub)].name}' here but "
                                      f"'{owners[id(full[main][0])].name}' in {main_count} other "
                                      f"entries", pub.span, related=[full[main][0].span])

    def _highlights(self, ctx: LintContext, pubs, owners) -> Iterator[Diagnostic]:
        per_page: Dict[str, List[Tuple[Publication, bool]]] = defaultdict(list)
        for pub in pubs:
            person = owners[id(pub)]
            if person is None or pub.source == "collection":
                continue
            state = emphasised(pub, person, file_lines(ctx, pub.span.path))
            if state is not None:
                per_page[pub.span.path].append((pub, state))
        for entries in per_page.values():
            marked = [p for p, state in entries if state]
            plain = [p for p, state in entries if not state]
            if len(marked) >= 2 and plain and len(marked) >= 3 * len(plain):
                for pub in plain:
                    yield self.report(f"the owner is not highlighted in this entry, unlike {len(marked)} "
                                      f"other entries on this page", pub.span, related=[marked[0].span])


def _form(name: str) -> str:
    return " ".join(fold(name).split())


def _abbreviated(form: str) -> bool:
    return any(len(w) == 1 for w in form.split())

