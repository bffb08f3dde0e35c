"""Turn raw files into text and front matter the way Jekyll does, keeping positions.

Decoding (BOM, UTF-16, Latin-1 fallback), reversible mojibake repair, a
front-matter splitter that follows Jekyll's rule (first line is `---`), and
YAML 1.1 loading with key positions, duplicate-key errors and alias limits.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .model import Problem, Repair, SourceFile, Span

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Pages larger than this are refused with a diagnostic instead of being read."""

MAX_YAML_NODES = 200_000
"""A YAML document that expands to more nodes than this (alias bombs) is refused."""


class NotText(Exception):
    """The file is binary or in no encoding we can read."""


def decode(data: bytes) -> Tuple[str, str]:
    """Bytes -> (text, encoding name). Raises NotText for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise NotText(f"invalid UTF-16 ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise NotText("contains NUL bytes (binary file?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if sum(ch < " " and ch not in "\t\r\n\f" for ch in text[:8192]) > 8:
        raise NotText("not text (control characters)")
    return text, "cp1252"


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
_MOJIBAKE_ENCODINGS = ("mac_roman", "cp1252")


def repair_mojibake(line: str) -> Tuple[str, str]:
    """Undo UTF-8 text that was once decoded as Mac Roman or Windows-1252.

    Only runs of non-ASCII characters that re-encode to valid, different
    UTF-8 are changed, so a legitimate accented word is left alone.
    Returns (line, encoding) with encoding '' when nothing changed.
    """
    if line.isascii():
        return line, ""
    for enc in _MOJIBAKE_ENCODINGS:
        changed = False

        def fix(match: "re.Match[str]") -> str:
            nonlocal changed
            run = match.group(0)
            try:
                fixed = run.encode(enc).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                return run
            if fixed != run:
                changed = True
            return fixed

        repaired = _NON_ASCII_RUN.sub(fix, line)
        if changed:
            return repaired, enc
    return line, ""


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
    for i, line in enumerate(lines):
        fixed, enc = repair_mojibake(line)
        if enc:
            info.repairs.append(Repair(line=i + 1, original=line, repaired=fixed, encoding=enc))
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
        return FrontMatter()
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


def type_name(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__)


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 1)  # Jekyll reads YAML 1.1: yes/no/on/off are booleans
    yaml.allow_duplicate_keys = False
    return yaml


_YAML = None


def load_yaml(source: str, path: str, line_offset: int = 0
              ) -> Tuple[Any, Dict[str, int], List[Problem]]:
    """Load YAML as Jekyll would, returning (plain data, top-level key lines, problems).

    `line_offset` is the number of file lines before the YAML text (1 for front
    matter after its `---`). Errors carry the file line and column. Custom tags
    are never constructed into objects; alias expansion is bounded.
    """
    global _YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if _YAML is None:
        _YAML = _yaml()
    if "\t" in source:
        tab = _leading_tab(source)
        if tab is not None:
            return None, {}, [Problem("FM001", "a tab is used for indentation; YAML allows only spaces",
                                      "error", Span(path, tab + line_offset, 1))]
    try:
        node = _YAML.load(source)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        code = "FM002" if "duplicate key" in str(exc.problem or "") else "FM001"
        message = _yaml_message(exc, code)
        return None, {}, [Problem(code, message, "error", Span(path, line, col))]
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        return None, {}, [Problem("FM001", f"YAML cannot be read: {exc}".splitlines()[0],
                                  "error", Span(path, 1 + line_offset, 1))]
    key_lines: Dict[str, int] = {}
    if hasattr(node, "lc") and isinstance(node, dict):
        for key in node:
            try:
                key_lines[str(key)] = node.lc.key(key)[0] + 1 + line_offset
            except (KeyError, TypeError, AttributeError):
                pass
    budget = [MAX_YAML_NODES]
    try:
        data = to_plain(node, budget)
    except _TooLarge:
        return None, {}, [Problem("FM001", "YAML expands to more than "
                                  f"{MAX_YAML_NODES} values (an alias bomb?); not read",
                                  "error", Span(path, 1 + line_offset, 1))]
    except RecursionError:
        return None, {}, [Problem("FM001", "YAML is nested too deeply to read",
                                  "error", Span(path, 1 + line_offset, 1))]
    return data, key_lines, []


def _leading_tab(source: str) -> Optional[int]:
    for i, line in enumerate(source.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip():
            return i
    return None


def _yaml_message(exc: Any, code: str) -> str:
    if code == "FM002":
        found = re.search(r'found duplicate key "([^"]*)"', str(exc))
        key = found.group(1) if found else "a key"
        return f"key '{key}' is given twice; Jekyll keeps only one of them"
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    return f"front matter is not valid YAML: {problem}"


class _TooLarge(Exception):
    pass


def to_plain(node: Any, budget: List[int]) -> Any:
    """ruamel round-trip objects -> JSON-safe Python values (dates as ISO strings)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if isinstance(node, dict):
        return {str(k): to_plain(v, budget) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [to_plain(v, budget) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node) if node == node and node not in (float("inf"), float("-inf")) else str(node)
    if isinstance(node, (_dt.datetime, _dt.date)):
        return node.isoformat()
    if isinstance(node, str):
        return str(node)
    if hasattr(node, "value"):  # TaggedScalar: an unknown tag is kept as its text, never constructed
        return str(node.value)
    return str(node)
