"""The short venue label a badge shows ('ICLR 2024'), built from whatever the source gave."""
from __future__ import annotations

import re
from typing import Optional

from .model import Venue
from .readers.venues import short_venue_label

SHORT_WORDS = 4
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&\-]{1,14})\)")


def badge_label(venue: Optional[Venue]) -> str:
    """The reader's short label when it is short, else the first short form the raw text, the full
    name or the label give ('International Conference on Learning Representations (ICLR), 2025'
    -> 'ICLR 2025'); the label as it is when none is short."""
    if venue is None:
        return ""
    label = venue.label.strip()
    if label and len(label.split()) <= SHORT_WORDS:
        return label
    for text in (venue.raw, venue.name, label):
        if text and text.strip():
            short, _ = short_venue_label(text.strip(), venue.year)
            if short and len(short.split()) <= SHORT_WORDS:
                return short
            found = _ACRONYM.search(text)  # acronyms with digits ('I2MTC') the reader's pattern skips
            if found and sum(ch.isupper() for ch in found.group(1)) >= 2:
                return f"{found.group(1)} {venue.year}" if venue.year else found.group(1)
    return label or ("Preprint" if venue.preprint else "")
