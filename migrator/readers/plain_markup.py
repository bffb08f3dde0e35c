"""Markup made only of plain tags and text, read by one pattern: the events html.parser would send
for it (start and end tags with their line and column, text), without running html.parser.

Plain means: every `<` that html.parser would not take as text opens a tag written the one plain
way (a name, then attributes quoted or bare-named, on one line), no script or style element (their
content is not markup), and no `&` that could start a reference (`&amp;`, `&#38;`, `&x`: they have
rules of their own; an `&` before a space or a digit is text). Anything else (a comment,
a declaration, a tag written otherwise) and the caller runs html.parser itself.
"""
from __future__ import annotations

import re

# a plain tag, or (last branch) the '<' of something html.parser reads by other rules
ANGLE = re.compile(r"<(?:(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[ \t]+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
                   r"(?:[ \t]*=[ \t]*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'))?)*)[ \t]*(/?)>|(?=[a-zA-Z!?/]))")
_ATTRIBUTE = re.compile(r"[ \t]+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:[ \t]*=[ \t]*(?:\"([^\"]*)\"|'([^']*)'))?")
RAW_TEXT = ("script", "style")
_REFERENCE = re.compile(r"&(?:[a-zA-Z#]|\Z)")  # an '&' html.parser does not pass on as plain text


def is_plain(match: re.Match) -> bool:
    """An ANGLE match that is a plain tag (an end tag without attributes or '/>')."""
    slash, name, attributes, self_closing = match.groups()
    return name is not None and not (slash and (attributes or self_closing)) and name.lower() not in RAW_TEXT


def feed_plain(parser, text: str) -> bool:
    """Send `parser` (an HTMLParser) the events html.parser would send for `text`, then True; False
    as soon as the text turns out not plain (the parser has then had part of it: start a new one)."""
    if _REFERENCE.search(text):
        return False
    pos, line, line_start = 0, 1, 0
    for match in ANGLE.finditer(text):
        slash, name, attributes, self_closing = match.groups()
        if name is None or (slash and (attributes or self_closing)) or name.lower() in RAW_TEXT:
            return False
        start = match.start()
        if start > pos:
            parser.handle_data(text[pos:start])
            newlines = text.count("\n", pos, start)
            if newlines:
                line, line_start = line + newlines, text.rindex("\n", pos, start) + 1
        parser.lineno, parser.offset = line, start - line_start  # what getpos() says at this tag
        if slash:
            parser.handle_endtag(name.lower())
        else:
            attrs = [(m.group(1).lower(), m.group(2) if m.group(2) is not None else m.group(3))
                     for m in _ATTRIBUTE.finditer(attributes)] if attributes else []
            if self_closing:
                parser.handle_startendtag(name.lower(), attrs)
            else:
                parser.handle_starttag(name.lower(), attrs)
        pos = match.end()
    if pos < len(text):
        parser.handle_data(text[pos:])
    return True
