"""A realistic synthetic training history, written through the store's public API.

    python -m bench.make_history --years 10 [--out DIR] [--seed N]

About four sessions a week (a missed week now and then), built-in routines that change
over the years, 5–7 exercises a session, 3–5 working sets each, warm-ups before the big
lifts, reps in reserve and "why did you stop", planned and actual rests, time to calm on
some rests, notes, and a test set now and then. Loads climb slowly with deloads.
Ten years come to about 2,000 sessions and 50,000 sets.

Deterministic: the same seed and parameters give the same sessions (ids included). Written
with `Store.add_finished`, one batch per year (one write per year file). Without --out the
history goes to the benchmark cache (`.cache/bench/`), keyed by its parameters.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.catalog import CATALOG, Exercise
from tui.core.live import plan_session
from tui.core.model import Calibration, CheckIn, ExerciseLog, PlannedExercise, Session, SetLog
from tui.core.routines import BUILT_IN
from tui.store.repository import Store

GENERATOR_VERSION = 1  # bump when the generated history changes shape
ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
END = datetime(2026, 6, 1, tzinfo=timezone(timedelta(hours=1)))  # fixed: the same store every day
ZONE = END.tzinfo
TRAINING_DAYS = (0, 1, 3, 5)  # Monday, Tuesday, Thursday, Saturday
# The program changes over the years, as lifters' programs do.
PROGRAMS = (
    ("full-body-a", "full-body-b"),
    ("upper", "lower"),
    ("push", "pull", "legs"),
    ("upper", "lower", "full-body-a", "full-body-b"),
)
ROUTINES = {routine.id: routine for routine in BUILT_IN}
EXTRAS = (
    "face_pull",
    "hammer_curl",
    "hanging_leg_raise",
    "cable_fly",
    "leg_extension",
    "rear_delt_fly",
    "seated_calf_raise",
    "overhead_triceps_extension",
    "shrug",
    "back_extension",
)
NOTES = (
    "felt fast",
    "left knee a bit cranky",
    "new belt",
    "slept badly",
    "gym crowded",
    "grip gave out",
    "great pump",
)


@dataclass(frozen=True)
class HistoryStats:
    sessions: int
    sets: int
    working_sets: int
    warmup_sets: int
    test_sets: int
    first: datetime
    last: datetime

    def line(self) -> str:
        return (
            f"{self.sessions} sessions, {self.sets} sets ({self.working_sets} working, "
            f"{self.warmup_sets} warm-up, {self.test_sets} test), "
            f"{self.first:%Y-%m-%d} to {self.last:%Y-%m-%d}"
        )


class Lifter:
    """Deterministic choices for one synthetic lifter."""

    def __init__(self, seed: int, start: datetime) -> None:
        self.rng = random.Random(seed)
        self.start = start
        self.base: dict[str, float] = {}  # exercise id -> starting working weight (kg)

    def make_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def working_weight(self, exercise: Exercise, at: datetime) -> float:
        """Strength climbs fast at first, then slowly; a deload every eighth week."""
        if exercise.id not in self.base:
            low, high = (40, 80) if exercise.is_compound else (8, 25)
            self.base[exercise.id] = self.rng.uniform(low, high)
        years = (at - self.start).days / 365.25
        gain = 1 + 0.9 * (1 - math.exp(-years / 2.5))
        if (at - self.start).days // 7 % 8 == 7:
            gain *= 0.9
        weight = self.base[exercise.id] * gain * self.rng.uniform(0.97, 1.03)
        step = exercise.increment("kg")
        return max(step, round(weight / step) * step)

    def rir(self) -> float:
        return self.rng.choice((0.0, 0.5, 1.0, 1.0, 1.5, 2.0, 2.0, 2.0, 2.5, 3.0, 4.0))


def session_days(years: float, rng: random.Random) -> list[datetime]:
    """Training days over `years` up to END: four a week, a few weeks off each year."""
    start = END - timedelta(days=round(years * 365.25))
    days = []
    day = start
    skipping_until = start
    while day < END:
        if day >= skipping_until and day.weekday() == 0 and rng.random() < 0.025:
            skipping_until = day + timedelta(days=7 * rng.choice((1, 1, 2)))
        if day >= skipping_until and day.weekday() in TRAINING_DAYS and rng.random() > 0.02:
            hour = rng.choice((7, 12, 17, 18, 18, 19))
            days.append(day.replace(hour=hour, minute=rng.randrange(0, 60, 5)))
        day += timedelta(days=1)
    return days


Plan = tuple[str, str, tuple[PlannedExercise, ...]]  # routine id, name, exercises


def plan_for(lifter: Lifter, index: int, years_in: float) -> Plan:
    program = PROGRAMS[min(int(years_in / 2.5), len(PROGRAMS) - 1)]
    routine = ROUTINES[program[index % len(program)]]
    plan = list(routine.exercises)
    rng = lifter.rng
    if len(plan) < 7 and rng.random() < 0.6:  # 5–7 exercises: an accessory added on the fly
        extra = CATALOG[rng.choice(EXTRAS)]
        if all(p.catalog_id != extra.id for p in plan):
            plan.append(PlannedExercise(name=extra.name, sets=3, reps=12, catalog_id=extra.id))
    if len(plan) > 5 and rng.random() < 0.15:  # short on time: the last one dropped
        plan.pop()
    return routine.id, routine.name, tuple(plan)


def exercise_sets(
    lifter: Lifter,
    exercise: Exercise,
    planned: PlannedExercise,
    clock: list[datetime],
    first_of_session: bool,
    compound_rank: int,
    test_set: bool,
) -> list[SetLog]:
    """The sets of one exercise; `clock` holds the running time of the session."""
    rng = lifter.rng
    top = lifter.working_weight(exercise, clock[0])
    bodyweight = exercise.equipment == "bodyweight"
    if bodyweight:
        top = 0.0 if rng.random() < 0.6 else round(top / 4 / 2.5) * 2.5  # added load
    rest_planned = planned.rest_s or exercise.rest_s
    sets: list[SetLog] = []

    def add(kind: str, weight: float, reps: int, rir: float | None, **more: object) -> None:
        nonlocal first_of_session
        rest_actual = calm = None
        planned_rest: int | None = None
        if not first_of_session:
            planned_rest = rest_planned if kind == "working" else 60
            rest_actual = round(planned_rest * rng.uniform(0.75, 1.45), 1)
            if rng.random() < 0.4:
                calm = round(rng.uniform(25, min(110, rest_actual)), 1)
            clock[0] += timedelta(seconds=rest_actual + rng.uniform(20, 50))
        else:
            clock[0] += timedelta(seconds=rng.uniform(20, 50))
        first_of_session = False
        sets.append(
            SetLog(
                id=lifter.make_id(),
                kind=kind,
                weight=weight,
                reps=reps,
                logged_at=clock[0],  # type: ignore[arg-type]
                unit="kg",
                bodyweight=bodyweight,
                rir=rir,
                rest_planned_s=planned_rest,
                rest_actual_s=rest_actual,
                calm_after_s=calm,
                **more,  # type: ignore[arg-type]
            )
        )

    if exercise.is_compound and compound_rank < 2 and not bodyweight:
        for fraction in (0.4, 0.6, 0.8)[: rng.choice((1, 2, 2, 3))]:
            step = exercise.increment("kg")
            weight = max(step, round(top * fraction / step) * step)
            add("warmup", weight, rng.choice((5, 8, 10)), None)
    count = max(3, min(5, planned.sets + rng.choice((-1, 0, 0, 1, 1))))
    reps = planned.reps
    for number in range(count):
        done = max(1, reps + rng.choice((-2, -1, 0, 0, 0, 1)) - number // 2)
        rir = lifter.rir()
        failure = None
        if rir <= 1 and rng.random() < 0.5:
            failure = rng.choice(("perceived", "perceived", "technical"))
        more: dict[str, object] = {"failure": failure}
        if rng.random() < 0.03:
            more["note"] = rng.choice(NOTES)
        if test_set and number == count - 1:
            # A test set: stop where they would have, say the reps left, then go to form failure.
            extra = int(rir) + rng.choice((0, 1, 1, 2, 3))
            more = {
                "failure": "technical",
                "calibration": Calibration(
                    reps_at_stop=done, predicted_rir=rir, total_reps=done + extra
                ),
            }
            done += extra
        add("working", top, min(done, 100), rir, **more)
    return sets


def make_session(lifter: Lifter, index: int, started_at: datetime) -> Session:
    rng = lifter.rng
    years_in = (started_at - lifter.start).days / 365.25
    routine_id, name, plan = plan_for(lifter, index, years_in)
    checkin = None
    if rng.random() < 0.8:
        checkin = CheckIn(*(rng.choice((2, 3, 3, 4, 4, 5)) for _ in range(3)))
    session = plan_session(
        name, plan, started_at, routine_id=routine_id, checkin=checkin, make_id=lifter.make_id
    )
    clock = [started_at]
    test_exercise = rng.randrange(len(plan)) if rng.random() < 0.05 else -1
    exercises: list[ExerciseLog] = []
    compound_rank = 0
    for position, (log, planned) in enumerate(zip(session.exercises, plan, strict=True)):
        exercise = CATALOG[planned.catalog_id or ""]
        test_set = position == test_exercise and exercise.equipment != "bodyweight"
        sets = exercise_sets(
            lifter, exercise, planned, clock, position == 0, compound_rank, test_set
        )
        compound_rank += exercise.is_compound
        exercises.append(replace(log, sets=tuple(sets)))
    ended_at = clock[0] + timedelta(minutes=rng.randint(2, 8))
    notes = rng.choice(NOTES) if rng.random() < 0.05 else ""
    return replace(session, exercises=tuple(exercises), ended_at=ended_at, notes=notes)


def generate(years: float, seed: int) -> list[Session]:
    """The sessions of the synthetic history, oldest first (no I/O)."""
    day_rng = random.Random(seed * 7919 + 1)
    days = session_days(years, day_rng)
    lifter = Lifter(seed, days[0] if days else END)
    return [make_session(lifter, index, day) for index, day in enumerate(days)]


def stats_of(sessions: list[Session]) -> HistoryStats:
    sets = [s for session in sessions for s in session.sets]
    working = sum(s.is_working for s in sets)
    return HistoryStats(
        sessions=len(sessions),
        sets=len(sets),
        working_sets=working,
        warmup_sets=len(sets) - working,
        test_sets=sum(s.calibration is not None for s in sets),
        first=sessions[0].started_at if sessions else END,
        last=sessions[-1].started_at if sessions else END,
    )


def make_history(out: Path, *, years: float = 10, seed: int = 1) -> HistoryStats:
    """Write the synthetic history into the store in `out` (which must hold no store yet)."""
    out = Path(out)
    history = out / "history"
    if (out / "index.json").exists() or history.is_dir() and any(history.iterdir()):
        raise FileExistsError(f"{out} already holds a OneMore store; give an empty folder")
    sessions = generate(years, seed)
    by_year: dict[int, list[Session]] = {}
    for session in sessions:
        by_year.setdefault(session.started_at.year, []).append(session)
    with Store(out, now=lambda: END) as store:
        for _, batch in sorted(by_year.items()):
            store.add_finished(batch)  # one durable write per year file
    return stats_of(sessions)


def code_version() -> str:
    """A hash of the code that decides what a store holds: a changed index is a new cache entry.

    (An index written by older code would be rebuilt at every start of a copy, and time that.)
    """
    digest = hashlib.sha256()
    sources = [
        Path(__file__),
        *sorted((ROOT / "tui" / "core").glob("*.py")),
        *sorted((ROOT / "tui" / "store").glob("*.py")),
    ]
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:10]


def cache_key(years: float, seed: int) -> str:
    return f"history-v{GENERATOR_VERSION}-y{years:g}-s{seed}-{code_version()}"


def cached_history(
    years: float = 10, seed: int = 1, *, say: Callable[[str], None] = lambda line: None
) -> Path:
    """The store for these parameters under .cache/bench/, made the first time it is asked for.

    Read it, or copy it before writing to it: it is shared by every benchmark run.
    """
    target = CACHE / cache_key(years, seed)
    if (target / "index.json").exists():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"history-v*-y{years:g}-s{seed}-*"):
        shutil.rmtree(stale, ignore_errors=True)  # made by older code: never read again
    started = time.perf_counter()
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=CACHE))
    try:
        stats = make_history(building / "store", years=years, seed=seed)
        (building / "store" / "onemore.lock").unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        (building / "store").rename(target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    say(f"made the {years:g}-year history in {time.perf_counter() - started:.1f} s: {stats.line()}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=float, default=10, help="years of history (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--out",
        type=Path,
        help="an empty folder for the store (default: the benchmark cache under .cache/bench/)",
    )
    args = parser.parse_args(argv)
    if args.out is None:
        path = cached_history(args.years, args.seed, say=print)
        print(path)
        return 0
    started = time.perf_counter()
    try:
        stats = make_history(args.out, years=args.years, seed=args.seed)
    except FileExistsError as problem:
        print(f"make_history: {problem}", file=sys.stderr)
        return 1
    print(f"{stats.line()} in {time.perf_counter() - started:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
