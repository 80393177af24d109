"""What the footer says about sync: synced, N pending, syncing, offline or error (with why)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from tui.store.repository import Store


class SyncHealth(Enum):
    SYNCED = "synced"
    PENDING = "pending"
    SYNCING = "syncing"
    OFFLINE = "offline"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    health: SyncHealth
    pending: int = 0
    reason: str = ""

    @property
    def text(self) -> str:
        """One short line for the footer."""
        if self.health is SyncHealth.SYNCED:
            return "synced"
        if self.health is SyncHealth.PENDING:
            return f"{self.pending} pending"
        if self.health is SyncHealth.SYNCING:
            return "syncing…"
        waiting = f" · {self.pending} pending" if self.pending else ""
        return f"{self.health.value}: {self.reason}{waiting}"


def pending_count(store: Store) -> int:
    """How many sessions wait for the next sync (reads only the small outbox)."""
    return len(store.pending_changes())


def resting_status(store: Store) -> SyncStatus:
    """The status between runs: synced, or how many sessions wait."""
    count = pending_count(store)
    return SyncStatus(SyncHealth.PENDING, count) if count else SyncStatus(SyncHealth.SYNCED)
