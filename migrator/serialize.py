"""The model as plain JSON-ready data (for `migrate dump`, goldens and the json writer) and back."""
from __future__ import annotations

import dataclasses
import typing
from typing import Any, Dict, Type, TypeVar

from . import model

T = TypeVar("T")


def to_data(node: Any) -> Any:
    """Dataclasses -> dicts with keys in field order; lists and dicts recursively."""
    if dataclasses.is_dataclass(node):
        return {f.name: to_data(getattr(node, f.name)) for f in dataclasses.fields(node)}
    if isinstance(node, list):
        return [to_data(v) for v in node]
    if isinstance(node, dict):
        return {str(k): to_data(v) for k, v in node.items()}
    return node


def from_data(cls: Type[T], data: Any) -> T:
    """Rebuild a dataclass tree from `to_data` output (unknown keys are ignored)."""
    hints = typing.get_type_hints(cls, vars(model))
    kwargs: Dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if isinstance(data, dict) and f.name in data:
            kwargs[f.name] = _value(hints[f.name], data[f.name])
    return cls(**kwargs)


def _value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return None if value is None else _value(inner[0], value)
    if origin is list:
        return [_value(args[0], v) for v in value or []]
    if dataclasses.is_dataclass(hint):
        return from_data(hint, value)
    return value
