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

Finishing a session adds a row at the end of each of its exercises' files, and the PRs of the
sessions before it stay what they were: so only the new rows are counted, against a running
record book per exercise kept in memory since its file was last counted (`read_ahead` counts
them during the session, so that finishing in year ten costs what it costs in month one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.model import Session
from tui.core.records import Bests, RecordBook
from tui.core.stats import exercises_of
from tui.core.summary import PRS, last_time, lift_rows, session_summary, started
from tui.store.datafile import DataFile
from tui.store.lift_files import LiftFiles, Row, row_order
from tui.store.lift_plan import Found, KeyPlan, plan_key, records_before_last, records_of
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
        # per exercise: (its rows counted, the last one's session id, the book after them)
        self._books: dict[str, tuple[int, str, RecordBook]] = {}
        # per exercise: the session of its last row, and the bests before it (a review of the
        # newest session, the one just finished, needs no more)
        self._before_last: dict[str, tuple[str, Bests | None]] = {}
        # Added with `later`: in history and the summaries, not yet in their lift files (nor
        # their PRs counted); `keys_due` are the exercises whose files wait for them.
        self.due: dict[str, Prepared] = {}
        self.keys_due: set[str] = set()
        # goes up with every change of what the index holds (with `lifts.writes`: so work
        # done outside the lock can be checked)
        self.changes = 0
        self._behind = False  # within history_ahead(write_behind=True)
        self._unsaved = False  # index.json and summaries.json behind what is in memory
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
    def history_ahead(self, *, write_behind: bool = False) -> Iterator[None]:
        """Mark the index stale while history changes before it, so a kill in between is
        repaired at the next open (a rebuild) instead of leaving sessions the index misses.

        With `write_behind` the derived files changed meanwhile are kept in memory (and read
        from there) and written by `write_behind()` a moment later, when nobody waits for
        them; the stale mark stays until then."""
        try:
            self.write_behind()  # what was left to write before goes first
        except OSError as error:  # derived: never in the way of saving history
            log.warning("the index could not be written (%s): rebuilt at the next start", error)
        write_durably(self._stale, b"")
        self._behind = write_behind
        try:
            yield
        finally:
            self._behind = False
        self._unmark_stale()

    @property
    def behind(self) -> bool:
        """Derived files changed in memory and not written yet."""
        return self._unsaved or self.lifts.unwritten

    def write_behind(self) -> None:
        """Write what `history_ahead(write_behind=True)` left in memory, then drop the stale
        mark. An OSError leaves the rest for the next call (or the next start's rebuild)."""
        if not self.behind:
            return
        self.lifts.write_unwritten()
        if self._unsaved:
            self._save_now()
        self._unmark_stale()

    def _unmark_stale(self) -> None:
        """Drop the stale mark once the files on disk hold everything: not while a rebuild is
        only in memory, derived files wait to be written behind, or sessions filed `later`
        wait for their lift files (else all of that is rebuilt at the next start)."""
        if self.lifts.held is None and not self.behind and not self.due:
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
        ready: dict[str, Prepared] = {}  # by id, of the sessions worked out beforehand
        for session in sessions:
            self._parts["deleted"].pop(session.id, None)
            work = prepared_for(session, prepared)
            if work is None and later:
                work = Prepared.of(session)  # its lift rows are needed when it is due
            if work is None:
                summaries[session.id] = session_summary(session).to_record()
                keys.update(e.key for e in exercises_of(session))
            else:
                summaries[session.id] = dict(work.summary)
                keys |= work.keys
                ready[session.id] = work
        _note_last_times(exercises, sessions, ready)
        if later:
            self.due.update(ready)
            self.keys_due |= keys
            return
        for session in sessions:
            self.due.pop(session.id, None)  # filed now, as it is now
        if self._refile_lifts(keys, {s.id for s in sessions}, sessions):
            self.save()

    @property
    def moment(self) -> tuple[int, int]:
        """Changes whenever what the index or a lift file holds does (a file written behind
        included): work done outside the lock still holds while this has not changed."""
        return self.changes, self.lifts.writes

    def plan_due(self, key: str, due: dict[str, Prepared]) -> KeyPlan:
        """The lift file of one exercise of `keys_due` with the rows of the sessions `due`
        (a copy of `self.due`), and its PRs: no change made, so it may run outside the lock
        (`moment` tells whether it still holds). UnreadableFile from its file."""
        return plan_key(key, self.lifts.read(key), due)

    def file_due(self, plan: KeyPlan) -> None:
        """Write a planned lift file, count its PRs into the summaries and keep its record
        book (so a finish after it counts only its own rows)."""
        self.changes += 1
        key, rows = plan.key, plan.rows
        self.lifts.write(key, rows)
        _file_records(self.summaries, self._parts["lifts"], key, rows, rows, plan.found)
        self._books.pop(key, None)
        self._before_last.pop(key, None)
        if rows:
            self._books[key] = (len(rows), rows[-1]["session_id"], plan.book)
            self._before_last[key] = (rows[-1]["session_id"], plan.before_last)

    def save_due(self, filed: dict[str, Prepared]) -> None:
        """After every exercise of `keys_due` was filed for `filed`: save the index."""
        self.changes += 1
        for session_id, work in filed.items():
            if self.due.get(session_id) is work:
                del self.due[session_id]
        self.keys_due = {key for work in self.due.values() for key in work.keys}
        self.save()
        self._unmark_stale()

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
        in, then the PRs of the sessions of those exercises counted again (only the new ones
        when the rows come after all the others). False when a file could not be read and
        everything was rebuilt (and saved) instead."""
        self.changes += 1
        new_rows = [lift_rows(session) for session in saved]
        for key in sorted(keys):
            try:
                before = self.lifts.read(key)
            except UnreadableFile as problem:
                log.warning("%s: rebuilding the index and lift files from history", problem)
                self.rebuild()
                return False
            kept = [r for r in before if r["session_id"] not in changed]
            added = sorted(
                (session_rows[key] for session_rows in new_rows if key in session_rows),
                key=row_order,
            )
            at_the_end = not added or not kept or row_order(added[0]) > row_order(kept[-1])
            rows = kept + added if at_the_end else sorted(kept + added, key=row_order)
            self.lifts.write(key, rows, later=self._behind)
            book = self._book_for(key, before) if len(kept) == len(before) else None
            if book is not None and at_the_end:
                self._count_records(key, rows, added, book)
            else:
                self._count_records(key, rows, rows, RecordBook())
        return True

    def _book_for(self, key: str, rows: list[Row]) -> RecordBook | None:
        """The record book after `rows` of `key`, when it was kept for exactly these rows."""
        kept = self._books.get(key)
        if kept is None or not rows:
            return RecordBook() if not rows else None
        count, last_id, book = kept
        return book if (count, last_id) == (len(rows), rows[-1]["session_id"]) else None

    def _count_records(self, key: str, rows: list[Row], fed: list[Row], book: RecordBook) -> None:
        """Feed `fed` (the last rows of `rows`, or all of them with a new book) to the book and
        file what they set; then the book is kept for `rows`."""
        self._books.pop(key, None)
        self._before_last.pop(key, None)
        found, before_last = records_before_last(key, fed, book)
        _file_records(self.summaries, self._parts["lifts"], key, rows, fed, found)
        if rows:
            self._books[key] = (len(rows), rows[-1]["session_id"], book)
        if fed and rows and fed[-1] is rows[-1]:
            self._before_last[key] = (rows[-1]["session_id"], before_last)

    def bests_before(self, key: str, session_id: str) -> tuple[Bests | None] | None:
        """(the bests of `key` before `session_id`,) when that session is the exercise's last
        row and was counted here; None when that is not known."""
        kept = self._before_last.get(key)
        if kept is None or kept[0] != session_id:
            return None
        return (kept[1],)

    def read_ahead(self, keys: Iterable[str]) -> None:
        """Read and count the lift files of `keys` now, so filing a session of them later
        only adds its own rows (an unreadable file is left for that filing to report)."""
        for key in keys:
            try:
                rows = self.lifts.read(key, keep=True)
            except UnreadableFile:
                continue
            if rows and self._book_for(key, rows) is None:
                book = RecordBook()
                records_of(key, rows, book)
                self._books[key] = (len(rows), rows[-1]["session_id"], book)

    def save(self) -> None:
        """Write summaries.json (when read), then index.json, whose count vouches for it
        (with write-behind on: later, by `write_behind`; what they hold is current at once)."""
        if self._summaries is not None:
            self._parts["about"] = {
                "v": VERSION,
                "count": len(self._summaries),
                "newest": max(self._summaries.values(), key=started, default=None),
            }
        self._unsaved = True
        if not self._behind:
            self._save_now()

    def _save_now(self) -> None:
        if self._summaries is not None:
            self._summaries_data_file().put_single(SUMMARIES_TABLE, self._summaries)
        self._file.put_single(INDEX_TABLE, self._parts)
        self._unsaved = False

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
            _note_last_times(parts["exercises"], [session])
            for key, row in lift_rows(session).items():
                rows.setdefault(key, []).append(row)
        self.changes += 1
        self._books.clear()
        self._before_last.clear()
        for key, key_rows in rows.items():
            key_rows.sort(key=row_order)
            found = records_of(key, key_rows)
            _file_records(summaries, parts["lifts"], key, key_rows, key_rows, found)
        parts["about"] = {
            "v": VERSION,
            "count": len(summaries),
            "newest": max(summaries.values(), key=started, default=None),
        }
        self._parts, self._summaries = parts, summaries
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
            self._save_now()
        except OSError as error:  # a full disk must not keep the lifter from reading
            log.warning("the rebuilt index could not be saved (%s): kept in memory", error)
            self.lifts.held = rows
            return
        self._stale.unlink(missing_ok=True)


def _note_last_times(
    exercises: Part, sessions: list[Session], ready: Mapping[str, Prepared] = NOTHING_PREPARED
) -> None:
    """Each exercise's last time from `sessions` in turn, where none later is known (on the
    same start, the one given later wins). Only the sessions that end up last for an
    exercise are turned into records (taken from `ready` when worked out beforehand)."""
    latest: dict[str, Session] = {}
    for session in sessions:
        for exercise in session.exercises:
            seen = latest.get(exercise.key)
            if exercise.sets and (seen is None or seen.started_at <= session.started_at):
                latest[exercise.key] = session
    records: dict[str, dict[str, dict[str, Any]]] = {}
    for key, session in latest.items():
        known = exercises.get(key)
        if known is None or datetime.fromisoformat(known["started_at"]) <= session.started_at:
            if session.id not in records:
                work = prepared_for(session, ready)
                records[session.id] = last_time(session) if work is None else work.last_times
            exercises[key] = records[session.id][key]


def _file_records(
    summaries: dict[str, dict[str, Any]],
    lifts: Part,
    key: str,
    rows: list[Row],
    fed: list[Row],
    found: Found,
) -> None:
    """Put the PRs `found` along the rows `fed` (the last of `rows`, or all of them; oldest
    first) of exercise `key` into the summaries, and its name and session count into the
    list of exercises done."""
    for row in fed:
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
