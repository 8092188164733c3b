"""Reading request parameters: every bad value becomes a 400 that names it.

Pagination tokens are opaque to clients: base64url of a small JSON object.
Clients pass back the ``next`` token they were given and never build one.

>>> decode_token(encode_token({"o": 40}))
{'o': 40}
>>> search_filters({"organ": "SC", "year": "2025", "q": "x"})
{'organ': 'SC', 'year': '2025'}
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from typing import Any, Mapping, Optional

from .errors import BadRequest

# The filters of Corpus.search / Filters, as query parameters.
FILTERS = ("organ", "symbol", "session", "year", "date_from", "date_to", "agenda_item",
           "doc_type", "sender", "language")
MAX_TEXT = 500            # characters in any one text parameter
MAX_QUERY = 1000          # characters in a search query
MAX_LIMIT = 100
_YEAR = re.compile(r"^\d{1,4}$")
_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def clean_text(name: str, value: Optional[str], limit: int = MAX_TEXT) -> Optional[str]:
    """``value`` stripped, None when empty; 400 for control characters or excess length.

    >>> clean_text("q", "  Khojaly ")
    'Khojaly'
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > limit:
        raise BadRequest(f"{name} is {len(value)} characters long; at most {limit} are read",
                         parameter=name)
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise BadRequest(f"{name} holds control characters", parameter=name)
    return value


def integer(name: str, value: Optional[str], default: int, low: int, high: int) -> int:
    """An integer parameter between ``low`` and ``high``; 400 otherwise."""
    if value is None or value == "":
        return default
    if not re.fullmatch(r"\d{1,9}", value.strip()):
        raise BadRequest(f"{name} {value[:40]!r} is not a whole number", parameter=name)
    number = int(value)
    if not low <= number <= high:
        raise BadRequest(f"{name} must be between {low} and {high}, not {number}",
                         parameter=name)
    return number


def search_filters(params: Mapping[str, str]) -> dict[str, str]:
    """The filters given in ``params`` (see :class:`verbale.store.Filters`), checked."""
    out = {}
    for name in FILTERS:
        value = clean_text(name, params.get(name))
        if value is None:
            continue
        if name == "year" and not _YEAR.match(value):
            raise BadRequest(f"year {value[:40]!r} is not a year", parameter="year")
        if name in ("date_from", "date_to"):
            value = date(name, value)
        out[name] = value
    return out


def date(name: str, value: Optional[str]) -> Optional[str]:
    """A whole or partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD), else 400.

    >>> date("date_from", "1992-02")
    '1992-02'
    """
    value = clean_text(name, value, 10)
    if value is not None and not _DATE.match(value):
        raise BadRequest(f"{name} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                         parameter=name)
    return value


def encode_token(state: dict[str, Any]) -> str:
    """An opaque pagination token for ``state``."""
    raw = json.dumps(state, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: Optional[str]) -> dict[str, Any]:
    """The state of a token made by :func:`encode_token` ({} for none); 400 when bad."""
    if not token:
        return {}
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        state = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        state = None
    if not isinstance(state, dict):
        raise BadRequest("the page token is not one this server gave; start from the first "
                         "page", parameter="next")
    return state


def offset_from(token: Optional[str], limit: int = 10_000) -> int:
    """The offset a page token carries (0 for the first page)."""
    value = decode_token(token).get("o", 0)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
        raise BadRequest("the page token is not one this server gave; start from the first "
                         "page", parameter="next")
    return value
