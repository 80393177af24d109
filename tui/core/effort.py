"""How hard a working set really was: reps to failure = reps done + the real reps in reserve.

The real RIR is the lifter's answer corrected by their own bias (`tui.core.bias`):
- an answer of r reps left counts as r + bias (never below 0);
- "form broke" (a technical stop) is failure: 0 left, whatever the bias;
- "it only felt too heavy" (a perceived stop at 0) counts as at least `PERCEIVED_FLOOR` more
  (form held, so the rep was likely there), or the bias when that is more; only when
  `MIN_TESTS_TO_OVERRULE` test sets say the lifter over-predicts is it less (1 + the bias);
- no answer: the set is taken as done at the planned RIR (felt, so the bias applies too).

e1RM by Epley, `w·(1 + r/30)` with r the reps to failure, as the review does: only up to 12
reps to failure (beyond that it is not shown and not trusted). Targets compare loads through
the same curve (`capacity`), only between nearby rep counts and at most one step at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.bias import Bias
from tui.core.model import Failure, SetLog, to_kg
from tui.core.stats import TRUSTED_REPS_TO_FAILURE

PERCEIVED_FLOOR = 1.0
MIN_TESTS_TO_OVERRULE = 3


def epley(weight: float, reps_to_failure: float) -> float:
    """`w·(1 + r/30)`: a true single (r = 1) counts as its own weight."""
    return weight if reps_to_failure <= 1 else weight * (1 + reps_to_failure / 30)


def load_for(capacity: float, reps_to_failure: float) -> float:
    """The load that leaves `reps_to_failure` on the Epley curve of `capacity`."""
    return capacity if reps_to_failure <= 1 else capacity / (1 + reps_to_failure / 30)


@dataclass(frozen=True)
class Effort:
    """One working set with its best estimate of the real reps in reserve."""

    weight: float
    reps: int
    unit: str
    bodyweight: bool
    said: float | None  # the lifter's answer, None when there was none
    failure: Failure | None
    rir: float  # the estimate of the real reps in reserve
    bias: Bias

    @property
    def known(self) -> bool:
        """Whether the lifter answered (else the planned RIR is assumed)."""
        return self.said is not None or self.failure is not None

    @property
    def to_failure(self) -> float:
        return self.reps + self.rir

    @property
    def weight_kg(self) -> float:
        return to_kg(self.weight, self.unit)

    @property
    def capacity_kg(self) -> float:
        """The Epley curve through this set, in kg (for comparing loads, any distance)."""
        return epley(self.weight_kg, self.to_failure)

    @property
    def e1rm_kg(self) -> float | None:
        """Estimated one-rep max in kg; None beyond 12 reps to failure or for bodyweight."""
        if self.bodyweight or self.reps <= 0 or self.to_failure > TRUSTED_REPS_TO_FAILURE:
            return None
        return self.capacity_kg

    @property
    def answer_text(self) -> str:
        if self.failure == "technical":
            return "form broke"
        if self.failure == "perceived":
            return "it only felt too heavy"
        if self.said is None:
            return "no answer"
        return f"you said {self.said:g} left"

    @property
    def line(self) -> str:
        """`100 × 7, you said 1 left; your 4 test sets … → about 2 left`."""
        load = f"bw+{self.weight:g}" if self.bodyweight else f"{self.weight:g}"
        head = f"{load} × {self.reps}, {self.answer_text}"
        if self.failure == "technical":
            return f"{head}: that was failure"
        if self.failure == "perceived":
            return f"{head}: counted as about {self.rir:.0f} left"
        if self.said is None:
            return f"{head}: taken as planned, about {self.rir:.0f} left"
        if self.bias.n == 0 or abs(self.rir - self.said) < 0.25:
            return head
        return f"{head}; {self.bias.line} → about {self.rir:.0f} left"


def real_rir(said: float | None, failure: Failure | None, bias: Bias, planned: float) -> float:
    """The estimate of the real reps in reserve, by the rules in this module's docstring."""
    if failure == "technical":
        return 0.0
    if failure == "perceived":
        if bias.n >= MIN_TESTS_TO_OVERRULE and bias.reps < 0:
            return max(0.0, PERCEIVED_FLOOR + bias.reps)
        return max(PERCEIVED_FLOOR, bias.reps)
    if said is None:
        return bias.corrected(planned)
    return bias.corrected(said)


def effort(set_log: SetLog, bias: Bias, planned_rir: float | None = None) -> Effort:
    """The effort of a logged working set (a warm-up too, though targets never read one)."""
    planned = 2.0 if planned_rir is None else planned_rir
    return Effort(
        weight=set_log.weight,
        reps=set_log.reps,
        unit=set_log.unit,
        bodyweight=set_log.bodyweight,
        said=set_log.rir if set_log.failure is None else None,
        failure=set_log.failure,
        rir=real_rir(set_log.rir, set_log.failure, bias, planned),
        bias=bias,
    )
