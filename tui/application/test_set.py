"""A test set: the set to log (taken to technical failure) and what it showed.

Prediction error = (reps at the stop + predicted reps in reserve) − total reps: negative
means more reps were in the tank than the lifter felt.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.entry import SetInput
from tui.core.model import Calibration


@dataclass(frozen=True)
class FailureTest:
    """The set to log (reps = the total, taken to technical failure) and its calibration."""

    entry: SetInput
    calibration: Calibration


def verdict(test: Calibration) -> str:
    """One line on what the test showed, for the logging screen."""
    guessed = test.reps_at_stop + test.predicted_rir
    error = test.prediction_error
    said = f"Test set: you guessed {guessed:g} reps in all and did {test.total_reps}"
    if error < 0:
        return f"{said}: {-error:g} more in the tank than you felt."
    if error > 0:
        return f"{said}: form broke {error:g} sooner than you thought."
    return f"{said}: spot on."
