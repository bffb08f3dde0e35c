"""ruamel.yaml set up to read YAML the way Jekyll's Psych does, safely.

Psych differences kept: `y`/`n` are strings, a repeated key keeps its last
value, a date-shaped scalar that is no real date stays a string. The loader
never builds Python objects from tags and refuses deep or huge documents.
"""
from __future__ import annotations

import re
from typing import Any, Callable, List, Optional, Tuple

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from .model import Problem, Span

MAX_DEPTH = 100
"""Nesting deeper than this is refused (real front matter nests a few levels)."""

MAX_INT_BITS = 4000
"""Larger integers stay text: Python refuses to print ints of more than 4300 digits."""

_PSYCH_BOOLS = ("yes", "no", "true", "false", "on", "off")


class JekyllResolver(VersionedResolver):
    """YAML 1.1 resolution with Psych's booleans: yes/no/true/false/on/off, any case; not y/n."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0] and len(value) <= 5:
            lowered = value.lower()
            if lowered in ("y", "n"):
                return Tag(suffix="tag:yaml.org,2002:str")
            if lowered in _PSYCH_BOOLS:
                return Tag(suffix="tag:yaml.org,2002:bool")
        return super().resolve(kind, value, implicit)


class JekyllConstructor(RoundTripConstructor):
    """Round-trip constructor that notes what Psych would read differently instead of failing."""

    def notes(self) -> "Notes":
        return getattr(self.loader, "jekyll_notes", None) or Notes()

    def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
        if key in mapping:
            self.notes().duplicates.append((str(key), key_node.start_mark.line, key_node.start_mark.column))
            mapping[key] = value  # Psych keeps the last value
            return False
        return True

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError) as exc:
            self.notes().bad_dates.append((node.value, str(exc), node.start_mark.line,
                                           node.start_mark.column))
            return node.value  # Psych keeps a date-shaped non-date as a string

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            value = super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            return node.value
        if abs(int(value)).bit_length() > MAX_INT_BITS:
            return node.value
        return value


class Notes:
    """What one load found: repeated keys and dates that are not dates (0-based marks)."""

    def __init__(self) -> None:
        self.duplicates: List[Tuple[str, int, int]] = []
        self.bad_dates: List[Tuple[str, str, int, int]] = []


def new_loader() -> YAML:
    """A fresh loader (a reused one carries state from the previous document)."""
    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 1)  # Jekyll reads YAML 1.1: yes/no/on/off are booleans
    yaml.Resolver = JekyllResolver
    yaml.Constructor = JekyllConstructor
    yaml.allow_duplicate_keys = True  # noted by JekyllConstructor, reported as FM002
    yaml.max_depth = MAX_DEPTH
    yaml.jekyll_notes = Notes()
    return yaml


def flow_depth(source: str) -> int:
    """Upper bound of `[`/`{` nesting, found without parsing.

    ruamel's scanner is quadratic in unclosed flow brackets, so a bracket
    bomb must be refused before it is parsed.
    """
    if source.count("[") + source.count("{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    for match in _BRACKET.finditer(source):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


_BRACKET = re.compile(r"[\[\]{}]")


_ODD_BREAK = re.compile("[\r\x85\u2028\u2029]")
_ANY_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def file_lines(source: str, line_offset: int) -> Callable[[int], int]:
    """ruamel's 0-based line -> 1-based file line. YAML also breaks lines at CR, NEL, LS
    and PS, which our lines (split at LF only) keep inside a line."""
    if not _ODD_BREAK.search(source):
        return lambda line: line + 1 + line_offset
    mapping = [0]
    for match in _ANY_BREAK.finditer(source):
        mapping.append(mapping[-1] + ("\n" in match.group()))
    return lambda line: mapping[min(line, len(mapping) - 1)] + 1 + line_offset


def yaml_error(exc: Any, source: str, path: str, line_offset: int) -> Problem:
    """A ruamel error as FM001 at its file line and column, in words a user can act on."""
    from ruamel.yaml.composer import MaxDepthExceededError

    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and "end of stream" in str(exc.problem or ""):
        mark = exc.context_mark  # an unclosed quote or bracket: point at where it opens
    line = mark.line if mark else 0
    col = (mark.column + 1) if mark else 1
    problem = (exc.problem or exc.context or "invalid YAML").strip().splitlines()[0]
    if mark is exc.context_mark and exc.context:
        opened = re.sub(r"^while (scanning|parsing) ", "", exc.context.strip())
        problem = f"{opened} opened here is never closed"
    if isinstance(exc, MaxDepthExceededError):
        problem = f"nested more than {MAX_DEPTH} levels deep; not read"
    else:
        tab = _leading_tab(source, line)
        if tab is not None:
            line, col, problem = tab, 1, "a tab is used for indentation; YAML allows only spaces"
    return Problem("FM001", f"front matter is not valid YAML: {problem}", "error",
                   Span(path, file_lines(source, line_offset)(line), col))


def _leading_tab(source: str, near: int) -> Optional[int]:
    """0-based line of the indentation tab closest before (or at) line `near`, if any."""
    lines = source.split("\n")
    for i in range(min(near, len(lines) - 1), max(near - 3, -1), -1):
        indent = lines[i][:len(lines[i]) - len(lines[i].lstrip(" \t"))]
        if "\t" in indent and lines[i].strip():
            return i
    return None


def notes_problems(notes: Any, path: str, to_file: Callable[[int], int]) -> List[Problem]:
    problems = [Problem("FM002", f"key '{key}' is given twice; Jekyll keeps only the last value",
                        "error", Span(path, to_file(line), col + 1))
                for key, line, col in notes.duplicates]
    problems += [Problem("FM005", f"date '{value}' is not a date ({reason}); it is read as text",
                         "error", Span(path, to_file(line), col + 1))
                 for value, reason, line, col in notes.bad_dates]
    return problems


# ruamel registers constructors by function at import, so overrides must be registered again
JekyllConstructor.add_constructor("tag:yaml.org,2002:timestamp", JekyllConstructor.construct_yaml_timestamp)
JekyllConstructor.add_constructor("tag:yaml.org,2002:int", JekyllConstructor.construct_yaml_int)
