"""Training numbers from logged sets: e1RM, volume, best set, change since last time, rest, effort.

Pure: no clock, no I/O. Weights are compared in kg whatever unit a set was logged in (a lifter
may switch between kg and lb plates); `in_unit` turns a kg figure into the lifter's unit.

Rules a lifter will meet in the review:
- Only working sets count for e1RM, best set, volume, rest, reps left and stops; warm-ups are
  shown but never counted.
- Volume is weight × reps. For a bodyweight set the weight is the *added* load, so a set of
  plain pull-ups adds nothing to volume and `bw+20 × 5` adds 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from tui.core.model import LB_PER_KG, ExerciseLog, Session, SetLog, to_kg

TRUSTED_REPS_TO_FAILURE = 12  # Epley drifts beyond about 12 reps to failure

Point = tuple[date, float]


def in_unit(kg: float, unit: str) -> float:
    """A kg figure in the lifter's unit ("kg" or "lb")."""
    return kg * LB_PER_KG if unit == "lb" else kg


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# -- one set ---------------------------------------------------------------------------------


def e1rm(weight: float, reps: int, rir: float | None = None) -> float | None:
    """Estimated one-rep max by Epley, `w·(1 + r/30)`, in the unit of `weight`.

    - r is the reps to failure: reps done plus reps in reserve (unknown RIR counts as 0).
    - r == 1 gives the weight itself: a true single is its own 1RM.
    - None when no rep was done, or when r > 12: Epley is not trustworthy that far out.
    """
    if reps <= 0:
        return None
    to_failure = reps + (rir or 0.0)
    if to_failure > TRUSTED_REPS_TO_FAILURE:
        return None
    if to_failure == 1:
        return float(weight)
    return weight * (1 + to_failure / 30)


def set_e1rm(set_log: SetLog) -> float | None:
    """The e1RM of a working set in kg.

    None for warm-ups (far from failure, so the estimate says nothing) and for bodyweight
    sets (their weight is only the added load, so its "1RM" would be meaningless).
    """
    if not set_log.is_working or set_log.bodyweight:
        return None
    return e1rm(to_kg(set_log.weight, set_log.unit), set_log.reps, set_log.rir)


def set_volume_kg(set_log: SetLog) -> float:
    """Weight × reps in kg of a working set (added load for bodyweight); 0 for a warm-up."""
    return to_kg(set_log.volume, set_log.unit)


def volume_kg(sets: Iterable[SetLog]) -> float:
    return sum(set_volume_kg(s) for s in sets)


def _strength(set_log: SetLog) -> tuple[bool, float, float, int]:
    estimate = set_e1rm(set_log)
    weight = to_kg(set_log.weight, set_log.unit)
    return (estimate is not None, estimate or 0.0, weight, set_log.reps)


def lifted(sets: Iterable[SetLog]) -> list[SetLog]:
    """The working sets in which at least one rep was done."""
    return [s for s in sets if s.is_working and s.reps > 0]


def best_set(sets: Iterable[SetLog]) -> SetLog | None:
    """The working set with the highest e1RM.

    A set with an e1RM beats one without; among sets without (bodyweight, more than 12 reps
    to failure) the heaviest wins, then the one with most reps; on a tie, the earlier set.
    """
    done = lifted(sets)
    return max(done, key=_strength) if done else None


# -- one exercise in one session -------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseNumbers:
    """What one exercise came to in one session (kg figures)."""

    key: str
    name: str
    working_sets: int
    warmup_sets: int
    reps: int  # working reps
    best_set: SetLog | None
    best_e1rm_kg: float | None
    volume_kg: float
    top_weight_kg: float | None  # the heaviest working set (added load for bodyweight)


def exercise_numbers(exercise: ExerciseLog) -> ExerciseNumbers:
    working = exercise.working_sets
    best = best_set(working)
    weights = [to_kg(s.weight, s.unit) for s in lifted(working)]
    return ExerciseNumbers(
        key=exercise.key,
        name=exercise.name,
        working_sets=len(working),
        warmup_sets=len(exercise.sets) - len(working),
        reps=sum(s.reps for s in working),
        best_set=best,
        best_e1rm_kg=None if best is None else set_e1rm(best),
        volume_kg=volume_kg(working),
        top_weight_kg=max(weights) if weights else None,
    )


def exercises_of(session: Session) -> list[ExerciseLog]:
    """The exercises done in the session (planned but skipped ones left out), any exercise
    done twice (same key) joined into one."""
    joined: dict[str, ExerciseLog] = {}
    for exercise in session.exercises:
        if not exercise.sets:
            continue
        first = joined.get(exercise.key)
        joined[exercise.key] = (
            exercise if first is None else replace(first, sets=first.sets + exercise.sets)
        )
    return list(joined.values())


@dataclass(frozen=True)
class Change:
    """This time minus the previous time, in kg; None where either side has no figure."""

    best_e1rm_kg: float | None
    volume_kg: float
    top_weight_kg: float | None


def _difference(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


def change(now: ExerciseNumbers, before: ExerciseNumbers) -> Change:
    return Change(
        best_e1rm_kg=_difference(now.best_e1rm_kg, before.best_e1rm_kg),
        volume_kg=now.volume_kg - before.volume_kg,
        top_weight_kg=_difference(now.top_weight_kg, before.top_weight_kg),
    )


# -- rest and effort over working sets -------------------------------------------------------


@dataclass(frozen=True)
class RestNumbers:
    """The rest before working sets: planned vs real, and how soon breathing was calm."""

    rests: int  # working sets with a real rest logged
    planned_avg_s: float | None
    actual_avg_s: float | None
    over_avg_s: float | None  # average of real − planned, over rests that have both
    calm_avg_s: float | None
    calm_count: int


def rest_numbers(sets: Iterable[SetLog]) -> RestNumbers:
    working = [s for s in sets if s.is_working]
    planned = [float(s.rest_planned_s) for s in working if s.rest_planned_s is not None]
    actual = [s.rest_actual_s for s in working if s.rest_actual_s is not None]
    over = [
        s.rest_actual_s - s.rest_planned_s
        for s in working
        if s.rest_actual_s is not None and s.rest_planned_s is not None
    ]
    calm = [s.calm_after_s for s in working if s.calm_after_s is not None]
    return RestNumbers(
        rests=len(actual),
        planned_avg_s=mean(planned),
        actual_avg_s=mean(actual),
        over_avg_s=mean(over),
        calm_avg_s=mean(calm),
        calm_count=len(calm),
    )


@dataclass(frozen=True)
class EffortNumbers:
    """Reps left in the tank on working sets, and why sets at zero ended."""

    working_sets: int
    rir_known: int
    rir_avg: float | None
    rir_counts: dict[float, int]  # reps in reserve -> sets, lowest first
    perceived: int  # stopped because it felt too heavy
    technical: int  # stopped because form broke

    @property
    def stops(self) -> int:
        return self.perceived + self.technical

    @property
    def perceived_share(self) -> float | None:
        return self.perceived / self.stops if self.stops else None


def effort_numbers(sets: Iterable[SetLog]) -> EffortNumbers:
    working = [s for s in sets if s.is_working]
    rirs = [s.rir for s in working if s.rir is not None]
    failures = Counter(s.failure for s in working)
    return EffortNumbers(
        working_sets=len(working),
        rir_known=len(rirs),
        rir_avg=mean(rirs),
        rir_counts=dict(sorted(Counter(rirs).items())),
        perceived=failures["perceived"],
        technical=failures["technical"],
    )


# -- progress over sessions ------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Per session, oldest first: (day, value) points ready for a chart or a table."""

    name: str
    best_e1rm_kg: list[Point]
    volume_kg: list[Point]
    calm_avg_s: list[Point]  # average time to calm between its sets (conditioning)


def progress(sessions: Iterable[Session]) -> dict[str, Progress]:
    """Every exercise's progress, by exercise key, in one pass over sessions fed oldest first.

    A session without a figure (no e1RM for bodyweight work, no calm time logged, no working
    sets) leaves no point; the day is the session's start in its own UTC offset.
    """
    series: dict[str, Progress] = {}
    for session in sessions:
        day = session.started_at.date()
        for exercise in exercises_of(session):
            numbers = exercise_numbers(exercise)
            if not numbers.working_sets:
                continue
            line = series.setdefault(numbers.key, Progress(numbers.name, [], [], []))
            calm = rest_numbers(exercise.sets).calm_avg_s
            if numbers.best_e1rm_kg is not None:
                line.best_e1rm_kg.append((day, numbers.best_e1rm_kg))
            line.volume_kg.append((day, numbers.volume_kg))
            if calm is not None:
                line.calm_avg_s.append((day, calm))
    return series
