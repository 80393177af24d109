"""A small finished history whose numbers are worked out by hand, for the review, history and
progress flows and their snapshots.

| day        | session     | squat               | other                       | PRs     |
|------------|-------------|---------------------|-----------------------------|---------|
| Wed 4 Nov  | Full body A | 100 × 5 ×3, calm 60 | bench 70 × 5 ×3             | 0       |
| Wed 11 Nov | Full body B | 105 × 5 ×3, calm 50 | deadlift 140 × 5 ×2 (first) | 3 squat |
| Wed 18 Nov | Full body A | 100 × 5 ×3, calm 40 | bench 72.5 × 5 ×3           | 3 bench |

A PR session beats its lift's best weight for 5 reps, best e1RM and best session volume.

Every working set is at 2 reps in reserve, so a 5-rep set's e1RM is weight × (1 + 7/30):
squat 123.3, 129.5, 123.3 kg. Volumes: 2,550, 2,975 and 2,587.5 kg.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.model import ExerciseLog, Session, SetLog
from tui.store.repository import Store

from .conftest import FakeClock

FIRST_DAY = datetime(2026, 11, 4, 18, 0, tzinfo=timezone.utc)
LIFTS = {
    "squat": ("Barbell Back Squat", "barbell_back_squat"),
    "bench": ("Barbell Bench Press", "barbell_bench_press"),
    "deadlift": ("Conventional Deadlift", "conventional_deadlift"),
}


def lift(
    session_no: int, name: str, weight: float, sets: int, at: datetime, calm: float | None = None
) -> ExerciseLog:
    title, catalog_id = LIFTS[name]
    logs = tuple(
        SetLog(
            id=f"s{session_no}-{name}-{n}",
            kind="working",
            weight=weight,
            reps=5,
            logged_at=at + timedelta(minutes=4 * n),
            rir=2,
            rest_planned_s=180,
            rest_actual_s=None if n == 0 else 190.0,
            calm_after_s=None if n == 0 else calm,
        )
        for n in range(sets)
    )
    return ExerciseLog(id=f"e{session_no}-{name}", name=title, catalog_id=catalog_id, sets=logs)


def known_sessions(first_day: datetime = FIRST_DAY) -> list[Session]:
    plans = [
        ("Full body A", [("squat", 100, 3, 60), ("bench", 70, 3, None)]),
        ("Full body B", [("squat", 105, 3, 50), ("deadlift", 140, 2, None)]),
        ("Full body A", [("squat", 100, 3, 40), ("bench", 72.5, 3, None)]),
    ]
    sessions = []
    for week, (name, exercises) in enumerate(plans):
        at = first_day + timedelta(days=7 * week)
        logs = tuple(
            lift(week, lift_name, weight, sets, at, calm)
            for lift_name, weight, sets, calm in exercises
        )
        sessions.append(
            Session(
                id=f"session-{week + 1}",
                name=name,
                started_at=at,
                ended_at=at + timedelta(minutes=55),
                exercises=logs,
            )
        )
    return sessions


def seed_history(data_dir: Path) -> list[Session]:
    sessions = known_sessions()
    with Store(data_dir, now=FakeClock()) as store:
        store.add_finished(sessions)
        store.mark_synced(store.pending_changes())  # as if synced long ago: the outbox starts empty
    return sessions


@pytest.fixture(autouse=True)
def utc():
    """Local times on screen read the same on every machine (import this into a test module)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def forbid_history_reads(app) -> None:
    """Make any read of the whole history fail the test: the index must be enough."""

    def forbidden():
        raise AssertionError("the whole history was read")

    app.store.finished_sessions = forbidden
