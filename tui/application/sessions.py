"""Starting, resuming and finishing from Home: check-in → today's plan → a live session.

On a tough day the plan proposes simpler changes (see `tui.core.coach`); the lifter takes
each or leaves it, and the rests of the day follow the one rest rule (`rest_rule`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from tui.application.journal import Journal
from tui.application.live_session import LiveSession
from tui.application.rest_rule import default_rest
from tui.application.writes import NotSaved, attempt
from tui.core.coach import (
    EXTRA_REST_S,
    PlanChange,
    Readiness,
    apply_changes,
    bad_day_changes,
    readiness,
    readiness_line,
)
from tui.core.live import Live, plan_session
from tui.core.model import CheckIn, PlannedExercise, Routine, Session
from tui.settings import Settings
from tui.store.repository import Store

READ_ONLY = "Another OneMore has this data open: close it to start a session here."


@dataclass(frozen=True)
class TodayPlan:
    """Today's plan before it starts: the routine, how ready the lifter is, what could change."""

    routine: Routine | None
    checkin: CheckIn
    level: Readiness
    line: str  # one line on the day, for the lifter
    changes: tuple[PlanChange, ...] = ()
    taken: tuple[bool, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.routine.name if self.routine else "Empty session"

    def toggled(self, index: int) -> TodayPlan:
        taken = list(self.taken)
        taken[index] = not taken[index]
        return replace(self, taken=tuple(taken))

    def all_taken(self, taken: bool) -> TodayPlan:
        return replace(self, taken=(taken,) * len(self.changes))


class Sessions:
    """Session starts and ends that begin at Home."""

    def __init__(
        self,
        store: Store,
        *,
        settings: Callable[[], Settings],
        now: Callable[[], datetime],
    ) -> None:
        self._store = store
        self._settings = settings
        self._now = now
        self.journal = Journal(store)
        self._current: LiveSession | None = None  # the last session started or resumed here

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    def in_progress(self) -> Session | None:
        """The session in progress (with any sets not on disk yet)."""
        return self.journal.unsaved or self._store.live

    def can_start(self) -> str | None:
        """Why no session can start here, or None."""
        return READ_ONLY if self._store.read_only else None

    # -- starting ------------------------------------------------------------------------

    def plan(self, routine: Routine | None, checkin: CheckIn) -> TodayPlan:
        level = readiness(checkin)
        plan = routine.exercises if routine else ()
        changes = tuple(bad_day_changes(plan)) if level == "low" else ()
        return TodayPlan(
            routine, checkin, level, readiness_line(level), changes, (True,) * len(changes)
        )

    def today(self, plan: TodayPlan) -> tuple[PlannedExercise, ...]:
        """The exercises as they will be done today: the changes taken, each with its rest."""
        exercises = plan.routine.exercises if plan.routine else ()
        settings = self._settings()
        rests = [default_rest(p, settings) for p in exercises]
        taken = [c for c, t in zip(plan.changes, plan.taken, strict=True) if t]
        changed = apply_changes(exercises, taken, rests)
        return tuple(
            replace(p, rest_s=p.rest_s if p.rest_s is not None else r)
            for p, r in zip(changed, rests, strict=True)
        )

    def start(self, plan: TodayPlan) -> tuple[LiveSession, str | None]:
        """Start today's session; a failed first save is kept and retried while logging."""
        routine = plan.routine
        session = plan_session(
            routine.name if routine else "Session",
            self.today(plan),
            self._now(),
            routine_id=routine.id if routine else None,
            checkin=plan.checkin,
        )
        notice = self.journal.save(session)
        taken = [c for c, t in zip(plan.changes, plan.taken, strict=True) if t]
        extra = EXTRA_REST_S if any(c.kind == "longer_rest" for c in taken) else 0
        return self._remember(self._live(Live(session), extra)), notice

    def resume(self) -> LiveSession | None:
        """The session in progress. Left for Home in this run, it is the same live session,
        with what only lives in memory (the rest just taken, the coach's lines) kept."""
        session = self.in_progress()
        if session is None:
            return None
        current = self._current
        if current is not None and current.session == session:
            return current
        return self._remember(self._live(Live.resume(session)))

    def _remember(self, live: LiveSession) -> LiveSession:
        self._current = live
        return live

    def _live(self, live: Live, extra_rest_s: int = 0) -> LiveSession:
        return LiveSession(
            live,
            store=self._store,
            journal=self.journal,
            settings=self._settings,
            now=self._now,
            extra_rest_s=extra_rest_s,
        )

    # -- finishing from Home ---------------------------------------------------------------

    def finish_in_progress(self) -> Session | NotSaved:
        """Finish the session left in progress (from Home, before starting another)."""
        self.journal.retry()
        if self.journal.unsaved is not None:
            return NotSaved("its last sets are not on disk yet")
        return attempt(lambda: self._store.finish_session(self._now()))
