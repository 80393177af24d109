"""A real pouchdb-server for the sync cases, and the check that a device and the server agree."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.sync_fixtures import PouchServer, install_pouchdb_server
from tui.store.repository import Store
from tui.sync.config import SyncConfig
from tui.sync.documents import NotASession, session_from_doc, session_id_of
from tui.sync.report import SyncReport
from tui.sync.service import SyncService


def start_pouchdb(folder: Path) -> PouchServer:
    """An in-memory pouchdb-server on 127.0.0.1 (installed with npm the first time)."""
    return PouchServer(install_pouchdb_server(), folder).start()


def server_sessions(pouch: PouchServer, database: str) -> dict[str, dict]:
    """Every live session on the server, by session id, as the store would hold it."""
    sessions = {}
    for document in pouch.documents(database):
        session_id = session_id_of(document["_id"])
        if session_id is None:
            continue
        try:
            sessions[session_id] = session_from_doc(document).to_dict()
        except NotASession:
            sessions[session_id] = {"unreadable": document["_id"]}
    return sessions


def local_sessions(data_dir: Path) -> dict[str, dict]:
    with Store(data_dir, lock_timeout=10) as store:
        return {s.id: s.to_dict() for s in store.finished_sessions()}


def differences(local: dict[str, dict], server: dict[str, dict]) -> list[str]:
    """Where a device and the server disagree, one line each."""
    lines = [f"{i} only on the device" for i in sorted(set(local) - set(server))]
    lines += [f"{i} only on the server" for i in sorted(set(server) - set(local))]
    lines += [f"{i} differs" for i in sorted(set(local) & set(server)) if local[i] != server[i]]
    return lines


def sync_once(data_dir: Path, config: SyncConfig, deadline_s: float = 30) -> SyncReport:
    with Store(data_dir, lock_timeout=10) as store:
        return asyncio.run(SyncService(store, config, deadline_s=deadline_s).run())
