"""What a lifter at the rack feels of a sync running beside them: the store's lock, watched.

`WatchedLock` stands in for `Store.guard` (a reentrant lock) and times every outermost hold,
by thread. `SetSaver` logs a set every INTERVAL_S from its own thread, as the app's screens
do on theirs, and times each save; beside each save it times the floor, a durable write of
the same bytes, so the delay a sync adds reads as a ratio.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.live import plan_session
from tui.core.model import Session, SetLog
from tui.core.routines import BUILT_IN
from tui.store.repository import Store
from tui.store.storage import write_durably

INTERVAL_S = 0.02
PER_SESSION = 25  # sets, then a fresh session: live.json stays the size of an evening's
SAVER = "set-saver"


class WatchedLock:
    """A reentrant lock that keeps how long each outermost hold lasted, by thread name."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._local = threading.local()
        self.holds: list[tuple[str, float]] = []

    def __enter__(self) -> WatchedLock:
        self._lock.acquire()
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self._local.since = time.perf_counter()
        self._local.depth = depth + 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._local.depth -= 1
        if self._local.depth == 0:
            held = time.perf_counter() - self._local.since
            self.holds.append((threading.current_thread().name, held))
        self._lock.release()

    def longest(self, *, besides: str = SAVER) -> float:
        return max((s for name, s in self.holds if name != besides), default=0.0)


@dataclass
class SetSaver:
    """Logs sets into `store`'s session in progress from a thread of its own until stopped."""

    store: Store
    floor_file: Path
    saves: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> SetSaver:
        started = datetime(2026, 6, 4, 18, 0, tzinfo=timezone.utc)
        routine = BUILT_IN[0]
        session = plan_session(routine.name, routine.exercises, started, routine_id=routine.id)
        self.store.save_session(session)
        self._thread = threading.Thread(target=self._run, args=(session,), name=SAVER)
        self._thread.start()
        return self

    def _run(self, planned: Session) -> None:
        number, started = 0, planned.started_at
        while not self._stop.wait(INTERVAL_S):
            number += 1
            begun = time.perf_counter()  # as the app's Journal: read what is on disk, then save
            live = self.store.live if number % PER_SESSION else planned
            assert live is not None
            logged = SetLog(
                id=f"bench-pull-set-{number}",
                kind="working",
                weight=100,
                reps=5,
                logged_at=started + timedelta(seconds=number),
            )
            session = live.with_set(live.exercises[0].id, logged)
            self.store.save_session(session)
            self.saves.append(time.perf_counter() - begun)
            payload = (self.store.data_dir / "live.json").read_bytes()
            begun = time.perf_counter()
            write_durably(self.floor_file, payload)
            self.floors.append(time.perf_counter() - begun)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.store.discard_session()
