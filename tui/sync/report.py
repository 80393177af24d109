"""What one sync run moved, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.sync.status import SyncHealth, SyncStatus


@dataclass
class SyncReport:
    pushed: int = 0  # sessions the server took from this device
    pulled: int = 0  # sessions this device took from the server
    merged: int = 0  # sessions changed on both sides and combined
    deleted: int = 0  # deletions carried either way
    skipped: int = 0  # server documents that are not readable OneMore sessions
    refused: int = 0  # sessions the server would not take (they stay pending)
    pending: int = 0  # sessions still waiting for a sync
    status: SyncStatus = field(default_factory=lambda: SyncStatus(SyncHealth.SYNCING))

    @property
    def counts(self) -> str:
        return (
            f"pushed {self.pushed}, pulled {self.pulled}, merged {self.merged}, "
            f"deleted {self.deleted}, pending {self.pending}"
        )

    @property
    def ok(self) -> bool:
        return self.status.health in (SyncHealth.SYNCED, SyncHealth.PENDING)
