"""When to suggest a test set: the lifter's feel on a lift looks off and nothing measured it lately.

Rule (one line to the lifter, `test_set_prompt`), for the last planned set of an exercise:
- the lift can be taken to failure safely without a spotter: a machine, a cable, or an
  isolation lift (a barbell squat or bench press is left out: OneMore cannot know about
  safeties);
- not on a tough day;
- no test set on this lift, or none in the last `STALE_DAYS` days;
- and the answers look inconsistent: from one session to the next (today's sets included),
  the Epley curve of the best set moved by more than `JUMP` (5 %), far more than strength
  moves between two sessions, so the answers and the loads do not tell the same story.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, timedelta

from tui.core.calibration import CalibrationSet
from tui.core.catalog import Exercise

STALE_DAYS = 42
JUMP = 0.05


def safe_to_fail(lift: Exercise) -> bool:
    return lift.equipment in ("machine", "cable") or not lift.is_compound


def largest_jump(curves: Sequence[float]) -> float:
    """The largest change from one session's curve to the next, as a share of the earlier."""
    return max(
        (
            abs(after - before) / before
            for before, after in itertools.pairwise(curves)
            if before > 0
        ),
        default=0.0,
    )


def test_set_prompt(
    lift: Exercise,
    exercise_key: str,
    tests: Sequence[CalibrationSet],
    curves: Sequence[float],
    now: datetime,
    *,
    tough: bool,
) -> str | None:
    """The line suggesting a test set now, or None (see the module's rule)."""
    if tough or not safe_to_fail(lift):
        return None
    own = [t for t in tests if t.exercise_key == exercise_key]
    latest = max((t.started_at for t in own), default=None)
    if latest is not None and now - latest < timedelta(days=STALE_DAYS):
        return None
    jump = largest_jump(curves)
    if jump <= JUMP:
        return None
    since = "never tested" if latest is None else f"last tested {(now - latest).days} days ago"
    return (
        f"Your answers and loads moved {jump:.0%} between sessions ({since}): "
        "make this last set a test set (t)?"
    )
