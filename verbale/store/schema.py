"""The corpus database: table definitions (DDL), one statement per entry.

The tables, by what they hold::

    documents   one row per stored document: masthead fields for filters and
                listings, the source (path, content hash, pages); kept narrow
                so that filters scan it fast
    bodies      the whole document as compressed JSON, minus the block and
                footnote texts (those live once, in ``passages``, and are put
                back on read)
    passages    every block, footnote and a title not already a block: the
                text that is searched; ``field`` 0 block, 1 footnote, 2 title.
                The rowid says whose it is: ``(document rowid << 20) | index``,
                so a document's passages are one rowid range, a search hit
                knows its document without a lookup, and filters cost nothing
                per match (see ``DOC_SHIFT``)
    passages_fts  FTS5 index over ``passages.text`` (external content: the text
                is stored once; triggers keep the index in step)
    symbols     the document's own symbols, editorial form and an upper-case key
    facets      (name, value) pairs for filters: organ, session, agenda item
    refs        the reference layer, one row per reference
    edges       the citation graph: one row per (reference, cited symbol);
                the target is resolved at query time through ``symbols``, so a
                document added later links up without rewriting edges
    claims      the claims layer, with the event date as an ISO range
    sources     source bytes (zlib), only when ingest keeps them
    failures    files that could not be stored, with their error
    meta        key/value facts about the database (e.g. that it is synthetic)

Every other child row names its document by ``documents.rowid`` (``doc``) and
goes with it (``ON DELETE CASCADE``; foreign keys are switched on per
connection); passages are deleted by rowid range.
"""

from __future__ import annotations

# Tokenizer: Unicode-aware, accents folded, so "Türkiye" matches "Turkiye" and
# the French and Spanish documents are searchable without a stemmer.
TOKENIZE = "unicode61 remove_diacritics 2"
# passages.rowid = (documents.rowid << DOC_SHIFT) | index: up to 2**20 passages
# per document, 2**43 documents.
DOC_SHIFT = 20

TABLES = [
    """CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,            -- sha256 of the source bytes
        path TEXT NOT NULL UNIQUE,          -- source path (absolute) or synthetic:...
        format TEXT,
        pages INTEGER,
        bytes INTEGER,
        symbol TEXT,                        -- first symbol, for listings
        title TEXT,
        date TEXT,
        year INTEGER,
        doc_type TEXT,
        language TEXT,
        original_language TEXT,
        sender TEXT,
        n_blocks INTEGER NOT NULL,
        n_footnotes INTEGER NOT NULL,
        n_claims INTEGER NOT NULL,
        text_bytes INTEGER NOT NULL,        -- UTF-8 size of the searched text
        synthetic INTEGER NOT NULL DEFAULT 0,
        verbale_version TEXT,
        stored_at TEXT NOT NULL
    )""",
    "CREATE INDEX documents_date ON documents(date)",
    "CREATE INDEX documents_year ON documents(year)",
    "CREATE INDEX documents_type ON documents(doc_type COLLATE NOCASE)",
    "CREATE INDEX documents_language ON documents(language COLLATE NOCASE)",
    """CREATE TABLE bodies (
        doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        body BLOB NOT NULL                  -- zlib(JSON of the document, texts left out)
    )""",
    """CREATE TABLE passages (
        rowid INTEGER PRIMARY KEY,          -- (documents.rowid << 20) | index
        field INTEGER NOT NULL,
        ref TEXT,
        kind TEXT,
        page INTEGER,
        text TEXT NOT NULL
    )""",
    f"""CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, content='passages', content_rowid='rowid', tokenize='{TOKENIZE}'
    )""",
    # External-content FTS5 needs the old text to remove a row from the index.
    """CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts(rowid, text) VALUES (new.rowid, new.text);
    END""",
    """CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
        INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END""",
    """CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
        INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO passages_fts(rowid, text) VALUES (new.rowid, new.text);
    END""",
    """CREATE TABLE symbols (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        symbol TEXT NOT NULL,
        key TEXT NOT NULL
    )""",
    "CREATE INDEX symbols_key ON symbols(key, doc)",
    "CREATE INDEX symbols_doc ON symbols(doc)",
    """CREATE TABLE facets (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        value TEXT NOT NULL
    )""",
    "CREATE INDEX facets_value ON facets(name, value, doc)",
    "CREATE INDEX facets_doc ON facets(doc)",
    """CREATE TABLE refs (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        type TEXT,
        text TEXT,
        symbols TEXT,                       -- space-separated
        url TEXT,
        footnote TEXT,
        block TEXT,
        fields TEXT                         -- JSON
    )""",
    "CREATE INDEX refs_doc ON refs(doc, ref)",
    """CREATE TABLE edges (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        target TEXT NOT NULL,               -- cited symbol, editorial form
        key TEXT NOT NULL,                  -- its upper-case key (joins symbols.key)
        ref TEXT,
        footnote TEXT,
        block TEXT,
        type TEXT
    )""",
    "CREATE INDEX edges_key ON edges(key)",
    "CREATE INDEX edges_doc ON edges(doc)",
    """CREATE TABLE claims (
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        claim TEXT NOT NULL,
        measure TEXT,
        place TEXT,
        date TEXT,                          -- as written
        date_start TEXT,                    -- ISO, from the claim's date (NULL if none)
        date_end TEXT,
        value INTEGER, low INTEGER, best INTEGER, high INTEGER,
        hedge TEXT,
        claimant TEXT,
        claimant_kind TEXT,
        ref TEXT,
        quoted INTEGER,
        victims TEXT,
        block TEXT,
        text TEXT
    )""",
    "CREATE INDEX claims_place ON claims(place COLLATE NOCASE)",
    "CREATE INDEX claims_doc ON claims(doc)",
    """CREATE TABLE sources (
        id TEXT PRIMARY KEY,                -- documents.id
        data BLOB NOT NULL                  -- zlib(source bytes)
    )""",
    """CREATE TABLE failures (
        path TEXT PRIMARY KEY,
        sha256 TEXT,
        error TEXT NOT NULL,                -- exception class name
        message TEXT NOT NULL,
        exit_code INTEGER,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT
    )""",
]
