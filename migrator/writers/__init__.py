"""Target-theme writers: one module each, behind one registry.

A writer takes the canonical `Site` (already merged and cleaned by
migrator/converting.py) and returns the files of the new site as text, the
assets to copy, and what it did with each content node.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..model import Site, Span


@dataclass
class WriteOptions:
    """What a writer may know besides the model."""

    base_config: Optional[str] = None
    """Text of the `_config.yml` already in --out (a theme checkout), to merge into."""
    site_files: Tuple[str, ...] = ()
    """Files of the source site (to tell an asset that exists from a missing one)."""


@dataclass
class Output:
    """Files to write, assets to copy, and the fate of each node."""

    files: Dict[str, str] = field(default_factory=dict)
    copies: Dict[str, str] = field(default_factory=dict)
    """output path -> source-site path."""
    placed: Dict[int, Tuple[str, str, str]] = field(default_factory=dict)
    """id(node) -> (status 'mapped' | 'carried' | 'dropped', output path, reason)."""
    notices: List[Tuple[str, str, str, Optional[Span]]] = field(default_factory=list)
    """(severity, code, message, span)."""
    kept_config_keys: List[str] = field(default_factory=list)

    def place(self, node: Any, status: str, path: str, reason: str = "") -> None:
        self.placed[id(node)] = (status, path, reason)

    def notice(self, severity: str, code: str, message: str, span: Optional[Span] = None) -> None:
        self.notices.append((severity, code, message, span))


from . import acad_homepage, academicpages, json  # noqa: E402  (they import Output from here)

WRITERS: Dict[str, Callable[[Site, WriteOptions], Output]] = {
    "acad-homepage": acad_homepage.write,
    "academicpages": academicpages.write,
    "json": json.write,
}
