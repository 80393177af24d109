"""Sync with a CouchDB-protocol server (CouchDB, Cloudant, pouchdb-server) over httpx.

No Textual here: the app runs `SyncService.run()` in a worker and shows `status().text`.
"""

from tui.sync.config import SyncConfig, SyncConfigError, SyncFlags, SyncNotSetUp, load_sync_config
from tui.sync.report import SyncReport
from tui.sync.service import SyncService
from tui.sync.status import SyncHealth, SyncStatus, pending_count, resting_status

__all__ = [
    "SyncConfig",
    "SyncConfigError",
    "SyncFlags",
    "SyncHealth",
    "SyncNotSetUp",
    "SyncReport",
    "SyncService",
    "SyncStatus",
    "load_sync_config",
    "pending_count",
    "resting_status",
]
