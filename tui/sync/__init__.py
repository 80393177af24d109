"""Sync with a CouchDB-protocol server (CouchDB, Cloudant, pouchdb-server) over httpx.

No Textual here: the app runs `SyncService.run()` in a worker and shows `status().text`.
Names are imported on first use, so reading the sync settings does not load httpx.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "SyncConfig": "config",
    "SyncConfigError": "config",
    "SyncFlags": "config",
    "SyncNotSetUp": "config",
    "load_sync_config": "config",
    "SyncReport": "report",
    "SyncService": "service",
    "SyncHealth": "status",
    "SyncStatus": "status",
    "pending_count": "status",
    "resting_status": "status",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'tui.sync' has no attribute {name!r}")
    return getattr(importlib.import_module(f"tui.sync.{_WHERE[name]}"), name)
