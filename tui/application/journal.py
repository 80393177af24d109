"""The session in progress, saved after every change so that a failed save never loses a set.

When the disk is full or read-only the session stays in memory (and on screen, each set not
yet on disk marked), the lifter is told once, and the save is tried again until it lands.
"""

from __future__ import annotations

from tui.application.writes import NotSaved, attempt
from tui.core.model import Session
from tui.store.repository import Store

KEPT = "Your sets stay here and OneMore keeps trying."
SAVED_AGAIN = "Saved: every set is on disk again."


class Journal:
    """Writes the live session durably (live.json) and remembers what is not on disk yet."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.unsaved: Session | None = None
        self.failure: NotSaved | None = None  # why the unsaved session is not on disk

    @property
    def on_disk(self) -> Session | None:
        """The session in progress as it is on disk (every set whose save returned)."""
        return self._store.live

    def save(self, session: Session) -> str | None:
        """Save `session`; what to tell the lifter (None when there is nothing new to say).
        A session the disk already holds as it is is not written again."""
        if self.unsaved is None and session == self.on_disk:
            return None
        failed = attempt(lambda: self._store.save_session(session))
        if isinstance(failed, NotSaved):
            first = self.unsaved is None
            self.unsaved, self.failure = session, failed
            return failed.message(KEPT) if first else None
        was_unsaved, self.unsaved, self.failure = self.unsaved is not None, None, None
        return SAVED_AGAIN if was_unsaved else None

    def retry(self) -> str | None:
        """Try the unsaved session again; what to tell the lifter when it landed."""
        if self.unsaved is None:
            return None
        return self.save(self.unsaved)

    def unsaved_set_ids(self, session: Session) -> frozenset[str]:
        """The sets of `session` that are not on disk as they are shown: never saved, or
        changed since (an answer, an edit) and not saved again."""
        saved = self.on_disk
        on_disk = {s.id: s for s in saved.sets} if saved is not None else {}
        return frozenset(s.id for s in session.sets if on_disk.get(s.id) != s)

    def clear(self) -> NotSaved | None:
        """Drop the session in progress from disk (discarded, or filed into history)."""
        failed = attempt(self._store.discard_session)
        if failed is None:
            self.unsaved, self.failure = None, None
        return failed
