"""fold(): text reduced to what matching compares (case, accents, markup and punctuation gone).

Every matcher, the leftovers index and several rules fold the same lines: one cached function.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TAG = re.compile(r"<[^>]+>")
_QUOTES_MARKUP = re.compile(r"[*_`\[\]()\"'“”‘’]")
_PUNCT = re.compile(r"[^\w\s]")


class _Uncombined(dict):
    """A str.translate table that deletes combining characters (accents once split off by NFKD),
    filled as characters are met: one dict look-up per character instead of a Python call."""

    def __missing__(self, code: int):
        kept = None if unicodedata.combining(chr(code)) else code
        if len(self) < 1 << 16:  # bounded: a hostile file may hold every character there is
            self[code] = kept
        return kept


_UNCOMBINED = _Uncombined()
# ASCII text in one pass: what _QUOTES_MARKUP deletes, what _PUNCT turns into spaces, the rest kept
# (every character in the table: a character missing from it costs a caught KeyError)
_ASCII_FOLD = {code: None if _QUOTES_MARKUP.match(chr(code)) else " " if _PUNCT.match(chr(code)) else code
               for code in range(128)}

_ASCII_BYTES = bytes(32 if _ASCII_FOLD[code] == " " else code for code in range(128)) + bytes(range(128, 256))
_ASCII_DELETE = bytes(code for code in range(128) if _ASCII_FOLD[code] is None)


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lowercase, accents and markup removed, punctuation to spaces, spaces collapsed."""
    text = text or ""
    if not isinstance(text, str) or "<" in text:  # (not a string: fails here, as it always did)
        text = _TAG.sub(" ", text)
    if text.isascii():  # ASCII has no accents to take off; bytes.translate is a C table look-up
        text = text.encode("ascii").lower().translate(_ASCII_BYTES, _ASCII_DELETE).decode("ascii")
    else:
        text = unicodedata.normalize("NFKD", text).translate(_UNCOMBINED)
        text = _PUNCT.sub(" ", _QUOTES_MARKUP.sub("", text.lower()))
    return " ".join(text.split())  # split() also drops the spaces at both ends
