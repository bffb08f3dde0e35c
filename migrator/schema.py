"""JSON Schema of the canonical model, generated from the dataclasses (docs/schema.json)."""
from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, Dict

from . import model


def _type_schema(hint: Any, defs: Dict[str, Any]) -> Dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_type_schema(inner[0], defs), {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object"}
    if dataclasses.is_dataclass(hint):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is Any:
        return {}
    return {str: {"type": "string"}, int: {"type": "integer"}, bool: {"type": "boolean"},
            float: {"type": "number"}}[hint]


def _define(cls: Any, defs: Dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}
    hints = typing.get_type_hints(cls, vars(model))
    props = {}
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name], defs)
        if f.metadata.get("doc"):
            prop = {"description": f.metadata["doc"], **prop}
        props[f.name] = prop
    defs[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": props,
        "required": [f.name for f in dataclasses.fields(cls)],
        "additionalProperties": False,
    }


def site_schema() -> Dict[str, Any]:
    defs: Dict[str, Any] = {}
    _define(model.Site, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/migrator/migrator/docs/schema.json",
        "title": "migrator canonical site model",
        "$ref": "#/$defs/Site",
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(site_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m migrator.schema > docs/schema.json
    import sys

    sys.stdout.write(schema_text())
