"""docs/rules.md is generated from the rule docstrings: it must be fresh, and every rule complete."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from migrator.diagnostics import SEVERITIES
from migrator.ruledocs import generate, missing_headings
from migrator.rules import BY_CODE, RULES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_md_is_fresh():
    assert DOCS.read_text(encoding="utf-8") == generate(), \
        "docs/rules.md is stale: run `python -m migrator.ruledocs > docs/rules.md`"


def test_codes_are_unique():
    assert len(BY_CODE) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_complete(rule):
    assert re.fullmatch(r"[A-Z]{2,4}\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), "names are kebab-case"
    assert rule.severity in SEVERITIES
    assert not missing_headings(rule), f"{rule.code} lacks {missing_headings(rule)}"
    assert f"## {rule.code}" in generate()
