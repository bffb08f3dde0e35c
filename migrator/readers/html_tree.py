"""A small HTML tree built exactly as BeautifulSoup's `html.parser` builder builds it, a few times faster.

Same tokenizer (a stdlib `HTMLParser` with `convert_charrefs=False`, fed once and closed), same
nesting (an end tag closes up to the nearest open tag of its name), same string rules (whitespace
runs, entity and character references, comments and string-container tags) and the same
positions. It answers the questions the readers ask of bs4 (find, find_all, find_parent, siblings,
get, get_text, sourceline/sourcepos). It writes markup back (`str`, `decode_contents`) only for
tags without attributes and plain text, and raises `Unsupported` otherwise: the caller then asks
bs4, so the answer is always bs4's.
"""
from __future__ import annotations

from html.parser import HTMLParser
from types import MappingProxyType
from typing import Iterator, List, Optional

from .html_rules import (CDATA, COMMENT, CONTAINERS, DECLARATION, DOCTYPE, ENTITIES, KEEP_SPACE, MAIN, PI, PLAIN,
                         RAW_TAGS, SPACES, VOID, charref, escape, list_attributes)
from .plain_markup import feed_plain


class Unsupported(Exception):
    """Markup this tree does not write back byte for byte like bs4: ask bs4."""


class Text:
    """A string of the tree (`str(text)` is its value); `kind` names the bs4 class it would have
    (NavigableString, Comment, ...)."""

    __slots__ = ("value", "kind", "parent")
    name = None

    def __init__(self, value: str, kind: str, parent: "Element"):
        self.value, self.kind, self.parent = value, kind, parent

    def __str__(self) -> str:
        return self.value

    def get_text(self, separator: str = "", strip: bool = False) -> str:
        if self.kind not in MAIN:
            return ""
        return self.value.strip() if strip else self.value


class Element:
    """A tag of the tree (the root is named '[document]', like bs4's)."""

    __slots__ = ("name", "attrs", "contents", "parent", "sourceline", "sourcepos")

    def __init__(self, name: str, attrs: dict, parent: Optional["Element"], line=None, col=None):
        self.name, self.attrs, self.parent = name, attrs, parent
        self.contents: list = []
        self.sourceline, self.sourcepos = line, col

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)

    @property
    def descendants(self) -> Iterator:
        """Every node below this one in document order (no recursion: hostile pages nest deep)."""
        stack = self.contents[::-1]
        while stack:
            node = stack.pop()
            yield node
            if type(node) is Element:
                stack.extend(node.contents[::-1])

    def find_all(self, name=None, class_: Optional[str] = None) -> List["Element"]:
        names = (name,) if isinstance(name, str) else name
        return [node for node in self.descendants if type(node) is Element and (names is None or node.name in names)
                and (class_ is None or _has_class(node, class_))]

    def find(self, name=None, class_: Optional[str] = None) -> Optional["Element"]:
        names = (name,) if isinstance(name, str) else name
        return next((node for node in self.descendants if type(node) is Element
                     and (names is None or node.name in names) and (class_ is None or _has_class(node, class_))),
                    None)

    def find_parent(self, name: str) -> Optional["Element"]:
        parent = self.parent
        while parent is not None and parent.name != name:
            parent = parent.parent
        return parent

    def _index(self) -> int:
        return next(k for k, node in enumerate(self.parent.contents) if node is self)

    @property
    def previous_siblings(self) -> Iterator:
        return reversed(self.parent.contents[:self._index()]) if self.parent is not None else iter(())

    @property
    def next_siblings(self) -> Iterator:
        return iter(self.parent.contents[self._index() + 1:]) if self.parent is not None else iter(())

    def get_text(self, separator: str = "", strip: bool = False) -> str:
        kinds = {CONTAINERS[self.name]} if self.name in CONTAINERS else MAIN
        strings = (node.value for node in self.descendants if type(node) is Text and node.kind in kinds)
        if strip:
            return separator.join(s for s in (node.strip() for node in strings) if s)
        return separator.join(strings)

    def decode_contents(self) -> str:
        try:
            return "".join(_markup(node) for node in self.contents)
        except RecursionError:  # nested deeper than Python's stack: bs4 writes it without recursing
            raise Unsupported("nesting") from None

    def __str__(self) -> str:
        return _markup(self)


def _has_class(node: Element, wanted: str) -> bool:
    """bs4's class_ match: one of the classes, or the whole attribute as written."""
    value = node.attrs.get("class")
    if value is None:
        return False
    if isinstance(value, list):
        return wanted in value or " ".join(value) == wanted
    return value == wanted


def _markup(node) -> str:
    """bs4's `minimal` rendering, for plain tags and text only."""
    if type(node) is Text:
        if node.kind != PLAIN or node.parent.name in RAW_TAGS:
            raise Unsupported(node.kind)
        return escape(node.value)
    if node.attrs or node.name in VOID:
        raise Unsupported(node.name)
    return "<" + node.name + ">" + node.decode_contents() + "</" + node.name + ">"


_NO_ATTRIBUTES = MappingProxyType({})


class _Builder(HTMLParser):
    """bs4's `BeautifulSoupHTMLParser` and tree construction, building `Element`/`Text` nodes."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = Element("[document]", {}, None)
        self.stack = [self.root]
        self.open: dict = {}
        self.data: List[str] = []
        self.keep_space: list = []
        self.containers: list = []
        self.closed_voids: List[str] = []

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, close_void=False)
        self._end(tag, check_closed=False)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, close_void=True)

    def handle_endtag(self, tag):
        self._end(tag, check_closed=True)

    def _start(self, tag, attrs, close_void):
        element = self.element(tag, attrs)
        self.opened(element)
        self.stack.append(element)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in KEEP_SPACE:
            self.keep_space.append(element)
        if tag in CONTAINERS:
            self.containers.append(element)
        if close_void and tag in VOID:
            self._end(tag, check_closed=False)
            self.closed_voids.append(tag)

    def _end(self, tag, check_closed):
        if check_closed and tag in self.closed_voids:
            self.closed_voids.remove(tag)
            return
        self.end_data()
        if not self.open.get(tag):
            return
        while len(self.stack) > 1:
            element = self.stack.pop()
            self.open[element.name] -= 1
            if self.keep_space and element is self.keep_space[-1]:
                self.keep_space.pop()
            if self.containers and element is self.containers[-1]:
                self.containers.pop()
            self.closed(element)
            if element.name == tag:
                return

    def element(self, tag: str, attrs: list) -> Element:
        values: dict = {}
        for key, value in attrs:
            values[key] = "" if value is None else value  # a repeated attribute: the last wins
        line, col = self.getpos()
        self.end_data()
        if values:  # class="a b" -> ['a', 'b'], as bs4 does
            values = list_attributes(tag, values)
        else:
            values = _NO_ATTRIBUTES  # most tags have none: one shared, read-only mapping
        return Element(tag, values, self.stack[-1], line, col)

    def opened(self, element: Element) -> None:
        element.parent.contents.append(element)

    def closed(self, element: Element) -> None:
        pass

    def handle_data(self, data):
        self.data.append(data)

    def handle_charref(self, name):
        character, extra = charref(name)
        if character is not None:
            self.handle_data(character)
        if extra is not None:
            self.handle_data(extra)

    def handle_entityref(self, name):
        character = ENTITIES.get(name)
        self.handle_data(character if character is not None else "&%s" % name)

    def _special(self, data, kind):
        self.end_data()
        self.handle_data(data)
        self.end_data(kind)

    def handle_comment(self, data):
        self._special(data, COMMENT)

    def handle_decl(self, decl):
        self._special(decl[len("DOCTYPE "):], DOCTYPE)

    def unknown_decl(self, data):
        if data.upper().startswith("CDATA["):
            self._special(data[len("CDATA["):], CDATA)
        else:
            self._special(data, DECLARATION)

    def handle_pi(self, data):
        self._special(data, PI)

    def end_data(self, kind=None):
        if not self.data:
            return
        text = "".join(self.data)
        self.data = []
        if not self.keep_space and not text.strip(SPACES):
            text = "\n" if "\n" in text else " "
        kind = kind or PLAIN
        if self.containers and kind == PLAIN:
            kind = CONTAINERS.get(self.containers[-1].name, kind)
        self.text(text, kind)

    def text(self, text: str, kind: str) -> None:
        self.stack[-1].contents.append(Text(text, kind, self.stack[-1]))


class _Underlines(_Builder):
    """The same parse keeping no tree, only the text of each `<u>` (what `u.get_text(" ", strip=True)`
    gives), in the order the `<u>` elements open: a whole page is read this way to find the owner."""

    def __init__(self):
        super().__init__()
        self.found: List[List[str]] = []
        self.open_u: List[tuple] = []  # (element, its strings) for each <u> open now

    def element(self, tag: str, attrs: list) -> Element:
        self.end_data()
        return Element(tag, _NO_ATTRIBUTES, None)  # no attributes, positions or parent needed

    def opened(self, element: Element) -> None:
        if element.name == "u":
            self.found.append([])
            self.open_u.append((element, self.found[-1]))

    def closed(self, element: Element) -> None:
        if self.open_u and self.open_u[-1][0] is element:
            self.open_u.pop()

    def text(self, text: str, kind: str) -> None:
        stripped = text.strip()
        if stripped and kind in MAIN:
            for _, strings in self.open_u:
                strings.append(stripped)


def _built(kind: type, fragment: str) -> Optional[_Builder]:
    """A builder of `kind` that has read the fragment; None where html.parser rejects it."""
    builder = kind()
    try:
        if not feed_plain(builder, fragment):  # plain markup: html.parser's events without running it
            builder = kind()
            builder.feed(fragment)
            builder.close()
    except Exception:  # whatever stops this parse, bs4's answer is the one to give
        return None
    builder.end_data()
    return builder


def parse(fragment: str) -> Optional[Element]:
    """The fragment's tree, or None where html.parser rejects it (bs4 then retries in its own way)."""
    builder = _built(_Builder, fragment)
    return builder.root if builder is not None else None


def underlined(page: str) -> Optional[List[str]]:
    """`[u.get_text(" ", strip=True) for u in soup(page).find_all("u")]`, or None where html.parser
    rejects the page."""
    builder = _built(_Underlines, page)
    return [" ".join(strings) for strings in builder.found] if builder is not None else None
