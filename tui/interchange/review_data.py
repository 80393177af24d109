"""The review of one finished session as plain, JSON-ready data.

One dict feeds `onemore last` (its table and `--json`) and the review screen. Weights, e1RM and
volume are in the lifter's `unit` (the top-level "unit" key), rounded to 0.1; times are
seconds. The sessions before the reviewed one come in as an `Earlier` (records, the last
time of each exercise, test sets): fed from sessions, or taken from the store's index.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.core.calibration import (
    CalibrationLog,
    CalibrationSet,
    explain,
    summarize,
    trend_words,
)
from tui.core.earlier import Earlier, earlier_than
from tui.core.model import Session, SetLog
from tui.core.records import LastTime, PersonalRecord
from tui.core.stats import (
    ExerciseNumbers,
    change,
    effort_numbers,
    exercise_numbers,
    exercises_of,
    in_unit,
    rest_numbers,
    set_e1rm,
    volume_kg,
)
from tui.format import set_text

__all__ = ["Earlier", "earlier_than", "review"]

FORMAT = "onemore-review"
VERSION = 1


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _load(kg: float | None, unit: str) -> float | None:
    return None if kg is None else round(in_unit(kg, unit), 1)


PR_WORDS = {
    "weight_for_reps": "best weight for {reps} reps",
    "e1rm": "best e1RM",
    "volume": "best session volume",
}


def pr_row(record: PersonalRecord, unit: str) -> dict[str, Any]:
    value, before = _load(record.value_kg, unit), _load(record.previous_kg, unit)
    what = PR_WORDS[record.kind].format(reps=record.reps)
    return {
        "kind": record.kind,
        "reps": record.reps,
        "value": value,
        "previous": before,
        "set_id": record.set_id,
        "text": f"{what}: {value:,g} {unit} (was {before:,g})",
    }


def _test_row(set_log: SetLog) -> dict[str, Any] | None:
    test = set_log.calibration
    if test is None:
        return None
    return {**test.to_dict(), "error": test.prediction_error}


def set_row(set_log: SetLog, unit: str, prs: list[str]) -> dict[str, Any]:
    return {
        "id": set_log.id,
        "text": set_text(set_log),
        "kind": set_log.kind,
        "warmup": not set_log.is_working,
        "weight": set_log.weight,
        "unit": set_log.unit,
        "bodyweight": set_log.bodyweight,
        "reps": set_log.reps,
        "rir": set_log.rir,
        "failure": set_log.failure,
        "e1rm": _load(set_e1rm(set_log), unit),
        "rest_planned_s": set_log.rest_planned_s,
        "rest_actual_s": _round(set_log.rest_actual_s),
        "calm_after_s": _round(set_log.calm_after_s),
        "prs": prs,
        "test": _test_row(set_log),
    }


def numbers_row(numbers: ExerciseNumbers, unit: str) -> dict[str, Any]:
    best = numbers.best_set
    return {
        "best_set": None if best is None else set_text(best),
        "e1rm": _load(numbers.best_e1rm_kg, unit),
        "volume": _load(numbers.volume_kg, unit),
        "top_weight": _load(numbers.top_weight_kg, unit),
        "working_sets": numbers.working_sets,
        "warmup_sets": numbers.warmup_sets,
        "reps": numbers.reps,
    }


def previous_row(now: ExerciseNumbers, last: LastTime, unit: str) -> dict[str, Any]:
    delta = change(now, last.numbers)
    return {
        "session_id": last.session_id,
        "started_at": last.started_at.isoformat(),
        **numbers_row(last.numbers, unit),
        "change": {
            "e1rm": _load(delta.best_e1rm_kg, unit),
            "volume": _load(delta.volume_kg, unit),
            "top_weight": _load(delta.top_weight_kg, unit),
        },
    }


def calibration_row(tests: list[CalibrationSet], unit: str) -> dict[str, Any]:
    summary = summarize(tests)
    return {
        "test_sets": len(tests),
        "average_error": None if summary is None else _round(summary.average_error, 2),
        "trend": None if summary is None else _round(summary.trend, 2),
        "trend_words": None if summary is None else trend_words(summary),
        "line": explain(tests, unit),
    }


def stops_rows(log: CalibrationLog) -> list[dict[str, Any]]:
    return [
        {
            "month": m.month,
            "perceived": m.perceived,
            "technical": m.technical,
            "perceived_share": _round(m.perceived_share, 3),
        }
        for m in log.stops_by_month()
    ]


def rest_row(sets: Iterable[SetLog]) -> dict[str, Any]:
    rest = rest_numbers(sets)
    return {
        "rests": rest.rests,
        "planned_avg_s": _round(rest.planned_avg_s),
        "actual_avg_s": _round(rest.actual_avg_s),
        "over_avg_s": _round(rest.over_avg_s),
        "calm_avg_s": _round(rest.calm_avg_s),
        "calm_count": rest.calm_count,
    }


def effort_row(sets: Iterable[SetLog]) -> dict[str, Any]:
    effort = effort_numbers(sets)
    return {
        "working_sets": effort.working_sets,
        "rir_known": effort.rir_known,
        "rir_avg": _round(effort.rir_avg, 2),
        "rir_counts": {f"{rir:g}": count for rir, count in effort.rir_counts.items()},
        "perceived": effort.perceived,
        "technical": effort.technical,
        "perceived_share": _round(effort.perceived_share, 3),
    }


def exercise_row(
    numbers: ExerciseNumbers,
    sets: tuple[SetLog, ...],
    earlier: Earlier,
    records: list[PersonalRecord],
    tests: list[CalibrationSet],
    unit: str,
) -> dict[str, Any]:
    made_by: dict[str, list[str]] = {}
    for record in records:
        if record.set_id is not None:
            made_by.setdefault(record.set_id, []).append(record.kind)
    last = earlier.records.last_time(numbers.key)
    return {
        "key": numbers.key,
        "name": numbers.name,
        "first_time": not earlier.records.knows(numbers.key),
        "sets": [set_row(s, unit, made_by.get(s.id, [])) for s in sets],
        **numbers_row(numbers, unit),
        "previous": None if last is None else previous_row(numbers, last, unit),
        "prs": [pr_row(r, unit) for r in records],
        "calibration": calibration_row(tests, unit) if tests else None,
    }


def session_row(session: Session) -> dict[str, Any]:
    ended = session.ended_at
    return {
        "id": session.id,
        "name": session.name,
        "started_at": session.started_at.isoformat(),
        "ended_at": None if ended is None else ended.isoformat(),
        "duration_s": None if ended is None else (ended - session.started_at).total_seconds(),
        "notes": session.notes,
    }


def totals_row(
    rows: list[dict[str, Any]], records: list[PersonalRecord], volume: float, unit: str
) -> dict[str, Any]:
    return {
        "exercises": len(rows),
        "working_sets": sum(r["working_sets"] for r in rows),
        "warmup_sets": sum(r["warmup_sets"] for r in rows),
        "reps": sum(r["reps"] for r in rows),
        "volume": _load(volume, unit),
        "prs": len(records),
        "first_time": sum(r["first_time"] for r in rows),
    }


def review(session: Session, earlier: Earlier, unit: str = "kg") -> dict[str, Any]:
    """Everything the review of `session` shows; `earlier` holds only the sessions before it."""
    records = earlier.records.records_in(session)
    calibration = earlier.calibration.with_session(session)
    rows = []
    for exercise in exercises_of(session):
        numbers = exercise_numbers(exercise)
        own = [r for r in records if r.exercise_key == exercise.key]
        tests = [t for t in calibration.sets if t.exercise_key == exercise.key]
        rows.append(exercise_row(numbers, exercise.sets, earlier, own, tests, unit))
    return {
        "format": FORMAT,
        "version": VERSION,
        "unit": unit,
        "session": session_row(session),
        "exercises": rows,
        "totals": totals_row(rows, records, volume_kg(session.sets), unit),
        "rest": rest_row(session.sets),
        "effort": effort_row(session.sets),
        "calibration": {
            **calibration_row(calibration.sets, unit),
            "stops_by_month": stops_rows(calibration),
        },
    }
