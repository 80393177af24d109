"""What the steps of one sync run share: the store, the server, the sync state and the tally."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tui.store.repository import Store
from tui.sync.couch import CouchClient
from tui.sync.report import SyncReport
from tui.sync.state import SyncState


@dataclass
class RunContext:
    store: Store
    couch: CouchClient
    state: SyncState
    report: SyncReport
    now: Callable[[], datetime]
    batch_size: int
    page_size: int
    # Sessions the pull found the server lacking something of, to send in the second push.
    send_again: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)  # the server would not take these (yet)

    def apply_server_deletion(self, session_id: str, deleted_at: datetime) -> None:
        """Deletion wins: drop the local session, and any unsynced edit of it with it."""
        if self.store.delete_session(session_id, deleted_at, from_sync=True):
            self.report.deleted += 1
        counter = self.store.pending_changes().get(session_id)
        if counter is not None:
            self.store.mark_synced({session_id: counter})
        self.send_again.discard(session_id)
