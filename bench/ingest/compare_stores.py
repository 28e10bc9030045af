#!/usr/bin/env python3
"""Compares the content of two RagPapers SQLite stores, table by table: row count and a hash of the rows in key order.

An ingest change that must not change what is stored (papers, chunks, the keyword index's term counts, the vocabulary)
is checked by ingesting the same collection with both builds and running this on the two stores. Standard library only.

    python3 bench/ingest/compare_stores.py /tmp/before.db /tmp/after.db     # exits 1 when a table differs
"""
import hashlib
import sqlite3
import sys

TABLES = [
    ("papers", "SELECT id, title, abstract, authors, published, source, arxiv_id, content_hash FROM papers ORDER BY id"),
    ("chunks", "SELECT paper_id, ordinal, text, vector FROM chunks ORDER BY paper_id, ordinal"),
    ("fts_terms", "SELECT term, chunks FROM fts_terms ORDER BY term"),
    ("fts_totals", "SELECT chunks, tokens FROM fts_totals"),
    ("vocabulary", "SELECT word, papers FROM vocabulary ORDER BY word"),
    # FTS5's own per-row token counts (its shadow table: Python's SQLite may predate contentless_delete=1 tables).
    ("chunks_fts rows", "SELECT id, sz FROM chunks_fts_docsize ORDER BY id"),
]


def digest(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    result = {}
    for name, sql in TABLES:
        rows = connection.execute(sql).fetchall()
        result[name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    return result


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = digest(sys.argv[1]), digest(sys.argv[2])
    differ = False
    for name, _ in TABLES:
        same = before[name] == after[name]
        differ |= not same
        print(f"{name:16} {before[name][0]:>9} rows {before[name][1]}  {after[name][0]:>9} rows {after[name][1]}  {'same' if same else 'DIFFERENT'}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
