"""What every lint rule is: a code, a name, a severity and a `check()` generator."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional

from ..diagnostics import Diagnostic, Fix
from ..model import Site, Span

DOC_HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "## Fix")


@dataclass
class Owner:
    """Who the site belongs to, from `_config.yml`, the pages and the lint config."""

    name: str = ""
    variants: List[str] = field(default_factory=list)
    homepage: str = ""
    scholar_id: str = ""
    github: str = ""


@dataclass
class LintContext:
    """What rules see: the model, the raw documents, the owner and today's date."""

    site: Site
    loaded: Any  # migrator.loader.LoadedSite
    owner: Owner
    today: dt.date
    options: Dict[str, Any] = field(default_factory=dict)


class Rule:
    """Base class. Subclasses set code/name/severity and implement check()."""

    code = ""
    name = ""
    severity = "warning"
    scope = "site"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def report(self, message: str, span: Span, related: Optional[List[Span]] = None,
               fix: Optional[Fix] = None, severity: Optional[str] = None) -> Diagnostic:
        return Diagnostic(self.code, self.name, severity or self.severity, message, span,
                          list(related or []), fix)
