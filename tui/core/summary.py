"""Small per-session figures kept in the derived index, so lists, reviews and charts open
without reading history.

Two shapes: a session's *summary* (one per session: what the history list, the review's
PRs and the calibration need) and its *lift rows* (one per exercise done: what a progress
chart and the PR rules need, kept per exercise so a chart reads one exercise only).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.core.calibration import CalibrationLog, CalibrationSet, calibration_sets
from tui.core.model import Session, to_kg
from tui.core.records import Marks, marks_of
from tui.core.stats import exercise_numbers, exercises_of, rest_numbers

PRS = "prs"  # PR count per exercise key, filled in by the store from its lift files


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


def _stops(session: Session) -> list[int]:
    """[perceived, technical]: working sets that ended at zero, by why."""
    log = CalibrationLog()
    log.add(session)
    return next(iter(log.stops.values()), [0, 0])


def session_summary(session: Session) -> dict[str, Any]:
    working = [s for s in session.sets if s.is_working]
    summary = {
        "id": session.id,
        "name": session.name,
        "routine_id": session.routine_id,
        "started_at": session.started_at.isoformat(),
        "ended_at": None if session.ended_at is None else session.ended_at.isoformat(),
        "working_sets": len(working),
        "warmup_sets": len(session.sets) - len(working),
        "volume_kg": round(volume_kg(session), 1),
        PRS: {},
    }
    if tests := calibration_sets(session):
        summary["tests"] = [_test_record(t) for t in tests]
    if any(stops := _stops(session)):
        summary["stops"] = stops
    return summary


def started(summary: dict[str, Any]) -> datetime:
    """When the summarised session started."""
    return datetime.fromisoformat(summary["started_at"])


def pr_count(summary: dict[str, Any]) -> int:
    """How many PRs the session set, over all its exercises."""
    return sum(summary.get(PRS, {}).values())


def calibration_before(summaries: list[dict[str, Any]], session: Session) -> CalibrationLog:
    """Test sets and stops of every summarised session that started before `session`."""
    log = CalibrationLog()
    earlier = [
        s
        for s in summaries
        if ("tests" in s or "stops" in s)
        and s["id"] != session.id
        and started(s) < session.started_at
    ]
    for summary in sorted(earlier, key=started):
        began = started(summary)
        log.sets += [
            CalibrationSet(
                summary["id"],
                began,
                t["key"],
                t["name"],
                t["weight_kg"],
                t["bodyweight"],
                t["reps_at_stop"],
                t["predicted_rir"],
                t["total_reps"],
            )
            for t in summary.get("tests", [])
        ]
        if stops := summary.get("stops"):
            counts = log.stops.setdefault(began.strftime("%Y-%m"), [0, 0])
            counts[0] += stops[0]
            counts[1] += stops[1]
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


def same_routine_before(summaries: list[dict[str, Any]], session: Session) -> dict[str, Any] | None:
    """The summary of the latest earlier session of the same routine (newest-first input)."""
    if session.routine_id is None:
        return None
    for summary in summaries:
        if (
            summary.get("routine_id") == session.routine_id
            and summary["id"] != session.id
            and started(summary) < session.started_at
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
        }
        for exercise in session.exercises
        if exercise.sets
    }
