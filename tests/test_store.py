"""The corpus store: ingest of the real corpus, search, citation graph, claims,
dedupe and replacement, recovery after kill -9, WAL readers, round trips."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CORPUS_PDF, SAMPLES, SEED, SHARED, need
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verbale import process
from verbale.errors import BadQuery, NotFound, StoreError
from verbale.model import (
    Block,
    Box,
    Circulation,
    Claim,
    Claimant,
    Document,
    Footnote,
    Link,
    Marker,
    Quotation,
    Reference,
    Section,
    Signature,
    Source,
    Warning,
)
from verbale.store import Corpus, migrations
from verbale.store.ingest import ingest, iter_files
from verbale.store.rows import date_range, symbol_key
from verbale.symbols import parse_symbol

CORPUS_TXT = SHARED / "corpus" / "txt"
NO_TEXT_LAYER = 5  # scans in the corpus without a text layer


# -- the real corpus, ingested once ---------------------------------------------

@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    need(CORPUS_PDF), need(CORPUS_TXT), need(SEED)
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    report = ingest([CORPUS_PDF, CORPUS_TXT, SEED], db, workers=2)
    return db, report


@pytest.fixture
def corpus(corpus_db):
    with Corpus.open(corpus_db[0], create=False) as c:
        yield c


def labels(hits):
    return {h.document.label for h in hits}


def test_ingest_stores_every_readable_file_and_records_failures(corpus_db, corpus):
    report = corpus_db[1]
    files = sum(1 for _ in iter_files([CORPUS_PDF, CORPUS_TXT, SEED]))
    assert report.seen == files
    assert report.failed == NO_TEXT_LAYER and report.added == files - NO_TEXT_LAYER
    assert len(corpus) == report.added and report.pages > 1000
    failures = corpus.failures()
    assert {f.error for f in failures} == {"NoTextLayer"} and {f.exit_code for f in failures} == {8}
    assert corpus.schema_version() == migrations.latest()
    assert corpus.conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == \
        migrations.latest()


def test_search_phrase_ranks_and_highlights(corpus):
    hits = corpus.search('"confidence-building measures"', limit=50)
    assert "A/79/722" in labels(hits)
    assert all("[" in h.snippet and "]" in h.snippet for h in hits)
    assert [h.score for h in hits] == sorted(h.score for h in hits)  # BM25, best first
    hit = next(h for h in hits if h.document.label == "A/79/722")
    block = corpus.get("A/79/722").block(hit.ref)
    assert "onfidence" in block.text and hit.page == block.page


def test_search_prefix_footnotes_and_accents(corpus):
    hits = corpus.search("disarm*", limit=50)
    assert hits and all("[Disarm" in h.snippet or "[disarm" in h.snippet for h in hits)
    notes = corpus.search('"Massacre in Khojaly"', limit=20)
    assert "footnote" in {h.field for h in notes} or notes
    assert "A/79/722" in labels(corpus.search("Turkiye", limit=100))  # Türkiye, accent folded


def test_search_symbol_in_quotes_finds_the_citing_document(corpus):
    assert labels(corpus.search('"S/2025/49"')) == {"S/2025/354"}


@pytest.mark.parametrize("filters, check", [
    ({"organ": "SC"}, lambda d: any(s.startswith("S/") for s in d.symbols) or
     "Security Council" in d.organs),
    ({"symbol": "a/79/"}, lambda d: any(s.startswith("A/79/") for s in d.symbols)),
    ({"session": "79"}, lambda d: any(parse_symbol(s).session == "79" for s in d.symbols)),
    ({"year": 2025}, lambda d: (d.date or "").startswith("2025")),
    ({"date_from": "2025-02", "date_to": "2025-03"},
     lambda d: "2025-02" <= d.date[:7] <= "2025-03"),
    ({"agenda_item": "34"}, lambda d: any(a.split()[0] == "34" for a in d.agenda_items)),
    ({"doc_type": "Resolution"}, lambda d: d.doc_type == "resolution"),
    ({"sender": "Sudan"}, lambda d: "Sudan" in (d.sender or "")),
    ({"language": "en"}, lambda d: d.language == "en"),
])
@pytest.mark.parametrize("mode", ["exact", "window", "few documents"])
def test_search_filters(corpus, filters, check, mode, monkeypatch):
    from verbale.store import search as engine

    if mode != "exact":  # make the query "broad" to take the other paths
        monkeypatch.setattr(engine, "NARROW", 10)
        monkeypatch.setattr(engine, "WINDOW", 50)
        monkeypatch.setattr(engine, "FEW_DOCUMENTS", 1000 if mode == "few documents" else 0)
    query = "council OR security OR united"
    hits = corpus.search(query, limit=100, **filters)
    assert hits, filters
    for label in labels(hits):
        assert check(corpus.get(label)), (filters, label)
    every = corpus.search(query, limit=10_000, exhaustive=True, **filters)
    assert {(h.document.id, h.ref) for h in hits} <= {(h.document.id, h.ref) for h in every}


def test_filters_combine(corpus):
    hits = corpus.search("Sudan", organ="Security Council", sender="Sudan", year=2025, limit=100)
    assert labels(hits) and labels(hits) <= {"S/2025/49", "S/2025/277", "S/2025/354"}
    assert corpus.search("Sudan", organ="Human Rights Council", sender="Sudan") == []


def _passage_keys(corpus, rowids):
    out = set()
    for rowid in rowids:
        ref = corpus.conn.execute("SELECT ref FROM passages WHERE rowid = ?", (rowid,)).fetchone()
        out.add((corpus.conn.execute("SELECT id FROM documents WHERE rowid = ?",
                                     (rowid >> 20,)).fetchone()[0], ref[0]))
    return out


def test_broad_queries_are_ranked_among_their_most_recent_matches(corpus, monkeypatch):
    from verbale.store import search as engine

    monkeypatch.setattr(engine, "NARROW", 10)
    monkeypatch.setattr(engine, "WINDOW", 30)
    recent = [r for (r,) in corpus.conn.execute(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'council' "
        "ORDER BY rowid DESC LIMIT 30")]
    hits = corpus.search("council", limit=100)
    assert {(h.document.id, h.ref) for h in hits} == _passage_keys(corpus, recent)
    assert all("[" in h.snippet for h in hits)
    assert [h.score for h in hits] == sorted(h.score for h in hits)
    every = corpus.search("council", limit=1000, exhaustive=True)
    assert len(every) > 30 and [h.score for h in every] == sorted(h.score for h in every)
    # filters leaving few documents: their matches, one document at a time
    few = corpus.search("council", organ="HRC", limit=100)
    assert few and all("Human Rights Council" in corpus.get(h.document.id).organs or
                       any(s.startswith("A/HRC/") for s in corpus.get(h.document.id).symbols)
                       for h in few)
    # many documents: the newest matches within the filters, read in chunks
    monkeypatch.setattr(engine, "FEW_DOCUMENTS", 0)
    within = [r for (r,) in corpus.conn.execute(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'council' AND rowid >> 20 IN "
        "(SELECT doc FROM facets WHERE name = 'organ' AND value = 'security council') "
        "ORDER BY rowid DESC LIMIT 30")]
    hits = corpus.search("council", organ="SC", limit=100)
    assert {(h.document.id, h.ref) for h in hits} == _passage_keys(corpus, within)
    # a prefix query scans its matches within the filters
    prefixed = corpus.search("counc*", symbol="S/2025/", limit=50)
    assert prefixed and all(any(s.startswith("S/2025/") for s in
                                corpus.get(h.document.id).symbols) for h in prefixed)


class _Counting:
    """A connection that counts the statements it is given."""

    def __init__(self, conn):
        self.conn, self.statements = conn, []

    def execute(self, sql, args=()):
        self.statements.append(sql)
        return self.conn.execute(sql, args)


@pytest.mark.parametrize("broad", [False, True])
@pytest.mark.parametrize("query", ['"confidence-building measures"', "council", "disarm*",
                                   "Sudan AND ceasefire", "NEAR(chemical weapons, 5)"])
def test_a_page_of_hits_is_read_at_once(corpus, query, broad, monkeypatch):
    """Passages, documents and snippets: the same statements for 2 hits as for 60,
    and each snippet is the one the corpus index cuts for that passage."""
    from verbale.store import search as engine
    from verbale.store.filters import Filters
    from verbale.store.rows import FIELDS

    if broad:
        monkeypatch.setattr(engine, "NARROW", 10)
    runs = []
    for limit in (2, 60):
        conn = _Counting(corpus.conn)
        runs.append((engine.search(conn, query, Filters(), limit=limit), conn.statements))
    (few, two), (many, sixty) = runs
    assert 2 == len(few) < len(many) and many[:2] == few
    assert len(two) == len(sixty)
    assert sum("snippet(" in s for s in sixty) == 1
    assert many == corpus.search(query, limit=60)
    index = {name: number for number, name in FIELDS.items()}
    for hit in many:
        rowid, = corpus.conn.execute(
            "SELECT p.rowid FROM passages p JOIN documents d ON d.rowid = p.rowid >> 20 "
            "WHERE d.id = ? AND p.field = ? AND p.ref IS ?",
            (hit.document.id, index[hit.field], hit.ref)).fetchone()
        assert hit.document == corpus.info(hit.document.id)
        assert hit.snippet == corpus.conn.execute(
            "SELECT snippet(passages_fts, 0, '[', ']', '…', 16) FROM passages_fts "
            "WHERE passages_fts MATCH ? AND rowid = ?", (query, rowid)).fetchone()[0]


@pytest.mark.parametrize("query", ["A/79/722", '"unterminated', "NEAR(", "foo:bar", "AND", " "])
def test_bad_query_is_a_verbale_error(corpus, query):
    with pytest.raises(BadQuery) as info:
        corpus.search(query)
    assert not isinstance(info.value, sqlite3.Error)
    if query == "A/79/722":
        assert 'Did you mean: "A/79/722"' in str(info.value)


def test_bad_filter_value(corpus):
    with pytest.raises(BadQuery, match="not a date"):
        corpus.search("council", date_from="March 2025")
    with pytest.raises(TypeError):
        corpus.search("council", colour="blue")


def test_get_by_any_symbol_id_or_file_name(corpus):
    doc = corpus.get("A/79/722")
    assert doc.symbols == ("A/79/722", "S/2025/27")
    assert corpus.get("s/2025/27") == doc
    assert corpus.get(doc.source.sha256[:12]) == doc
    assert corpus.get("A_79_722.en.pdf") == doc
    with pytest.raises(NotFound):
        corpus.get("A/99/999")


def test_stored_documents_equal_the_parsed_ones(corpus):
    for name in ["A_79_722.en.pdf", "S_2025_354.en.pdf", "A_HRC_RES_59_25.en.pdf"]:
        path = need(CORPUS_PDF / name)
        assert corpus.get(name) == process(path)
    assert corpus.get(SEED.name) == process(SEED)


def test_seed_letter_cites_missing_documents_with_their_address(corpus):
    cited = {c.target: c for c in corpus.cites(SEED.name)}
    for symbol in ("A/74/676", "S/2020/90"):
        assert cited[symbol].missing and cited[symbol].url == f"https://undocs.org/{symbol}"
        assert cited[symbol].footnote == "fn11"
    back = corpus.cited_by("S/2020/90")
    assert SEED.name in {c.source.label for c in back} and all(c.missing for c in back)


def test_stored_document_citing_a_stored_document(corpus):
    out = {c.target: c for c in corpus.cites("S/2025/354")}
    assert out["S/2025/49"].document.label == "S/2025/49" and not out["S/2025/49"].missing
    back = corpus.cited_by("S/2025/49")
    assert "S/2025/354" in {c.source.label for c in back}
    assert all(c.document and c.document.label == "S/2025/49" for c in back)
    assert corpus.cited_by("A/79/722") == corpus.cited_by("S/2025/27")  # any of its symbols


def test_cited_by_an_unknown_name(corpus):
    assert corpus.cited_by("A/99/123") == []
    with pytest.raises(NotFound):
        corpus.cited_by("nothing here")


def test_graph_json_and_graphml(corpus):
    graph = corpus.graph()
    ids = {n.id for n in graph.nodes}
    assert len(ids) == len(graph.nodes) and all(e.source in ids and e.target in ids
                                                for e in graph.edges)
    seed = corpus.info(SEED.name).id
    seed_edges = [e for e in graph.edges if e.source == seed and e.symbol == "S/2020/90"]
    assert seed_edges and seed_edges[0].footnote == "fn11" and seed_edges[0].target == "S/2020/90"
    assert next(n for n in graph.nodes if n.id == "S/2020/90").missing
    buffer = io.StringIO()
    corpus.write_graph(buffer, "json")
    data = json.loads(buffer.getvalue())
    assert len(data["nodes"]) == len(graph.nodes) and len(data["edges"]) == len(graph.edges)
    buffer = io.StringIO()
    corpus.write_graph(buffer, "graphml")
    root = ET.fromstring(buffer.getvalue())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:edge", ns)) == len(graph.edges)


def test_exports(corpus):
    buffer = io.StringIO()
    assert corpus.export("documents", buffer) == len(corpus)
    first = Document.from_dict(json.loads(buffer.getvalue().splitlines()[0]))
    assert corpus.get(first.source.sha256) == first
    buffer = io.StringIO()
    n = corpus.export("references", buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert n == len(rows) == corpus.conn.execute("SELECT count(*) FROM refs").fetchone()[0]
    assert any(r["symbols"] == "A/74/676; S/2020/90" for r in rows)
    buffer = io.StringIO()
    corpus.export("claims", buffer)
    assert buffer.getvalue().startswith("document,document_symbol,path,claim,measure")


# -- claims across documents ----------------------------------------------------------

def _claim(cid, measure, value, place, date, claimant="Permanent Representative", **kw):
    return Claim(cid, measure, f"{value} people were {measure}", Claimant(claimant, "author"),
                 "b1", (0, 10), value=value, place=place, date=date, **kw)


def _doc(name, symbol, date, claims=(), text="Some words.", refs=()):
    return Document(Source(name, "text", f"{abs(hash(name)):064x}"[-64:], 1, 10),
                    symbols=(symbol,), date=date, blocks=(Block("b1", "paragraph", text, 1),),
                    claims=tuple(claims), references=tuple(refs))


def test_claims_for_event_grouped_by_measure():
    with Corpus.open(":memory:") as corpus:
        corpus.add(_doc("a.txt", "A/47/1", "1992-03-01", [
            _claim("c1", "killed", 613, "Khojaly", "25-26 February 1992"),
            _claim("c2", "wounded", 487, "Khojaly", "26 February", reference="r1")],
            refs=[Reference("r1", "press", "Time magazine, 16 March 1992")]))
        corpus.add(_doc("b.txt", "S/1993/5", "1993-01-10", [
            _claim("c1", "killed", 1000, "Khojaly town", None, claimant="Source X", hedge="over"),
            _claim("c2", "killed", 5, "Elsewhere", "1992")]))
        groups = corpus.claims_for_event("khojaly")
        assert [g.measure for g in groups] == ["killed", "wounded"]
        assert [c.value for c in groups[0].claims] == [613, 1000] and groups[0].spread == (613, 1000)
        assert groups[1].claims[0].reference_text == "Time magazine, 16 March 1992"
        assert groups[1].claims[0].document.symbol == "A/47/1"
        # the dateless claim is placed at its document's date (1993)
        feb = corpus.claims_for_event("Khojaly", "1992-02", "1992-02")
        assert [(g.measure, len(g.claims)) for g in feb] == [("killed", 1), ("wounded", 1)]
        assert [c.value for g in corpus.claims_for_event("Khojaly", "1993") for c in g.claims] \
            == [1000]
        buffer = io.StringIO()
        assert corpus.export("claims", buffer) == 4


def test_claims_about_an_event_across_the_real_corpus(corpus):
    groups = {g.measure: g for g in corpus.claims_for_event("Khojaly")}
    killed = groups["killed"]
    assert {SEED.name, "A/79/801"} <= {c.document.label for c in killed.claims}
    assert all(c.claimant for c in killed.claims)
    assert any(c.reference_text for c in killed.claims)  # a figure quoted from a source
    assert corpus.claims_for_event("Khojaly", "1992-02", "1992-02")
    assert not corpus.claims_for_event("Khojaly", "2000", "2001")


def test_claim_dates():
    assert date_range("25-26 February 1992") == ("1992-02-25", "1992-02-26")
    assert date_range("as of 3 March", 2024) == ("2024-03-03", "2024-03-03")
    assert date_range("March 2020") == ("2020-03-01", "2020-03-31")
    assert date_range("since 2014") == ("2014-01-01", "2014-12-31")
    assert date_range("2024-05-06") == ("2024-05-06", "2024-05-06")
    assert date_range("the reporting period") == (None, None)


# -- dedupe, replacement, reparse ----------------------------------------------------

def test_dedupe_and_replacement(tmp_path):
    src = need(CORPUS_TXT / "S_RES_0242_1967_EN_GOLD.txt")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "one.txt")
    shutil.copy(src, folder / "two.txt")  # same content, another name
    db = tmp_path / "c.db"
    first = ingest([folder], db, workers=0)
    assert (first.added, first.duplicate) == (1, 1)
    again = ingest([folder], db, workers=0)
    assert (again.added, again.unchanged, again.duplicate) == (0, 1, 1)
    changed = src.read_text(encoding="utf-8").replace("Middle East", "Mittelmeer Zone")
    (folder / "one.txt").write_text(changed, encoding="utf-8")
    third = ingest([folder / "one.txt"], db, workers=0)
    assert third.replaced == 1
    with Corpus.open(db) as corpus:
        assert len(corpus) == 1
        assert labels(corpus.search("Mittelmeer")) and not corpus.search('"Middle East"')
        assert corpus.conn.execute("SELECT count(*) FROM passages").fetchone()[0] == \
            len(corpus.get("one.txt").blocks) + len(corpus.get("one.txt").footnotes) + \
            (1 if corpus.conn.execute("SELECT count(*) FROM passages WHERE field = 2")
             .fetchone()[0] else 0)


def test_reparse_from_kept_bytes_and_from_paths(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(need(CORPUS_TXT / "S_RES_0082_1950_EN_GOLD.txt"), a)
    shutil.copy(need(CORPUS_TXT / "S_RES_0338_1973_EN_GOLD.txt"), b)
    db = tmp_path / "c.db"
    ingest([a], db, workers=0, keep_sources=True)
    ingest([b], db, workers=0)
    before = Corpus.open(db).get("a.txt")
    a.unlink(), b.unlink()
    report = ingest([], db, workers=0, reparse=True)
    assert (report.replaced, report.failed) == (1, 1)  # b's bytes were not kept
    with Corpus.open(db) as corpus:
        assert corpus.get("a.txt") == before and corpus.source("a.txt") is not None
        assert [f.path for f in corpus.failures()] == [str(b)] and len(corpus) == 2


def test_failures_are_recorded_and_cleared(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n truncated")
    db = tmp_path / "c.db"
    report = ingest([bad, tmp_path / "missing.txt"], db, workers=2)
    assert report.failed == 2 and len(report.failures) == 2
    shutil.copy(need(CORPUS_TXT / "S_RES_0082_1950_EN_GOLD.txt"), bad)
    ingest([bad], db, workers=0)
    with Corpus.open(db) as corpus:
        assert [f.path for f in corpus.failures()] == [str(tmp_path / "missing.txt")]


# -- interruption and concurrency -----------------------------------------------------

SLOW_INGEST = textwrap.dedent("""
    import sys, time
    from verbale import process
    from verbale.store.ingest import ingest

    DELAY = 0.0

    def slow_parse(data, name=None):
        time.sleep(DELAY)
        return process(data, name=name)

    if __name__ == "__main__":
        db, DELAY, *paths = sys.argv[1:]
        DELAY = float(DELAY)
        report = ingest(paths, db, workers=2, parse=slow_parse,
                        progress=lambda e: print(e.outcome, e.path, flush=True))
        print("done", report.added, report.failed, flush=True)
""")


def _start_slow_ingest(tmp_path, db, delay, files):
    script = tmp_path / "slow_ingest.py"
    script.write_text(SLOW_INGEST)
    return subprocess.Popen([sys.executable, str(script), str(db), str(delay), *map(str, files)],
                            stdout=subprocess.PIPE, text=True, start_new_session=True)


def _stored(db) -> int:
    if not Path(db).exists():
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    finally:
        conn.close()


def _wait_for(condition, timeout=60.0):
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


def _assert_complete(db):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')")
    conn.close()
    with Corpus.open(db) as corpus:
        for rowid, n_blocks in corpus.conn.execute("SELECT rowid, n_blocks FROM documents"):
            doc = corpus._load(rowid)
            stored = corpus.conn.execute("SELECT count(*) FROM passages WHERE rowid >> 20 = ? AND "
                                         "field = 0", (rowid,)).fetchone()[0]
            assert n_blocks == stored == len(doc.blocks)
            assert all(b.text is not None for b in doc.blocks)


@pytest.fixture
def txt_files():
    return sorted(need(CORPUS_TXT).glob("*.txt"))


def test_kill_9_of_the_parent_loses_nothing_and_rerun_resumes(tmp_path, txt_files):
    db = tmp_path / "c.db"
    proc = _start_slow_ingest(tmp_path, db, 0.15, txt_files)
    try:
        _wait_for(lambda: _stored(db) >= 4)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    stored = _stored(db)
    assert 4 <= stored < len(txt_files)
    _assert_complete(db)
    report = ingest(txt_files, db, workers=2)
    assert report.unchanged == stored and report.added == len(txt_files) - stored
    _assert_complete(db)


def test_a_killed_worker_is_replaced_and_its_files_retried(tmp_path, txt_files):
    db = tmp_path / "c.db"
    proc = _start_slow_ingest(tmp_path, db, 0.1, txt_files)
    try:
        assert proc.stdout.readline().startswith("added")
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert children
        os.kill(int(children[0]), signal.SIGKILL)
        out, _ = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0 and out.splitlines()[-1] == f"done {len(txt_files)} 0"
    assert _stored(db) == len(txt_files)
    _assert_complete(db)


READER = textwrap.dedent("""
    import sys, time
    from verbale.store import Corpus
    corpus = Corpus.open(sys.argv[1], create=False)
    seen, end = [], time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        seen.append(len(corpus))
        corpus.search("council OR resolution", limit=5)
        time.sleep(0.02)
    print(min(seen), max(seen), len(seen))
""")


def test_two_readers_while_one_process_ingests(tmp_path, txt_files):
    db = tmp_path / "c.db"
    writer = _start_slow_ingest(tmp_path, db, 0.1, txt_files)
    try:
        _wait_for(lambda: _stored(db) >= 1)
        script = tmp_path / "reader.py"
        script.write_text(READER)
        readers = [subprocess.Popen([sys.executable, str(script), str(db), "1.0"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for _ in range(2)]
        results = [r.communicate(timeout=60) for r in readers]
        assert writer.poll() is None or _stored(db) == len(txt_files)
        writer.communicate(timeout=120)
    finally:
        if writer.poll() is None:
            os.killpg(writer.pid, signal.SIGKILL)
    for reader, (out, err) in zip(readers, results):
        assert reader.returncode == 0, err
        low, high, rounds = map(int, out.split())
        assert rounds > 5 and 1 <= low <= high
    assert writer.returncode == 0 and _stored(db) == len(txt_files)
    assert Corpus.open(db).conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- opening and migrations ---------------------------------------------------------

def test_open_refuses_other_databases(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a verbale corpus"):
        Corpus.open(other)
    text = tmp_path / "text.db"
    text.write_text("hello" * 1000)
    with pytest.raises(StoreError):
        Corpus.open(text)
    with pytest.raises(StoreError, match="no corpus at"):
        Corpus.open(tmp_path / "none.db", create=False)


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "c.db"
    Corpus.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.latest() + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Corpus.open(db)


# -- round trips ------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_opt = st.none() | _text
_int = st.integers(0, 10_000)
_box = st.builds(Box, *[st.floats(-1e4, 1e4, allow_nan=False)] * 4)
_tuple = lambda s, n=3: st.lists(s, max_size=n).map(tuple)  # noqa: E731
_symbol = st.sampled_from(["A/79/722", "S/2025/27", "S/RES/2334 (2016)", "A/HRC/RES/59/25",
                           "E/2025/60", "not a symbol", ""])
_json = st.recursive(st.none() | st.booleans() | st.integers() | _text,
                     lambda inner: st.lists(inner, max_size=3) |
                     st.dictionaries(_text, inner, max_size=3), max_leaves=6)

documents = st.builds(
    Document,
    source=st.builds(Source, path=_text.map(lambda t: "p/" + t), format=st.sampled_from(
        ["pdf", "text"]), sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
        pages=_int, bytes=_int),
    symbols=_tuple(_symbol), date=st.none() | st.dates().map(str), distribution=_opt,
    original_language=_opt, language=_opt, organs=_tuple(_text), sessions=_tuple(_text),
    agenda_items=_tuple(_text), agenda_titles=_tuple(_text), doc_type=_opt, title=_opt,
    addressees=_tuple(_text), sender=_opt, job_number=_opt,
    blocks=_tuple(st.builds(Block, id=_text, kind=_text, text=_text, page=_int,
                            pages=_tuple(_int), section=_opt, number=_opt,
                            markers=_tuple(st.builds(Marker, _text, _int, _int, _opt,
                                                     st.none() | _box)),
                            boxes=_tuple(st.tuples(_int, _box))), 5),
    footnotes=_tuple(st.builds(Footnote, _text, _text, _text, _int, _opt, _tuple(_text),
                               st.none() | _box)),
    signatures=_tuple(st.builds(Signature, _text, _text, _opt, _tuple(_text))),
    circulation=st.none() | st.builds(Circulation, _tuple(_text), _tuple(_text), _opt, _text),
    sections=_tuple(st.builds(Section, _text, _text, _text, _text, _opt, _opt, _int)),
    links=_tuple(st.builds(Link, _text, _int, _opt, _opt, st.none() | _box)),
    references=_tuple(st.builds(Reference, _text, _text, _text,
                                st.dictionaries(_text, _json, max_size=3), _tuple(_symbol),
                                _opt, _opt, _opt, st.tuples(_int, _int))),
    cited_symbols=_tuple(_symbol),
    claims=_tuple(st.builds(Claim, _text, _text, _text, st.builds(Claimant, _text, _text, _opt),
                            _text, st.tuples(_int, _int), value=st.none() | _int,
                            breakdown=_tuple(st.tuples(_text, _int)), place=_opt,
                            date=_opt, quoted=st.booleans())),
    quotations=_tuple(st.builds(Quotation, _text, _text, st.tuples(_int, _int), _text, _opt,
                                _opt)),
    warnings=_tuple(st.builds(Warning, _text, _text, st.none() | _int)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_a_stored_document_reads_back_equal(doc):
    with Corpus.open(":memory:") as corpus:
        assert corpus.add(doc) == "added"
        rowid = corpus.conn.execute("SELECT max(rowid) FROM documents").fetchone()[0]
        assert corpus._load(rowid) == doc
        assert corpus.add(doc) == "unchanged"
        assert corpus.add(doc, replace=True) == "replaced"
        for symbol in doc.symbols:
            if symbol_key(symbol):
                assert corpus.get(symbol) == doc


# -- the command line -----------------------------------------------------------------

def run(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verbale", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})})


def test_cli_listing_commands(corpus_db):
    db = str(corpus_db[0])
    hits = json.loads(run("search", '"confidence-building measures"', "--db", db,
                          "--organ", "GA", "-f", "json").stdout)
    assert "A/79/722" in {h["document"]["symbol"] for h in hits}
    table = run("search", "disarm*", "-n", "3", env={"VERBALE_DB": db})
    assert table.returncode == 0 and table.stdout.count("\n    ") == 3
    cites = json.loads(run("cites", SEED.name, "--db", db, "-f", "json").stdout)
    assert {"A/74/676", "S/2020/90"} <= {c["target"] for c in cites}
    assert all(c["missing"] and c["url"] for c in cites)
    back = run("cited-by", "S/2020/90", "--db", db)
    assert back.stdout.startswith("S/2020/90 is not in the corpus: https://undocs.org/S/2020/90")
    shown = json.loads(run("show", "S/2025/27", "--db", db, "-f", "json").stdout)
    assert shown["symbols"] == ["A/79/722", "S/2025/27"]
    graph = run("graph", "--db", db, "--format", "json")
    assert json.loads(graph.stdout)["edges"]
    claims = run("claims", "--event", "Khojaly", "--db", db, "-f", "json")
    assert claims.returncode == 0 and isinstance(json.loads(claims.stdout), list)


def test_cli_errors_are_one_line_with_their_exit_code(corpus_db, tmp_path):
    db = str(corpus_db[0])
    bad = run("search", "A/79/722", "--db", db)
    assert bad.returncode == BadQuery.exit_code and len(bad.stderr.splitlines()) == 1
    missing = run("show", "A/99/999", "--db", db)
    assert missing.returncode == NotFound.exit_code and "Traceback" not in missing.stderr
    nodb = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert nodb.returncode == StoreError.exit_code and not (tmp_path / "none.db").exists()


def test_cli_ingest_logs_lines_and_lists_failures(tmp_path):
    db = str(tmp_path / "c.db")
    scan = need(CORPUS_PDF / "A_45_696_Add.1.en.pdf")
    out = run("ingest", str(SAMPLES / "letter.txt"), str(scan), "--db", db, "-j", "2")
    assert out.returncode == 0, out.stderr
    assert "added" in out.stderr and "failed" in out.stderr  # one log line per file
    assert "1 added" in out.stdout and "1 failed" in out.stdout
    assert f"failed: {scan}: NoTextLayer" in out.stdout
    strict = run("ingest", str(scan), "--db", db, "--strict")
    assert strict.returncode == 1
    from click.testing import CliRunner

    import verbale.cli  # noqa: F401  (first: it imports the command modules in order)
    from verbale.cli_export import export_command
    result = CliRunner().invoke(export_command, ["--what", "documents", "--db", db])
    assert result.exit_code == 0 and json.loads(result.output)["symbols"] == ["A/99/123",
                                                                             "S/2045/45"]


def test_cli_claims_of_files_and_of_the_corpus(corpus_db):
    seed = str(need(SEED))
    rows = json.loads(run("claims", seed, "-f", "json").stdout)
    assert rows
    assert {"measure", "claimant", "place"} <= set(rows[0])
    compared = run("claims", "--compare", seed, str(need(CORPUS_PDF / "A_79_801.en.pdf")),
                   "-f", "csv")
    assert compared.returncode == 0 and compared.stdout.startswith("place,")
    event = run("claims", "--event", "Khojaly", "--db", str(corpus_db[0]), "-f", "csv")
    assert "A/79/801" in event.stdout and SEED.name in event.stdout
    assert run("claims").returncode == 2  # neither FILES nor --event


def test_keys_that_are_no_path_are_not_found(corpus):
    """Found by schemathesis: "~0" made Path.expanduser raise (a 500 on the web)."""
    from verbale.errors import NotFound

    for key in ("~0", "~nobody/x.pdf", "\x00", "a" * 5000):
        with pytest.raises(NotFound):
            corpus.get(key)
