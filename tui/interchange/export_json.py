"""The public OneMore export: `{"format": "onemore-export", "version": 1, ...}` (see README).

Version 1 only ever gains optional keys; a reader ignores what it does not know.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from tui.core.model import ExerciseLog, Session, SetLog

FORMAT = "onemore-export"
VERSION = 1


def set_record(set_log: SetLog) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": set_log.id,
        "kind": set_log.kind,
        "weight": set_log.weight,
        "bodyweight": set_log.bodyweight,
        "unit": set_log.unit,
        "reps": set_log.reps,
        "rir": set_log.rir,
        "failure": set_log.failure,
        "rest_planned_s": set_log.rest_planned_s,
        "rest_actual_s": set_log.rest_actual_s,
        "calm_after_s": set_log.calm_after_s,
        "logged_at": set_log.logged_at.isoformat(),
        "note": set_log.note,
    }
    if set_log.calibration is not None:
        record["calibration"] = set_log.calibration.to_dict()
    return record


def exercise_record(exercise: ExerciseLog) -> dict[str, Any]:
    return {
        "name": exercise.name,
        "catalog_id": exercise.catalog_id,
        "notes": exercise.notes,
        "sets": [set_record(s) for s in exercise.sets],
    }


def session_record(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "name": session.name,
        "started_at": session.started_at.isoformat(),
        "ended_at": None if session.ended_at is None else session.ended_at.isoformat(),
        "checkin": None if session.checkin is None else session.checkin.to_dict(),
        "notes": session.notes,
        "exercises": [exercise_record(e) for e in session.exercises],
    }


def export_document(
    finished: Iterable[Session], in_progress: Session | None, exported_at: datetime
) -> dict[str, Any]:
    """Finished sessions oldest first, then the session in progress (ended_at null)."""
    sessions = sorted(finished, key=lambda s: s.started_at)
    if in_progress is not None:
        sessions.append(in_progress)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at.isoformat(),
        "sessions": [session_record(s) for s in sessions],
    }


def export_text(document: dict[str, Any]) -> str:
    """The document with one session a line: readable, easy to diff and grep, and written
    by json's C encoder (an indented dump goes through the pure-Python one, 6× slower)."""

    def dumped(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def sessions(records: list[Any]) -> str:
        lines = ",\n".join(f"  {dumped(record)}" for record in records)
        return f"[\n{lines}\n ]" if records else "[]"

    members = [
        f" {dumped(key)}: {sessions(value) if key == 'sessions' else dumped(value)}"
        for key, value in document.items()
    ]
    return "{\n" + ",\n".join(members) + "\n}\n"
