"""The citation graph: who cites whom, through which footnote.

Nodes are the stored documents (id: the sha256 of the source) and the symbols
they cite that the corpus does not hold (id: the symbol; ``missing`` true,
``url`` its undocs.org address). Each edge is one reference in one document
naming one symbol, with the footnote or block it stands in. Edges are
resolved when read, so a document ingested later links up on its own.

Both writers stream rows from the database, so the graph of a large corpus
is never held in memory::

    with open("corpus.graphml", "w") as fp:
        write_graphml(corpus.graph_nodes(), corpus.graph_edges(), fp)

The JSON is networkx's node-link shape with the edge list under ``edges``:
``networkx.node_link_graph(data, edges="edges")``. Gephi opens the GraphML.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import IO, Iterable, Iterator, Optional
from xml.sax.saxutils import escape, quoteattr

from ..symbols import parse_symbol
from .records import Citation, DocInfo
from .search import doc_info

# Characters XML 1.0 forbids (PDF text carries a few, e.g. form feeds).
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RESOLVED = "(SELECT key, MIN(doc) AS doc FROM symbols GROUP BY key)"


@dataclass(frozen=True)
class Node:
    """A document of the corpus, or a cited symbol it does not hold (``missing``)."""

    id: str
    label: str
    missing: bool
    symbol: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    doc_type: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class Edge:
    """``source`` cites ``target`` (node ids) by ``symbol``, in ``footnote`` or ``block``."""

    source: str
    target: str
    symbol: str
    reference: Optional[str]
    type: Optional[str]
    footnote: Optional[str]
    block: Optional[str]
    text: Optional[str]


def undocs_url(symbol: str) -> Optional[str]:
    """undocs.org address of a symbol, None when it is not a valid symbol.

    >>> undocs_url("S/2020/90")
    'https://undocs.org/S/2020/90'
    """
    parsed = parse_symbol(symbol)
    return parsed.undocs_url() if parsed else None


def cites(conn: sqlite3.Connection, rowid: int) -> list[Citation]:
    """Every symbol the document at ``rowid`` cites, in order, resolved or missing."""
    source = doc_info(conn, rowid)
    rows = conn.execute(
        f"""SELECT e.target, e.ref, e.type, e.footnote, e.block, r.text, s.doc
            FROM edges e LEFT JOIN refs r ON r.doc = e.doc AND r.ref = e.ref
            LEFT JOIN {_RESOLVED} s ON s.key = e.key
            WHERE e.doc = ? ORDER BY e.rowid""", (rowid,)).fetchall()
    infos: dict[int, DocInfo] = {}  # a document cited many times is looked up once
    return [_citation(source, row[0], _info(conn, infos, row[6]), row[1:6]) for row in rows]


def cited_by(conn: sqlite3.Connection, keys: Iterable[str], target: Optional[int]
             ) -> list[Citation]:
    """Every reference, in any stored document, to one of the symbol ``keys``."""
    keys = list(keys)
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"""SELECT e.doc, e.target, e.ref, e.type, e.footnote, e.block, r.text
            FROM edges e LEFT JOIN refs r ON r.doc = e.doc AND r.ref = e.ref
            WHERE e.key IN ({marks}) ORDER BY e.doc, e.rowid""", keys).fetchall()
    infos: dict[int, DocInfo] = {}
    document = _info(conn, infos, target)
    return [_citation(_info(conn, infos, row[0]), row[1], document, row[2:7]) for row in rows]


def _info(conn, cache: dict[int, DocInfo], rowid: Optional[int]) -> Optional[DocInfo]:
    if rowid is None:
        return None
    if rowid not in cache:
        cache[rowid] = doc_info(conn, rowid)
    return cache[rowid]


def _citation(source: DocInfo, symbol: str, document: Optional[DocInfo], rest) -> Citation:
    ref, kind, footnote, block, text = rest
    return Citation(source=source, target=symbol, document=document,
                    url=undocs_url(symbol), reference=ref, type=kind, footnote=footnote,
                    block=block, text=text)


def nodes(conn: sqlite3.Connection) -> Iterator[Node]:
    """Stored documents, then the missing symbols, one at a time."""
    for id_, symbol, title, date, doc_type, path in conn.execute(
            "SELECT id, symbol, title, date, doc_type, path FROM documents ORDER BY rowid"):
        label = DocInfo(id_, symbol, title, date, path).label
        yield Node(id_, label, False, symbol, title, date, doc_type, None)
    for (symbol,) in conn.execute(
            """SELECT MIN(target) FROM edges
               WHERE key NOT IN (SELECT key FROM symbols) GROUP BY key ORDER BY key"""):
        yield Node(symbol, symbol, True, symbol, url=undocs_url(symbol))


def edges(conn: sqlite3.Connection) -> Iterator[Edge]:
    """Every edge; the target is the stored document's id, else the missing symbol."""
    missing = {}
    for row in conn.execute(
            f"""SELECT d.id, e.target, e.key, t.id, e.ref, e.type, e.footnote, e.block, r.text
                FROM edges e JOIN documents d ON d.rowid = e.doc
                LEFT JOIN refs r ON r.doc = e.doc AND r.ref = e.ref
                LEFT JOIN {_RESOLVED} s ON s.key = e.key
                LEFT JOIN documents t ON t.rowid = s.doc
                ORDER BY e.rowid"""):
        source, symbol, key, target = row[:4]
        if target is None:
            # The missing node is named by the first spelling met (nodes() agrees).
            target = missing.setdefault(key, _missing_id(conn, key))
        yield Edge(source, target, symbol, *row[4:])


def _missing_id(conn: sqlite3.Connection, key: str) -> str:
    return conn.execute("SELECT MIN(target) FROM edges WHERE key = ?", (key,)).fetchone()[0]


def write_json(nodes: Iterable[Node], edges: Iterable[Edge], fp: IO[str]) -> None:
    """Node-link JSON: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    fp.write('{"directed": true, "multigraph": true, "graph": {"name": "verbale citations"},'
             '\n "nodes": [')
    _json_list(({k: v for k, v in asdict(n).items() if v is not None} for n in nodes), fp)
    fp.write('],\n "edges": [')
    _json_list((asdict(e) for e in edges), fp)
    fp.write("]}\n")


def _json_list(items: Iterable[dict], fp: IO[str]) -> None:
    for i, item in enumerate(items):
        fp.write(("," if i else "") + "\n  " + json.dumps(item, ensure_ascii=False))


_NODE_KEYS = [("label", "string"), ("missing", "boolean"), ("symbol", "string"),
              ("title", "string"), ("date", "string"), ("doc_type", "string"), ("url", "string")]
_EDGE_KEYS = [("symbol", "string"), ("reference", "string"), ("type", "string"),
              ("footnote", "string"), ("block", "string"), ("text", "string")]


def write_graphml(nodes: Iterable[Node], edges: Iterable[Edge], fp: IO[str]) -> None:
    """GraphML for Gephi, yEd or networkx (``networkx.read_graphml``)."""
    fp.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for owner, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            fp.write(f'  <key id="{owner[0]}_{name}" for="{owner}" attr.name="{name}" '
                     f'attr.type="{kind}"/>\n')
    fp.write('  <graph id="citations" edgedefault="directed">\n')
    for node in nodes:
        fp.write(f"    <node id={_attr(node.id)}>{_data('n', _NODE_KEYS, node)}</node>\n")
    for i, edge in enumerate(edges):
        fp.write(f'    <edge id="e{i}" source={_attr(edge.source)} '
                 f"target={_attr(edge.target)}>{_data('e', _EDGE_KEYS, edge)}</edge>\n")
    fp.write("  </graph>\n</graphml>\n")


def _data(prefix: str, keys, record) -> str:
    out = []
    for name, kind in keys:
        value = getattr(record, name)
        if value is None:
            continue
        text = ("true" if value else "false") if kind == "boolean" else _xml(str(value))
        out.append(f'<data key="{prefix}_{name}">{text}</data>')
    return "".join(out)


def _xml(text: str) -> str:
    return escape(_XML_BAD.sub("", text))


def _attr(text: str) -> str:
    return quoteattr(_XML_BAD.sub("", text))
