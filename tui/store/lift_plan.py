"""One exercise's lift file with the rows of sessions waiting for it, and its PRs, worked out
from what was read, changing nothing: a pull's catch-up plans each file outside the store's
lock and only writes it under the lock (tui.store.catch_up).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.records import Bests, PersonalRecord, RecordBook, records_along
from tui.core.summary import row_marks
from tui.store.lift_files import Row, row_order
from tui.store.prepared import Prepared

Found = dict[str, list[PersonalRecord]]  # session id -> its PRs in one exercise


@dataclass(frozen=True)
class KeyPlan:
    key: str
    rows: list[Row]  # oldest first
    found: Found
    book: RecordBook  # after every row
    before_last: Bests | None  # the bests before the last row


def records_of(key: str, rows: list[Row], book: RecordBook | None = None) -> Found:
    """The PRs of exercise `key` along its rows (oldest first), by session id; with `book`,
    going on from the rows already fed to it."""
    return records_along(key, ((r["session_id"], r["name"], row_marks(r)) for r in rows), book)


def records_before_last(key: str, rows: list[Row], book: RecordBook) -> tuple[Found, Bests | None]:
    """The PRs along `rows` fed to `book`, and the bests of `key` before the last row."""
    found = records_of(key, rows[:-1], book)
    bests = book.bests(key)
    before_last = None if bests is None else bests.copy()
    found.update(records_of(key, rows[-1:], book))
    return found, before_last


def plan_key(key: str, filed: list[Row], due: Mapping[str, Prepared]) -> KeyPlan:
    """`filed` (the rows in the file) without any row of a session `due`, with the rows of
    `due` in their place, in order, and the PRs along them."""
    rows = [r for r in filed if r["session_id"] not in due]
    rows += [work.rows[key] for work in due.values() if key in work.rows]
    rows.sort(key=row_order)
    book = RecordBook()
    found, before_last = records_before_last(key, rows, book)
    return KeyPlan(key, rows, found, book, before_last)
