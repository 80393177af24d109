"""How honest "I can't" is: test sets, prediction error, and perceived vs technical stops.

A test set records where the lifter would normally have stopped, their "one more rep?" answer
(predicted reps in reserve), and the reps they then did until form broke. Its prediction
error is (reps at the stop + predicted RIR) − total reps: negative means real failure was
further away than they thought.

Trend: the average error of the later half of the test sets minus that of the earlier half
(the middle one left out when the count is odd), from 4 test sets on. Halves read plainly
("your last 3 against your first 3") where a regression slope would not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.model import Session, to_kg
from tui.core.stats import in_unit, mean

MIN_FOR_TREND = 4
STEADY_REPS = 0.25  # a change in error smaller than this is "about the same"


@dataclass(frozen=True)
class CalibrationSet:
    """One test set, with where it was done."""

    session_id: str
    started_at: datetime
    exercise_key: str
    exercise_name: str
    weight_kg: float
    bodyweight: bool
    reps_at_stop: int
    predicted_rir: float
    total_reps: int

    @property
    def error(self) -> float:
        """Predicted reps to failure minus reps done: −2 means two more were in the tank."""
        return self.reps_at_stop + self.predicted_rir - self.total_reps

    @property
    def reps_left_at_stop(self) -> int:
        return self.total_reps - self.reps_at_stop


def calibration_sets(session: Session) -> list[CalibrationSet]:
    """The session's test sets, in the order they were done."""
    return [
        CalibrationSet(
            session.id,
            session.started_at,
            exercise.key,
            exercise.name,
            to_kg(s.weight, s.unit),
            s.bodyweight,
            s.calibration.reps_at_stop,
            s.calibration.predicted_rir,
            s.calibration.total_reps,
        )
        for exercise in session.exercises
        for s in exercise.sets
        if s.calibration is not None
    ]


@dataclass(frozen=True)
class CalibrationSummary:
    test_sets: int
    average_error: float  # reps; negative: real failure is further than the lifter thinks
    average_predicted_rir: float
    earlier_error: float | None  # average error of the earlier half (from 4 test sets)
    later_error: float | None

    @property
    def trend(self) -> float | None:
        """Later half minus earlier half of the average error; None below 4 test sets."""
        if self.earlier_error is None or self.later_error is None:
            return None
        return self.later_error - self.earlier_error


def summarize(tests: Sequence[CalibrationSet]) -> CalibrationSummary | None:
    """Average error and trend of test sets given oldest first; None without any."""
    if not tests:
        return None
    errors = [t.error for t in tests]
    half = len(errors) // 2
    trending = len(errors) >= MIN_FOR_TREND
    return CalibrationSummary(
        test_sets=len(errors),
        average_error=sum(errors) / len(errors),
        average_predicted_rir=sum(t.predicted_rir for t in tests) / len(tests),
        earlier_error=mean(errors[:half]) if trending else None,
        later_error=mean(errors[-half:]) if trending else None,
    )


def by_exercise(tests: Iterable[CalibrationSet]) -> dict[str, CalibrationSummary]:
    grouped: dict[str, list[CalibrationSet]] = {}
    for test in tests:
        grouped.setdefault(test.exercise_key, []).append(test)
    return {key: summary for key, group in grouped.items() if (summary := summarize(group))}


def _reps(count: float) -> str:
    whole = max(1, round(abs(count)))
    return f"about {whole} rep{'s' if whole != 1 else ''}"


def _where(tests: Sequence[CalibrationSet], unit: str) -> str:
    if len({t.exercise_key for t in tests}) > 1:
        return "Across your lifts"
    name = tests[0].exercise_name
    low, high = (round(in_unit(f(t.weight_kg for t in tests), unit), 1) for f in (min, max))
    load = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    if all(t.bodyweight for t in tests):
        return f"At bodyweight {name}" if high == 0 else f"At bw+{load} {unit} {name}"
    return f"At {load} {unit} {name}"


def explain(tests: Sequence[CalibrationSet], unit: str = "kg") -> str | None:
    """One plain line on how far "I'm done" sits from real failure; None without test sets.

    "At 80 kg Squat you stop about 2 reps before real failure, from 5 test sets."
    """
    summary = summarize(tests)
    if summary is None:
        return None
    count = f"from {summary.test_sets} test set{'s' if summary.test_sets != 1 else ''}"
    where = _where(tests, unit)
    error = summary.average_error
    if abs(error) < 0.5:
        return f"{where} your guess of reps left is about right, {count}."
    if error > 0:
        return f"{where} real failure comes {_reps(error)} sooner than you think, {count}."
    if summary.average_predicted_rir < 0.5:
        return f"{where} you stop {_reps(error)} before real failure, {count}."
    return f"{where} real failure is {_reps(error)} further than you think, {count}."


def trend_words(summary: CalibrationSummary) -> str | None:
    """Whether the guesses are getting closer to real failure; None below 4 test sets."""
    if summary.earlier_error is None or summary.later_error is None:
        return None
    earlier, later = abs(summary.earlier_error), abs(summary.later_error)
    if later < earlier - STEADY_REPS:
        return "your guesses are getting closer"
    if later > earlier + STEADY_REPS:
        return "your guesses are drifting further off"
    return "your guesses are about as close as at first"


# -- perceived vs technical stops over time ---------------------------------------------------


@dataclass(frozen=True)
class StopCount:
    """Working sets ended at zero in one month, by why they ended."""

    month: str  # "2026-11", in the session's own UTC offset
    perceived: int
    technical: int

    @property
    def perceived_share(self) -> float | None:
        stops = self.perceived + self.technical
        return self.perceived / stops if stops else None


@dataclass
class CalibrationLog:
    """Test sets and monthly stop counts over the sessions fed so far (oldest first)."""

    sets: list[CalibrationSet] = field(default_factory=list)
    stops: dict[str, list[int]] = field(default_factory=dict)  # month -> [perceived, technical]

    def add(self, session: Session) -> None:
        self.sets += calibration_sets(session)
        month = session.started_at.strftime("%Y-%m")
        for s in session.sets:
            if s.is_working and s.failure is not None:
                counts = self.stops.setdefault(month, [0, 0])
                counts[0 if s.failure == "perceived" else 1] += 1

    def with_session(self, session: Session) -> CalibrationLog:
        """A copy with one more session fed; this log stays as it was."""
        copy = CalibrationLog(list(self.sets), {m: list(c) for m, c in self.stops.items()})
        copy.add(session)
        return copy

    def stops_by_month(self) -> list[StopCount]:
        """Months with at least one stop, oldest first."""
        return [StopCount(month, *counts) for month, counts in sorted(self.stops.items())]


def stops_by_month(sessions: Iterable[Session]) -> list[StopCount]:
    log = CalibrationLog()
    for session in sessions:
        log.add(session)
    return log.stops_by_month()
