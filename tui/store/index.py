"""The derived index: everything the app shows about past sessions without reading history.

```
<data dir>/index.json       read at start: the last time of each exercise, deletions, the
                            exercises done, how many sessions and the newest one's summary
<data dir>/summaries.json   read when first needed (history, a review): one summary per session
<data dir>/lifts/<key>.json per exercise: its figures and PR marks in every session (lift_files)
<data dir>/index.stale      present only while history is written ahead of the index
```

Split so that start-up reads only what the home screen shows: the same small file in year
ten as on day one. All of it can be worked out again from history, and is, when a file is
missing, damaged, from another version, or out of step with another (a count that differs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.model import Session
from tui.core.summary import PRS, last_time, lift_rows, session_summary, started
from tui.store.datafile import DataFile
from tui.store.lift_files import LiftFiles, Row, row_order
from tui.store.lift_plan import Found, KeyPlan, plan_key, records_of
from tui.store.prepared import Prepared, prepared_for
from tui.store.storage import UnreadableFile, write_durably

log = logging.getLogger(__name__)

VERSION = 3  # of what the index holds; another version is rebuilt from history
INDEX_TABLE = "index"
SUMMARIES_TABLE = "summaries"
PARTS = ("about", "exercises", "deleted", "lifts")
NOTHING_PREPARED: Mapping[str, Prepared] = {}

Part = dict[str, Any]
# (tombstone records, finished sessions oldest first), read from history for a rebuild
HistoryReader = Callable[[], tuple[list[dict[str, Any]], Iterable[Session]]]


def _usable(parts: Any) -> bool:
    return (
        isinstance(parts, dict)
        and all(isinstance(parts.get(p), dict) for p in PARTS)
        and parts["about"].get("v") == VERSION
    )


class Index:
    def __init__(
        self,
        data_dir: Path,
        *,
        open_file: Callable[[Path, str], DataFile],
        read_only: bool,
        history: HistoryReader,
    ) -> None:
        self.read_only = read_only
        self._open_file = open_file
        self._history = history
        self._file = open_file(data_dir / "index.json", "index")
        self._summaries_path = data_dir / "summaries.json"
        self._summaries_file: DataFile | None = None
        self._stale = data_dir / "index.stale"
        self.lifts = LiftFiles(data_dir / "lifts", read_only=read_only)
        self._parts: dict[str, Part]
        self._summaries: dict[str, dict[str, Any]] | None = None  # read when first needed
        # Added with `later`: in history and the summaries, not yet in their lift files (nor
        # their PRs counted); `keys_due` are the exercises whose files wait for them.
        self.due: dict[str, Prepared] = {}
        self.keys_due: set[str] = set()
        self.changes = 0  # counts every change, so work done outside the lock can be checked
        self._open()

    # -- reading -------------------------------------------------------------------------

    def _open(self) -> None:
        parts = self._file.get_single(INDEX_TABLE)
        if self._stale.exists():  # read-only: worked out in memory, nothing written
            log.info("history was written ahead of the index before a stop: rebuilding it")
            parts = None
        if parts is not None and _usable(parts):
            self._parts = parts
            return
        if parts is not None:
            log.info("index.json was written by another version: rebuilding it from history")
        self.rebuild()

    @property
    def summaries(self) -> dict[str, dict[str, Any]]:
        """Every finished session's summary by id (summaries.json, read the first time)."""
        if self._summaries is None:
            found = self._summaries_data_file().get_single(SUMMARIES_TABLE) or {}
            if len(found) == self.count:
                self._summaries = found
            else:
                log.info(
                    "summaries.json holds %d sessions, index.json counts %d: rebuilding",
                    len(found),
                    self.count,
                )
                self.rebuild()
        assert self._summaries is not None
        return self._summaries

    def _summaries_data_file(self) -> DataFile:
        if self._summaries_file is None:  # opened (read and checked) only when first needed
            self._summaries_file = self._open_file(self._summaries_path, "summaries")
        return self._summaries_file

    @property
    def count(self) -> int:
        count: int = self._parts["about"].get("count", 0)
        return count

    @property
    def newest(self) -> dict[str, Any] | None:
        """The summary of the session that started last."""
        return self._parts["about"].get("newest")

    def summary(self, session_id: str) -> dict[str, Any] | None:
        return self.summaries.get(session_id)

    def last_time(self, exercise_key: str) -> dict[str, Any] | None:
        """What was done the last time the exercise was done, with when and in which session."""
        return self._parts["exercises"].get(exercise_key)

    def tombstone(self, session_id: str) -> dict[str, Any] | None:
        return self._parts["deleted"].get(session_id)

    def known_ids(self) -> set[str]:
        """Every session filed here, deleted ones included."""
        return set(self.summaries) | set(self._parts["deleted"])

    def lifts_done(self) -> dict[str, dict[str, Any]]:
        """Per exercise key with working sets: its latest name and in how many sessions."""
        return dict(self._parts["lifts"])

    # -- changing ------------------------------------------------------------------------

    @contextmanager
    def history_ahead(self) -> Iterator[None]:
        """Mark the index stale while history changes before it, so a kill in between is
        repaired at the next open (a rebuild) instead of leaving sessions the index misses."""
        write_durably(self._stale, b"")
        yield
        if self.lifts.held is None and not self.due:  # else the files on disk are behind
            self._stale.unlink(missing_ok=True)

    def mark_stale(self) -> None:
        """Have the next open rebuild everything (a lift file could not be read)."""
        if not self.read_only:
            write_durably(self._stale, b"")

    def add(
        self,
        sessions: list[Session],
        keys_before: set[str],
        *,
        later: bool = False,
        prepared: Mapping[str, Prepared] = NOTHING_PREPARED,
    ) -> None:
        """File new or changed sessions; `keys_before`: the exercises they had before.

        `later`: only their summaries and last times now; their lift files, PRs and the
        saved index wait for `plan_due`/`file_due` and `save_due` (history stays marked
        ahead). `prepared`: what was worked out for some of them beforehand."""
        self.changes += 1
        summaries, exercises = self.summaries, self._parts["exercises"]
        keys = set(keys_before)
        ready = [prepared_for(s, prepared) or Prepared.of(s) for s in sessions]
        for session, work in zip(sessions, ready, strict=True):
            self._parts["deleted"].pop(session.id, None)
            summaries[session.id] = dict(work.summary)
            _note_last_times(exercises, session, work.last_times)
            keys |= work.keys
        if later:
            self.due.update((work.session.id, work) for work in ready)
            self.keys_due |= keys
            return
        for session in sessions:
            self.due.pop(session.id, None)  # filed now, as it is now
        if self._refile_lifts(keys, {s.id for s in sessions}, sessions):
            self.save()

    def plan_due(self, key: str, due: dict[str, Prepared]) -> KeyPlan:
        """The lift file of one exercise of `keys_due` with the rows of the sessions `due`
        (a copy of `self.due`), and its PRs: no change made, so it may run outside the lock
        (`changes` tells whether it still holds). UnreadableFile from its file."""
        return plan_key(key, self.lifts.read(key), due)

    def file_due(self, plan: KeyPlan) -> None:
        """Write a planned lift file and count its PRs into the summaries."""
        self.changes += 1
        self.lifts.write(plan.key, plan.rows)
        _file_records(self.summaries, self._parts["lifts"], plan.key, plan.rows, plan.found)

    def save_due(self, filed: dict[str, Prepared]) -> None:
        """After every exercise of `keys_due` was filed for `filed`: save the index."""
        self.changes += 1
        for session_id, work in filed.items():
            if self.due.get(session_id) is work:
                del self.due[session_id]
        self.keys_due = {key for work in self.due.values() for key in work.keys}
        self.save()
        if not self.due and self.lifts.held is None:
            self._stale.unlink(missing_ok=True)

    def remove(
        self,
        tombstone: dict[str, Any],
        keys_before: set[str],
        refill: Callable[[set[str]], dict[str, dict[str, Any]]],
    ) -> None:
        """Replace a session with its tombstone; `refill` finds the last time of exercises
        whose last time it was."""
        session_id = tombstone["id"]
        self.summaries.pop(session_id, None)
        self._parts["deleted"][session_id] = tombstone
        exercises = self._parts["exercises"]
        gone = {k for k, done in exercises.items() if done["session_id"] == session_id}
        for key in gone:
            del exercises[key]
        if gone:
            exercises.update(refill(gone))
        self.changes += 1
        self.due.pop(session_id, None)
        if self._refile_lifts(keys_before, {session_id}, []):
            self.save()

    def _refile_lifts(self, keys: set[str], changed: set[str], saved: list[Session]) -> bool:
        """Rewrite the lift files of `keys`: rows of `changed` sessions out, rows of `saved`
        in, then the PRs of every session of those exercises counted again. False when a
        file could not be read and everything was rebuilt (and saved) instead."""
        new_rows = [lift_rows(session) for session in saved]
        for key in sorted(keys):
            try:
                rows = [r for r in self.lifts.read(key) if r["session_id"] not in changed]
            except UnreadableFile as problem:
                log.warning("%s: rebuilding the index and lift files from history", problem)
                self.rebuild()
                return False
            rows += [session_rows[key] for session_rows in new_rows if key in session_rows]
            rows.sort(key=row_order)
            self.lifts.write(key, rows)
            _file_records(self.summaries, self._parts["lifts"], key, rows)
        return True

    def save(self) -> None:
        """Write summaries.json (when read), then index.json, whose count vouches for it."""
        if self._summaries is not None:
            self._parts["about"] = {
                "v": VERSION,
                "count": len(self._summaries),
                "newest": max(self._summaries.values(), key=started, default=None),
            }
            self._summaries_data_file().put_single(SUMMARIES_TABLE, self._summaries)
        self._file.put_single(INDEX_TABLE, self._parts)

    def rebuild(self) -> None:
        """Work the index, the summaries and the lift files out again from history."""
        parts: dict[str, Part] = {part: {} for part in PARTS}
        summaries: dict[str, dict[str, Any]] = {}
        rows: dict[str, list[Row]] = {}
        tombstones, sessions = self._history()
        for record in tombstones:
            parts["deleted"][record["id"]] = record
        for session in sessions:
            summaries[session.id] = session_summary(session).to_record()
            _note_last_times(parts["exercises"], session, last_time(session))
            for key, row in lift_rows(session).items():
                rows.setdefault(key, []).append(row)
        for key, key_rows in rows.items():
            key_rows.sort(key=row_order)
            _file_records(summaries, parts["lifts"], key, key_rows)
        parts["about"] = {
            "v": VERSION,
            "count": len(summaries),
            "newest": max(summaries.values(), key=started, default=None),
        }
        self._parts, self._summaries = parts, summaries
        self.changes += 1
        self.due, self.keys_due = {}, set()  # all of history is in what was just worked out
        if not summaries and not tombstones and not self._file.exists():
            return  # nothing to keep: a new data folder stays empty until something is saved
        if self.read_only:
            self.lifts.held = rows
            return
        try:
            write_durably(self._stale, b"")  # until every file below is written
            self.lifts.clear()
            for key, key_rows in rows.items():
                self.lifts.write(key, key_rows)
            self.save()
        except OSError as error:  # a full disk must not keep the lifter from reading
            log.warning("the rebuilt index could not be saved (%s): kept in memory", error)
            self.lifts.held = rows
            return
        self._stale.unlink(missing_ok=True)


def _note_last_times(exercises: Part, session: Session, done_now: dict[str, Any]) -> None:
    for key, done in done_now.items():
        known = exercises.get(key)
        if known is None or datetime.fromisoformat(known["started_at"]) <= session.started_at:
            exercises[key] = done


def _file_records(
    summaries: dict[str, dict[str, Any]],
    lifts: Part,
    key: str,
    rows: list[Row],
    found: Found | None = None,
) -> None:
    """Count the PRs of exercise `key` (rows oldest first; `found`: its records, if worked
    out already) into the summaries, and put its name and session count into the list of
    exercises done."""
    found = records_of(key, rows) if found is None else found
    for row in rows:
        summary = summaries.get(row["session_id"])
        if summary is None:
            continue
        counts = summary.setdefault(PRS, {})
        if records := found.get(row["session_id"]):
            counts[key] = len(records)
        else:
            counts.pop(key, None)
    worked = [r for r in rows if r["working_sets"]]
    if worked:
        lifts[key] = {"name": worked[-1]["name"], "sessions": len(worked)}
    else:
        lifts.pop(key, None)
