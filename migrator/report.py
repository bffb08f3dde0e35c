"""The conversion report: every source item once, as mapped, merged, dropped or carried."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List

from .model import Span

STATUSES = ("mapped", "merged", "dropped", "carried")
KIND_OF_LIST = {"publications": "publication", "news": "news", "education": "degree", "experience": "job",
                "honors": "honor", "talks": "talk", "teaching": "teaching", "projects": "project",
                "posts": "post", "portfolio": "portfolio", "sections": "section"}


@dataclass
class Entry:
    """What happened to one source item."""

    kind: str
    label: str
    status: str
    source: str
    reason: str = ""
    target: str = ""


@dataclass
class Notice:
    """A warning or note about the output (missing asset, malformed link, kept config key)."""

    severity: str
    code: str
    message: str
    source: str = ""


@dataclass
class Report:
    """Entries, notices and merges of one conversion."""

    site: str = ""
    target: str = ""
    out: str = ""
    entries: List[Entry] = field(default_factory=list)
    notices: List[Notice] = field(default_factory=list)
    merges: List[Dict[str, Any]] = field(default_factory=list)
    kept_config_keys: List[str] = field(default_factory=list)
    files: List[str] = field(default_factory=list)

    def add(self, kind: str, label: str, status: str, span: Span, reason: str = "", target: str = "") -> None:
        assert status in STATUSES, status
        self.entries.append(Entry(kind, _short(label), status, where(span), reason, target))

    def warn(self, code: str, message: str, span: Span = None, severity: str = "warning") -> None:
        self.notices.append(Notice(severity, code, message, where(span) if span else ""))

    @property
    def warnings(self) -> List[Notice]:
        return [n for n in self.notices if n.severity in ("warning", "error")]

    def counts(self) -> Dict[str, int]:
        counted = Counter(e.status for e in self.entries)
        return {status: counted.get(status, 0) for status in STATUSES}

    def to_data(self) -> Dict[str, Any]:
        return {"site": self.site, "target": self.target, "out": self.out,
                "items_read": len(self.entries), "counts": self.counts(),
                "by_kind": self._by_kind(), "entries": [asdict(e) for e in self.entries],
                "merges": self.merges, "notices": [asdict(n) for n in self.notices],
                "kept_config_keys": self.kept_config_keys, "files": self.files}

    def to_json(self) -> str:
        return json.dumps(self.to_data(), indent=2, ensure_ascii=False) + "\n"

    def _by_kind(self) -> Dict[str, Dict[str, int]]:
        table: Dict[str, Dict[str, int]] = {}
        for entry in self.entries:
            row = table.setdefault(entry.kind, {s: 0 for s in STATUSES})
            row[entry.status] += 1
        return table

    def summary(self) -> str:
        counts = self.counts()
        lines = [f"{len(self.entries)} items read: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES)]
        for kind, row in self._by_kind().items():
            lines.append(f"  {kind:12} " + "  ".join(f"{s} {row[s]}" for s in STATUSES if row[s]))
        for entry in self.entries:
            if entry.status == "dropped":
                lines.append(f"{entry.source}: dropped {entry.kind} '{entry.label}': {entry.reason}")
        for notice in self.notices:
            prefix = f"{notice.source}: " if notice.source else ""
            lines.append(f"{prefix}{notice.severity}: {notice.code} {notice.message}")
        if self.kept_config_keys:
            lines.append("config keys kept but not rendered by the theme: " + ", ".join(self.kept_config_keys))
        return "\n".join(lines)


def where(span: Span) -> str:
    return f"{span.path}:{span.line}:{span.col}" if span.path else ""


def _short(label: str, limit: int = 80) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[:limit - 1] + "…"
