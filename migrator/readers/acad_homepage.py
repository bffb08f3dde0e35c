"""Reader for acad-homepage sites (placeholder until the full reader lands)."""
from __future__ import annotations

from ..loader import LoadedSite


def read(loaded: LoadedSite) -> None:
    pass
