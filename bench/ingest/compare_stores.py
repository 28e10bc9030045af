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
    # A chunk that is its paper's whole abstract is stored as '' since schema 9 and compared as the text it stands for,
    # so a store of either schema compares equal to the other when they hold the same texts.
    ("chunks", "SELECT c.paper_id, c.ordinal, CASE WHEN c.text = '' THEN p.abstract ELSE c.text END, c.vector"
               " FROM chunks c LEFT JOIN papers p ON p.id = c.paper_id ORDER BY c.paper_id, c.ordinal"),
    ("fts_terms", "SELECT term, chunks FROM fts_terms ORDER BY term"),
    ("fts_totals", "SELECT chunks, tokens FROM fts_totals"),
    ("vocabulary", "SELECT word, papers FROM vocabulary ORDER BY word"),
]

# The keyword index: every live chunk's postings, decoded (so how the rows were merged does not matter) and keyed by
# (paper, ordinal) rather than chunk id; a replaced chunk's postings stay on disk and are left out, as search skips them.
POSTINGS = "keyword postings"


def varints(block):
    value, shift = 0, 0
    for byte in block:
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            yield value
            value, shift = 0, 0


def postings(connection):
    chunks = dict(((row[0]), (row[1], row[2])) for row in connection.execute("SELECT id, paper_id, ordinal FROM chunks"))
    rows = []
    for term, first, block in connection.execute("SELECT term, first_chunk, postings FROM keyword_postings ORDER BY term, first_chunk"):
        numbers = list(varints(block))
        chunk = first
        for at in range(0, len(numbers), 4):
            gap, title, text, length = numbers[at:at + 4]
            chunk += gap
            if chunk in chunks:
                rows.append((term, chunks[chunk], title, text, length))
    return sorted(rows)


def digest(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    result = {}
    for name, sql in TABLES:
        rows = connection.execute(sql).fetchall()
        result[name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    rows = postings(connection)
    result[POSTINGS] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    return result


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = digest(sys.argv[1]), digest(sys.argv[2])
    differ = False
    for name in [name for name, _ in TABLES] + [POSTINGS]:
        same = before[name] == after[name]
        differ |= not same
        print(f"{name:16} {before[name][0]:>9} rows {before[name][1]}  {after[name][0]:>9} rows {after[name][1]}  {'same' if same else 'DIFFERENT'}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
