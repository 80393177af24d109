"""The lifter's store: the session in progress, finished sessions by year, and a derived index.

```
<data dir>/live.json          the session in progress, rewritten durably after every set
<data dir>/history/2026.json  finished sessions of one year, one record per session
<data dir>/index.json …       derived, rebuildable (see tui.store.index)
<data dir>/outbox.json        finished sessions changed since the last sync (for sync to carry)
<data dir>/onemore.lock       one writer at a time
```

A deleted session stays in its year file as a tombstone `{"id", "started_at", "deleted_at"}`,
so a sync can tell every other device and nothing comes back from the dead.

Logging a set rewrites only live.json, so it costs the same in year ten as on day one.
Finishing writes history, then the index, then clears live.json; each step can be repeated,
so a crash between steps is repaired at the next open. Filing a session works out its PRs
from the lift files of its own exercises, so a review or the history list never needs to
read the whole history.

The app calls the store from two threads: the screens' (sets, edits, reads) and the sync
worker's (pages of pulled sessions, outbox marks). Every public method holds one reentrant
lock, so a pull's write never interleaves with a set being saved, and a key press waits at
most for one page's write, never for the network.
"""

from __future__ import annotations

import errno
import functools
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from filelock import FileLock, Timeout
from tinydb import Query

from tui.core.earlier import Earlier, RecordsBefore
from tui.core.model import ModelError, Session, SetLog
from tui.core.records import LastTime, marks_of, records_against, records_over
from tui.core.stats import exercises_of
from tui.core.summary import (
    PRS,
    SessionSummary,
    calibration_before,
    last_time,
    row_marks,
    started,
)
from tui.store.catch_up import catch_up
from tui.store.datafile import DataFile
from tui.store.index import NOTHING_PREPARED, Index
from tui.store.lift_files import Row, row_order
from tui.store.prepared import Prepared, prepared_for
from tui.store.storage import (
    FILE_MODE,
    UnreadableFile,
    make_private_folder,
    read_json_file,
    sweep_temp_files,
)
from tui.store.upsert import upsert_by_id

log = logging.getLogger(__name__)

LIVE_TABLE = "live"
SESSIONS_TABLE = "sessions"
OUTBOX_TABLE = "outbox"


class ReadOnlyStore(Exception):
    """Raised on a write when another OneMore holds the store."""

    def __init__(self) -> None:
        super().__init__(
            "Another OneMore is using this data folder, so this one can only read. "
            "Close the other one to log here."
        )


class NoSessionInProgress(Exception):
    def __init__(self) -> None:
        super().__init__("There is no session in progress.")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _record(session: Session, prepared: Mapping[str, Prepared]) -> dict[str, Any]:
    ready = prepared_for(session, prepared)
    return session.to_dict() if ready is None else ready.record


def is_tombstone(record: dict[str, Any]) -> bool:
    return "deleted_at" in record


P = ParamSpec("P")
R = TypeVar("R")


def one_at_a_time(method: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """Run a Store method under the store's lock (see the module's docstring)."""

    @functools.wraps(method)
    def guarded(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with store.guard:
            return method(store, *args, **kwargs)

    return guarded


class Store:
    """Everything the app and the command line save or read goes through here."""

    def __init__(
        self,
        data_dir: Path,
        *,
        now: Callable[[], datetime] = utc_now,
        lock_timeout: float = 0,
        reading: bool = False,
    ) -> None:
        """`reading`: only read (a command that shows or exports): no lock is taken, nothing
        is created, repaired or set aside, so it works on a full disk and leaves a new folder
        uncreated; what needs repair is worked out in memory."""
        self.data_dir = Path(data_dir)
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "it is not a folder", str(self.data_dir))
        self.guard = threading.RLock()
        self.notices: list[str] = []
        self._now = now
        self._locked = False
        self._lock = FileLock(
            self.data_dir / "onemore.lock",
            timeout=lock_timeout,
            mode=FILE_MODE,
            thread_local=False,
            fallback_to_soft=False,
        )
        self.left_because = "this command only reads (OneMore sets it aside when it starts)"
        self.read_only = reading
        if not reading:
            make_private_folder(self.data_dir)
            try:
                self._lock.acquire()
                self._locked = True
            except Timeout:
                self.read_only = True
                self.left_because = "another OneMore has the data open"
                self.tell(
                    "Another OneMore is already open on this data folder: "
                    "this one opened read-only and will not save anything."
                )
        self.history_dir = self.data_dir / "history"
        if not self.read_only:
            make_private_folder(self.history_dir)
            sweep_temp_files(self.data_dir)
            sweep_temp_files(self.history_dir)
        self._live_file = self._data_file(self.data_dir / "live.json", "live")
        self._outbox_file = self._data_file(self.data_dir / "outbox.json", "outbox")
        self._years: dict[int, DataFile] = {}
        self._live = self._read_live()
        # every summary decoded, newest first, as of the index's change count
        self._summaries_decoded: tuple[int, list[SessionSummary] | None] = (-1, None)
        # by session id: (the index record, its PR counts then, its summary)
        self._summary_of: dict[str, tuple[dict[str, Any], dict[str, Any], SessionSummary]] = {}
        self._index = Index(
            self.data_dir,
            open_file=self._data_file,
            read_only=self.read_only,
            history=self._history_for_index,
        )
        if self._outbox_file.set_aside_to is not None:
            self._rederive_outbox()
        self._finish_interrupted()

    # -- opening -------------------------------------------------------------------------

    @one_at_a_time
    def tell(self, notice: str) -> None:
        """Keep a message for the lifter (shown by the app or printed by the command line)."""
        log.warning(notice)
        self.notices.append(notice)

    def _data_file(self, path: Path, kind: str) -> DataFile:
        return DataFile(
            path,
            kind,
            read_only=self.read_only,
            now=self._now,
            tell=self.tell,
            left_because=self.left_because,
        )

    def _read_live(self) -> Session | None:
        record = self._live_file.get_single(LIVE_TABLE)
        if record is None:
            return None
        try:
            return Session.from_dict(record)
        except ModelError as problem:
            self.tell(
                f"live.json holds a session that cannot be read ({problem}); "
                "it was left in the file."
            )
            return None

    def _history_for_index(self) -> tuple[list[dict[str, Any]], Iterator[Session]]:
        tombstones = [
            record
            for path in self._year_paths()
            for record in self._records_of(int(path.stem))
            if is_tombstone(record)
        ]
        return tombstones, self.finished_sessions()

    def _finish_interrupted(self) -> None:
        """A session finished just before a crash is still in live.json: file it away now."""
        if self._live is not None and self._live.finished and not self.read_only:
            try:
                self._file_away(self._live)
            except OSError as error:  # a full disk: reading goes on, filing waits
                self.tell(
                    f"The session finished last time could not be filed into history yet "
                    f"({error.strerror or error}); it is kept and filed at the next start."
                )

    @one_at_a_time
    def write_behind(self) -> None:
        """Write the derived files a finish left in memory (see `finish_session`). They can be
        worked out from history again, so a failure is logged and left to the next start."""
        if self.read_only:
            return
        try:
            self._index.write_behind()
        except OSError as error:
            log.warning("the index could not be written (%s): rebuilt at the next start", error)

    @one_at_a_time
    def close(self) -> None:
        self.write_behind()
        if self._locked:
            self._locked = False
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the session in progress ---------------------------------------------------------

    @property
    @one_at_a_time
    def live(self) -> Session | None:
        """The session in progress, with every set whose save has returned."""
        return self._live

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStore()

    @one_at_a_time
    def save_session(self, session: Session) -> None:
        """Durably save `session` as the session in progress (returns once it is on disk)."""
        self._writable()
        self._live_file.put_single(LIVE_TABLE, session.to_dict())
        self._live = session

    def _require_live(self) -> Session:
        if self._live is None:
            raise NoSessionInProgress()
        return self._live

    @one_at_a_time
    def finish_session(self, ended_at: datetime) -> Session:
        """Mark the session in progress finished and move it into history. History and the
        outbox are written at once; the derived files (index, summaries, lift files) are in
        memory at once and on disk at `write_behind()` (at the latest with the next change or
        at close; after a kill before it, the next start works them out again)."""
        session = self._require_live().finish(ended_at)
        self.save_session(session)  # from here on a crash still finishes it at the next open
        self._file_away(session, write_behind=True)
        return session

    @one_at_a_time
    def discard_session(self) -> None:
        """Drop the session in progress without keeping it (nothing was logged worth keeping)."""
        self._writable()
        self._live_file.table(LIVE_TABLE).truncate()
        self._live = None

    def _file_away(self, session: Session, *, write_behind: bool = False) -> None:
        self._add_finished([session], write_behind=write_behind)
        self.discard_session()

    # -- history -------------------------------------------------------------------------

    def _year_paths(self) -> list[Path]:
        return sorted(p for p in self.history_dir.glob("*.json") if p.stem.isdigit())

    def _year_file(self, year: int) -> DataFile:
        if year not in self._years:
            self._years[year] = self._data_file(self.history_dir / f"{year}.json", "history")
        return self._years[year]

    @one_at_a_time
    def add_finished(
        self,
        sessions: Iterable[Session],
        *,
        from_sync: bool = False,
        later: bool = False,
        prepared: Mapping[str, Prepared] = NOTHING_PREPARED,
    ) -> int:
        """Save finished sessions into history (replacing any with the same id); one write per year.

        Unless they came from a sync, they go into the outbox for the next sync to carry.
        `later`: their lift files, PRs and the saved index wait for `catch_up` (a pull files
        page after page and works those out once, at its end). `prepared`: what was worked out
        beforehand, outside the lock, for some of them (see tui.store.prepared).
        """
        return self._add_finished(sessions, from_sync=from_sync, later=later, prepared=prepared)

    def _add_finished(
        self,
        sessions: Iterable[Session],
        *,
        from_sync: bool = False,
        write_behind: bool = False,
        later: bool = False,
        prepared: Mapping[str, Prepared] = NOTHING_PREPARED,
    ) -> int:
        self._writable()
        by_year: dict[int, list[Session]] = {}
        for session in sessions:
            if not session.finished:
                raise ValueError("only finished sessions go into history")
            by_year.setdefault(session.started_at.year, []).append(session)
        saved = [s for batch in by_year.values() for s in batch]
        if not saved:
            return 0
        if not from_sync:  # first: a kill after the history write must not lose the sync
            self._note_changed(s.id for s in saved)
        keys = {key for s in saved for key in self._keys_of(s.id)}  # before the change
        moved = self._moved_years(saved)
        with self._index.history_ahead(write_behind=write_behind):
            for year, batch in sorted(by_year.items()):
                year_file = self._year_file(year)
                with year_file.batch():
                    records = [_record(s, prepared) for s in batch]
                    upsert_by_id(year_file.table(SESSIONS_TABLE), records)
            for year, ids in sorted(moved.items()):  # after: a stop in between loses nothing
                year_file = self._year_file(year)
                with year_file.batch():
                    year_file.table(SESSIONS_TABLE).remove(Query().id.one_of(ids))
            self._index.add(saved, keys, later=later, prepared=prepared)
        return len(saved)

    def catch_up(self) -> None:
        """Work out the lift files, PRs and index of the sessions added with `later`: one
        exercise per hold of the store's lock, so a set saved meanwhile waits for one file."""
        catch_up(self.guard, self._index)

    def _moved_years(self, sessions: list[Session]) -> dict[int, list[str]]:
        """Year -> ids of sessions filed under it that now start in another year (an edit of
        the start, here or on another device): their old record goes."""
        moved: dict[int, list[str]] = {}
        for session in sessions:
            summary = self._index.summary(session.id)
            if summary is not None and started(summary).year != session.started_at.year:
                moved.setdefault(started(summary).year, []).append(session.id)
        return moved

    def _keys_of(self, session_id: str) -> set[str]:
        """The exercise keys of a session as filed now (before a change), from its year file."""
        filed = self._record_of(session_id)
        if filed is None:
            return set()
        try:
            return {e.key for e in exercises_of(Session.from_dict(filed[1] or {}))}
        except (ModelError, KeyError, TypeError):
            return set(self._index.lifts.keys())  # unreadable: look at every exercise

    def _record_of(self, session_id: str) -> tuple[int, dict[str, Any] | None] | None:
        """(year, its record in that year's file) of a session the index knows, else None."""
        summary = self._index.summary(session_id)
        if summary is None:
            return None
        year = started(summary).year
        record = self._year_file(year).table(SESSIONS_TABLE).get(Query().id == session_id)
        return year, None if record is None else dict(record)

    @one_at_a_time
    def delete_session(self, session_id: str, at: datetime, *, from_sync: bool = False) -> bool:
        """Replace a finished session with a tombstone. False if there was no such session."""
        self._writable()
        summary = self._index.summary(session_id)
        if summary is None:
            return False
        tombstone = {
            "id": session_id,
            "started_at": summary["started_at"],
            "deleted_at": at.isoformat(),
        }
        if not from_sync:  # first: a kill after the history write must not lose the sync
            self._note_changed([session_id])
        keys = self._keys_of(session_id)
        with self._index.history_ahead():
            year_file = self._year_file(started(summary).year)
            with year_file.batch():
                year_file.table(SESSIONS_TABLE).remove(Query().id == session_id)
                year_file.table(SESSIONS_TABLE).insert(tombstone)
            self._index.remove(tombstone, keys, self._last_times_of)
        return True

    def _last_times_of(self, keys: set[str]) -> dict[str, dict[str, Any]]:
        """The latest remaining session's sets for each exercise key, newest year first."""
        keys, found = set(keys), {}
        for path in reversed(self._year_paths()):
            for session in reversed(list(self._sessions_of(int(path.stem)))):
                for key, done in last_time(session).items():
                    if key in keys:
                        found[key] = done
                        keys.discard(key)
                if not keys:
                    return found
        return found

    @one_at_a_time
    def tombstone(self, session_id: str) -> dict[str, Any] | None:
        """The record of a deleted session, None if it was never deleted here."""
        return self._index.tombstone(session_id)

    # -- the outbox: what the next sync must carry ---------------------------------------

    def _outbox(self) -> dict[str, int]:
        changes: dict[str, int] = (self._outbox_file.get_single(OUTBOX_TABLE) or {}).get(
            "changes", {}
        )
        return changes

    def _rederive_outbox(self) -> None:
        """outbox.json was unreadable and set aside: what it listed cannot be known, so every
        session and deletion is listed with counter 0, "ask the server": the next sync looks
        each one up and sends only what the server does not hold as it is here."""
        changes = {session_id: 0 for session_id in self._index.known_ids()}
        try:
            self._outbox_file.put_single(OUTBOX_TABLE, {"changes": changes})
        except OSError as error:
            log.warning("the outbox could not be worked out again: %s", error)
            return
        if changes:
            self.tell(
                f"The next sync checks all {len(changes)} sessions with the server, "
                "so nothing that was waiting to be sent is lost."
            )

    def _note_changed(self, session_ids: Iterable[str]) -> None:
        changes = self._outbox()
        for session_id in session_ids:
            changes[session_id] = changes.get(session_id, 0) + 1
        self._outbox_file.put_single(OUTBOX_TABLE, {"changes": changes})

    @one_at_a_time
    def pending_changes(self) -> dict[str, int]:
        """Session ids changed locally since they were last synced, each with a change counter
        (0: not known to have changed, to be checked with the server; see `_rederive_outbox`)."""
        return dict(self._outbox())

    @one_at_a_time
    def mark_synced(self, carried: dict[str, int]) -> None:
        """Drop the ids a sync carried, unless they changed again while it ran."""
        self._writable()
        changes = self._outbox()
        for session_id, counter in carried.items():
            if changes.get(session_id) == counter:
                del changes[session_id]
        self._outbox_file.put_single(OUTBOX_TABLE, {"changes": changes})

    def _records_of(self, year: int) -> list[dict[str, Any]]:
        return [dict(r) for r in self._year_file(year).table(SESSIONS_TABLE).all()]

    def _sessions_of(self, year: int) -> list[Session]:
        """The readable sessions filed under `year`, oldest first; tombstones skipped."""
        sessions = []
        for record in self._records_of(year):
            if is_tombstone(record):
                continue
            try:
                sessions.append(Session.from_dict(record))
            except ModelError as problem:
                self.tell(
                    f"history/{year}.json: a session could not be read ({problem}); "
                    "it was left in the file."
                )
        return sorted(sessions, key=lambda s: s.started_at)

    def finished_sessions(self) -> Iterator[Session]:
        """Every finished session, oldest first (reads the history files)."""
        for path in self._year_paths():
            with self.guard:  # one year at a time: a sync may write between two years
                year = self._sessions_of(int(path.stem))
            yield from year

    @one_at_a_time
    def session(self, session_id: str) -> Session | None:
        """A finished session by id, reading only the year file it lives in."""
        filed = self._record_of(session_id)
        if filed is None:
            return None
        year, record = filed
        if record is None:
            return None
        try:
            return Session.from_dict(record)
        except ModelError as problem:
            self.tell(
                f"history/{year}.json: a session could not be read ({problem}); "
                "it was left in the file."
            )
            return None

    # -- the derived index ---------------------------------------------------------------

    @one_at_a_time
    def summaries(self) -> list[SessionSummary]:
        """Every finished session's summary, newest first (from the index, no history read).
        Each record is decoded once, and again only when the index changed it."""
        changes, decoded = self._summaries_decoded
        if decoded is None or changes != self._index.changes:
            decoded = sorted(
                map(self._decoded, self._index.summaries.values()),
                key=lambda summary: summary.started_at,
                reverse=True,
            )
            self._summaries_decoded = (self._index.changes, decoded)
            kept = self._index.summaries.keys()
            for gone in [i for i in self._summary_of if i not in kept]:
                del self._summary_of[gone]
        return list(decoded)

    def _decoded(self, record: dict[str, Any]) -> SessionSummary:
        """The summary of an index record, decoded again only when the record is a new one or
        its PR counts (which the index changes in place) changed."""
        prs, session_id = record.get(PRS) or {}, record.get("id")
        kept = self._summary_of.get(session_id) if isinstance(session_id, str) else None
        if kept is not None and kept[0] is record and kept[1] == prs:
            return kept[2]
        summary = SessionSummary.from_record(record)
        self._summary_of[summary.id] = (record, dict(prs), summary)
        return summary

    @one_at_a_time
    def read_ahead(self, exercise_keys: Iterable[str]) -> None:
        """Read what filing a session of these exercises will need (their lift files and
        PRs so far) now, while nobody waits, so that finishing does not."""
        self._index.read_ahead(exercise_keys)

    @one_at_a_time
    def last_summary(self) -> SessionSummary | None:
        """The newest session's summary (kept apart, so the home screen reads no more)."""
        newest = self._index.newest
        return None if newest is None else SessionSummary.from_record(newest)

    @one_at_a_time
    def previous(self, exercise_key: str) -> list[SetLog]:
        """The sets of the last finished session in which this exercise was done."""
        done = self._index.last_time(exercise_key)
        if done is None:
            return []
        return [SetLog.from_dict(s) for s in done["sets"]]

    @one_at_a_time
    def previous_note(self, exercise_key: str) -> str:
        """The note on the exercise the last time it was done ("" without one)."""
        done = self._index.last_time(exercise_key)
        note = None if done is None else done.get("notes")
        return note if isinstance(note, str) else ""

    @one_at_a_time
    def previous_date(self, exercise_key: str) -> datetime | None:
        """When the exercise was last done in a finished session."""
        done = self._index.last_time(exercise_key)
        return None if done is None else datetime.fromisoformat(done["started_at"])

    @property
    @one_at_a_time
    def session_count(self) -> int:
        return self._index.count

    # -- what reviews and charts read ----------------------------------------------------

    @one_at_a_time
    def lift_rows(self, exercise_key: str) -> list[Row]:
        """Every session's figures for one exercise, oldest first (reads one small file)."""
        try:
            return self._index.lifts.read(exercise_key)
        except UnreadableFile as problem:
            log.warning("%s: showing nothing for it until the index is rebuilt", problem)
            self._index.mark_stale()  # rebuilt at the next open
            return []

    @one_at_a_time
    def lifts_done(self) -> dict[str, dict[str, Any]]:
        """Per exercise key with working sets: its latest name and in how many sessions."""
        return self._index.lifts_done()

    @one_at_a_time
    def earlier(self, session: Session) -> Earlier:
        """What a review of `session` needs from the sessions before it: its PRs and the last
        time of each of its exercises from their lift files, test sets from the index."""
        place = (session.started_at, session.id)
        prs, last_ids = [], {}
        for exercise in exercises_of(session):
            rows = self.lift_rows(exercise.key)
            done_now = marks_of(exercise.working_sets)
            newest = self._index.bests_before(exercise.key, session.id)
            if newest is not None and rows and rows[-1]["session_id"] == session.id:
                # the exercise's newest session (one just finished): its bests before are kept
                prs += records_over(exercise.key, exercise.name, newest[0], done_now)
                last_done = next((r for r in reversed(rows[:-1]) if row_marks(r).done), None)
                if last_done is not None:
                    last_ids[exercise.key] = last_done["session_id"]
                continue
            filed_at = next((i for i, r in enumerate(rows) if r["session_id"] == session.id), None)
            if filed_at is not None:  # rows are in order: the ones before it are earlier
                rows = rows[:filed_at]
            else:
                rows = [r for r in rows if row_order(r) < place]
            marks = [row_marks(r) for r in rows]
            prs += records_against(exercise.key, exercise.name, marks, done_now)
            done = [row["session_id"] for row, m in zip(rows, marks, strict=True) if m.done]
            if done:
                last_ids[exercise.key] = done[-1]
        found = self.sessions_by_id(set(last_ids.values()))
        last = {}
        for key, session_id in last_ids.items():
            past = found.get(session_id)
            logged = (
                None
                if past is None
                else next((e for e in exercises_of(past) if e.key == key), None)
            )
            if past is not None and logged is not None:
                last[key] = LastTime(past.id, past.started_at, logged)
        calibration = calibration_before(self.summaries(), session)
        return Earlier(RecordsBefore(prs, last), calibration)

    @one_at_a_time
    def sessions_by_id(self, session_ids: set[str]) -> dict[str, Session]:
        """Finished sessions by id, reading each year file they live in once, straight from
        disk and without keeping it (a review must not hold a year of sets in memory)."""
        years: dict[int, set[str]] = {}
        for session_id in session_ids:
            summary = self._index.summary(session_id)
            if summary is not None:
                years.setdefault(started(summary).year, set()).add(session_id)
        found = {}
        for year, wanted in years.items():
            try:
                data = read_json_file(self.history_dir / f"{year}.json") or {}
            except UnreadableFile:
                continue
            for record in data.get(SESSIONS_TABLE, {}).values():
                if record.get("id") in wanted and not is_tombstone(record):
                    try:
                        found[record["id"]] = Session.from_dict(record)
                    except ModelError:
                        continue
        return found
