"""Many records upserted by id in one pass: the same table as one `upsert` per record."""

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from tui.store.upsert import upsert_by_id


def table_after(records, bulk):
    db = TinyDB(storage=MemoryStorage)
    table = db.table("sessions")
    table.insert_multiple(
        [
            {"id": "a", "n": 1, "deleted_at": "x"},  # a tombstone keeps keys an update lacks
            {"note": "no id"},
            {"id": "b", "n": 2},
            {"id": "b", "n": 3},  # the same id twice: both are updated
        ]
    )
    if bulk:
        upsert_by_id(table, records)
    else:
        for record in records:
            table.upsert(record, Query().id == record["id"])
    return {document.doc_id: dict(document) for document in table}


def test_upsert_by_id_is_upsert_record_by_record():
    records = [
        {"id": "c", "n": 10},
        {"id": "a", "n": 11},
        {"id": "c", "m": 12},  # again: updates the one just inserted
        {"id": "d", "n": 13},
        {"id": "b", "n": 14},
        {"id": "a", "m": 15},
    ]
    assert table_after(records, bulk=True) == table_after(records, bulk=False)
    assert table_after([], bulk=True) == table_after([], bulk=False)
