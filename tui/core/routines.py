"""Routines: the built-in starter plans, and routines read from the lifter's TOML files.

A routine file looks like this (every key but `name` of an exercise is optional):

    name = "Leg day"

    [[exercises]]
    name = "Squat (Barbell)"   # a catalog name or alias, or any name of your own
    sets = 3
    reps = 5                   # or a range, reps = "8-12": more reps, then more load
    rir = 2                    # target reps in reserve
    weight = 100               # starting weight, in your unit
    rest_s = 180               # rest after each set, seconds
"""

from __future__ import annotations

import re
from typing import Any

from tui.core.catalog import find_or_custom
from tui.core.model import ModelError, PlannedExercise, Routine, number_field, whole_field

EXERCISE_KEYS = {"name", "sets", "reps", "rir", "weight", "rest_s"}


class RoutineError(ValueError):
    """What is wrong with a routine, and which exercise (1-based) if one is to blame."""

    def __init__(self, message: str, exercise: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exercise = exercise


def planned(name: str, sets: int, reps: int, rir: float = 2) -> PlannedExercise:
    exercise = find_or_custom(name)
    return PlannedExercise(
        name=exercise.name, sets=sets, reps=reps, rir=rir, catalog_id=exercise.id
    )


BUILT_IN: tuple[Routine, ...] = (
    Routine(
        "full-body-a",
        "Full body A",
        (
            planned("barbell_back_squat", 3, 5),
            planned("barbell_bench_press", 3, 5),
            planned("barbell_row", 3, 8),
            planned("romanian_deadlift", 3, 8),
            planned("lateral_raise", 3, 12),
            planned("cable_crunch", 3, 12),
        ),
    ),
    Routine(
        "full-body-b",
        "Full body B",
        (
            planned("conventional_deadlift", 3, 5),
            planned("overhead_press", 3, 6),
            planned("lat_pulldown", 3, 10),
            planned("bulgarian_split_squat", 3, 8),
            planned("dumbbell_curl", 3, 12),
            planned("triceps_pushdown", 3, 12),
        ),
    ),
    Routine(
        "upper",
        "Upper",
        (
            planned("barbell_bench_press", 4, 6),
            planned("barbell_row", 4, 8),
            planned("overhead_press", 3, 8),
            planned("lat_pulldown", 3, 10),
            planned("triceps_pushdown", 3, 12),
            planned("dumbbell_curl", 3, 12),
        ),
    ),
    Routine(
        "lower",
        "Lower",
        (
            planned("barbell_back_squat", 4, 5),
            planned("romanian_deadlift", 3, 8),
            planned("leg_press", 3, 10),
            planned("seated_leg_curl", 3, 12),
            planned("standing_calf_raise", 3, 12),
        ),
    ),
    Routine(
        "push",
        "Push",
        (
            planned("barbell_bench_press", 4, 6),
            planned("overhead_press", 3, 8),
            planned("incline_dumbbell_bench_press", 3, 10),
            planned("lateral_raise", 3, 15),
            planned("triceps_pushdown", 3, 12),
        ),
    ),
    Routine(
        "pull",
        "Pull",
        (
            planned("conventional_deadlift", 3, 5),
            planned("pull_up", 3, 8),
            planned("seated_cable_row", 3, 10),
            planned("face_pull", 3, 15),
            planned("barbell_curl", 3, 12),
        ),
    ),
    Routine(
        "legs",
        "Legs",
        (
            planned("barbell_back_squat", 4, 6),
            planned("bulgarian_split_squat", 3, 8),
            planned("leg_extension", 3, 12),
            planned("lying_leg_curl", 3, 12),
            planned("seated_calf_raise", 3, 15),
        ),
    ),
)


_RANGE = re.compile(r"\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*")


def reps_of(value: Any) -> tuple[int, int | None]:
    """`reps = 5` → (5, None); `reps = "8-12"` → (8, 12), a range that must go up."""
    if isinstance(value, str):
        found = _RANGE.fullmatch(value)
        if found is None:
            raise ModelError('reps must be a whole number or a range such as "8-12"')
        low, high = int(found[1]), int(found[2])
        if not low < high:
            raise ModelError(f"a rep range goes up: {low}-{high} does not")
        return low, high
    return whole_field(value, "reps"), None


def planned_from(entry: Any) -> PlannedExercise:
    if not isinstance(entry, dict):
        raise ModelError("each [[exercises]] entry must be a table")
    unknown = set(entry) - EXERCISE_KEYS
    if unknown:
        raise ModelError(
            f"unknown key '{sorted(unknown)[0]}' (known: {', '.join(sorted(EXERCISE_KEYS))})"
        )
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ModelError('it needs a name, e.g. name = "Squat (Barbell)"')
    exercise = find_or_custom(name)
    reps, reps_top = reps_of(entry.get("reps", 8))
    return PlannedExercise(
        name=exercise.name,
        sets=whole_field(entry.get("sets", 3), "sets"),
        reps=reps,
        reps_top=reps_top,
        rir=number_field(entry["rir"], "rir") if "rir" in entry else 2.0,
        weight=number_field(entry["weight"], "weight") if "weight" in entry else None,
        rest_s=whole_field(entry["rest_s"], "rest_s") if "rest_s" in entry else None,
        catalog_id=exercise.id,
    )


def routine_from(data: dict[str, Any], routine_id: str, source: str) -> Routine:
    """A Routine from parsed TOML; RoutineError says what is wrong and where."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RoutineError('the routine needs a name, e.g. name = "Leg day"')
    entries = data.get("exercises")
    if not isinstance(entries, list) or not entries:
        raise RoutineError("the routine needs at least one [[exercises]] entry")
    exercises = []
    for number, entry in enumerate(entries, start=1):
        try:
            exercises.append(planned_from(entry))
        except ModelError as problem:
            raise RoutineError(str(problem), exercise=number) from problem
    return Routine(routine_id, name.strip(), tuple(exercises), source=source)
