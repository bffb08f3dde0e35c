"""Generate docs/rules.md from the rule docstrings: `python -m migrator.ruledocs > docs/rules.md`."""
from __future__ import annotations

import inspect
import re
import sys

from .rules import RULES
from .rules.base import DOC_HEADINGS, Rule


def rule_doc(rule: Rule) -> str:
    return inspect.cleandoc(type(rule).__doc__ or "")


def summary_line(rule: Rule) -> str:
    return rule_doc(rule).split("\n", 1)[0].strip()


def missing_headings(rule: Rule) -> list:
    doc = rule_doc(rule)
    return [h for h in DOC_HEADINGS if not re.search(rf"^{re.escape(h)}\s*$", doc, re.M)]


def generate() -> str:
    rules = sorted(RULES, key=lambda r: r.code)
    out = ["# Lint rules", "",
           "Generated from the rule docstrings by `python -m migrator.ruledocs > docs/rules.md`;",
           "do not edit by hand. `migrate rules CODE` prints one of them.", "",
           "| code | name | severity | finds |", "|---|---|---|---|"]
    for rule in rules:
        finds = summary_line(rule).replace("|", "\\|")
        out.append(f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.severity} | {finds} |")
    for rule in rules:
        body = rule_doc(rule).split("\n", 1)
        out += ["", f"## {rule.code}", "", f"`{rule.name}` · {rule.severity}", "", body[0].strip()]
        if len(body) > 1:
            # the docstring's `## ` headings sit one level below the rule's own heading
            out += ["", re.sub(r"^## ", "### ", body[1].strip(), flags=re.M)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate())
