"""Many records into one TinyDB table in one pass, each replacing the record of its id.

`Table.upsert` with a query scans the whole table for every record (a year of sessions per
session saved); this finds every id once, then changes the table in a single update.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tinydb.table import Table


def upsert_by_id(table: Table, records: Sequence[Mapping[str, Any]]) -> None:
    """Replace the record with each record's `id`, or add it; the last of an id wins."""

    def update(documents: dict[int, Mapping[str, Any]]) -> None:
        filed = {document.get("id"): doc_id for doc_id, document in documents.items()}
        next_id = max(documents, default=0) + 1
        for record in records:
            doc_id = filed.get(record["id"])
            if doc_id is None:
                doc_id = filed[record["id"]] = next_id
                next_id += 1
            documents[doc_id] = dict(record)

    table._update_table(update)
    table._next_id = None  # worked out again from the table at the next insert
