"""Sync with a real CouchDB-protocol server: pouchdb-server (in memory, on 127.0.0.1), the
one the sync tests use (tests/sync_fixtures.py installs it under .cache/ the first time).

- push: a copy of the ten-year store, every session in its outbox, syncs to a fresh database;
- pull: an empty data folder syncs from that database and receives every session;
- one new session: the first store finishes one more session and syncs it.

Each is one `SyncService.run()`, as the app's background sync and `onemore sync` call it,
with the deadline raised so that the whole of it is timed (the app stops at 30 s and carries
on at the next sync).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.common import Row, copy_store, ratio_text, secs
from tui.core.live import plan_session
from tui.core.model import SetLog
from tui.core.routines import BUILT_IN
from tui.store.repository import Store
from tui.sync import SyncService
from tui.sync.report import SyncReport

DEADLINE_S = 600.0
TARGETS = {"push": 15.0, "pull": 15.0, "one": 0.5}


@dataclass(frozen=True)
class Synced:
    seconds: float
    report: SyncReport


@dataclass(frozen=True)
class SyncRuns:
    sessions: int
    push: Synced
    pull: Synced
    one: Synced
    receive_one: Synced


def timed_sync(store: Store, config) -> Synced:
    service = SyncService(store, config, deadline_s=DEADLINE_S)
    started = time.perf_counter()
    report = asyncio.run(service.run())
    took = time.perf_counter() - started
    if not report.ok:
        raise RuntimeError(f"sync failed: {report.status.text}")
    return Synced(took, report)


def finish_one_session(store: Store) -> None:
    """A new evening at the rack: start, log three sets, finish (it goes into the outbox)."""
    started = datetime(2026, 6, 3, 18, 0, tzinfo=timezone.utc)
    routine = BUILT_IN[0]
    session = plan_session(routine.name, routine.exercises, started, routine_id=routine.id)
    store.save_session(session)
    exercise = session.exercises[0].id
    for number in range(3):
        at = started + timedelta(minutes=3 * number)
        store.save_session(
            store.live.with_set(
                exercise,
                SetLog(
                    id=f"bench-sync-set-{number}",
                    kind="working",
                    weight=120,
                    reps=5,
                    logged_at=at,
                    rir=2.0,
                ),
            )
        )
    store.finish_session(started + timedelta(minutes=15))


def measure(history: Path, home: Path) -> SyncRuns:
    from tests.sync_fixtures import PouchServer, install_pouchdb_server

    server = PouchServer(install_pouchdb_server(), home / "pouchdb").start()
    try:
        config = server.new_database()
        with (
            Store(copy_store(history, home / "sync-here")) as here,
            Store(home / "sync-there") as there,
        ):
            sessions = here.session_count
            push = timed_sync(here, config)
            pull = timed_sync(there, config)
            if (push.report.pushed, pull.report.pulled) != (sessions, sessions):
                raise RuntimeError(
                    f"sync moved {push.report.counts} / {pull.report.counts} of {sessions} sessions"
                )
            finish_one_session(here)
            one = timed_sync(here, config)
            receive_one = timed_sync(there, config)
    finally:
        server.stop()
    return SyncRuns(sessions, push, pull, one, receive_one)


def rows(runs: SyncRuns) -> list[Row]:
    def row(what: str, synced: Synced, key: str | None) -> Row:
        if key is None:
            return Row(what, secs(synced.seconds))
        target = TARGETS[key]
        return Row(
            what,
            secs(synced.seconds),
            f"{ratio_text(synced.seconds / target)} target",
            f"≤ {target:g} s",
            synced.seconds <= target,
        )

    n = f"{runs.sessions:,}"
    return [
        row(f"sync: push the ten-year store ({n} sessions) to pouchdb-server", runs.push, "push"),
        row(
            f"sync: pull it into an empty data folder ({runs.pull.report.pulled:,} sessions)",
            runs.pull,
            "pull",
        ),
        row("sync: one new session, from the device that logged it", runs.one, "one"),
        row("sync: the same session arriving on the other device", runs.receive_one, None),
    ]
