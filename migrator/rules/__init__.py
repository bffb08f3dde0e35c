"""The rule catalogue: one module per rule, listed once here."""
from __future__ import annotations

from typing import Dict, List

from .base import Rule

RULES: List[Rule] = [
]

BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in RULES}
