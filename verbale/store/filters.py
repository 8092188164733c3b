"""Search filters: which documents a search looks in.

One filter, three SQL shapes, because the best plan depends on the use:

* :meth:`Filters.sql` lists documents: ``d.rowid IN (…)`` lets an index drive;
* :meth:`Filters.check` tests one passage's document (correlated ``EXISTS``):
  cheap per row however many documents pass, for scans of search matches;
* :meth:`Filters.few` returns the documents when some single filter is rare
  enough that they can be visited one by one;
* :meth:`Filters.bounds` gives the rowid range the passing documents lie in.

    >>> Filters(organ="SC", year=2025).organ
    'security council'
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields
from typing import Optional

from ..errors import BadQuery

# Short names people type for the principal organs.
ORGAN_ALIASES = {
    "ga": "general assembly", "sc": "security council", "ecosoc": "economic and social council",
    "hrc": "human rights council", "icj": "international court of justice",
    "secretariat": "secretariat", "tc": "trusteeship council",
}
_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
TOP = "\U0010ffff"  # sorts after any text: the upper bound of a prefix


@dataclass(frozen=True)
class Filters:
    """Which documents a search looks in; every given filter must hold.

    organ: a principal organ or body ("General Assembly", or GA, SC, HRC,
        ECOSOC), from the masthead or the symbol series.
    symbol: a symbol prefix ("A/79/", "S/2025/"); any of the document's symbols.
    session: GA session from the symbol ("79", "ES-10") or as printed
        ("seventy-ninth session").
    year: the document's year (its date, else the year in its symbol).
    date_from, date_to: ISO dates, whole or partial ("2025", "2025-03").
    agenda_item: "98 (w)" or just "98".
    doc_type: letter, identical letters, report, resolution, note…
    sender: words of the sender, e.g. a State ("Kazakhstan").
    language: the document's language code ("en", "fr").
    """

    organ: Optional[str] = None
    symbol: Optional[str] = None
    session: Optional[str] = None
    year: Optional[int] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    agenda_item: Optional[str] = None
    doc_type: Optional[str] = None
    sender: Optional[str] = None
    language: Optional[str] = None

    def __post_init__(self) -> None:
        if self.organ:
            name = self.organ.strip().lower()
            object.__setattr__(self, "organ", ORGAN_ALIASES.get(name, name))
        for name in ("date_from", "date_to"):
            check_date(name, getattr(self, name))
        if self.year is not None:
            try:
                object.__setattr__(self, "year", int(self.year))
            except ValueError:
                raise BadQuery(f"year {self.year!r} is not a number") from None

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) not in (None, "") for f in fields(self))

    def sql(self) -> tuple[str, list]:
        """A WHERE clause over ``documents d`` for listing documents, and its parameters."""
        where = [f"d.rowid IN ({query})" for query, _ in self._sets()]
        args = [a for _, values in self._sets() for a in values]
        columns, values = self._columns()
        return " AND ".join(where + columns) or "1", args + values

    def check(self, doc: str) -> tuple[str, list]:
        """A condition true when the document of rowid ``doc`` (an SQL expression;
        qualify its columns: a bare ``rowid`` would mean the document's) passes:
        one primary-key lookup and a few index probes per row."""
        where = ["EXISTS (SELECT 1 FROM facets x WHERE x.doc = d.rowid AND x.name = ? "
                 "AND x.value = ?)" for _ in self._facets()]
        args = [a for pair in self._facets() for a in pair]
        if self.symbol:
            where.append("EXISTS (SELECT 1 FROM symbols s WHERE s.doc = d.rowid AND "
                         "s.key >= ? AND s.key < ?)")
            args.extend(self._prefix())
        columns, values = self._columns()
        return (f"EXISTS (SELECT 1 FROM documents d WHERE d.rowid = ({doc}) AND "
                f"{' AND '.join(where + columns) or '1'})", args + values)

    def few(self, conn: sqlite3.Connection, n: int) -> Optional[list[int]]:
        """The passing documents, newest first, when one filter alone passes at
        most ``n`` of them; else None (without reading them all)."""
        for table, column, where, args in self._parts():
            query = f"SELECT {column} AS doc FROM {table} WHERE {where}"
            count = conn.execute(f"SELECT count(*) FROM ({query} LIMIT ?)",
                                 (*args, n + 1)).fetchone()[0]
            if count <= n:
                test, more = self.check("c.doc")
                return [d for (d,) in conn.execute(
                    f"SELECT DISTINCT c.doc FROM ({query}) c WHERE {test} ORDER BY c.doc DESC",
                    (*args, *more))]
        return None

    def bounds(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Lowest and highest rowid of a document that may pass (each filter's own
        bounds, intersected; an index gives most of them at once). Documents
        stored in date order make a date filter a narrow rowid range."""
        low, high = 0, 2**62
        for table, column, where, args in self._parts():
            for fn in ("min", "max"):
                value = conn.execute(f"SELECT {fn}({column}) FROM {table} WHERE {where}",
                                     args).fetchone()[0]
                if value is None:
                    return 1, 0
                low, high = (max(low, value), high) if fn == "min" else (low, min(high, value))
        return low, high

    def _facets(self) -> list[tuple[str, str]]:
        given = (("organ", self.organ), ("session", self.session),
                 ("agenda", self.agenda_item))
        return [(name, value.strip().lower()) for name, value in given if value]

    def _prefix(self) -> list[str]:
        prefix = symbol_prefix(self.symbol or "")
        return [prefix, prefix + TOP]

    def _sets(self) -> list[tuple[str, list]]:
        return [(f"SELECT {column} AS doc FROM {table} WHERE {where}", args)
                for table, column, where, args in self._parts(columns=False)]

    def _parts(self, columns: bool = True) -> list[tuple[str, str, str, list]]:
        """Each filter alone as (table, document column, condition, parameters)."""
        parts = [("facets", "doc", "name = ? AND value = ?", list(pair))
                 for pair in self._facets()]
        if self.symbol:
            parts.append(("symbols", "doc", "key >= ? AND key < ?", self._prefix()))
        where, args = self._columns()
        if columns and where:
            parts.append(("documents d", "d.rowid", " AND ".join(where), args))
        return parts

    def _columns(self) -> tuple[list[str], list]:
        where, args = [], []
        if self.year is not None:
            where.append("d.year = ?")
            args.append(self.year)
        if self.date_from:
            where.append("d.date >= ?")
            args.append(self.date_from)
        if self.date_to:
            # "2025-03" as an upper bound takes in the whole month.
            where.append("d.date <= ?")
            args.append(self.date_to + TOP)
        for column, value in (("doc_type", self.doc_type), ("language", self.language)):
            if value:
                where.append(f"d.{column} = ? COLLATE NOCASE")
                args.append(value.strip())
        if self.sender:
            where.append("d.sender LIKE ?")
            args.append(f"%{self.sender.strip()}%")
        return where, args


def check_date(name: str, value: Optional[str]) -> None:
    """Raise BadQuery unless ``value`` is None or a whole or partial ISO date."""
    if value and not _DATE.match(value):
        raise BadQuery(f"{name.replace('_', ' ')} {value!r} is not a date: "
                       f"write YYYY, YYYY-MM or YYYY-MM-DD")


def symbol_prefix(text: str) -> str:
    """Upper-case prefix for the symbols index ("a/79" -> "A/79")."""
    return "".join(text.split()).upper()
