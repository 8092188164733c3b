"""Derive the JSON Schema of the document JSON from the model's dataclasses.

The schema in ``verbale/schema/document.schema.json`` is generated, never
edited by hand, so it cannot drift from the model; a test checks that the
file in the repository equals what this module generates.

    python -m verbale.schema_gen > verbale/schema/document.schema.json
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from .model import _DERIVED, SCHEMA_VERSION, Document

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def document_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Document.to_dict()``."""
    defs: dict[str, Any] = {}
    root = _object(Document, defs)
    root.update({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://verbale.invalid/schema/document/{SCHEMA_VERSION}",
        "title": f"verbale document, schema version {SCHEMA_VERSION}",
        "$defs": defs,
    })
    root["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    return root


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props = {f.name: _type(hints[f.name], defs) for f in dataclasses.fields(cls)}
    for name in _DERIVED.get(cls, ()):
        props[name] = {"type": "array", "items": {"type": "string"}}
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": props,
        "required": sorted(props),
        "additionalProperties": False,
    }


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_type(inner[0], defs), {"type": "null"}]}
    if dataclasses.is_dataclass(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}
            defs[hint.__name__] = _object(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], defs)}
        return {"type": "array", "prefixItems": [_type(a, defs) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if origin is dict:
        return {"type": "object"}
    if hint is Any:
        return {}
    return {"type": _SCALARS[hint]}


if __name__ == "__main__":
    print(json.dumps(document_schema(), indent=2))
