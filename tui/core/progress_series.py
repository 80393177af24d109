"""One exercise over time, from its lift rows: points for a chart, rows for a table.

Built from the figures the store keeps per exercise for every session it was done in (see
`tui.core.summary.lift_rows`), so a ten-year history charts without reading it.
A session counts for an exercise when it has a working set of it, as in
`tui.core.stats.progress`; the day is the session's start in its own UTC offset.

By month: the best e1RM of the month, the month's total volume, and the average of the
sessions' times to calm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from tui.core.stats import Point, mean
from tui.core.summary import SessionSummary

Metric = Literal["best_e1rm_kg", "volume_kg", "calm_avg_s"]
METRICS: tuple[Metric, ...] = ("best_e1rm_kg", "volume_kg", "calm_avg_s")


@dataclass(frozen=True)
class LiftDay:
    """What one exercise came to in one session (or one month): kg and seconds."""

    day: date  # the session's day, or the first of the month
    sessions: int
    best_e1rm_kg: float | None
    volume_kg: float
    calm_avg_s: float | None
    session_id: str | None = None  # None for a month


@dataclass(frozen=True)
class LiftDone:
    """An exercise in the history: its key, latest name, and in how many sessions."""

    key: str
    name: str
    sessions: int


def lift_days(rows: Iterable[dict[str, Any]]) -> list[LiftDay]:
    """Every session with working sets of the exercise, oldest first (rows in any order)."""
    days = []
    for row in sorted(rows, key=lambda r: datetime.fromisoformat(r["started_at"])):
        if not row["working_sets"]:
            continue
        days.append(
            LiftDay(
                day=datetime.fromisoformat(row["started_at"]).date(),
                sessions=1,
                best_e1rm_kg=row["best_e1rm_kg"],
                volume_kg=row["volume_kg"],
                calm_avg_s=row["calm_avg_s"],
                session_id=row["session_id"],
            )
        )
    return days


def by_month(days: Iterable[LiftDay]) -> list[LiftDay]:
    """Sessions (oldest first) joined per calendar month."""
    months: dict[date, list[LiftDay]] = {}
    for day in days:
        months.setdefault(day.day.replace(day=1), []).append(day)
    joined = []
    for first, group in months.items():
        e1rms = [d.best_e1rm_kg for d in group if d.best_e1rm_kg is not None]
        calms = [d.calm_avg_s for d in group if d.calm_avg_s is not None]
        joined.append(
            LiftDay(
                day=first,
                sessions=len(group),
                best_e1rm_kg=max(e1rms) if e1rms else None,
                volume_kg=sum(d.volume_kg for d in group),
                calm_avg_s=mean(calms),
            )
        )
    return joined


def points(days: Iterable[LiftDay], metric: Metric) -> list[Point]:
    """(day, value) of one metric, leaving out days without a figure."""
    return [(d.day, value) for d in days if (value := getattr(d, metric)) is not None]


def lifts_done(done: dict[str, dict[str, Any]]) -> list[LiftDone]:
    """Every exercise with working sets (key -> latest name and session count, as the store
    keeps them), the most often done first."""
    lifts = [LiftDone(key, figures["name"], figures["sessions"]) for key, figures in done.items()]
    return sorted(lifts, key=lambda lift: (-lift.sessions, lift.name.casefold()))


def sessions_with(
    summaries: Iterable[SessionSummary], rows: Iterable[dict[str, Any]]
) -> list[SessionSummary]:
    """The summaries of the sessions the exercise's rows name (warm-ups count), order kept."""
    ids = {row["session_id"] for row in rows}
    return [s for s in summaries if s.id in ids]
