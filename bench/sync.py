"""Sync with a real CouchDB-protocol server: pouchdb-server (in memory, on 127.0.0.1), the
one the sync tests use (tests/sync_fixtures.py installs it under .cache/ the first time).

- push: a copy of the ten-year store, every session in its outbox, syncs to a fresh database;
- pull: an empty data folder syncs from that database and receives every session, while a
  thread logs a set every 20 ms into that folder's session in progress (as the app's screens
  do while a background sync runs): the longest hold of the store's lock by the sync and the
  slowest of those saves are figures of their own;
- one new session: the first store finishes one more session and syncs it; the second one
  syncs and receives it.

Each is one `SyncService.run()`, as the app's background sync and `onemore sync` call it,
with the deadline raised so that the whole of it is timed (the app stops at 30 s and carries
on at the next sync). Each is judged against its floor in the same run (bench/sync_floor.py):
the same server calls made with plain httpx, written to disk and nothing else.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.common import Row, copy_store, median, ms, percentile, ratio_text, secs
from bench.lock_watch import SetSaver, WatchedLock
from bench.sync_floor import last_seq, raw_pull, raw_push, round_trips
from tui.core.live import plan_session
from tui.core.model import SetLog
from tui.core.routines import BUILT_IN
from tui.store.repository import Store
from tui.sync import SyncService
from tui.sync.config import SyncConfig
from tui.sync.documents import session_doc
from tui.sync.report import SyncReport
from tui.sync.service import BATCH_SIZE, PAGE_SIZE

DEADLINE_S = 600.0
# Each against its floor: the same calls in plain httpx (see bench/sync_floor.py).
TARGETS = {"push": 2.0, "pull": 2.0, "one": 10.0, "receive": 10.0}
SAVE_TARGET = 3.0  # the slowest set saved during the pull, against the median floor write
HOLD_TARGET_S = 0.050  # the longest hold of the store's lock by the sync


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
    floors: dict[str, float]
    pull_beside_s: float  # the same pull with a set saved every 20 ms beside it
    longest_hold_s: float
    saves: list[float]
    save_floors: list[float]


def timed_sync(store: Store, config: SyncConfig) -> Synced:
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
    floors: dict[str, float] = {}
    try:
        config, floor_db = server.new_database(), server.new_database()
        with (
            Store(copy_store(history, home / "sync-here")) as here,
            Store(home / "sync-there") as there,
        ):
            sessions = here.session_count
            docs = [session_doc(s, None) for s in here.finished_sessions()]
            push = timed_sync(here, config)
            floors["push"], floor_saved = raw_push(floor_db, docs, BATCH_SIZE)
            pulls = [raw_pull(config, home / "floor-pull-1", PAGE_SIZE)]
            pull = timed_sync(there, config)
            pulls.append(raw_pull(config, home / "floor-pull-2", PAGE_SIZE))
            with Store(home / "sync-beside") as beside:  # the same pull, a lifter beside it
                watched = beside.guard = WatchedLock()  # type: ignore[assignment]
                saver = SetSaver(beside, home / "floor-set.json").start()
                try:
                    pull_beside = timed_sync(beside, config)
                finally:
                    saver.stop()
            floors["pull"] = min(seconds for seconds, _, _ in pulls)
            moved = (push.report.pushed, pull.report.pulled, floor_saved, pulls[0][1])
            if moved != (sessions,) * 4:
                raise RuntimeError(f"sync moved {moved} of {sessions} sessions")
            before = last_seq(config)
            finish_one_session(here)
            one = timed_sync(here, config)
            receive_one = timed_sync(there, config)
            floors["one"], floors["receive"] = round_trips(
                config, floor_db, docs[0], before, home / "floor-one"
            )
    finally:
        server.stop()
    return SyncRuns(
        sessions,
        push,
        pull,
        one,
        receive_one,
        floors,
        pull_beside.seconds,
        watched.longest(),
        saver.saves,
        saver.floors,
    )


def rows(runs: SyncRuns) -> list[Row]:
    def row(what: str, synced: Synced, key: str, *, one: bool = False) -> Row:
        """A sync against its plain-httpx floor: the whole transfer, or one round trip."""
        floor, target = runs.floors[key], TARGETS[key]
        shown, floor_name = (ms, "round trip") if one else (secs, "floor")
        return Row(
            f"{what}: {'one round trip' if one else 'floor'} / sync",
            f"{shown(floor)} / {shown(synced.seconds)}",
            f"{ratio_text(synced.seconds / floor)} {floor_name}",
            f"≤ {target:g}× {floor_name}",
            synced.seconds <= target * floor,
        )

    n = f"{runs.sessions:,}"
    floor = median(runs.save_floors) if runs.save_floors else 0.0
    slowest = max(runs.saves, default=0.0)
    saves = len(runs.saves)
    return [
        row(f"sync: push the ten-year store ({n} sessions) to pouchdb-server", runs.push, "push"),
        row(
            f"sync: pull it into an empty data folder ({runs.pull.report.pulled:,} sessions)",
            runs.pull,
            "pull",
        ),
        Row(
            f"sync: the pull's longest hold of the store's lock (that pull: "
            f"{secs(runs.pull_beside_s)})",
            ms(runs.longest_hold_s),
            f"{ratio_text(runs.longest_hold_s / HOLD_TARGET_S)} target",
            f"≤ {HOLD_TARGET_S * 1000:g} ms",
            runs.longest_hold_s <= HOLD_TARGET_S,
        ),
        Row(
            f"sync: a set saved during the pull, floor p50 / p50 / p99 / slowest of {saves}",
            f"{ms(floor)} / {ms(percentile(runs.saves, 50))} / "
            f"{ms(percentile(runs.saves, 99))} / {ms(slowest)}",
            f"{ratio_text(slowest / floor)} floor" if floor else "—",
            f"≤ {SAVE_TARGET:g}× floor, slowest" if floor else "—",
            slowest <= SAVE_TARGET * floor if floor else None,
        ),
        row("sync: one new session, from the device that logged it", runs.one, "one", one=True),
        row(
            "sync: the same session arriving on the other device",
            runs.receive_one,
            "receive",
            one=True,
        ),
    ]
