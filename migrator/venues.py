"""The short venue label a badge shows ('ICLR 2024'), built from whatever the source gave."""
from __future__ import annotations

from typing import Optional

from .model import Venue
from .readers.venues import short_venue_label


def badge_label(venue: Optional[Venue]) -> str:
    """The reader's short label when it is short, else shortened from the full name or raw text."""
    if venue is None:
        return ""
    label = venue.label.strip()
    if label and len(label.split()) <= 4:
        return label
    text = venue.name or venue.raw or label
    if not text:
        return "Preprint" if venue.preprint else ""
    short, _ = short_venue_label(text, venue.year)
    return short if len(short.split()) <= 4 else (label or short)
