"""Small per-session figures kept in the derived index, so lists, reviews and charts open
without reading history.

Two shapes: a session's *summary* (one per session: what the history list, the review's
PRs and the calibration need) and its *lift rows* (one per exercise done: what a progress
chart and the PR rules need, kept per exercise so a chart reads one exercise only).

The index keeps a summary as a JSON record (`SessionSummary.to_record`); everything that
reads one gets a `SessionSummary`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.core.calibration import CalibrationLog, CalibrationSet, calibration_sets
from tui.core.model import ModelError, Session, to_kg
from tui.core.records import Marks, marks_of
from tui.core.stats import exercise_numbers, exercises_of, rest_numbers

PRS = "prs"  # PR count per exercise key, filled in by the store from its lift files
NUMBER = (int, float)


def volume_kg(session: Session) -> float:
    """Sum of weight × reps over working sets, in kg whatever unit each set was logged in."""
    return sum(to_kg(s.volume, s.unit) for s in session.sets)


def _test_record(test: CalibrationSet) -> dict[str, Any]:
    return {
        "key": test.exercise_key,
        "name": test.exercise_name,
        "weight_kg": test.weight_kg,
        "bodyweight": test.bodyweight,
        "reps_at_stop": test.reps_at_stop,
        "predicted_rir": test.predicted_rir,
        "total_reps": test.total_reps,
    }


def _test_of(record: Mapping[str, Any], session_id: str, began: datetime) -> CalibrationSet:
    test = CalibrationSet(
        session_id,
        began,
        record["key"],
        record["name"],
        record["weight_kg"],
        record["bodyweight"],
        record["reps_at_stop"],
        record["predicted_rir"],
        record["total_reps"],
    )
    if not (
        isinstance(test.exercise_key, str)
        and isinstance(test.exercise_name, str)
        and type(test.weight_kg) in NUMBER
        and type(test.bodyweight) is bool
        and type(test.reps_at_stop) is int
        and type(test.predicted_rir) in NUMBER
        and type(test.total_reps) is int
    ):
        raise ModelError("a test set in it holds a value of the wrong type")
    return test


def _moment(text: Any, what: str) -> datetime:
    if not isinstance(text, str):
        raise ModelError(f"its {what} is not a time")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ModelError(f"its {what} is not a time: {text!r}") from None
    if moment.tzinfo is None:
        raise ModelError(f"its {what} has no UTC offset")
    return moment


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One finished session in a few figures: a row of the history list, the last session on
    Home, the title of its review, and the test sets and stops the calibration needs."""

    id: str
    name: str
    routine_id: str | None
    started_at: datetime
    ended_at: datetime | None
    working_sets: int
    warmup_sets: int
    volume_kg: float  # working sets, whatever unit each was logged in
    prs: Mapping[str, int] = field(default_factory=dict)  # PRs per exercise key
    tests: tuple[CalibrationSet, ...] = ()
    stops: tuple[int, int] = (0, 0)  # working sets taken to zero: felt too heavy, form broke

    @property
    def pr_count(self) -> int:
        """How many PRs the session set, over all its exercises."""
        return sum(self.prs.values())

    @property
    def duration_s(self) -> float | None:
        ended = self.ended_at
        return None if ended is None else (ended - self.started_at).total_seconds()

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> SessionSummary:
        """The summary the index keeps as `record`; ModelError when it is not one.

        The history list turns every record into one each time it shows, so this stays
        plain: a few type checks, no helper call per field."""
        try:
            began = _moment(record["started_at"], "start")
            ended = record.get("ended_at")
            prs = record.get(PRS)
            tests = record.get("tests")
            stops = record.get("stops")
            summary = cls(
                id=record["id"],
                name=record["name"],
                routine_id=record.get("routine_id"),
                started_at=began,
                ended_at=None if ended is None else _moment(ended, "end"),
                working_sets=record["working_sets"],
                warmup_sets=record["warmup_sets"],
                volume_kg=record["volume_kg"],
                prs={} if not prs else dict(prs),
                tests=() if not tests else tuple(_test_of(t, record["id"], began) for t in tests),
                stops=(0, 0) if stops is None else (stops[0], stops[1]),
            )
        except ModelError:
            raise
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as problem:
            raise ModelError(f"it cannot be read ({type(problem).__name__}: {problem})") from None
        if not (
            type(summary.id) is str
            and type(summary.name) is str
            and (summary.routine_id is None or type(summary.routine_id) is str)
            and type(summary.working_sets) is int
            and type(summary.warmup_sets) is int
            and type(summary.volume_kg) in NUMBER
            and type(summary.stops[0]) is int
            and type(summary.stops[1]) is int
            and (not prs or all(type(n) is int for n in summary.prs.values()))
        ):
            raise ModelError("it holds a value of the wrong type")
        return summary

    def to_record(self) -> dict[str, Any]:
        """As the index keeps it (tests and stops only when there are some)."""
        record: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "routine_id": self.routine_id,
            "started_at": self.started_at.isoformat(),
            "ended_at": None if self.ended_at is None else self.ended_at.isoformat(),
            "working_sets": self.working_sets,
            "warmup_sets": self.warmup_sets,
            "volume_kg": self.volume_kg,
            PRS: dict(self.prs),
        }
        if self.tests:
            record["tests"] = [_test_record(t) for t in self.tests]
        if any(self.stops):
            record["stops"] = list(self.stops)
        return record


def _stops(session: Session) -> tuple[int, int]:
    """(perceived, technical): working sets that ended at zero, by why."""
    log = CalibrationLog()
    log.add(session)
    perceived, technical = next(iter(log.stops.values()), [0, 0])
    return perceived, technical


def session_summary(session: Session) -> SessionSummary:
    """The summary of a session before the store counts its PRs (none yet)."""
    working = [s for s in session.sets if s.is_working]
    return SessionSummary(
        id=session.id,
        name=session.name,
        routine_id=session.routine_id,
        started_at=session.started_at,
        ended_at=session.ended_at,
        working_sets=len(working),
        warmup_sets=len(session.sets) - len(working),
        volume_kg=round(volume_kg(session), 1),
        tests=tuple(calibration_sets(session)),
        stops=_stops(session),
    )


def started(record: Mapping[str, Any]) -> datetime:
    """When the session of a summary record (as the index keeps it) started."""
    return datetime.fromisoformat(record["started_at"])


def calibration_before(summaries: Iterable[SessionSummary], session: Session) -> CalibrationLog:
    """Test sets and stops of every summarised session that started before `session`."""
    log = CalibrationLog()
    earlier = [
        s
        for s in summaries
        if (s.tests or any(s.stops)) and s.id != session.id and s.started_at < session.started_at
    ]
    for summary in sorted(earlier, key=lambda s: s.started_at):
        log.sets += summary.tests
        if any(summary.stops):
            counts = log.stops.setdefault(summary.started_at.strftime("%Y-%m"), [0, 0])
            counts[0] += summary.stops[0]
            counts[1] += summary.stops[1]
    return log


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def lift_rows(session: Session) -> dict[str, dict[str, Any]]:
    """Per exercise key: one row of that exercise's figures in `session` (kg and seconds):
    the same figures as `tui.core.stats.progress`, and the marks the PR rules compare."""
    rows = {}
    for exercise in exercises_of(session):
        numbers = exercise_numbers(exercise)
        rows[numbers.key] = {
            "session_id": session.id,
            "started_at": session.started_at.isoformat(),
            "name": numbers.name,
            "working_sets": numbers.working_sets,
            "best_e1rm_kg": _rounded(numbers.best_e1rm_kg),
            "volume_kg": round(numbers.volume_kg, 2),
            "calm_avg_s": _rounded(rest_numbers(exercise.sets).calm_avg_s),
            "marks": marks_of(exercise.working_sets).to_dict(),
        }
    return rows


def row_marks(row: dict[str, Any]) -> Marks:
    return Marks.from_dict(row["marks"])


def same_routine_before(
    summaries: Iterable[SessionSummary], session: Session
) -> SessionSummary | None:
    """The summary of the latest earlier session of the same routine (newest-first input)."""
    if session.routine_id is None:
        return None
    for summary in summaries:
        if (
            summary.routine_id == session.routine_id
            and summary.id != session.id
            and summary.started_at < session.started_at
        ):
            return summary
    return None


def last_time(session: Session) -> dict[str, dict[str, Any]]:
    """Per exercise key: what was done in `session`, to show as "previous" next time."""
    return {
        exercise.key: {
            "name": exercise.name,
            "session_id": session.id,
            "started_at": session.started_at.isoformat(),
            "sets": [s.to_dict() for s in exercise.sets],
            "notes": exercise.notes,
        }
        for exercise in session.exercises
        if exercise.sets
    }
