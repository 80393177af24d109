"""One exercise over time, from the index summaries: points for a chart, rows for a table.

Built from the per-exercise figures the index keeps for every session (`summary["lifts"]`,
see `tui.core.summary.lift_figures`), so a ten-year history charts without reading it.
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
from tui.core.summary import LIFTS

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


def _started(summary: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(summary["started_at"])


def _oldest_first(summaries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(summaries, key=_started)


def lift_days(summaries: Iterable[dict[str, Any]], key: str) -> list[LiftDay]:
    """Every session with working sets of `key`, oldest first (summaries in any order)."""
    days = []
    for summary in _oldest_first(summaries):
        figures = summary.get(LIFTS, {}).get(key)
        if figures is None or not figures["working_sets"]:
            continue
        days.append(LiftDay(
            day=_started(summary).date(), sessions=1,
            best_e1rm_kg=figures["best_e1rm_kg"], volume_kg=figures["volume_kg"],
            calm_avg_s=figures["calm_avg_s"], session_id=summary["id"],
        ))
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
        joined.append(LiftDay(
            day=first, sessions=len(group), best_e1rm_kg=max(e1rms) if e1rms else None,
            volume_kg=sum(d.volume_kg for d in group), calm_avg_s=mean(calms),
        ))
    return joined


def points(days: Iterable[LiftDay], metric: Metric) -> list[Point]:
    """(day, value) of one metric, leaving out days without a figure."""
    return [(d.day, value) for d in days if (value := getattr(d, metric)) is not None]


def lifts_done(summaries: Iterable[dict[str, Any]]) -> list[LiftDone]:
    """Every exercise with working sets in the history, the most often done first."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for summary in _oldest_first(summaries):
        for key, figures in summary.get(LIFTS, {}).items():
            if figures["working_sets"]:
                names[key] = figures["name"]  # the latest name wins
                counts[key] = counts.get(key, 0) + 1
    done = [LiftDone(key, names[key], count) for key, count in counts.items()]
    return sorted(done, key=lambda lift: (-lift.sessions, lift.name.casefold()))


def sessions_with(summaries: Iterable[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The summaries of sessions in which `key` was done (warm-ups count), order kept."""
    return [s for s in summaries if key in s.get(LIFTS, {})]
