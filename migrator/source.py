"""Turn raw files into text and front matter the way Jekyll does, keeping positions.

Decoding and mojibake repair (migrator/decoding.py), a front-matter splitter
that follows Jekyll's rule (first line is `---`), and YAML 1.1 loading as
Jekyll's Psych reads it (migrator/jekyll_yaml.py), with key positions, every
problem as a diagnostic, and bounded depth and alias expansion.
"""
from __future__ import annotations

import collections.abc as _abc
import datetime as _dt
import re
import warnings
from dataclasses import dataclass, field
from typing import Any, Dict, List, Tuple

from .decoding import NotText, decode, repair_mojibake  # noqa: F401  (part of this module's API)
from .fastyaml import load_fast
from .model import Problem, Repair, SourceFile, Span

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Larger pages are refused with a diagnostic: real pages are far smaller, and a 20 MB page
takes minutes and most of a gigabyte to read into the model."""

MAX_YAML_NODES = 200_000
"""A YAML document that expands to more nodes than this (alias bombs) is refused."""


@dataclass
class Text:
    """A decoded file: repaired lines, plus how it was decoded."""

    path: str
    lines: List[str]
    info: SourceFile

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_text(raw: bytes, path: str) -> Text:
    """Decode bytes into repaired lines (no line endings). Raises NotText."""
    if len(raw) > MAX_FILE_BYTES:
        raise NotText(f"file is {len(raw) // (1024 * 1024)} MB, larger than the "
                      f"{MAX_FILE_BYTES // (1024 * 1024)} MB a page may have")
    text, encoding = decode(raw)
    crlf = text.count("\r\n")
    lf = text.count("\n")
    newline = "LF" if crlf == 0 else ("CRLF" if crlf == lf else "mixed")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    info = SourceFile(path=path, encoding=encoding, newline=newline)
    if text.isascii():  # mojibake is non-ASCII: most files need no line-by-line look
        return Text(path=path, lines=lines, info=info)
    for i, line in enumerate(lines):
        fixed, enc = repair_mojibake(line)
        if enc:
            info.repairs.append(Repair(line=i + 1, original=Repair.escape(line), repaired=fixed, encoding=enc))
            lines[i] = fixed
    return Text(path=path, lines=lines, info=info)


@dataclass
class FrontMatter:
    """The result of splitting a file: front matter (if any) and where the body starts."""

    present: bool = False
    data: Dict[str, Any] = field(default_factory=dict)
    key_lines: Dict[str, int] = field(default_factory=dict)
    end_line: int = 0
    """Line of the closing delimiter (0 when there is no front matter)."""
    body_start: int = 1
    """First line of the body (1-based)."""
    problems: List[Problem] = field(default_factory=list)


_FM_OPEN = re.compile(r"^---\s*$")
_FM_CLOSE = re.compile(r"^(---|\.\.\.)\s*$")


def split_front_matter(text: Text) -> FrontMatter:
    """Split front matter as Jekyll does: only when the very first line is `---`."""
    lines = text.lines
    if not lines or not _FM_OPEN.match(lines[0]):
        return _late_front_matter(text)
    for i in range(1, len(lines)):
        if _FM_CLOSE.match(lines[i]):
            yaml_text = "\n".join(lines[1:i])
            data, key_lines, problems = load_yaml(yaml_text, text.path, line_offset=1)
            fm = FrontMatter(present=True, end_line=i + 1, body_start=i + 2,
                             key_lines=key_lines, problems=problems)
            if data is None:
                data = {}
            if not isinstance(data, dict):
                fm.problems.append(Problem(
                    "FM001", f"front matter is a {type_name(data)}, not a mapping of keys",
                    "error", Span(text.path, 2, 1)))
                data = {}
            fm.data = data
            return fm
    return FrontMatter(problems=[Problem(
        "FM001", "front matter opened with '---' on line 1 is never closed; "
                 "Jekyll renders the whole file as text", "error", Span(text.path, 1, 1))])


def _late_front_matter(text: Text) -> FrontMatter:
    """No front matter; a warning when a `---` block follows blank lines (Jekyll ignores it)."""
    for i, line in enumerate(text.lines[:50]):
        if line.strip():
            if i and _FM_OPEN.match(line) and any(_FM_CLOSE.match(rest) for rest in text.lines[i + 1:]):
                return FrontMatter(problems=[Problem(
                    "FM001", f"front matter starts on line {i + 1}, after blank lines: Jekyll only "
                             "reads it on line 1 and shows this block as text", "warning",
                    Span(text.path, i + 1, 1))])
            break
    return FrontMatter()


def type_name(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__)



def load_yaml(source: str, path: str, line_offset: int = 0
              ) -> Tuple[Any, Dict[str, int], List[Problem]]:
    """Load YAML as Jekyll would, returning (plain data, top-level key lines, problems).

    `line_offset` is the number of file lines before the YAML text (1 for front
    matter after its `---`). Errors carry the file line and column. Custom tags
    are never constructed into objects; alias expansion is bounded.
    """
    fast = load_fast(source, line_offset, MAX_YAML_NODES)
    if fast is not None:  # plain YAML read without ruamel, values already plain; see migrator/fastyaml.py
        return fast[0], fast[1], []
    return load_yaml_round_trip(source, path, line_offset)


def load_yaml_round_trip(source: str, path: str, line_offset: int = 0
                         ) -> Tuple[Any, Dict[str, int], List[Problem]]:
    """`load_yaml` with ruamel's round-trip loader: slow, but knows every position and error."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from .jekyll_yaml import MAX_DEPTH, file_lines, flow_depth, new_loader, notes_problems, yaml_error

    start = Span(path, 1 + line_offset, 1)
    if flow_depth(source) > MAX_DEPTH:
        return None, {}, [Problem("FM001", f"YAML nests more than {MAX_DEPTH} levels of brackets; "
                                  "not read", "error", start)]
    yaml = new_loader()
    try:
        with warnings.catch_warnings():  # ruamel warns on stderr about floats like 1e3
            warnings.simplefilter("ignore")
            node = yaml.load(source)
    except MarkedYAMLError as exc:
        return None, {}, [yaml_error(exc, source, path, line_offset)]
    except (YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        return None, {}, [Problem("FM001", f"YAML cannot be read: {exc}".splitlines()[0], "error", start)]
    except Exception as exc:  # noqa: BLE001 - ruamel asserts on some odd input (`!!omap [a: 1, a: 2]`)
        return None, {}, [Problem("FM001", f"YAML cannot be read ({type(exc).__name__})", "error", start)]
    to_file = file_lines(source, line_offset)
    problems = notes_problems(yaml.jekyll_notes, path, to_file)
    key_lines: Dict[str, int] = {}
    if hasattr(node, "lc") and isinstance(node, dict):
        for key in node:
            try:
                key_lines[_key(key)] = to_file(node.lc.key(key)[0])
            except (KeyError, TypeError, AttributeError, ValueError):
                pass
        for key, line, _ in yaml.jekyll_notes.duplicates:
            if key in key_lines and to_file(line) > key_lines[key]:
                key_lines[key] = to_file(line)  # the value Jekyll keeps
    budget = [MAX_YAML_NODES]
    try:
        if expanded_size(node, {}) > MAX_YAML_NODES:  # measured on shared nodes: fast on a bomb
            raise _TooLarge
        data = to_plain(node, budget)
    except _TooLarge:
        return None, {}, [Problem("FM001", "YAML expands to more than "
                                  f"{MAX_YAML_NODES} values (an alias bomb?); not read", "error", start)]
    except RecursionError:
        return None, {}, [Problem("FM001", "YAML is nested too deeply to read", "error", start)]
    return data, key_lines, problems


class _TooLarge(Exception):
    pass


def expanded_size(node: Any, sizes: Dict[int, int]) -> int:
    """How many values `node` becomes once aliases are copied out, counting each shared node once."""
    if not isinstance(node, (dict, list, tuple, set, _abc.Set)):
        return 1
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = 1  # a node that contains itself counts once
    children = node.values() if isinstance(node, dict) else node
    total = 1 + sum(expanded_size(child, sizes) for child in children)
    sizes[id(node)] = total
    return total


def to_plain(node: Any, budget: List[int]) -> Any:
    """ruamel round-trip objects -> JSON-safe Python values (dates as ISO strings)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if type(node) is str:  # most values: answered before the checks below, which would give the same
        return _no_surrogates(node)
    if isinstance(node, dict):
        return {_key(k): to_plain(v, budget) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [to_plain(v, budget) for v in node]
    if isinstance(node, (set, frozenset, _abc.Set)):  # !!set: a mapping whose values are all null
        return {_key(k): None for k in node}
    if isinstance(node, bool) or node is None:
        return node
    if type(node).__name__ == "ScalarBoolean":  # ruamel's anchored boolean is an int subclass
        return bool(node)
    if isinstance(node, int):
        return int(node) if int(node).bit_length() <= 4000 else hex(node)
    if isinstance(node, (bytes, bytearray)):  # !!binary
        return bytes(node).decode("utf-8", errors="replace")
    if isinstance(node, float):
        return float(node) if node == node and node not in (float("inf"), float("-inf")) else str(node)
    if isinstance(node, (_dt.datetime, _dt.date)):
        return node.isoformat()
    if isinstance(node, str):
        return _no_surrogates(str(node))
    if hasattr(node, "value"):  # TaggedScalar: an unknown tag is kept as its text, never constructed
        return str(node.value)
    return str(node)


def _key(key: Any) -> str:
    if isinstance(key, int) and not isinstance(key, bool) and key.bit_length() > 4000:
        return hex(key)
    return _no_surrogates(str(key))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    """YAML `"\\ud83d\\ude00"` escapes give surrogate halves: pair them, replace lone ones,
    so the text can be written as UTF-8."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
