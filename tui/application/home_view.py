"""What Home shows, as data: the session in progress, the last finished one, the routines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tui.application.sessions import Sessions
from tui.core.model import Routine, SetLog
from tui.core.stats import in_unit
from tui.settings import Settings
from tui.store.repository import Store


@dataclass(frozen=True)
class InProgress:
    name: str
    started_at: datetime
    set_count: int
    done: tuple[tuple[str, tuple[SetLog, ...]], ...]  # (exercise name, its sets), sets only


@dataclass(frozen=True)
class LastSession:
    id: str
    name: str
    started_at: datetime
    working_sets: int
    volume: float  # in `unit`
    unit: str


@dataclass(frozen=True)
class HomeView:
    read_only: bool
    in_progress: InProgress | None
    last: LastSession | None
    routines: tuple[Routine, ...]


class HomeReader:
    def __init__(
        self,
        store: Store,
        sessions: Sessions,
        *,
        settings: Callable[[], Settings],
        routines: tuple[Routine, ...],
    ) -> None:
        self._store = store
        self._sessions = sessions
        self._settings = settings
        self.routines = routines

    def routine(self, routine_id: str | None) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)

    def view(self) -> HomeView:
        live = self._sessions.in_progress()
        in_progress = None
        if live is not None:
            done = tuple((e.name, e.sets) for e in live.exercises if e.sets)
            in_progress = InProgress(live.name, live.started_at, len(live.sets), done)
        return HomeView(self._store.read_only, in_progress, self._last(), self.routines)

    def _last(self) -> LastSession | None:
        last = self._store.last_summary()
        if last is None:
            return None
        unit = self._settings().unit
        return LastSession(
            id=last.id,
            name=last.name,
            started_at=last.started_at,
            working_sets=last.working_sets,
            volume=in_unit(last.volume_kg, unit),
            unit=unit,
        )
