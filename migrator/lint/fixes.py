"""Apply safe fixes as whole-line edits, leaving every other byte of the file as it was.

A file whose line no longer reads as the rule saw it is refused (it changed since
it was read). Line endings, a UTF-8 BOM and the encoding are kept. A YAML file or
front matter that an edit touches must still load through ruamel's round-trip
loader, or the file is left alone.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from ..diagnostics import Diagnostic, Edit

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass
class FixReport:
    changed: List[Tuple[str, int, str]] = field(default_factory=list)
    """(path, line, what) for each applied edit."""
    refused: List[Tuple[str, str]] = field(default_factory=list)
    """(path, why) for each file left alone."""
    fixed: List[Diagnostic] = field(default_factory=list)


def apply_fixes(root: Path, found: Sequence[Diagnostic]) -> FixReport:
    report = FixReport()
    per_file: Dict[str, List[Tuple[Diagnostic, Edit]]] = {}
    for diag in found:
        if diag.fix is None:
            continue
        for edit in diag.fix.edits:
            per_file.setdefault(edit.path, []).append((diag, edit))
    for path, edits in sorted(per_file.items()):
        why = _fix_file(root, path, edits, report)
        if why:
            report.refused.append((path, why))
    return report


def _decode(raw: bytes) -> Tuple[str, str, bytes]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8", b"\xef\xbb\xbf"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16", b""
    try:
        return raw.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252", b""


def _fix_file(root: Path, path: str, edits: List[Tuple[Diagnostic, Edit]], report: FixReport) -> str:
    full = root / path
    try:
        raw = full.read_bytes()
        text, encoding, bom = _decode(raw)
    except (OSError, UnicodeDecodeError) as exc:
        return f"cannot read it again ({exc})"
    lines = _LINE.findall(text)
    planned: Dict[int, Tuple[Diagnostic, Edit]] = {}
    for diag, edit in edits:
        if edit.line in planned:
            continue  # two fixes for one line: the second waits for the next run
        if not 1 <= edit.line <= len(lines) or not _reads_as(lines[edit.line - 1].rstrip("\r\n"), edit.old):
            return f"line {edit.line} changed since it was read; run lint again"
        planned[edit.line] = (diag, edit)
    for number, (diag, edit) in planned.items():
        line = lines[number - 1]
        ending = line[len(line.rstrip("\r\n")):]
        if edit.new is None:
            lines[number - 1] = ""
        else:
            lines[number - 1] = edit.new + (ending or "")
    new_text = "".join(lines)
    problem = _yaml_still_loads(path, new_text, set(planned))
    if problem:
        return problem
    try:
        data = bom + (new_text.encode("utf-16") if encoding == "utf-16" else new_text.encode(encoding))
    except UnicodeEncodeError:
        return f"the fixed text cannot be written back as {encoding}"
    _write(full, data)
    for number, (diag, edit) in sorted(planned.items()):
        report.changed.append((path, number, diag.fix.description if diag.fix else diag.code))
        if diag not in report.fixed:
            report.fixed.append(diag)
    return ""


def _reads_as(line: str, old: str) -> bool:
    """Rules see lines with mojibake repaired, so either form of the stored line is current."""
    from ..source import repair_mojibake

    return line == old or repair_mojibake(line)[0] == old


def _yaml_still_loads(path: str, text: str, touched: set) -> str:
    from ..model import SourceFile
    from ..source import Text, load_yaml, split_front_matter

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if path.endswith((".yml", ".yaml")):
        _, _, problems = load_yaml("\n".join(lines), path)
    else:
        front = split_front_matter(Text(path, lines, SourceFile(path=path)))
        if not front.present or not any(n <= front.end_line for n in touched):
            return ""
        problems = front.problems
    if problems:
        return f"the fixed YAML would not load ({problems[0].message}); left as it was"
    return ""


def _write(full: Path, data: bytes) -> None:
    """Write through a temporary file so an interrupted fix never leaves half a page."""
    mode = full.stat().st_mode
    handle, tmp = tempfile.mkstemp(dir=str(full.parent), prefix=".migrate-fix-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, full)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
