"""How honest "I can't" is: test sets, prediction error, and perceived vs technical stops.

A test set records where the lifter would normally have stopped, their "one more rep?" answer
(predicted reps in reserve), and the reps they then did until form broke. Its prediction
error is (reps at the stop + predicted RIR) − total reps: negative means real failure was
further away than they thought.

Trend: the average error of the later half of the test sets minus that of the earlier half
(the middle one left out when the count is odd), from 4 test sets on. Halves read plainly
("your last 3 against your first 3") where a regression slope would not. The sentences that
say all this to the lifter are the review's (`tui.application.review`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.model import Session, to_kg
from tui.core.stats import mean

MIN_FOR_TREND = 4


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
