"""The lifter's own RIR bias: how many reps they usually have left beyond what they say.

A test set measures it: the lifter stops where they normally would, answers "one more rep?",
then goes on until form breaks. Its error (see `tui.core.calibration`) is predicted reps to
failure minus reps done, so the correction to add to an answer is minus the error: +2 means
"when you say 1 left, there are about 3".

Rule (one line to the lifter, `Bias.line`):
- Per exercise when that exercise has `MIN_PER_EXERCISE` test sets or more, else over all
  exercises (lifters misjudge different lifts alike more often than not).
- Only the latest `RECENT` test sets of that scope count: a lifter's feel changes as they
  learn it.
- Shrunk toward no correction: mean × n / (n + `PRIOR_TESTS`), as if `PRIOR_TESTS` test sets
  had found no bias. One test set that found 3 reps moves answers by 0.75, not 3.
- n is always carried, so every line that uses the bias can say what it rests on.

Halperin et al. (2022): lifters under-predict by about one rep on average, with very large
differences between people; hence the lifter's own figure, not the average.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from tui.core.calibration import CalibrationSet

MIN_PER_EXERCISE = 3
PRIOR_TESTS = 3
RECENT = 10
MAX_CORRECTION = 5.0  # reps; more than this says a test went wrong, not the lifter's feel

Scope = Literal["exercise", "all", "none"]


@dataclass(frozen=True)
class Bias:
    """Reps to add to the lifter's answer (negative: they have fewer than they say)."""

    reps: float = 0.0
    n: int = 0  # test sets it rests on
    scope: Scope = "none"
    measured: float = 0.0  # the mean correction of those test sets, before shrinking

    def corrected(self, said: float) -> float:
        """An answered RIR corrected by this bias, never below 0."""
        return max(0.0, said + self.reps)

    @property
    def line(self) -> str:
        """`your 4 test sets on this lift: you usually have 1.5 more than you feel (→ +1)`."""
        if self.n == 0:
            return "no test sets yet, so your answers are taken as they are"
        where = "on this lift" if self.scope == "exercise" else "on all lifts"
        sets = f"your {self.n} test set{'' if self.n == 1 else 's'} {where}"
        if abs(self.measured) < 0.25:
            return f"{sets} say your feel is right"
        more = "more" if self.measured > 0 else "fewer"
        return (
            f"{sets} say you usually have {abs(self.measured):.1f} {more} than you feel"
            f" (counted as {self.reps:+.1f})"
        )


def shrunk(corrections: list[float]) -> float:
    """The mean correction pulled toward 0 by `PRIOR_TESTS` imagined test sets of no bias."""
    if not corrections:
        return 0.0
    raw = sum(corrections) / (len(corrections) + PRIOR_TESTS)
    return max(-MAX_CORRECTION, min(MAX_CORRECTION, raw))


def bias_for(exercise_key: str, tests: Iterable[CalibrationSet]) -> Bias:
    """The bias to apply to answers on `exercise_key`, from test sets given oldest first."""
    every = list(tests)
    own = [t for t in every if t.exercise_key == exercise_key]
    scope: Scope = "exercise" if len(own) >= MIN_PER_EXERCISE else "all"
    chosen = own if scope == "exercise" else every
    recent = chosen[-RECENT:]
    if not recent:
        return Bias()
    corrections = [-t.error for t in recent]
    measured = sum(corrections) / len(corrections)
    return Bias(reps=shrunk(corrections), n=len(recent), scope=scope, measured=measured)
