"""What goes on the bar: the plates per side for a barbell load, with the plates a gym has.

A gym is a bar, collars (both together, often 0) and pairs of plates: (size, how many
pairs). The defaults are a common commercial gym: a 20 kg bar with 25/20/15/10/5/2.5/1.25 kg
plates, or a 45 lb bar with 45/35/25/10/5/2.5 lb plates, enough of each for any load a
lifter will meet. `per_side` finds the plates (largest first, the fewest changes from the
bar up); `nearest_loadable` the closest load those plates make, for a target that falls
between two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CENTS = 1000  # plates are summed in thousandths, so 1.25 + 1.25 is exactly 2.5


@dataclass(frozen=True)
class Gym:
    unit: str = "kg"
    bar: float = 20.0
    plates: tuple[tuple[float, int], ...] = (
        (25.0, 10),
        (20.0, 2),
        (15.0, 2),
        (10.0, 2),
        (5.0, 2),
        (2.5, 2),
        (1.25, 2),
    )
    collars: float = 0.0

    @property
    def empty(self) -> float:
        """The bar with its collars: the lightest load."""
        return self.bar + self.collars

    @property
    def step(self) -> float:
        """The smallest jump the plates allow: a pair of the smallest."""
        return 2 * min(size for size, _ in self.plates)


KG_GYM = Gym()
LB_GYM = Gym(
    unit="lb",
    bar=45.0,
    plates=((45.0, 10), (35.0, 2), (25.0, 2), (10.0, 2), (5.0, 2), (2.5, 2)),
)


def gym_for(unit: str) -> Gym:
    return LB_GYM if unit == "lb" else KG_GYM


def _whole(value: float) -> int:
    return round(value * CENTS)


def per_side(total: float, gym: Gym = KG_GYM) -> tuple[float, ...] | None:
    """The plates on each side for exactly `total` (largest first), or None when the plates
    cannot make it. The bar alone is `()`."""
    side = _whole(total - gym.empty)
    if side < 0 or side % 2:
        return None
    side //= 2
    sizes = [(_whole(size), pairs) for size, pairs in sorted(gym.plates, reverse=True)]
    found = _fill(side, sizes)
    return None if found is None else tuple(size / CENTS for size in found)


def _fill(left: int, sizes: Sequence[tuple[int, int]]) -> list[int] | None:
    """The largest-first plates that add up to `left` exactly (each size up to its count)."""
    if left == 0:
        return []
    if not sizes:
        return None
    (size, pairs), rest = sizes[0], sizes[1:]
    for count in range(min(pairs, left // size), -1, -1):
        found = _fill(left - count * size, rest)
        if found is not None:
            return [size] * count + found
    return None


def nearest_loadable(total: float, gym: Gym = KG_GYM, window: int = 40) -> float | None:
    """The load nearest `total` that the plates make (the lighter one on a tie), within
    `window` steps of the smallest pair; the empty bar for anything lighter."""
    if total <= gym.empty:
        return gym.empty
    step = gym.step
    low = int((total - gym.empty) / step + 1e-9)
    candidates = [
        round(gym.empty + k * step, 3) for k in range(max(0, low - window), low + window + 2)
    ]
    loadable = [c for c in candidates if per_side(c, gym) is not None]
    if not loadable:
        return None
    return min(loadable, key=lambda c: (abs(c - total), c))


def plates_text(total: float, gym: Gym = KG_GYM) -> str:
    """`20 + 10 + 1.25 per side`, `the bar alone (20 kg)`, or "" when it cannot be loaded."""
    plates = per_side(total, gym)
    if plates is None:
        return ""
    if not plates:
        return f"the bar alone ({gym.bar:g} {gym.unit})"
    return " + ".join(f"{p:g}" for p in plates) + " per side"
