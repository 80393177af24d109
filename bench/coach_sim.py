"""Simulated lifters against the old coach and the new one (issue 14).

    python -m bench.run --only coach        # or: python -m bench.coach_sim

A lifter has a true e1RM that grows slowly with effective training, a readiness that varies
from day to day, fatigue from set to set, and a known RIR bias: they under-predict their
reps in reserve by `bias` reps at 2 or more left (half that close to failure), with noise.
They do the target's reps unless their form breaks first (a technical stop: real failure)
or they *feel* they cannot do one more (a perceived stop), then answer "one more rep?" with
their bias. Every fourth session the last set of each exercise is a test set: they go on
until form breaks, which the new coach uses for the bias and the old one ignores.

Twelve weeks, three sessions a week, squat 3×5 @2 and bench press 3×8 @2, starting from a
cautious guess. Reported per bias and coach, over weeks 5–12:
- MAE real RIR: mean |real reps in reserve − planned RIR| of the working sets (the goal:
  within 0.75 reps);
- MAE RTF: mean |estimated − real reps to failure|, the old estimate being the raw answer
  (reps + said RIR) and the new the corrected one (`tui.core.effort`);
- unplanned failures: working sets (not test sets) ended by form breaking, all 12 weeks;
- the true e1RM of the squat at the end (it grows faster the closer the sets are to plan).
"""

from __future__ import annotations

import random
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

from bench.common import Row
from tui.core.bias import bias_for
from tui.core.calibration import CalibrationSet
from tui.core.catalog import Exercise, find
from tui.core.effort import effort
from tui.core.entry import Target
from tui.core.model import Failure, PlannedExercise, SetLog, new_id
from tui.core.targets import Plan, fatigue_reps, first_of_day, within_session

BIASES = (0.0, 1.0, 2.0, 3.0)
WEEKS = 12
SESSIONS_PER_WEEK = 3
FROM_WEEK = 5  # the MAE counts from here: the first four weeks are for learning
TEST_EVERY = 4  # sessions
SEEDS = 8
START = datetime(2026, 1, 5, 18, 0, tzinfo=timezone.utc)
GOAL_MAE = 0.75


@dataclass(frozen=True)
class Lift:
    exercise: Exercise
    planned: PlannedExercise
    true_e1rm: float


def lifts() -> list[Lift]:
    squat, bench = find("barbell_back_squat"), find("barbell_bench_press")
    assert squat is not None and bench is not None
    return [
        Lift(squat, PlannedExercise(squat.name, 3, 5, 2.0, 80.0, catalog_id=squat.id), 120.0),
        Lift(bench, PlannedExercise(bench.name, 3, 8, 2.0, 55.0, catalog_id=bench.id), 85.0),
    ]


# -- the lifter -----------------------------------------------------------------------------


@dataclass
class Lifter:
    bias: float
    rng: random.Random
    e1rm: dict[str, float]
    noise: float = 0.6

    def under(self, left: float) -> float:
        """How many reps the lifter does not feel, with `left` really left."""
        return self.bias * min(1.0, 0.5 + 0.25 * max(0.0, left))

    def perceived(self, left: float, noise: float) -> float:
        return left - self.under(left) + noise


@dataclass(frozen=True)
class Done:
    """One set as lifted: what the app logs, and what only the simulation knows."""

    log: SetLog
    real_rir: int
    real_rtf: int
    unplanned_failure: bool
    calibration: CalibrationSet | None = None


def lift_set(
    lifter: Lifter, capacity: float, target: Target, planned_rir: float, *, test: bool, at: datetime
) -> Done:
    """The lifter does `target` (or stops earlier), answers, and for a test set goes on."""
    weight = target.weight or 0.0
    rtf = max(0.0, 30 * (capacity / weight - 1)) if weight > 0 else 30.0
    most = int(rtf)  # the reps the lifter can really do before form breaks
    wanted = target.reps or 5
    noise = lifter.rng.gauss(0, lifter.noise)
    reps, failure = 0, None
    while reps < wanted:
        if most - reps < 1:
            failure = "technical"
            break
        if lifter.perceived(most - reps - 1, noise) < -0.5 and not test:
            failure = "perceived"  # feels like this rep cannot be done: stops, form intact
            break
        reps += 1
    left = most - reps
    said = max(0.0, min(5.0, float(round(lifter.perceived(left, noise)))))
    kind: Failure | None = failure  # type: ignore[assignment]
    if kind is None and said == 0:
        kind = "technical" if left == 0 else "perceived"
    log = SetLog(new_id(), "working", weight, reps, at, rir=said, failure=kind)
    if not test or reps == 0:
        return Done(log, left, most, left == 0)
    calibration = CalibrationSet("sim", at, "", "", weight, False, reps, said, most)
    tested = replace(log, reps=most, rir=0.0, failure="technical")
    return Done(tested, 0.0, most, False, calibration)


# -- the coaches ----------------------------------------------------------------------------


def old_first(planned: PlannedExercise, previous: Sequence[SetLog], increment: float) -> Target:
    """The coach before issue 14: last time's heaviest working set, one step up when easy."""
    working = [s for s in previous if s.is_working]
    if not working:
        return Target(planned.weight, planned.reps, planned.rir)
    top = max(working, key=lambda s: (s.weight, s.reps))
    wanted = planned.rir if planned.rir is not None else 2
    easy = all(s.reps >= planned.reps and s.rir is not None and s.rir > wanted for s in working)
    return Target(top.weight + (increment if easy else 0), planned.reps, planned.rir)


def old_next(target: Target, done: SetLog, increment: float) -> Target:
    """After a set: the load just done and the planned reps; nudged after the answer."""
    target = replace(target, weight=done.weight)
    if done.failure == "perceived" and target.reps is not None:
        return replace(target, reps=target.reps + 1) if target.reps < 12 else target
    rir = done.rir
    if rir is not None and rir >= 3 and target.rir is not None and target.rir <= 1:
        return replace(target, weight=(target.weight or 0) + increment)
    return target


@dataclass
class Record:
    rir_errors: list[float] = field(default_factory=list)
    rtf_errors: list[float] = field(default_factory=list)
    unplanned_failures: int = 0
    working_sets: int = 0
    end_e1rm: float = 0.0


def simulate(bias: float, coach: str, seed: int) -> Record:
    rng = random.Random(seed * 1000 + int(bias * 10))
    plan = lifts()
    lifter = Lifter(bias, rng, {p.exercise.id: p.true_e1rm for p in plan})
    history: dict[str, list[list[SetLog]]] = {p.exercise.id: [] for p in plan}
    tests: list[CalibrationSet] = []
    record = Record()
    for number in range(WEEKS * SESSIONS_PER_WEEK):
        at = START + timedelta(days=number * 7 / SESSIONS_PER_WEEK)
        week = number // SESSIONS_PER_WEEK + 1
        readiness = rng.gauss(1.0, 0.03)
        for lift in plan:
            key, planned = lift.exercise.id, lift.planned
            increment = lift.exercise.increment("kg")
            rir = planned.rir or 2.0
            bias_now = bias_for(key, [replace(t, exercise_key=key) for t in tests])
            past = history[key]
            if coach == "old":
                target = old_first(planned, past[-1] if past else [], increment)
            else:
                efforts = [[effort(s, bias_now, rir) for s in p] for p in past[-3:]]
                target = first_of_day(efforts, Plan.of(planned), lift.exercise, "kg").target
            capacity = lifter.e1rm[key] * readiness
            today: list[SetLog] = []
            stimulus = 0.0
            for number_of_set in range(planned.sets):
                test = number % TEST_EVERY == TEST_EVERY - 1 and number_of_set == planned.sets - 1
                done = lift_set(lifter, capacity, target, rir, test=test, at=at)
                today.append(done.log)
                if done.calibration is not None:
                    tests.append(done.calibration)
                else:
                    estimate = effort(
                        done.log, bias_now if coach == "new" else bias_for(key, []), rir
                    )
                    if week >= FROM_WEEK:
                        record.rir_errors.append(abs(done.real_rir - rir))
                        record.rtf_errors.append(abs(estimate.to_failure - done.real_rtf))
                    record.unplanned_failures += done.unplanned_failure
                    record.working_sets += 1
                left = 0 if done.calibration else done.real_rir
                stimulus += 1.0 if left <= 3 else max(0.0, 1 - (left - 3) / 3)
                capacity *= 0.97  # fatigue from set to set
                if coach == "old":
                    target = old_next(target, done.log, increment)
                else:
                    efforts_today = [effort(s, bias_now, rir) for s in today]
                    fatigue = fatigue_reps(
                        [[effort(s, bias_now, rir) for s in p] for p in past[-3:]]
                    )
                    advice = within_session(efforts_today, Plan.of(planned), lift.exercise, fatigue)
                    target = advice.target
            # effective sets make strength: up to 0.3 % a session at three good sets
            lifter.e1rm[key] *= 1 + 0.001 * stimulus
            history[key].append(today)
    record.end_e1rm = lifter.e1rm["barbell_back_squat"]
    return record


@dataclass(frozen=True)
class Figures:
    bias: float
    coach: str
    mae_rir: float
    mae_rtf: float
    unplanned_failures: float  # per lifter over the 12 weeks
    working_sets: float  # per lifter over the 12 weeks, test sets not counted
    end_e1rm: float


def measure(seeds: int = SEEDS) -> list[Figures]:
    """The figures of every bias and coach, each the mean of `seeds` simulated lifters."""
    figures = []
    for bias in BIASES:
        for coach in ("old", "new"):
            runs = [simulate(bias, coach, seed) for seed in range(seeds)]
            figures.append(
                Figures(
                    bias,
                    coach,
                    statistics.fmean(e for r in runs for e in r.rir_errors),
                    statistics.fmean(e for r in runs for e in r.rtf_errors),
                    statistics.fmean(r.unplanned_failures for r in runs),
                    statistics.fmean(r.working_sets for r in runs),
                    statistics.fmean(r.end_e1rm for r in runs),
                )
            )
    return figures


def rows(figures: Sequence[Figures]) -> list[Row]:
    """One row per bias for the `make bench` table: the new coach's MAE against the goal."""
    by = {(f.bias, f.coach): f for f in figures}
    return [
        Row(
            f"coach, bias {bias:.0f}: real RIR off plan",
            f"{by[bias, 'new'].mae_rir:.2f} reps (old {by[bias, 'old'].mae_rir:.2f})",
            f"{by[bias, 'new'].mae_rir / by[bias, 'old'].mae_rir:.2f}× old",
            f"≤ {GOAL_MAE} reps",
            by[bias, "new"].mae_rir <= GOAL_MAE,
        )
        for bias in BIASES
    ]


def lines(figures: Sequence[Figures]) -> list[str]:
    head = "| bias | coach | MAE real RIR | MAE RTF | unplanned failures | squat e1RM wk 12 |"
    rule = "|------|-------|--------------|---------|--------------------|------------------|"
    rows = [
        f"| {f.bias:.0f} | {f.coach} | {f.mae_rir:.2f} | {f.mae_rtf:.2f} | "
        f"{f.unplanned_failures:.1f} | {f.end_e1rm:.1f} kg |"
        for f in figures
    ]
    sets = f"{figures[0].working_sets:.0f}" if figures else "0"
    note = (
        f"Mean of {SEEDS} lifters per row; MAE from week {FROM_WEEK}; unplanned failures per "
        f"lifter in {WEEKS} weeks, of {sets} working sets (test sets not counted)."
    )
    return [head, rule, *rows, "", note]


def main() -> int:
    print("\n".join(lines(measure())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
