"""A warm-up ramp to the first working set of a heavy compound barbell lift.

The ramp: the bar × 10, then about 40 % × 5, 60 % × 3 and 80 % × 2 of the working weight,
each rounded to what the plates make; steps that round onto the bar, onto another step or
onto the working weight itself are left out. Only for compound barbell lifts whose working
weight is at least twice the bar: lighter than that, the first working set is its own
warm-up. Warm-ups are far from failure and never counted as effort.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.catalog import Exercise
from tui.core.plates import Gym, gym_for, nearest_loadable

RAMP: tuple[tuple[float, int], ...] = ((0.4, 5), (0.6, 3), (0.8, 2))
BAR_REPS = 10


@dataclass(frozen=True)
class WarmUp:
    weight: float
    reps: int
    unit: str

    @property
    def text(self) -> str:
        return f"{self.weight:g} × {self.reps}"


def wants_ramp(lift: Exercise, working: float | None, gym: Gym) -> bool:
    return (
        working is not None
        and lift.is_compound
        and lift.equipment == "barbell"
        and working >= 2 * gym.empty
    )


def ramp(lift: Exercise, working: float | None, unit: str = "kg") -> list[WarmUp]:
    """The warm-ups before a first working set of `working` (none when it needs none)."""
    gym = gym_for(unit)
    if working is None or not wants_ramp(lift, working, gym):
        return []
    steps = [WarmUp(gym.empty, BAR_REPS, unit)]
    for share, reps in RAMP:
        weight = nearest_loadable(share * working, gym)
        if weight is None or weight >= working or weight <= steps[-1].weight:
            continue
        steps.append(WarmUp(weight, reps, unit))
    return steps


def ramp_text(steps: list[WarmUp]) -> str:
    """`Warm-up: 20 × 10 · 40 × 5 · 60 × 3 · 80 × 2 (type w40x5)`, or ""."""
    if not steps:
        return ""
    first = next((s for s in steps[1:]), steps[0])
    example = f"w{first.weight:g}x{first.reps}"
    return "Warm-up: " + " · ".join(s.text for s in steps) + f" (type {example})"
