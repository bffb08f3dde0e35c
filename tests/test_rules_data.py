"""Rule tests as data (sqlfluff style): tests/rules/<CODE>.yaml holds passing and failing sites.

Each file has `rule: CODE` and `cases:`; a case gives `site:` (path -> text, laid over
a small academicpages site; `null` removes a base file) and/or `page:` (the text of
_pages/about.md), optional `theme`, `today`, `select` (default: the rule), and
`expect:` — the findings of that code as {line, path (default _pages/about.md),
col, message (a substring)}. `fixed:` (path -> text) checks the files after --fix.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from migrator.lint.fixes import apply_fixes
from migrator.linting import lint

RULE_FILES = sorted((Path(__file__).parent / "rules").glob("*.yaml"))
BASE_SITE = {
    "_config.yml": (
        'title: "Test Owner"\nname: "Test Owner"\nurl: https://testowner.github.io\nbaseurl: ""\n'
        'author:\n  name: "Test Owner"\n  avatar: "profile.png"\n'
        "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n"
        "  talks:\n    output: true\n    permalink: /:collection/:path/\n"
        "  teaching:\n    output: true\n    permalink: /:collection/:path/\n"
        "  portfolio:\n    output: true\n    permalink: /:collection/:path/\n"),
    "_data/navigation.yml": 'main:\n  - title: "Publications"\n    url: /publications/\n',
    "_pages/publications.md": "---\ntitle: Publications\npermalink: /publications/\n---\n\nAll papers.\n",
    "images/profile.png": "png",
}


def load_cases():
    yaml = YAML(typ="safe", pure=True)
    for path in RULE_FILES:
        data = yaml.load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}-{case['name']}")


def build(root: Path, case) -> None:
    files = dict(BASE_SITE)
    if "page" in case:
        files["_pages/about.md"] = case["page"]
    files.update(case.get("site") or {})
    for rel, text in files.items():
        if text is None:
            continue
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            target.write_bytes(text.encode("utf-8"))
        else:
            target.write_bytes(bytes(text))


@pytest.mark.parametrize("code,case", list(load_cases()))
def test_rule_case(tmp_path, code, case):
    build(tmp_path, case)
    today = dt.date.fromisoformat(str(case.get("today", "2026-11-23")))
    found, _ = lint(str(tmp_path), select=case.get("select", [code]), today=today, theme=case.get("theme"))
    mine = [d for d in found if d.code == code]
    got = sorted((d.span.path, d.span.line) for d in mine)
    want = sorted((e.get("path", "_pages/about.md"), e["line"]) for e in case.get("expect") or [])
    assert got == want, "\n".join(d.text() for d in mine)
    for expected in case.get("expect") or []:
        match = [d for d in mine if d.span.line == expected["line"]
                 and d.span.path == expected.get("path", "_pages/about.md")]
        if "col" in expected:
            assert any(d.span.col == expected["col"] for d in match), [d.text() for d in match]
        if "message" in expected:
            assert any(expected["message"] in d.message for d in match), [d.text() for d in match]
    if case.get("fixed"):
        apply_fixes(tmp_path, mine)
        for rel, text in case["fixed"].items():
            assert (tmp_path / rel).read_text(encoding="utf-8") == text
