"""The next set's target from what was lifted, each with one line of why.

Within a session (`within_session`): the load for the planned reps at the planned RIR from
today's working sets on the Epley curve, `load = C / (1 + (reps + RIR)/30)`, where C is the
weighted mean of each set's curve `w·(1 + (reps + real RIR)/30)` and each set weighs four
times the one before it (the latest weighs most: it carries today's fatigue). The next set
is planned closer to failure than the last by the lifter's own fatigue per set
(`fatigue_reps`: how many reps to failure their sets lost from one to the next in recent
sessions, shrunk toward `FATIGUE_REPS`, half a rep). Then:
- the answers say push (a full rep more left than planned, or a perceived stop at no fewer
  reps to failure than planned): never below the load just done; with a full rep more left
  than planned on the planned reps, at least one increment above it. A perceived stop counts
  as at least one more (`tui.core.effort`), so it moves the target up from where a technical
  stop at the same reps would put it;
- a technical stop early, or fewer reps than asked at no more reps left: never above it;
- at most `MAX_STEP` (10 %) from the load just done: one odd answer cannot throw a set far.

First set of the day (`first_of_day`): the same curve from the exercise's recent sessions,
each session's best set, the latest three weighted 1 : 2 : 4 (a trend, not one good day),
for the planned reps at the planned RIR, at most 10 % from last time's top load. Fixed reps
add at least the exercise's increment when every set last time reached the planned reps with
more left than planned. Rep ranges (`reps = "8-12"`) progress doubly: at last time's load one
rep more while the curve says the planned RIR holds, until the top of the range; then one
increment more and back to the bottom. A tough day plans one more rep in reserve (so a
lighter load from the same curve).

Every load is rounded to the nearest the gym can load (a multiple of the exercise's
increment), and the line says which way. Bodyweight sets keep their added load and move
the reps instead.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.catalog import Exercise
from tui.core.effort import Effort, load_for
from tui.core.entry import Target
from tui.core.model import LB_PER_KG, MAX_REPS, PlannedExercise

MAX_STEP = 0.10
FATIGUE_REPS = 0.5  # reps to failure a set loses to the one before: the prior, until measured
FATIGUE_PRIOR_PAIRS = 6  # the prior counts as this many measured pairs of sets
MAX_FATIGUE_REPS = 2.0
TREND_SESSIONS = 3
DEFAULT_RIR = 2.0
TOUGH_DAY_EXTRA_RIR = 1.0


@dataclass(frozen=True)
class Plan:
    """What the plan asks of each set: reps (the bottom of a range) at a number of reps left."""

    reps: int
    rir: float = DEFAULT_RIR
    top: int | None = None  # the top of a rep range: double progression
    weight: float | None = None  # the routine's starting weight, for a lift never done
    tough: bool = False  # a tough day: `rir` already holds the one more rep in reserve

    @classmethod
    def of(cls, planned: PlannedExercise, *, tough: bool = False) -> Plan:
        rir = DEFAULT_RIR if planned.rir is None else planned.rir
        top = planned.reps_top if planned.reps_top and planned.reps_top > planned.reps else None
        return cls(
            reps=planned.reps,
            rir=rir + (TOUGH_DAY_EXTRA_RIR if tough else 0.0),
            top=top,
            weight=planned.weight,
            tough=tough,
        )

    @property
    def reps_text(self) -> str:
        return f"{self.reps}" if self.top is None else f"{self.reps}–{self.top}"


@dataclass(frozen=True)
class Advice:
    """A target and the one line that says why."""

    target: Target
    why: str


def loadable(weight: float, increment: float) -> float:
    """The nearest load the gym can put on: a whole number of increments (halves go up)."""
    if increment <= 0:
        return round(weight, 3)
    return round(max(0, math.floor(weight / increment + 0.5)) * increment, 3)


def _in_unit(kg: float, unit: str) -> float:
    return kg * LB_PER_KG if unit == "lb" else kg


def _weighted(values: Sequence[float], ratio: float = 2.0) -> float:
    """Each value weighs `ratio` times the one before it."""
    weights = [ratio**i for i in range(len(values))]
    return sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)


def _rounding(raw: float, load: float, unit: str) -> str:
    if abs(raw - load) < 0.05:
        return ""
    return f" ({raw:.1f}, rounded {'up' if load > raw else 'down'})"


def _load_text(weight: float, unit: str, bodyweight: bool) -> str:
    if bodyweight:
        return "bodyweight" if weight == 0 else f"bw+{weight:g} {unit}"
    return f"{weight:g} {unit}"


def _tough(plan: Plan) -> str:
    return " A tough day: one more rep in reserve." if plan.tough else ""


# -- within a session ----------------------------------------------------------------------


def fatigue_reps(sessions: Sequence[Sequence[Effort]]) -> float:
    """Reps to failure a set loses to the one before it, from pairs of answered sets in
    earlier sessions (the curve of one set at the next one's load, minus what it had),
    shrunk toward `FATIGUE_REPS` as if it were `FATIGUE_PRIOR_PAIRS` pairs."""
    drops = []
    for sets in sessions:
        for before, after in itertools.pairwise(sets):
            loaded = not (before.bodyweight or after.bodyweight) and after.weight_kg > 0
            if loaded and before.known and after.known:
                predicted = 30 * (before.capacity_kg / after.weight_kg - 1)
                drops.append(predicted - after.to_failure)
    shrunk = (sum(drops) + FATIGUE_REPS * FATIGUE_PRIOR_PAIRS) / (len(drops) + FATIGUE_PRIOR_PAIRS)
    return min(MAX_FATIGUE_REPS, max(0.0, shrunk))


def within_session(
    today: Sequence[Effort], plan: Plan, lift: Exercise, fatigue: float = FATIGUE_REPS
) -> Advice:
    """The next set's target from today's working sets (at least one, oldest first)."""
    if not today:
        raise ValueError("within_session needs at least one working set")
    last = today[-1]
    if last.bodyweight or last.weight <= 0:
        return _reps_only(today, plan)
    unit = last.unit
    increment = lift.increment(unit)
    capacity = _in_unit(_weighted([e.capacity_kg for e in today], ratio=4.0), unit)
    reps, raw = _reps_and_raw(capacity, last.weight, plan, fatigue)
    raw = min(max(raw, last.weight * (1 - MAX_STEP)), last.weight * (1 + MAX_STEP))
    load = loadable(raw, increment)
    planned = reps + plan.rir
    push = last.known and (
        last.to_failure >= planned + 1
        or (last.failure == "perceived" and last.to_failure >= planned)
    )
    roomy = last.known and last.failure is None and last.rir >= plan.rir + 1 and last.reps >= reps
    short = last.reps < reps and (last.failure == "technical" or last.rir <= plan.rir)
    note = ""
    if push and load < last.weight:
        load, note = last.weight, " Never below what you just did when your answer says push."
    if roomy and reps <= last.reps and load <= last.weight:
        load = loadable(last.weight + increment, increment)
        note = " More left than planned: one step heavier."
    if short and not push and load > last.weight:
        load, note = last.weight, " Fewer reps than asked: not heavier."
    target = Target(weight=load, reps=reps, rir=plan.rir, unit=unit)
    tired = f", less {fatigue:.1f} rep for fatigue" if fatigue >= 0.25 else ""
    why = (
        f"Last set {last.line}. Next {reps} at {plan.rir:g} left{tired}: "
        f"{_load_text(load, unit, False)}{_rounding(raw, load, unit) if not note else ''}.{note}"
    )
    return Advice(target, why)


def _reps_and_raw(
    capacity: float, at: float, plan: Plan, fatigue: float = 0.0
) -> tuple[int, float]:
    """The reps to ask for and the unrounded load, for fixed reps or a rep range."""
    rir = plan.rir + fatigue
    if plan.top is None:
        return plan.reps, load_for(capacity, plan.reps + rir)
    possible = math.floor(30 * (capacity / at - 1) - rir + 0.5)
    if plan.reps <= possible <= plan.top:
        return possible, at
    reps = plan.top if possible > plan.top else plan.reps
    return reps, load_for(capacity, reps + rir)


def _reps_only(today: Sequence[Effort], plan: Plan) -> Advice:
    """Bodyweight (or no load): the added load stays, the reps follow the answers."""
    last = today[-1]
    to_failure = _weighted([e.to_failure for e in today])
    reps = max(1, min(MAX_REPS, math.floor(to_failure - plan.rir + 0.5)))
    if last.failure == "perceived" or (last.known and last.rir >= plan.rir + 1):
        reps = max(reps, last.reps + (0 if last.failure == "perceived" else 1))
    elif last.failure == "technical":
        reps = min(reps, last.reps)
    target = Target(
        weight=last.weight, reps=reps, rir=plan.rir, unit=last.unit, bodyweight=last.bodyweight
    )
    load = _load_text(last.weight, last.unit, last.bodyweight)
    return Advice(target, f"Last set {last.line}. At {load}: {reps} reps at {plan.rir:g} left.")


# -- the first set of the day --------------------------------------------------------------


def session_capacity_kg(sets: Sequence[Effort]) -> float | None:
    """A session's best Epley curve in kg, from its sets within 12 reps to failure when it
    has any (e1RM is trusted only there), else from all its loaded sets."""
    loaded = [e for e in sets if not e.bodyweight and e.weight > 0]
    trusted = [e.e1rm_kg for e in loaded if e.e1rm_kg is not None]
    if trusted:
        return max(trusted)
    return max((e.capacity_kg for e in loaded), default=None)


def first_of_day(
    sessions: Sequence[Sequence[Effort]], plan: Plan, lift: Exercise, unit: str
) -> Advice:
    """Today's first target from earlier sessions' working sets (oldest first)."""
    done = [s for s in sessions if s]
    if not done:
        target = Target(weight=plan.weight, reps=plan.reps, rir=plan.rir, unit=unit)
        if plan.weight is None:
            return Advice(target, "First time: pick a load you could lift for a few more reps.")
        return Advice(target, f"First time: the plan's {plan.weight:g} {unit}.{_tough(plan)}")
    last = done[-1]
    loaded = [e for e in last if not e.bodyweight and e.weight > 0]
    if not loaded:
        advice = _reps_only(last[:1], plan)
        return Advice(advice.target, advice.why.replace("Last set", "Last time", 1) + _tough(plan))
    top = max(loaded, key=lambda e: (e.weight_kg, e.reps))
    # In the lifter's unit, whatever last time was lifted (or imported) in.
    ref, increment = _in_unit(top.weight_kg, unit), lift.increment(unit)
    curves = [c for c in (session_capacity_kg(s) for s in done[-TREND_SESSIONS:]) if c]
    capacity = _in_unit(_weighted(curves), unit)
    trend = f"; the trend of your last {len(curves)} sessions says" if len(curves) > 1 else "."
    if plan.top is not None:
        return _double_progression(last, top, capacity, plan, increment, trend)
    raw = load_for(capacity, plan.reps + plan.rir)
    raw = min(max(raw, ref * (1 - MAX_STEP)), ref * (1 + MAX_STEP))
    load = loadable(raw, increment)
    easy = all(
        e.reps >= plan.reps and e.known and e.failure is None and e.rir > plan.rir for e in last
    )
    short = any(e.reps < plan.reps and e.rir <= plan.rir for e in last)
    note = ""
    if easy and not plan.tough and load < ref + increment:
        load = loadable(ref + increment, increment)
        note = f" Every set had more than {plan.rir:g} left: one step up."
    elif short and load > ref:
        load, note = ref, " Some sets fell short of the reps: not heavier."
    target = Target(weight=load, reps=plan.reps, rir=plan.rir, unit=unit)
    why = (
        f"Last time {top.line}{trend} {plan.reps} reps at {plan.rir:g} left: "
        f"{load:g} {unit}{_rounding(raw, load, unit) if not note else ''}.{note}{_tough(plan)}"
    )
    return Advice(target, why)


def _double_progression(
    last: Sequence[Effort], top: Effort, capacity: float, plan: Plan, increment: float, trend: str
) -> Advice:
    """Reps first, at last time's load, up to the top of the range; then load."""
    assert plan.top is not None
    at_load = [e for e in last if abs(e.weight - top.weight) < 1e-9 and e.unit == top.unit]
    best = max(at_load, key=lambda e: e.reps)
    if not plan.tough and all(e.reps >= plan.top and e.rir >= plan.rir for e in at_load):
        load = loadable(top.weight + increment, increment)
        target = Target(weight=load, reps=plan.reps, rir=plan.rir, unit=top.unit)
        why = (
            f"Last time {best.line}: the top of {plan.reps_text} at {plan.rir:g} left. "
            f"One step heavier and back to {plan.reps}: {load:g} {top.unit}."
        )
        return Advice(target, why)
    possible = math.floor(30 * (capacity / top.weight - 1) - plan.rir + 0.5)
    if best.rir >= plan.rir and best.failure is None:
        possible = max(possible, best.reps + 1)
    if possible < plan.reps:
        raw = load_for(capacity, plan.reps + plan.rir)
        load = loadable(max(raw, top.weight * (1 - MAX_STEP)), increment)
        load = min(load, top.weight)
        target = Target(weight=load, reps=plan.reps, rir=plan.rir, unit=top.unit)
        why = (
            f"Last time {best.line}: below {plan.reps_text} at {plan.rir:g} left. "
            f"{plan.reps} reps: {load:g} {top.unit}.{_tough(plan)}"
        )
        return Advice(target, why)
    reps = min(plan.top, possible)
    target = Target(weight=top.weight, reps=reps, rir=plan.rir, unit=top.unit)
    why = (
        f"Last time {best.line}{trend} {reps} of {plan.reps_text} reps at "
        f"{plan.rir:g} left at {top.weight:g} {top.unit}.{_tough(plan)}"
    )
    return Advice(target, why)
