"""Merging two versions of one finished session, so every device ends up with the same one.

Sets are united by set id across exercises; a set removed on either side stays out; for
the same set the later edit wins. Session fields (name, notes, check-in, end) come from
the later edited version. Ties are broken by content, so the result never depends on
which side is "ours": merge(a, b) == merge(b, a), and merge(a, a) == a.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from tui.core.model import ExerciseLog, Session, SetLog

NEVER_EDITED = datetime.min.replace(tzinfo=timezone.utc)
# Merged as a whole, so they play no part in choosing whose session fields win.
MERGED_PARTS = ("exercises", "removed_set_ids")


def _canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _session_rank(session: Session) -> tuple[datetime, str, str]:
    data = session.to_dict()
    fields = {k: v for k, v in data.items() if k not in MERGED_PARTS}
    return session.edited_at or NEVER_EDITED, _canonical(fields), _canonical(data)


def _set_rank(exercise_id: str, set_log: SetLog) -> tuple[datetime, str, str]:
    return set_log.changed_at, _canonical(set_log.to_dict()), exercise_id


def _in_order(*groups: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Every id once, in the order first seen."""
    return tuple(dict.fromkeys(i for group in groups for i in group))


Latest = dict[str, tuple[str, SetLog]]  # set id -> (exercise id, the set's latest version)


def _latest_sets(sides: tuple[Session, Session], removed: set[str]) -> Latest:
    """For each set id still wanted: the exercise it belongs to and its latest version."""
    latest: Latest = {}
    for session in sides:
        for exercise in session.exercises:
            for set_log in exercise.sets:
                if set_log.id in removed:
                    continue
                known = latest.get(set_log.id)
                if known is None or _set_rank(exercise.id, set_log) > _set_rank(*known):
                    latest[set_log.id] = (exercise.id, set_log)
    return latest


def _exercise_or_none(session: Session, exercise_id: str) -> ExerciseLog | None:
    return next((e for e in session.exercises if e.id == exercise_id), None)


def _merged_exercise(
    exercise_id: str, newer: Session, older: Session, latest: Latest
) -> ExerciseLog:
    found = (_exercise_or_none(side, exercise_id) for side in (newer, older))
    versions = [e for e in found if e is not None]
    set_ids = _in_order(*([s.id for s in e.sets] for e in versions))
    sets = tuple(latest[i][1] for i in set_ids if i in latest and latest[i][0] == exercise_id)
    return replace(versions[0], sets=sets)


def merge_sessions(one: Session, other: Session) -> Session:
    """The one version of a session that keeps every set either side still has."""
    if one.id != other.id:
        raise ValueError("only two versions of the same session can be merged")
    newer, older = sorted((one, other), key=_session_rank, reverse=True)
    removed = _in_order(newer.removed_set_ids, older.removed_set_ids)
    latest = _latest_sets((newer, older), set(removed))
    exercise_ids = _in_order([e.id for e in newer.exercises], [e.id for e in older.exercises])
    exercises = tuple(_merged_exercise(i, newer, older, latest) for i in exercise_ids)
    return replace(newer, exercises=exercises, removed_set_ids=removed)
