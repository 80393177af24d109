"""The session in progress as the logging screen sees it: where the lifter is, what comes next.

`Live` is a value: every step returns a new one. The screen saves `live.session` after
each step that changes it; targets and the pending rest are rebuilt on resume.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from tui.core.catalog import Exercise
from tui.core.entry import SetInput, Target
from tui.core.model import (
    CheckIn,
    ExerciseLog,
    Failure,
    PlannedExercise,
    Session,
    SetLog,
    new_id,
    unit_of,
)


@dataclass(frozen=True)
class RestTaken:
    """The rest just taken, stamped on the next set the lifter logs."""

    planned_s: int
    actual_s: float
    calm_after_s: float | None = None


def plan_session(
    name: str,
    plan: tuple[PlannedExercise, ...],
    started_at: datetime,
    *,
    routine_id: str | None = None,
    checkin: CheckIn | None = None,
    make_id: Callable[[], str] = new_id,
) -> Session:
    """A new session with one (empty) exercise log per planned exercise."""
    exercises = tuple(
        ExerciseLog(id=make_id(), name=p.name, catalog_id=p.catalog_id, planned=p) for p in plan
    )
    return Session(
        id=make_id(),
        name=name,
        started_at=started_at,
        checkin=checkin,
        exercises=exercises,
        routine_id=routine_id,
    )


def planned_for(exercise: Exercise, sets: int = 3, reps: int = 8) -> PlannedExercise:
    """A plan for an exercise added on the fly: three sets of eight, two reps in reserve."""
    return PlannedExercise(
        name=exercise.name, sets=sets, reps=reps, rir=2.0, catalog_id=exercise.id
    )


@dataclass(frozen=True)
class Live:
    session: Session
    position: int = 0
    targets: dict[str, Target] = field(default_factory=dict)  # exercise id -> next target
    rest_taken: RestTaken | None = None

    @classmethod
    def resume(cls, session: Session) -> Live:
        """Pick up where the lifter left off: the exercise of the last set logged while it has
        planned sets to do, else the next one after it that has, else the first that has."""
        exercises = session.exercises
        todo = [i for i, e in enumerate(exercises) if len(e.working_sets) < planned_sets(e)]
        logged = [(s.logged_at, i) for i, e in enumerate(exercises) for s in e.sets]
        if logged:
            _, last = max(logged)
            after = [i for i in todo if i >= last]
            if after:
                return cls(session, after[0])
        if todo:
            return cls(session, todo[0])
        return cls(session, max(0, len(exercises) - 1))

    # -- where the lifter is -----------------------------------------------------------

    @property
    def exercise(self) -> ExerciseLog | None:
        exercises = self.session.exercises
        return exercises[self.position] if exercises else None

    @property
    def set_number(self) -> int:
        """The number of the next working set of the current exercise (1-based)."""
        exercise = self.exercise
        return 0 if exercise is None else len(exercise.working_sets) + 1

    @property
    def target(self) -> Target | None:
        exercise = self.exercise
        return None if exercise is None else self.targets.get(exercise.id)

    def with_target(self, exercise_id: str, target: Target) -> Live:
        return replace(self, targets={**self.targets, exercise_id: target})

    def move(self, step: int) -> Live:
        """Next (+1) or previous (−1) exercise, staying within the session."""
        last = len(self.session.exercises) - 1
        return replace(self, position=min(max(0, self.position + step), max(0, last)))

    def go_to(self, position: int) -> Live:
        return replace(self, position=position).move(0)

    # -- changes to the session ----------------------------------------------------------

    def log(
        self,
        entry: SetInput,
        logged_at: datetime,
        *,
        set_id: str | None = None,
        rest_planned_s: int | None = None,
    ) -> tuple[Live, SetLog]:
        """Log `entry` on the current exercise, with the rest just taken stamped on it."""
        exercise = self.exercise
        if exercise is None:
            raise ValueError("add an exercise before logging a set")
        rest = self.rest_taken
        set_log = SetLog(
            id=set_id or new_id(),
            kind="warmup" if entry.warmup else "working",
            weight=entry.weight,
            reps=entry.reps,
            unit=unit_of(entry.unit),
            bodyweight=entry.bodyweight,
            rir=entry.rir,
            logged_at=logged_at,
            rest_planned_s=rest.planned_s if rest else rest_planned_s,
            rest_actual_s=round(rest.actual_s, 1) if rest else None,
            calm_after_s=rest.calm_after_s if rest else None,
        )
        session = self.session.with_set(exercise.id, set_log)
        return replace(self, session=session, rest_taken=None), set_log

    def answer(self, set_id: str, rir: float | None, failure: Failure | None) -> Live:
        """Record the "one more rep?" answer on a logged set."""
        exercise = self._exercise_of(set_id)
        set_log = next(s for s in exercise.sets if s.id == set_id)
        answered = replace(set_log, rir=rir, failure=failure)
        return replace(self, session=self.session.with_set(exercise.id, answered))

    def replace_set(self, set_log: SetLog) -> Live:
        exercise = self._exercise_of(set_log.id)
        return replace(self, session=self.session.with_set(exercise.id, set_log))

    def undo(self) -> tuple[Live, SetLog | None]:
        """Remove the last set of the current exercise (None when it has none)."""
        exercise = self.exercise
        if exercise is None or not exercise.sets:
            return self, None
        last = exercise.sets[-1]
        return replace(self, session=self.session.without_set(last.id)), last

    def rested(self, rest: RestTaken) -> Live:
        return replace(self, rest_taken=rest)

    def add_exercise(self, planned: PlannedExercise, make_id: Callable[[], str] = new_id) -> Live:
        """Add an exercise after the current one and go to it."""
        log = ExerciseLog(
            id=make_id(), name=planned.name, catalog_id=planned.catalog_id, planned=planned
        )
        exercises = list(self.session.exercises)
        at = self.position + 1 if exercises else 0
        exercises.insert(at, log)
        return replace(self, session=replace(self.session, exercises=tuple(exercises)), position=at)

    def swap(self, exercise: Exercise) -> Live:
        """Replace the current exercise with another (machine taken), keeping the plan's sets.

        Sets already logged stay with the exercise they were done on: if the current one has
        sets, the swap is added as a new exercise instead of renaming it.
        """
        current = self.exercise
        if current is None:
            return self
        plan = current.planned or planned_for(exercise)
        swapped_plan = replace(plan, name=exercise.name, catalog_id=exercise.id, weight=None)
        if current.sets:
            remaining = max(1, plan.sets - len(current.working_sets))
            return self.add_exercise(replace(swapped_plan, sets=remaining))
        swapped = replace(current, name=exercise.name, catalog_id=exercise.id, planned=swapped_plan)
        targets = {k: v for k, v in self.targets.items() if k != current.id}
        return replace(self, session=self.session.with_exercise(swapped), targets=targets)

    def remove_exercise(self) -> Live:
        """Take the current exercise out of today's plan (the caller checks it has no sets)."""
        current = self.exercise
        if current is None:
            return self
        exercises = tuple(e for e in self.session.exercises if e.id != current.id)
        targets = {k: v for k, v in self.targets.items() if k != current.id}
        session = replace(self.session, exercises=exercises)
        return replace(self, session=session, targets=targets).move(0)

    def move_exercise(self, step: int) -> Live:
        """Move the current exercise earlier (−1) or later (+1) in today's order."""
        exercises = list(self.session.exercises)
        to = min(max(0, self.position + step), len(exercises) - 1)
        if not exercises or to == self.position:
            return self
        exercises.insert(to, exercises.pop(self.position))
        session = replace(self.session, exercises=tuple(exercises))
        return replace(self, session=session, position=to)

    def note(self, text: str, *, on_session: bool = False) -> Live:
        """A note on the current exercise, or on the session (`on_session`, or when there is no
        exercise yet)."""
        exercise = self.exercise
        if exercise is None or on_session:
            return replace(self, session=replace(self.session, notes=text))
        return replace(self, session=self.session.with_exercise(replace(exercise, notes=text)))

    def _exercise_of(self, set_id: str) -> ExerciseLog:
        for exercise in self.session.exercises:
            if any(s.id == set_id for s in exercise.sets):
                return exercise
        raise KeyError(set_id)


def planned_sets(exercise: ExerciseLog) -> int:
    return exercise.planned.sets if exercise.planned else 3
