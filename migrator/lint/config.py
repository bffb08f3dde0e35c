"""Lint settings from `.migrate.toml` or `[tool.migrate]` of `pyproject.toml` at the site root."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - older interpreters use the backport
    import tomli as tomllib

SEVERITY_LEVELS = ("info", "warning", "error")
OWNER_KEYS = ("name", "variants", "homepage", "scholar_id", "github")
KNOWN_KEYS = ("select", "ignore", "per-file-ignores", "owner", "fail-on")


class ConfigError(Exception):
    """The config file cannot be used (exit status 2)."""


@dataclass
class LintConfig:
    select: List[str] = field(default_factory=list)
    ignore: List[str] = field(default_factory=list)
    per_file_ignores: Dict[str, List[str]] = field(default_factory=dict)
    owner: Dict[str, Any] = field(default_factory=dict)
    fail_on: str = ""
    path: str = ""
    """The file the settings came from ('' when there is none)."""


def load_config(root: Path) -> LintConfig:
    """`.migrate.toml` wins over `pyproject.toml`, as ruff's own file wins over pyproject."""
    own = root / ".migrate.toml"
    if own.is_file():
        table = _read(own)
        table = table.get("tool", {}).get("migrate", table) if "tool" in table else table
        return _parse(table, str(own))
    project = root / "pyproject.toml"
    if project.is_file():
        table = _read(project).get("tool", {}).get("migrate")
        if isinstance(table, dict):
            return _parse(table, str(project))
    return LintConfig()


def _read(path: Path) -> Dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _codes(value: Any, where: str) -> List[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes")
    return [v.strip().upper() for v in value if v.strip()]


def _parse(table: Dict[str, Any], path: str) -> LintConfig:
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(KNOWN_KEYS)}")
    config = LintConfig(path=path)
    config.select = _codes(table.get("select", []), f"{path}: select")
    config.ignore = _codes(table.get("ignore", []), f"{path}: ignore")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}: per-file-ignores must be a table of glob = [codes]")
    config.per_file_ignores = {str(glob): _codes(codes, f"{path}: per-file-ignores.{glob}")
                               for glob, codes in per_file.items()}
    owner = table.get("owner", {})
    if not isinstance(owner, dict):
        raise ConfigError(f"{path}: owner must be a table")
    bad = sorted(set(owner) - set(OWNER_KEYS))
    if bad:
        raise ConfigError(f"{path}: unknown owner key(s) {', '.join(bad)}; known: {', '.join(OWNER_KEYS)}")
    if "variants" in owner and not (isinstance(owner["variants"], list)
                                    and all(isinstance(v, str) for v in owner["variants"])):
        raise ConfigError(f"{path}: owner.variants must be a list of names")
    for key in OWNER_KEYS:
        if key != "variants" and key in owner and not isinstance(owner[key], str):
            raise ConfigError(f"{path}: owner.{key} must be a string")
    config.owner = dict(owner)
    fail_on = table.get("fail-on", "")
    if fail_on and fail_on not in SEVERITY_LEVELS:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(SEVERITY_LEVELS)}")
    config.fail_on = fail_on
    return config
