"""The coach of the live session: each exercise's next target and its why, from what was lifted.

It gathers what the pure rules need (`tui.core.targets`): today's working sets of the
exercise, the exercise's last few finished sessions (read once per exercise, from its lift
file and their year files), and every test set before today and of today, for the lifter's
own bias (`tui.core.bias`). A tough day (a low check-in) plans one more rep in reserve.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from tui.application.rest_rule import lift_of
from tui.core.bias import Bias, bias_for
from tui.core.calibration import CalibrationSet, calibration_sets
from tui.core.coach import readiness
from tui.core.effort import effort
from tui.core.entry import Target
from tui.core.live import planned_for
from tui.core.model import ExerciseLog, Session, SetLog
from tui.core.plates import gym_for, plates_text
from tui.core.prompts import test_set_prompt
from tui.core.summary import calibration_before
from tui.core.targets import (
    TREND_SESSIONS,
    Advice,
    Plan,
    fatigue_reps,
    first_of_day,
    session_capacity_kg,
    within_session,
)
from tui.core.warmup import ramp, ramp_text
from tui.settings import Settings
from tui.store.repository import Store

Past = tuple[tuple[SetLog, ...], float | None]  # a session's working sets, its planned RIR


def plates_for(target: Target | None, exercise: ExerciseLog | None) -> str:
    """`Plates: 25 + 10 + 1.25 per side` for a barbell target; "" for anything else."""
    if target is None or exercise is None or target.weight is None or target.bodyweight:
        return ""
    if lift_of(exercise.name, exercise.catalog_id).equipment != "barbell":
        return ""
    text = plates_text(target.weight, gym_for(target.unit))
    return f"Plates: {text}" if text else ""


def warm_ups_for(target: Target | None, exercise: ExerciseLog | None) -> str:
    """The warm-up ramp to a heavy compound barbell target, before its first working set."""
    if target is None or exercise is None or exercise.working_sets or target.bodyweight:
        return ""
    lift = lift_of(exercise.name, exercise.catalog_id)
    return ramp_text(ramp(lift, target.weight, target.unit))


class Coach:
    """Targets for one live session; what it read from the store it keeps until the end."""

    def __init__(self, store: Store, settings: Callable[[], Settings]) -> None:
        self._store = store
        self._settings = settings
        self._tests_before: list[CalibrationSet] | None = None
        self._past: dict[str, list[Past]] = {}

    def advise(self, session: Session, exercise: ExerciseLog) -> Advice:
        """The next target of `exercise` in `session`, and the line that says why."""
        lift = lift_of(exercise.name, exercise.catalog_id)
        planned = exercise.planned or planned_for(lift)
        plan = Plan.of(planned, tough=readiness(session.checkin) == "low")
        bias = self.bias(session, exercise.key)
        sessions = [
            [effort(s, bias, rir) for s in sets] for sets, rir in self._recent(session, exercise)
        ]
        working = exercise.working_sets
        if not working:
            return first_of_day(sessions, plan, lift, self._settings().unit)
        today = [effort(s, bias, plan.rir) for s in working]
        advice = within_session(today, plan, lift, fatigue_reps(sessions))
        if len(working) + 1 != planned.sets:  # a test set is suggested for the last set only
            return advice
        curves = [c for c in map(session_capacity_kg, [*sessions, today]) if c is not None]
        tests = self._tests(session)
        prompt = test_set_prompt(
            lift, exercise.key, tests, curves, session.started_at, tough=plan.tough
        )
        return advice if prompt is None else replace(advice, why=f"{advice.why} {prompt}")

    def read_ahead(self, session: Session) -> None:
        """Read now (during a rest) what the targets of today's exercises need: their recent
        sessions and the test sets so far, so the next exercise's first target does not
        wait for a year file."""
        self._tests(session)
        for exercise in session.exercises:
            self._recent(session, exercise)

    def bias(self, session: Session, exercise_key: str) -> Bias:
        """The lifter's bias on this exercise from every test set so far, today's too."""
        return bias_for(exercise_key, self._tests(session))

    def _tests(self, session: Session) -> list[CalibrationSet]:
        if self._tests_before is None:
            self._tests_before = list(calibration_before(self._store.summaries(), session).sets)
        return self._tests_before + calibration_sets(session)

    def _recent(self, session: Session, exercise: ExerciseLog) -> Sequence[Past]:
        key = exercise.key
        if key not in self._past:
            rows = [
                r
                for r in self._store.lift_rows(key)
                if r.get("working_sets") and r["session_id"] != session.id
            ][-TREND_SESSIONS:]
            found = self._store.sessions_by_id({r["session_id"] for r in rows})
            past: list[Past] = []
            for row in rows:
                earlier = found.get(row["session_id"])
                logs = [] if earlier is None else [e for e in earlier.exercises if e.key == key]
                for log in logs:
                    rir = log.planned.rir if log.planned is not None else None
                    past.append((log.working_sets, rir))
            self._past[key] = past
        return self._past[key]
