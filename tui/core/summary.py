"""Small per-session figures kept in the derived index, so lists open without reading history."""

from __future__ import annotations

from typing import Any

from tui.core.model import Session, to_kg
from tui.core.stats import exercise_numbers, exercises_of, rest_numbers

LIFTS = "lifts"  # added after the first release: an index without it is rebuilt from history


def volume_kg(session: Session) -> float:
    """Sum of weight × reps over working sets, in kg whatever unit each set was logged in."""
    return sum(to_kg(s.volume, s.unit) for s in session.sets)


def session_summary(session: Session) -> dict[str, Any]:
    working = [s for s in session.sets if s.is_working]
    return {
        "id": session.id,
        "name": session.name,
        "routine_id": session.routine_id,
        "started_at": session.started_at.isoformat(),
        "ended_at": None if session.ended_at is None else session.ended_at.isoformat(),
        "exercises": [e.name for e in session.exercises],
        "working_sets": len(working),
        "warmup_sets": len(session.sets) - len(working),
        "volume_kg": round(volume_kg(session), 1),
        LIFTS: lift_figures(session),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def lift_figures(session: Session) -> dict[str, dict[str, Any]]:
    """Per exercise key: what progress charts and the history filter need, so neither reads
    history. The same figures as `tui.core.stats.progress`, in kg and seconds."""
    figures = {}
    for exercise in exercises_of(session):
        numbers = exercise_numbers(exercise)
        figures[numbers.key] = {
            "name": numbers.name,
            "working_sets": numbers.working_sets,
            "best_e1rm_kg": _rounded(numbers.best_e1rm_kg),
            "volume_kg": round(numbers.volume_kg, 2),
            "calm_avg_s": _rounded(rest_numbers(exercise.sets).calm_avg_s),
        }
    return figures


def is_current(summary: dict[str, Any]) -> bool:
    """Whether an index summary has every field this OneMore writes."""
    return LIFTS in summary


def same_routine_before(summaries: list[dict[str, Any]], session: Session) -> dict[str, Any] | None:
    """The summary of the latest earlier session of the same routine (newest-first input)."""
    if session.routine_id is None:
        return None
    for summary in summaries:
        if (summary.get("routine_id") == session.routine_id and summary["id"] != session.id
                and summary["started_at"] < session.started_at.isoformat()):
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
