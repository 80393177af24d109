"""The rest between sets, computed from a deadline (never by counting ticks).

All times are seconds on one monotonic clock the caller reads; pausing moves the deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

STEP_S = 30


@dataclass(frozen=True)
class Rest:
    started_at: float
    planned_s: float
    paused_at: float | None = None
    paused_for: float = 0.0  # total time spent paused before the current pause
    calm_at: float | None = None  # when the lifter said breathing was calm

    @property
    def deadline(self) -> float:
        return self.started_at + self.planned_s + self.paused_for

    def _frozen_now(self, now: float) -> float:
        return self.paused_at if self.paused_at is not None else now

    def remaining(self, now: float) -> float:
        """Seconds left until the planned rest is over; negative once it is over."""
        return self.deadline - self._frozen_now(now)

    def over(self, now: float) -> bool:
        return self.remaining(now) <= 0

    def elapsed(self, now: float) -> float:
        """Real time since the rest began (pauses included: the lifter was resting)."""
        return now - self.started_at

    def longer(self, seconds: float = STEP_S) -> Rest:
        return replace(self, planned_s=self.planned_s + seconds)

    def shorter(self, now: float, seconds: float = STEP_S) -> Rest:
        """Cut the rest, but never to before now."""
        done = self._frozen_now(now) - self.started_at - self.paused_for
        return replace(self, planned_s=max(done, self.planned_s - seconds))

    def pause(self, now: float) -> Rest:
        return self if self.paused_at is not None else replace(self, paused_at=now)

    def resume(self, now: float) -> Rest:
        if self.paused_at is None:
            return self
        return replace(self, paused_at=None, paused_for=self.paused_for + now - self.paused_at)

    def calm(self, now: float) -> Rest:
        return self if self.calm_at is not None else replace(self, calm_at=now)

    @property
    def calm_after_s(self) -> float | None:
        return None if self.calm_at is None else round(self.calm_at - self.started_at, 1)
