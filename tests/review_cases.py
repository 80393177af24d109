"""Finished sessions to review, with fixed ids so their review JSON can be kept in a file.

Between them: PRs, warm-ups, failures, test sets (one, and enough over four months for a
trend), bodyweight sets with and without added load, sets logged in lb, a review in lb, a
first time, an unfinished session and one without sets. `tests/data/review_golden.json`
holds the JSON of each case as the dict-building review wrote it before the typed one.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import count

from tui.core.earlier import Earlier, earlier_than
from tui.core.model import Calibration, ExerciseLog, Session, SetLog

from .conftest import START

Case = tuple[Session, Earlier, str]  # the session, what came before it, the review's unit


class Builder:
    """Sessions and sets with ids counted from 1, so the same call gives the same ids."""

    def __init__(self) -> None:
        self._ids = count(1)

    def _id(self, what: str) -> str:
        return f"{what}-{next(self._ids)}"

    def set(
        self,
        weight: float,
        reps: int,
        rir: float | None = None,
        *,
        kind: str = "working",
        unit: str = "kg",
        bodyweight: bool = False,
        failure: str | None = None,
        planned: int | None = None,
        rested: float | None = None,
        calm: float | None = None,
        test: tuple[int, float, int] | None = None,
    ) -> SetLog:
        return SetLog(
            id=self._id("set"),
            kind=kind,  # type: ignore[arg-type]
            weight=weight,
            reps=reps,
            logged_at=START,
            unit=unit,  # type: ignore[arg-type]
            bodyweight=bodyweight,
            rir=rir,
            failure=failure,  # type: ignore[arg-type]
            rest_planned_s=planned,
            rest_actual_s=rested,
            calm_after_s=calm,
            calibration=None if test is None else Calibration(*test),
        )

    def exercise(self, name: str, catalog_id: str | None, *sets: SetLog) -> ExerciseLog:
        return ExerciseLog(id=self._id("exercise"), name=name, catalog_id=catalog_id, sets=sets)

    def session(
        self, *exercises: ExerciseLog, days: float = 0, name: str = "A", finished: bool = True
    ) -> Session:
        at = START + timedelta(days=days)
        return Session(
            id=self._id("session"),
            name=name,
            started_at=at,
            ended_at=at + timedelta(minutes=62, seconds=11) if finished else None,
            notes="felt strong" if finished else "",
            exercises=exercises,
        )


def squat(b: Builder, *sets: SetLog) -> ExerciseLog:
    return b.exercise("Barbell Back Squat", "barbell_back_squat", *sets)


def bench(b: Builder, *sets: SetLog) -> ExerciseLog:
    return b.exercise("Bench Press", "barbell_bench_press", *sets)


def pull_up(b: Builder, *sets: SetLog) -> ExerciseLog:
    return b.exercise("Pull-up", None, *sets)


def week_on_week(unit: str) -> Case:
    """Squat PRs against last week, a first bench with a test set, warm-ups, rests, stops."""
    b = Builder()
    before = b.session(squat(b, b.set(100, 5, 2), b.set(100, 5, 2)), days=-7)
    today = b.session(
        squat(
            b,
            b.set(60, 5, kind="warmup"),
            b.set(105, 5, 2, planned=180, rested=190, calm=60),
            b.set(100, 5, 1, planned=180, rested=170, calm=80),
        ),
        bench(
            b,
            b.set(80, 5, 0, failure="perceived", planned=120, rested=120),
            b.set(80, 8, 0, failure="technical", planned=180, rested=200, test=(6, 0, 8)),
        ),
    )
    return today, earlier_than([before], today), unit


def bodyweight_and_pounds() -> Case:
    """Pull-ups at bodyweight and with added load, a bench logged in lb, reviewed in kg."""
    b = Builder()
    before = b.session(
        pull_up(b, b.set(0, 8, 2, bodyweight=True), b.set(10, 5, 1, bodyweight=True)),
        bench(b, b.set(135, 8, 2, unit="lb"), b.set(135, 8, 1, unit="lb")),
        days=-3,
    )
    today = b.session(
        pull_up(
            b,
            b.set(0, 5, kind="warmup", bodyweight=True),
            b.set(20, 5, 1, bodyweight=True, planned=150, rested=140.4),
            b.set(0, 10, 0, bodyweight=True, failure="perceived", test=(8, 1, 10)),
        ),
        bench(
            b,
            b.set(95, 5, kind="warmup", unit="lb"),
            b.set(155, 6, 2, unit="lb", planned=120, rested=131.7, calm=45.25),
            b.set(155, 7, 1.5, unit="lb"),
        ),
    )
    return today, earlier_than([before], today), "kg"


def months_of_test_sets() -> Case:
    """Five squat test sets from November to February: a trend, stops in four months."""
    b = Builder()
    answers = [(5, 0, 9), (5, 0, 8), (6, 1, 8), (5, 0, 6), (6, 0, 6)]
    sessions = [
        b.session(
            squat(
                b,
                b.set(80 + 2.5 * n, 5, 2, planned=180, rested=200 + n),
                b.set(80 + 2.5 * n, total, 0, failure="technical", test=(stop, rir, total)),
                b.set(60, 6, 0, failure="perceived"),
            ),
            days=20 * n,
        )
        for n, (stop, rir, total) in enumerate(answers)
    ]
    today = sessions[-1]
    return today, earlier_than(sessions, today), "lb"


def across_lifts() -> Case:
    """Test sets on two lifts in one session (failure sooner than thought; a guess about
    right at bw+20): the overall line speaks of all lifts."""
    b = Builder()
    today = b.session(
        squat(b, b.set(100, 6, 0, failure="technical", test=(5, 2, 6))),
        pull_up(b, b.set(20, 11, 0, bodyweight=True, failure="technical", test=(10, 1, 11))),
    )
    return today, Earlier(), "kg"


def unfinished() -> Case:
    """Still in progress: no end, no length."""
    b = Builder()
    return b.session(squat(b, b.set(100, 3)), finished=False), Earlier(), "kg"


def without_sets() -> Case:
    b = Builder()
    return b.session(squat(b), name="Empty"), Earlier(), "kg"


def cases() -> dict[str, Case]:
    return {
        "week on week": week_on_week("kg"),
        "week on week in lb": week_on_week("lb"),
        "bodyweight and pounds": bodyweight_and_pounds(),
        "test sets over months": months_of_test_sets(),
        "across lifts": across_lifts(),
        "unfinished": unfinished(),
        "without sets": without_sets(),
    }
