"""What each kind of data file must hold, checked once when it is opened.

Valid JSON of the right kind and version can still hold records of the wrong shape (a hand
edit, a bug, a disk that flipped bits inside a string). Such a file is set aside like any
unreadable one rather than crash the app later. Year files are not checked here: one bad
session in them is reported and passed over, the others still load.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from tui.core.model import ModelError, Session, SetLog
from tui.core.summary import SessionSummary

Data = dict[str, dict[str, Any]]


def single(data: Data, table: str) -> Any:
    """The one record of `table` (doc id 1), None if the table is empty or absent."""
    return data.get(table, {}).get("1")


def is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def live_problem(data: Data) -> str | None:
    record = single(data, "live")
    if record is None:
        return None
    try:
        Session.from_dict(record)
    except ModelError as problem:
        return f"the session in it cannot be read ({problem})"
    return None


def _summary_problem(summary: Any) -> str | None:
    if not isinstance(summary, dict) or not isinstance(summary.get("id"), str):
        return "a session summary is not a record with an id"
    if not is_time(summary.get("started_at")):
        return "a session summary has no start time"
    try:
        SessionSummary.from_record(summary)
    except ModelError as problem:  # checked here, so the screens never meet a bad one
        return f"a session summary cannot be read: {problem}"
    return None


def _last_time_problem(done: Any) -> str | None:
    if not isinstance(done, dict) or not isinstance(done.get("session_id"), str):
        return "an exercise entry does not name its session"
    if not is_time(done.get("started_at")) or not isinstance(done.get("sets"), list):
        return "an exercise entry has no start time or no sets"
    try:
        for set_record in done["sets"]:
            SetLog.from_dict(set_record)
    except ModelError as problem:
        return f"an exercise entry holds a set that cannot be read ({problem})"
    return None


def index_problem(data: Data) -> str | None:
    index = single(data, "index")
    if index is None:
        return None
    parts = {part: index.get(part, {}) for part in ("exercises", "deleted", "lifts", "about")}
    if not all(isinstance(part, dict) for part in parts.values()):
        return "its exercises, deleted, lifts or about part is not an object"
    count = parts["about"].get("count", 0)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        return "its session count is not a count"
    newest = parts["about"].get("newest")
    if newest is not None and (problem := _summary_problem(newest)):
        return problem
    for done in parts["exercises"].values():
        if problem := _last_time_problem(done):
            return problem
    for tombstone in parts["deleted"].values():
        if not isinstance(tombstone, dict) or not isinstance(tombstone.get("deleted_at"), str):
            return "a deletion record has no time"
    return None


def summaries_problem(data: Data) -> str | None:
    summaries = single(data, "summaries")
    if summaries is None:
        return None
    for summary in summaries.values():
        if problem := _summary_problem(summary):
            return problem
    return None


def outbox_problem(data: Data) -> str | None:
    record = single(data, "outbox")
    if record is None:
        return None
    changes = record.get("changes", {})
    if not isinstance(changes, dict) or not all(
        isinstance(counter, int) and not isinstance(counter, bool) for counter in changes.values()
    ):
        return "its changes are not session ids with counters"
    return None


def sync_problem(data: Data) -> str | None:
    record = single(data, "sync")
    if record is None:
        return None
    revs = record.get("revs")
    if not isinstance(record.get("target"), str) or not isinstance(revs, dict):
        return "it does not say which server it is for"
    if not all(isinstance(rev, str) and rev for rev in revs.values()):
        return "a server revision in it is not text"
    checkpoint = record.get("checkpoint")
    if checkpoint is not None and (
        isinstance(checkpoint, bool) or not isinstance(checkpoint, (str, int))
    ):
        return "its checkpoint is neither text nor a number"
    return None


# kind of file -> the reason its data cannot be used, or None
SHAPES: dict[str, Callable[[Data], str | None]] = {
    "live": live_problem,
    "index": index_problem,
    "summaries": summaries_problem,
    "outbox": outbox_problem,
    "sync": sync_problem,
}


def shape_problem(kind: str, data: Data) -> str | None:
    check = SHAPES.get(kind)
    return None if check is None else check(data)
