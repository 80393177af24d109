"""Saving the session in progress so that a failed save never loses a set.

When the disk is full or read-only the session stays in memory (and on screen, marked
unsaved), the lifter is told in one line, and the save is tried again until it lands.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from tui.core.model import Session
from tui.store.repository import ReadOnlyStore, Store

log = logging.getLogger(__name__)


def reason_of(error: OSError) -> str:
    return {28: "the disk is full", 30: "the disk is read-only", 13: "no permission to write"}.get(
        error.errno or 0, error.strerror or str(error)
    )


class SessionSaver:
    def __init__(self, store: Store, tell: Callable[[str], None]) -> None:
        self.store = store
        self._tell = tell
        self.unsaved: Session | None = None

    def save(self, session: Session) -> bool:
        """Save durably; on failure keep `session` to retry and say so once. True if saved."""
        try:
            self.store.save_session(session)
        except ReadOnlyStore as error:
            self.unsaved = session
            self._tell(str(error))
            return False
        except OSError as error:
            log.warning("session not saved: %s", error)
            if self.unsaved is None:
                self._tell(
                    f"Not saved: {reason_of(error)}. Your sets stay here and OneMore keeps trying."
                )
            self.unsaved = session
            return False
        if self.unsaved is not None:
            self._tell("Saved: every set is on disk again.")
        self.unsaved = None
        return True

    def retry(self) -> bool:
        """Try the unsaved session again; True when nothing is left unsaved."""
        if self.unsaved is None:
            return True
        try:
            self.store.save_session(self.unsaved)
        except (OSError, ReadOnlyStore):
            return False
        self.unsaved = None
        self._tell("Saved: every set is on disk again.")
        return True
