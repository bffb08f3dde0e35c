"""bs4's rules for building a tree with html.parser (4.15: its builder and `minimal` formatter),
copied so readers/html_tree.py need not import bs4 (~110 ms of regex compiling at import)."""
from __future__ import annotations

from html.entities import html5
from typing import Dict

# bs4's rules (4.15, its html.parser builder and `minimal` formatter), copied here so the small tree
# does not import bs4 (~110 ms of regex compiling at import); tests/test_html_constants.py compares
# each with bs4's own, so a bs4 upgrade that changes one fails there, not in the output.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta",
                  "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex",
                  "nextid", "spacer"})  # HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS
KEEP_SPACE = frozenset({"pre", "textarea"})  # DEFAULT_PRESERVE_WHITESPACE_TAGS
LIST_ATTRIBUTES = {"*": {"class", "accesskey", "dropzone"}, "a": {"rel", "rev"}, "link": {"rel", "rev"},
                   "td": {"headers"}, "th": {"headers"}, "form": {"accept-charset"}, "object": {"archive"},
                   "area": {"rel"}, "icon": {"sizes"}, "iframe": {"sandbox"}, "output": {"for"}}
SPACES = "\x20\x0a\x09\x0c\x0d"  # BeautifulSoup.ASCII_SPACES
RAW_TAGS = frozenset({"script", "style"})  # the minimal formatter's cdata_containing_tags

# a string's `kind` is the name of the bs4 class it would have
PLAIN, CDATA, COMMENT, DOCTYPE, DECLARATION, PI = (
    "NavigableString", "CData", "Comment", "Doctype", "Declaration", "ProcessingInstruction")
MAIN = frozenset({PLAIN, CDATA})  # Tag.MAIN_CONTENT_STRING_TYPES
CONTAINERS = {"rt": "RubyTextString", "rp": "RubyParenthesisString", "style": "Stylesheet", "script": "Script",
              "template": "TemplateString"}  # DEFAULT_STRING_CONTAINERS


def _entity_table() -> Dict[str, str]:
    """EntitySubstitution.HTML_ENTITY_TO_CHARACTER: each HTML5 name without its ';', the first in
    sorted order winning, as bs4 builds it from the same stdlib table."""
    table: Dict[str, str] = {}
    for name, character in sorted(html5.items()):
        table.setdefault(name[:-1] if name.endswith(";") else name, character)
    return table


ENTITIES = _entity_table()
_WINDOWS_1252_GAPS = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})  # C1 codes cp1252 leaves undefined


def character(number: int) -> str:
    """UnicodeDammit.numeric_character_reference(number)[0]: the HTML spec's reading of `&#number;`."""
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF or number < 0:
        return "\ufffd"
    if 0x80 <= number <= 0x9F and number not in _WINDOWS_1252_GAPS:
        return bytes([number]).decode("cp1252")  # a Windows-1252 byte written as a reference
    return chr(number)


def charref(name: str):
    """BeautifulSoupHTMLParser._dereference_numeric_character_reference without its middle item:
    (character, data after the number) for html.parser's charref `name`."""
    base, digits = (16, "0123456789abcdef") if name[:1] in ("x", "X") else (10, "0123456789")
    number = name[1:] if base == 16 else name
    try:
        return character(int(number, base)), ""
    except ValueError:  # not all digits: the leading digits are the reference, the rest is text
        head = len(number) - len(number.lstrip(digits))
        if not head:
            return "", number
        return character(int(number[:head], base)), number[head:].split("\n", 1)[0]  # bs4's '(.*)'


def escape(text: str) -> str:
    """The minimal formatter's entity substitution (EntitySubstitution.substitute_xml)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def list_attributes(tag: str, values: dict) -> dict:
    """HTMLTreeBuilder._replace_cdata_list_attribute_values: class="a b" -> ['a', 'b']."""
    for key in values:
        if key in LIST_ATTRIBUTES["*"] or key in LIST_ATTRIBUTES.get(tag, ()):
            values[key] = values[key].split()
    return values
