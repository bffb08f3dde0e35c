"""Print diagnostics as text, JSON, SARIF 2.1.0 or GitHub Actions workflow commands."""
from __future__ import annotations

import json
import posixpath
from urllib.parse import quote
from pathlib import Path
from typing import Any, Dict, List, Sequence

from .. import __version__
from ..diagnostics import Diagnostic
from ..rules.base import Rule

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def shown_path(prefix: str, path: str) -> str:
    """A path as the user typed the site folder, so editors can open it."""
    if prefix in ("", "."):
        return path
    return posixpath.normpath(posixpath.join(prefix.replace("\\", "/"), path))


def render(fmt: str, found: Sequence[Diagnostic], prefix: str, rules: Sequence[Rule]) -> str:
    if fmt == "json":
        return json.dumps([as_json(d, prefix) for d in found], indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        return json.dumps(as_sarif(found, rules, prefix), indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(as_github(d, prefix) + "\n" for d in found)
    return as_text(found, prefix)


def as_text(found: Sequence[Diagnostic], prefix: str) -> str:
    lines = [f"{shown_path(prefix, d.span.path)}:{d.span.line}:{d.span.col}: {d.code} {d.message}"
             for d in found]
    lines.append(summary(found))
    return "\n".join(lines) + "\n"


def summary(found: Sequence[Diagnostic]) -> str:
    if not found:
        return "All checks passed."
    counts = {s: sum(d.severity == s for d in found) for s in ("error", "warning", "info")}
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    files = len({d.span.path for d in found})
    fixable = sum(d.fix is not None for d in found)
    text = (f"Found {len(found)} problem{'s' if len(found) != 1 else ''} "
            f"({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}.")
    if fixable:
        text += f" {fixable} fixable with --fix."
    return text


def as_json(d: Diagnostic, prefix: str) -> Dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {"description": d.fix.description,
               "edits": [{"path": shown_path(prefix, e.path), "line": e.line, "old": e.old, "new": e.new}
                         for e in d.fix.edits]}
    return {"code": d.code, "name": d.name, "severity": d.severity,
            "path": shown_path(prefix, d.span.path), "line": d.span.line, "column": d.span.col,
            "end_line": d.span.end_line, "message": d.message,
            "related": [{"path": shown_path(prefix, r.path), "line": r.line, "column": r.col}
                        for r in d.related],
            "fix": fix}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(d: Diagnostic, prefix: str) -> str:
    """`::error file=...,line=...,col=...,title=...::message` as GitHub Actions reads it."""
    props = (f"file={_escape(shown_path(prefix, d.span.path), True)},line={d.span.line},"
             f"endLine={d.span.end_line},col={d.span.col},title={_escape(f'{d.code} {d.name}', True)}")
    return f"::{_GITHUB_LEVEL.get(d.severity, 'warning')} {props}::{_escape(d.message)}"


def _artifact(prefix: str, path: str) -> Dict[str, Any]:
    """Paths relative to the working folder (the repository root in CI), as code scanning wants."""
    shown = shown_path(prefix, path)
    if posixpath.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown), "uriBaseId": "SRCROOT"}


def _location(prefix: str, path: str, line: int, col: int = 1, end_line: int = 0) -> Dict[str, Any]:
    region: Dict[str, Any] = {"startLine": max(line, 1), "startColumn": max(col, 1)}
    if end_line > line:
        region["endLine"] = end_line
    return {"physicalLocation": {"artifactLocation": _artifact(prefix, path), "region": region}}


def _sarif_fix(d: Diagnostic, prefix: str) -> List[Dict[str, Any]]:
    if d.fix is None or not d.fix.edits:
        return []
    changes: Dict[str, List[Dict[str, Any]]] = {}
    for e in d.fix.edits:
        replacement: Dict[str, Any] = {"deletedRegion": {"startLine": e.line, "endLine": e.line}}
        if e.new is not None:
            replacement["insertedContent"] = {"text": e.new + "\n"}
        changes.setdefault(e.path, []).append(replacement)
    return [{"description": {"text": d.fix.description},
             "artifactChanges": [{"artifactLocation": _artifact(prefix, p),
                                  "replacements": r} for p, r in changes.items()]}]


def as_sarif(found: Sequence[Diagnostic], rules: Sequence[Rule], prefix: str) -> Dict[str, Any]:
    from ..ruledocs import rule_doc, summary_line

    catalogue = {r.code: r for r in rules}
    for d in found:  # reader problems without a rule module still need a descriptor
        catalogue.setdefault(d.code, None)
    ids = sorted(catalogue)
    descriptors = []
    for code in ids:
        rule = catalogue[code]
        if rule is None:
            descriptors.append({"id": code, "shortDescription": {"text": code}})
            continue
        descriptors.append({
            "id": code, "name": rule.name,
            "shortDescription": {"text": summary_line(rule)},
            "fullDescription": {"text": rule_doc(rule)},
            "help": {"text": rule_doc(rule), "markdown": rule_doc(rule)},
            "defaultConfiguration": {"level": _SARIF_LEVEL.get(rule.severity, "warning")},
        })
    results = []
    for d in found:
        result: Dict[str, Any] = {
            "ruleId": d.code, "ruleIndex": ids.index(d.code),
            "level": _SARIF_LEVEL.get(d.severity, "warning"),
            "message": {"text": d.message},
            "locations": [_location(prefix, d.span.path, d.span.line, d.span.col, d.span.end_line)],
        }
        if d.related:
            result["relatedLocations"] = [dict(_location(prefix, r.path, r.line, r.col), id=i)
                                          for i, r in enumerate(d.related)]
        fixes = _sarif_fix(d, prefix)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "migrate", "version": __version__,
                                "rules": descriptors}},
            "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}},
            "results": results,
        }],
    }
