"""The coach: readiness from the check-in, a simpler plan on bad days, and rests.

The targets themselves come from what was lifted (`tui.core.targets`, with the effort model of
`tui.core.effort` and the lifter's bias of `tui.core.bias`).

Readiness rule (documented in the README too):
    Each answered check-in item counts 1 (bad) to 5 (good; for stress 5 means calm).
    A day is LOW when the average of the answered items is 2.5 or less, or any item is 1.
    A day is GOOD when the average is 4 or more and no item is below 3.
    Otherwise, or when nothing was answered, it is NORMAL.
On a low day the coach proposes: coordination-heavy lifts swapped for a stable variant, one
set fewer per exercise (never below one), and 30 s more rest. The lifter takes all, none, or
some. These are training suggestions, not medical advice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from tui.core.catalog import Exercise, find, simpler_swap
from tui.core.model import CheckIn, PlannedExercise

Readiness = Literal["low", "normal", "good"]
EXTRA_REST_S = 30


def readiness(checkin: CheckIn | None) -> Readiness:
    """How ready the lifter is today, by the rule in this module's docstring."""
    answers = (
        []
        if checkin is None
        else [a for a in (checkin.sleep, checkin.stress, checkin.energy) if a is not None]
    )
    if not answers:
        return "normal"
    average = sum(answers) / len(answers)
    if average <= 2.5 or min(answers) == 1:
        return "low"
    if average >= 4 and min(answers) >= 3:
        return "good"
    return "normal"


def readiness_line(level: Readiness) -> str:
    return {
        "low": "A tough day. A simpler plan keeps the quality up.",
        "normal": "A normal day. Train as planned.",
        "good": "A good day. Train as planned and answer honestly.",
    }[level]


@dataclass(frozen=True)
class PlanChange:
    """One proposed change to today's plan, with one line of why."""

    kind: Literal["swap", "fewer_sets", "longer_rest"]
    position: int  # which exercise of the plan
    what: str
    why: str
    swap_to: str | None = None  # the catalog id for a swap


def rest_for(
    exercise: Exercise,
    planned_rest_s: int | None,
    compound_override_s: int | None = None,
    isolation_override_s: int | None = None,
) -> int:
    """Planned rest: the routine's, else the lifter's own default for this kind of lift,
    else the exercise's (180 s for compound lifts, 90–120 s for isolation work)."""
    if planned_rest_s is not None:
        return planned_rest_s
    override = compound_override_s if exercise.is_compound else isolation_override_s
    return override if override is not None else exercise.rest_s


def bad_day_changes(plan: tuple[PlannedExercise, ...]) -> list[PlanChange]:
    """The simpler plan for a low day: each swap on its own, then one set fewer on every
    exercise, then longer rests — few enough that each is toggled with one key."""
    changes: list[PlanChange] = []
    for position, planned in enumerate(plan):
        exercise = find(planned.catalog_id or planned.name)
        swap = simpler_swap(exercise) if exercise is not None else None
        if swap is not None:
            changes.append(
                PlanChange(
                    "swap",
                    position,
                    f"{planned.name} → {swap.name}",
                    "Fewer things to balance: the muscle ends the set, not the focus.",
                    swap_to=swap.id,
                )
            )
    if any(p.sets > 1 for p in plan):
        changes.append(
            PlanChange(
                "fewer_sets",
                -1,
                "One set fewer on every exercise",
                "Keep the quality of each set; drop the last, hardest one.",
            )
        )
    if plan:
        changes.append(
            PlanChange(
                "longer_rest",
                -1,
                f"Rest {EXTRA_REST_S} s longer between sets",
                "A stressful day: the brain needs longer to calm down between sets.",
            )
        )
    return changes


def apply_changes(
    plan: tuple[PlannedExercise, ...], changes: list[PlanChange], default_rest: list[int]
) -> tuple[PlannedExercise, ...]:
    """The plan with the accepted changes; `default_rest` is each exercise's rest without them."""
    result = list(plan)
    kinds = {c.kind for c in changes}
    for change in changes:
        if change.kind == "swap" and change.swap_to is not None:
            swap = find(change.swap_to)
            assert swap is not None
            result[change.position] = replace(
                result[change.position], name=swap.name, catalog_id=swap.id, weight=None
            )
    if "fewer_sets" in kinds:
        result = [replace(p, sets=max(1, p.sets - 1)) for p in result]
    if "longer_rest" in kinds:
        result = [replace(p, rest_s=default_rest[i] + EXTRA_REST_S) for i, p in enumerate(result)]
    return tuple(result)
