"""Changing the past: fix a set, remove a set, or delete a finished session.

Used by the history, the review and the summary alike, with the same checks and words.
Every change is kept for the next sync, which starts at once, and deletion wins: a session
deleted here (or on another device) can no longer be changed from a screen still showing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from tui.application.writes import READ_ONLY, NotSaved, attempt
from tui.core.entry import SetInput
from tui.core.model import ExerciseLog, Session, SetLog, unit_of
from tui.store.repository import Store

NOTHING_CHANGED = "Nothing was changed; try again."
GONE = "This session was deleted, so it cannot be changed."


@dataclass(frozen=True)
class Saved:
    """The change is in history; the session as it is now."""

    session: Session


@dataclass(frozen=True)
class Deleted:
    session_id: str


@dataclass(frozen=True)
class Refused:
    """Nothing was changed; `message` says why in one line. `error`: something went wrong
    (as opposed to there being nothing to do)."""

    message: str
    error: bool = True


@dataclass(frozen=True)
class Edit:
    """A set of a finished session as it is, and as it would be after the change."""

    session: Session
    exercise: ExerciseLog
    before: SetLog
    after: SetLog


PastChange = Saved | Deleted | Refused


class PastSessions:
    def __init__(
        self,
        store: Store,
        *,
        now: Callable[[], datetime],
        changed: Callable[[], None],
    ) -> None:
        self._store = store
        self._now = now
        self._changed = changed  # told after every change: views refresh, a sync starts

    def can_change(self) -> str | None:
        """Why the past cannot be changed here, or None."""
        if self._store.read_only:
            return f"Not now: {READ_ONLY}."
        return None

    def session(self, session_id: str) -> Session | None:
        """The finished session as it is now; None once deleted."""
        return self._store.session(session_id)

    def exists(self, session_id: str) -> bool:
        return self._store.tombstone(session_id) is None and self.session(session_id) is not None

    def preview_edit(self, session_id: str, set_id: str, entry: SetInput) -> Edit | Refused:
        """What retyping one set of a finished session would change (nothing is saved)."""
        session = self._current(session_id)
        if isinstance(session, Refused):
            return session
        found = [(e, s) for e in session.exercises for s in e.sets if s.id == set_id]
        if not found:
            return Refused("That set is no longer in the session.")
        exercise, old = found[0]
        changed = retyped(old, entry, self._now())
        if replace(changed, edited_at=old.edited_at) == old:
            return Refused("Nothing changed.", error=False)
        return Edit(session, exercise, old, changed)

    def edit_set(self, session_id: str, set_id: str, entry: SetInput) -> PastChange:
        """Retype one set of a finished session."""
        edit = self.preview_edit(session_id, set_id, entry)
        if isinstance(edit, Refused):
            return edit
        return self._save(edit.session.with_set(edit.exercise.id, edit.after).edited(self._now()))

    def remove_set(self, session_id: str, set_id: str) -> PastChange:
        session = self._current(session_id)
        if isinstance(session, Refused):
            return session
        if not any(s.id == set_id for s in session.sets):
            return Refused("That set is no longer in the session.")
        return self._save(session.remove_finished_set(set_id, self._now()))

    def delete(self, session_id: str) -> PastChange:
        refused = self._current(session_id)
        if isinstance(refused, Refused):
            return refused
        deleted = attempt(lambda: self._store.delete_session(session_id, self._now()))
        if isinstance(deleted, NotSaved):
            return Refused(f"Not deleted: {deleted.reason}. {NOTHING_CHANGED}")
        if not deleted:
            return Refused(GONE)
        self._changed()
        return Deleted(session_id)

    def _current(self, session_id: str) -> Session | Refused:
        """The session to change, as it is on disk now (not as a screen last showed it)."""
        if problem := self.can_change():
            return Refused(problem)
        if self._store.tombstone(session_id) is not None:
            return Refused(GONE)
        session = self._store.session(session_id)
        return Refused(GONE) if session is None else session

    def _save(self, session: Session) -> PastChange:
        saved = attempt(lambda: self._store.add_finished([session]))
        if isinstance(saved, NotSaved):
            return Refused(saved.message(NOTHING_CHANGED))
        self._changed()
        return Saved(session)


def retyped(old: SetLog, entry: SetInput, at: datetime) -> SetLog:
    """`old` as retyped into `entry` (same id, the time of the change kept for merges)."""
    return replace(
        old,
        weight=entry.weight,
        reps=entry.reps,
        unit=unit_of(entry.unit),
        bodyweight=entry.bodyweight,
        rir=entry.rir,
        kind="warmup" if entry.warmup else "working",
        edited_at=at,
    )
