"""Many records into one TinyDB table by their "id", in one pass over the table.

`table.upsert(record, Query().id == record["id"])` reads and rewrites the whole table and
tests every record against the query, once per record: a year of sessions filed one by one
costs the square of its size. This does the same in one read of the table and two writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tinydb.table import Table


def upsert_by_id(table: Table, records: Iterable[Mapping[str, Any]]) -> None:
    """The same as `table.upsert(record, Query().id == record["id"])` for each record in
    turn: records whose id is in the table update every document with that id (their keys
    over the document's), the others are inserted in order, a repeated id updating the
    first of its kind."""
    where: dict[Any, list[int]] = {}
    for document in table:
        if "id" in document:
            where.setdefault(document["id"], []).append(document.doc_id)
    updates: dict[Any, dict[str, Any]] = {}
    inserts: dict[Any, dict[str, Any]] = {}
    for record in records:
        pending = updates if record["id"] in where else inserts
        pending.setdefault(record["id"], {}).update(record)
    if updates:
        doc_ids = [doc_id for key in updates for doc_id in where[key]]
        table.update(lambda document: document.update(updates[document["id"]]), doc_ids=doc_ids)
    if inserts:
        table.insert_multiple(inserts.values())
