"""What each CLI command does, as plain functions returning an exit status."""
from __future__ import annotations

import json
import sys
from typing import Optional


def fail(message: str) -> int:
    print(f"migrate: {message}", file=sys.stderr)
    return 2


def run_dump(site_path: str, fmt: str, theme: Optional[str]) -> int:
    from .readers import SiteError, read_site
    from .serialize import to_data

    if fmt not in ("json", "yaml"):
        return fail(f"unknown format {fmt!r}: use json or yaml")
    try:
        site = read_site(site_path, theme)
    except SiteError as exc:
        return fail(str(exc))
    data = to_data(site)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        from ruamel.yaml import YAML

        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.allow_unicode = True
        yaml.dump(data, sys.stdout)
    for problem in site.problems:
        span = problem.span
        print(f"{span.path}:{span.line}:{span.col}: {problem.code} {problem.message}", file=sys.stderr)
    return 1 if any(p.severity == "error" for p in site.problems) else 0
