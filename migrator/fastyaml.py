"""A fast path for `source.load_yaml`: libyaml (through PyYAML) for plain front matter.

It answers only when it is sure to give what the round-trip loader gives;
anything unusual (errors, duplicate keys, alias bombs, tags, merge keys,
times of day, deep nesting) returns None and the round-trip loader decides and reports.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

try:
    from yaml import CSafeLoader as _Base
    from yaml import YAMLError as _Error
    from yaml import parse as _parse
    from yaml.events import CollectionEndEvent as _CLOSERS
    from yaml.events import CollectionStartEvent as _OPENERS
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from yaml.resolver import Resolver
except ImportError:  # no PyYAML or no libyaml: the round-trip loader does everything
    _Base = None

_TAG = "tag:yaml.org,2002:"
_TIMESTAMP = _TAG + "timestamp"


# The tags the round-trip loader (migrator/jekyll_yaml.py) gives plain scalars: ruamel's
# YAML 1.1 implicit resolvers (ruamel/yaml/resolver.py) with Psych's booleans. Copied so the
# fast path needs no ruamel import; tests/test_yaml_fast_path.py checks that they agree.
# A plain scalar libyaml resolves differently (`1e3`, `09`, `tRUE`) goes to ruamel.
RUAMEL_1_1 = [
    ("bool", r"""^(?:y|Y|yes|Yes|YES|n|N|no|No|NO
        |true|True|TRUE|false|False|FALSE
        |on|On|ON|off|Off|OFF)$""", "yYnNtTfFoO"),
    ("float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*  # sexagesimal float
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0?[0-7_]+
        |[-+]?(?:0|[1-9][0-9_]*)
        |[-+]?0x[0-9a-fA-F_]+
        |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"""^(?: ~
        |null|Null|NULL
        | )$""", "~nN"),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
]
_RESOLVERS: Dict[str, List[Tuple[str, Any]]] = {}
for _name, _pattern, _first in RUAMEL_1_1:
    for _ch in _first:
        _RESOLVERS.setdefault(_ch, []).append((_TAG + _name, re.compile(_pattern, re.X)))
_PSYCH = {"y": "str", "n": "str", "yes": "bool", "no": "bool", "true": "bool", "false": "bool",
          "on": "bool", "off": "bool"}


@lru_cache(maxsize=4096)  # keys and short values repeat across the front matter of a site
def ruamel_tag(value: str) -> str:
    """The tag the round-trip loader gives a plain scalar."""
    if len(value) <= 5 and value.lower() in _PSYCH:
        return _TAG + _PSYCH[value.lower()]
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _TAG + ("null" if value == "" else "str")


if _Base is not None:
    class _Loader(_Base):
        """libyaml's loader, resolving each plain scalar once per process: keys and short values
        repeat in every file's front matter. The safe loader has no path resolvers, so a scalar's
        tag depends on its text and quoting only."""

        def resolve(self, kind, value, implicit):
            if kind is ScalarNode:
                return _scalar_tag(value, implicit)
            return super().resolve(kind, value, implicit)

    _RESOLVER = Resolver()
    _RESOLVED_FIRST = frozenset(_RESOLVERS).union(Resolver.yaml_implicit_resolvers)
    """First characters for which ruamel or PyYAML may resolve a plain scalar to other than text."""

    @lru_cache(maxsize=4096)
    def _scalar_tag(value: str, implicit: Tuple[bool, bool]) -> str:
        return _RESOLVER.resolve(ScalarNode, value, implicit)


class _Unsure(Exception):
    """The round-trip loader must decide."""


MAX_DEPTH = 50
"""Deeper nesting goes to ruamel, which reports it; libyaml's C composer recurses
and would crash the process on a nesting bomb."""

_STR, _NULL, _INT, _MAP, _SEQ = (_TAG + t for t in ("str", "null", "int", "map", "seq"))
_SCALARS = {_TAG + "int": "construct_yaml_int", _TAG + "float": "construct_yaml_float",
            _TAG + "bool": "construct_yaml_bool", _TIMESTAMP: "construct_yaml_timestamp"}


class _Builder:
    """Nodes -> the values PyYAML's safe constructor gives, in one walk that also checks
    everything the round-trip loader might read differently (raising _Unsure)."""

    def __init__(self, loader: Any, budget: int):
        self.loader = loader
        self.budget = budget

    def build(self, node: Any, depth: int = 0) -> Any:
        self.budget -= 1  # an alias is built again each time it is used, as to_plain expands it
        if self.budget < 0 or depth > MAX_DEPTH:  # alias bombs and loops: ruamel reports them
            raise _Unsure
        tag = node.tag
        kind = type(node)
        if kind is ScalarNode:
            value = node.value
            if not node.style and ruamel_tag(value) != tag:  # plain: "" in libyaml, None in PyYAML
                raise _Unsure
            if tag == _STR:
                return value
            if tag == _NULL:
                return None
            if tag == _TIMESTAMP and len(value) != 10 or tag == _INT and len(value) > 100:
                raise _Unsure  # a time of day; a huge int the round-trip loader keeps as text
            if tag not in _SCALARS:
                raise _Unsure  # custom tags, merge keys, `=`, !!binary ...
            return getattr(self.loader, _SCALARS[tag])(node)
        if kind is MappingNode and tag == _MAP:
            mapping = {}
            for key_node, value_node in node.value:
                mapping[self.build(key_node, depth + 1)] = self.build(value_node, depth + 1)
            if len(mapping) != len(node.value):  # a duplicate key: the round-trip loader says where
                raise _Unsure
            return mapping
        if kind is SequenceNode and tag == _SEQ:
            return [self.build(item, depth + 1) for item in node.value]
        raise _Unsure


def _too_deep(source: str) -> bool:
    """True when the parser events nest deeper than MAX_DEPTH (or cannot be parsed)."""
    depth = 0
    try:
        for event in _parse(source, Loader=_Base):
            if isinstance(event, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif isinstance(event, _CLOSERS):
                depth -= 1
    except _Error:
        return True
    return False


# Most front matter is one `key: value` per line. Such a document is read here line by line,
# without libyaml (several times faster). A line qualifies only when its key is a plain word and its
# value is empty, quoted without escapes, or plain with no character YAML might read otherwise;
# each plain scalar must resolve alike in ruamel and PyYAML. Anything else goes to libyaml.
_WIDE = "\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
"""Non-ASCII characters both libyaml and ruamel take inside a line (\x85, U+2028, U+2029 break lines)."""
_PLAIN = (r"[A-Za-z0-9(./+$" + _WIDE + "]"  # never an indicator (`-?:,[]{}#&*!|>'\"%@`) or space
          r"(?:[\x21-\x22\x24-\x39\x3b-\x7e" + _WIDE + "]"  # neither `:`, `#` nor space,
          r"|:(?! |$)|(?<! )#| (?=[^ #]))*")  # nor `: `, ` #`, a trailing `:` or space
_FLAT_LINE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_]*):(?: *"
    r'| +"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]*)"'
    r"| +'([^'\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]*)'"
    r"| +(" + _PLAIN + "))")
_COMMENT = re.compile(r"#[\x20-\x7e" + _WIDE + "]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL = re.compile(r"0|[1-9][0-9]{0,17}")


def load_flat(source: str, line_offset: int) -> Optional[Tuple[Dict[str, Any], Dict[str, int]]]:
    """(mapping, key lines) for a document of flat `key: value` lines, else None.

    The values are already what source.to_plain gives: text without surrogates, None, small ints."""
    if _Base is None or "\t" in source:  # libyaml takes `key\t: value`, ruamel does not
        return None
    if source.count("\n") > 10_000:  # far more keys than front matter has: the node budget decides
        return None
    value: Dict[str, Any] = {}
    key_lines: Dict[str, int] = {}
    for number, line in enumerate(source.split("\n"), start=1 + line_offset):
        if not line or line[0] == "#" and _COMMENT.fullmatch(line):
            continue  # a blank or comment line between keys changes nothing
        match = _FLAT_LINE.fullmatch(line)
        if match is None:
            return None
        key, double, single, plain = match.groups()
        if key in value or _flat_scalar(key) != key:  # a duplicate, or a key like `yes`
            return None
        if double is not None or single is not None:
            value[key] = single if double is None else double
        elif plain is None:
            value[key] = None  # `key:` alone
        elif plain[0] not in _RESOLVED_FIRST:  # '/publication/...': text in both loaders
            value[key] = plain
        else:
            scalar = _flat_scalar(plain)
            if scalar is _NOT_FLAT:
                return None
            value[key] = scalar
        key_lines[key] = number
    return (value, key_lines) if value else None


_NOT_FLAT = object()


@lru_cache(maxsize=4096)  # keys and short values repeat across the front matter of a site
def _flat_scalar(text: str) -> Any:
    """A plain scalar's value as the round-trip loader and to_plain give it, or _NOT_FLAT."""
    tag = ruamel_tag(text)
    if tag != _scalar_tag(text, (True, False)):
        return _NOT_FLAT
    if tag == _STR:
        return text
    if tag == _INT and _DECIMAL.fullmatch(text):
        return int(text)
    if tag == _TIMESTAMP and _DATE.fullmatch(text):
        try:
            return _dt.date(int(text[:4]), int(text[5:7]), int(text[8:])).isoformat()
        except ValueError:
            return _NOT_FLAT
    return _NOT_FLAT  # null, bool, float and odd ints: libyaml and the constructors decide


def load_fast(source: str, line_offset: int, max_nodes: int
              ) -> Optional[Tuple[Any, Dict[str, int]]]:
    """(value, top-level key lines) when libyaml can read `source` plainly, else None.
    The value is already plain (what source.to_plain gives)."""
    if _Base is None or "\t" in source:  # libyaml takes `key\t: value`, ruamel does not
        return None
    if source.startswith("%") or "\n%" in source:  # a %YAML directive changes ruamel's resolver
        return None
    if len(source) > 4096 and _too_deep(source):  # libyaml's C composer recurses: a bomb would crash
        return None
    flat = load_flat(source, line_offset)
    if flat is not None:
        return flat
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        value = _Builder(loader, max_nodes).build(node)
        key_lines: Dict[str, int] = {}
        if type(node) is MappingNode:
            for key, (key_node, _) in zip(value, node.value):
                key_lines[str(key)] = key_node.start_mark.line + 1 + line_offset
        from .source import to_plain  # (source imports this module)

        return to_plain(value, [max_nodes]), key_lines
    except (_Unsure, _Error, ValueError, TypeError, KeyError, IndexError, RecursionError, OverflowError):
        # (PyYAML's constructors raise KeyError or IndexError on an empty `!!bool |`, `!!int |`)
        return None
    finally:
        loader.dispose()
