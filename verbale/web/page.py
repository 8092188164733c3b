"""What views return, and the JSON response every JSON route uses.

>>> json_response({"a": (1, 2)}).body
b'{"a": [1, 2]}'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from markupsafe import Markup
from starlette.responses import Response


@dataclass
class Page:
    """A reader view's result: ``data`` is the JSON twin, ``extra`` only for HTML."""

    template: str
    data: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    status: int = 200


def json_response(data: Any, status: int = 200, headers: Optional[dict] = None) -> Response:
    """``data`` as UTF-8 JSON (records through their ``to_dict``)."""
    text = json.dumps(data, ensure_ascii=False, default=_jsonable)
    return Response(text, status_code=status, media_type="application/json", headers=headers)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, Markup):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")
