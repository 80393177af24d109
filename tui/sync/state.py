"""sync.json: which server it is for, the `_changes` checkpoint, and each session's server revision.

Pointing sync at another server or database starts afresh: its checkpoint and revisions
mean nothing there.
"""

from __future__ import annotations

from typing import Any

from tui.store.repository import Store

STATE_TABLE = "sync"


class SyncState:
    def __init__(self, store: Store, target: str) -> None:
        self._file = store._data_file(store.data_dir / "sync.json", "sync")
        saved = self._file.get_single(STATE_TABLE) or {}
        same_server = saved.get("target") == target and isinstance(saved.get("revs"), dict)
        self.target = target
        self.checkpoint: Any = saved.get("checkpoint") if same_server else None
        self._revs: dict[str, str] = dict(saved["revs"]) if same_server else {}

    def rev(self, session_id: str) -> str | None:
        """The server revision this device last saw of the session, if any."""
        return self._revs.get(session_id)

    def remember(self, session_id: str, rev: str) -> None:
        self._revs[session_id] = rev

    def save(self) -> None:
        """Durably, before the outbox forgets what was carried."""
        self._file.put_single(
            STATE_TABLE, {"target": self.target, "checkpoint": self.checkpoint, "revs": self._revs}
        )
