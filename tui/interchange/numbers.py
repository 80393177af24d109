"""Numbers as phone apps write them, and back: float noise, decimal commas, RPE and RIR."""

from __future__ import annotations

import math
from functools import lru_cache

from tui.core.model import MAX_RIR

DECIMALS = 3  # apps store kg as binary floats: 149.99999999999997 means 150


class RowProblem(ValueError):
    """One row cannot be read; the message says why in the lifter's words (no values)."""


@lru_cache(maxsize=4096)  # an export repeats its weights, reps and rests on row after row
def number(text: str, what: str) -> float | None:
    """'149.99999999999997' -> 150.0, '37,5' -> 37.5, '' -> None; RowProblem if not a number."""
    text = text.strip()
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # localized exports write a decimal comma
    try:
        value = float(text)
    except ValueError:
        raise RowProblem(f"{what} is not a number") from None
    if not math.isfinite(value):
        raise RowProblem(f"{what} is not a number")
    return round(value, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


def whole(value: float, what: str) -> int:
    if value != int(value):
        raise RowProblem(f"{what} are not a whole number")
    return int(value)


def half_step(value: float) -> float:
    return round(value * 2) / 2


def rir_from_rpe(rpe: float | None) -> float | None:
    """RPE 8 -> 2 reps in reserve; clamped to 0–10 and rounded to half steps."""
    if rpe is None:
        return None
    return min(MAX_RIR, max(0.0, half_step(10 - rpe)))


def rpe_from_rir(rir: float | None) -> float | None:
    return None if rir is None else 10 - rir


@lru_cache(maxsize=4096)  # an export writes the same weights and rests on row after row
def plain(value: float | None) -> str:
    """A number without float noise or trailing zeros: 37.5, 100, 220.46; '' for None."""
    if value is None:
        return ""
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
