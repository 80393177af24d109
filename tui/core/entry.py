"""Read the one line a lifter types at the rack into a set to log.

Grammar (case-insensitive, spaces allowed around every token):

    [w] [load] x reps [@rir]

    load    100 | 62.5 | 62,5        weight, in the target's unit (else the default unit)
            100kg | 225lb | 225 lbs  weight with its unit; an explicit unit wins
            (nothing)                the last set's load; without a last set, the target's
            +2.5 | -5                the target weight changed by this much (a unit converts)
            bw | bw+20 | bw + 20lb   bodyweight, with optional added load
    x       x, X, *, ×
    reps    a whole number 0–100 ("10.0" counts as 10)
    @rir    reps in reserve, 0–10 in half steps: @2, @ 2, @1.5, @1,5
    w       warm-up: w60x5, w 60x5, wbw x10

An empty line logs the target as it is; "@2" alone logs it with that RIR, "w" alone as a
warm-up (the target's RIR is kept unless an @ gives another).

A decimal comma is a decimal point, so "1,000" is one, not a thousand.
Assisted bodyweight ("bw-20x5") is rejected: a logged load cannot be below bodyweight.
A lone number ("100", "5") is rejected: it could be the weight or the reps.

Fullwidth characters are folded ("１００ｘ５" is "100x5"); other digits and symbols are not.

Anything that cannot be logged raises EntryError, and nothing else: a plain-words message
and an example that parses in the same context (same target, last set and unit).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from tui.core.model import (
    LB_PER_KG,
    MAX_REPS,
    UNITS,
    ModelError,
    SetLog,
    check_rir,
    max_weight,
)

# A plain decimal: "100", "62.5", "62.", ".5". No signs, exponents, nan or inf.
_NUMBER = r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+"
_PLAIN_NUMBER = re.compile(_NUMBER)
_AMOUNT = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<unit>kgs?|lbs?)?")
_UNIT_NAMES = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}

_LIKELY_REPS = 30  # a lone whole number up to this is more likely reps than a weight
_EXAMPLE_REPS = 5


class EntryError(ValueError):
    """A line that cannot be logged: what is wrong, and an example that would work."""

    def __init__(self, message: str, example: str) -> None:
        super().__init__(message, example)
        self.message = message
        self.example = example

    def __str__(self) -> str:
        return f"{self.message} e.g. {self.example}"


@dataclass(frozen=True)
class Target:
    """What the app suggests for the next set. `weight` is in `unit`; None when unknown."""

    weight: float | None
    reps: int | None
    rir: float | None = None
    unit: str = "kg"
    bodyweight: bool = False


@dataclass(frozen=True)
class SetInput:
    """A fully resolved set to log. For bodyweight sets `weight` is the added load."""

    weight: float
    reps: int
    unit: str
    bodyweight: bool = False
    rir: float | None = None
    warmup: bool = False


def entry_of(set_log: SetLog) -> SetInput:
    """A logged set as the line it was typed from (its load, reps, RIR and kind)."""
    return SetInput(
        weight=set_log.weight,
        reps=set_log.reps,
        unit=set_log.unit,
        bodyweight=set_log.bodyweight,
        rir=set_log.rir,
        warmup=not set_log.is_working,
    )


class _Load(NamedTuple):
    """What is on the bar: a checked weight in its unit, and whether it is on top of bodyweight."""

    weight: float
    unit: str
    bodyweight: bool


@dataclass(frozen=True)
class _Context:
    """Where a line is read: the suggested set, the set just logged, the lifter's unit."""

    target: Target | None
    last: SetInput | None
    default_unit: str

    @property
    def unit(self) -> str:
        """The unit of a weight typed without one."""
        return self.target.unit if self.target is not None else self.default_unit

    def target_load(self) -> _Load | None:
        target = self.target
        if target is None:
            return None
        weight = target.weight
        if weight is None and target.bodyweight:
            weight = 0.0  # a bodyweight target with no added load is still a load
        if weight is None:
            return None
        return _checked_load(weight, target.unit, target.bodyweight)

    def repeat_load(self) -> _Load | None:
        """What "x6" means: the last set's load, else the target's."""
        last = self.last
        if last is not None:
            return _checked_load(last.weight, last.unit, last.bodyweight)
        return self.target_load()


def parse_entry(
    text: str, target: Target | None = None, last: SetInput | None = None, unit: str = "kg"
) -> SetInput:
    """The set the lifter typed. Raises EntryError (and nothing else) for anything it cannot log.

    See the module docstring for the grammar and the calls made on unclear input.
    """
    if not isinstance(text, str):
        raise EntryError("Type weight x reps.", "100x5")
    context = _Context(target, last, unit)
    line, rir = _take_rir(_normalized(text))
    line, warmup = _take_warmup(line)
    if not line:
        return _target_set(context, rir, warmup)
    load_text, reps_text = _split_at_x(line, context)
    reps = _reps(reps_text)
    load = _load(load_text, context, reps)
    return SetInput(load.weight, reps, load.unit, load.bodyweight, rir, warmup)


def format_set(
    weight: float,
    reps: int,
    unit: str,
    bodyweight: bool = False,
    rir: float | None = None,
    warmup: bool = False,
    default_unit: str = "kg",
) -> str:
    """The line a lifter would type for this set, e.g. "100x5", "w62.5x8 @2", "bw+20x5".

    The unit is written only when it differs from `default_unit`, so parse the line back with
    that unit as the default (or a target in it).
    """
    unit_text = "" if unit == default_unit else unit
    if bodyweight and not weight and not unit_text:
        load = "bw"
    elif bodyweight:
        load = f"bw+{_number_text(weight)}{unit_text}"
    else:
        load = f"{_number_text(weight)}{unit_text}"
    line = f"{'w' if warmup else ''}{load}x{reps}"
    return line if rir is None else f"{line} @{_number_text(rir)}"


def _normalized(text: str) -> str:
    """Lower case, one spelling per symbol: fullwidth forms folded, "×"/"*" as "x", "," as "."."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return text.replace("×", "x").replace("*", "x").replace(",", ".")


def _take_rir(line: str) -> tuple[str, float | None]:
    """Split off a trailing "@rir"."""
    if "@" not in line:
        return line, None
    head, _, rir_text = line.partition("@")
    rir_text = rir_text.strip()
    if "@" in rir_text:
        raise EntryError("Give reps in reserve once, at the end.", "100x5 @2")
    if not rir_text:
        raise EntryError("Put the reps in reserve after the @.", "100x5 @2")
    if not _PLAIN_NUMBER.fullmatch(rir_text):
        raise _rir_error()
    return head.strip(), _checked_rir(float(rir_text))


def _take_warmup(line: str) -> tuple[str, bool]:
    """Split off a leading "w" (nothing else in the grammar starts with w)."""
    if line.startswith("w"):
        return line[1:].strip(), True
    return line, False


def _target_set(context: _Context, rir: float | None, warmup: bool) -> SetInput:
    """An empty line (maybe with @rir or w): the target as it is."""
    target = context.target
    load = context.target_load()
    if target is None or load is None or target.reps is None:
        raise EntryError("Nothing to log yet — type weight x reps.", "100x5")
    reps = _whole_reps(target.reps)
    if rir is None:
        rir = _checked_rir(target.rir)
    return SetInput(load.weight, reps, load.unit, load.bodyweight, rir, warmup)


def _split_at_x(line: str, context: _Context) -> tuple[str, str]:
    parts = line.split("x")
    if len(parts) > 2:
        raise EntryError("Type one x, between the weight and the reps.", "100x5")
    if len(parts) < 2:
        raise _missing_x_error(line, context)
    return parts[0].strip(), parts[1].strip()


def _missing_x_error(line: str, context: _Context) -> EntryError:
    if _PLAIN_NUMBER.fullmatch(line):
        # "100" or "5": guessing weight or reps would log a wrong set, so ask.
        return EntryError(
            "A lone number could be the weight or the reps — type weight x reps.",
            _example_from_number(float(line)),
        )
    try:
        load = _load(line, context, _EXAMPLE_REPS)
    except EntryError:
        return EntryError("Type weight x reps.", "100x5")
    example = _format_load(load, _EXAMPLE_REPS, context)
    return EntryError("Add the reps after an x.", example)


def _format_load(load: _Load, reps: int, context: _Context) -> str:
    """An example line for this load that reads back the same in `context`."""
    return format_set(load.weight, reps, load.unit, load.bodyweight, default_unit=context.unit)


def _example_from_number(number: float) -> str:
    if number.is_integer() and 1 <= number <= _LIKELY_REPS:
        return f"100x{int(number)}"
    if number <= max_weight("kg"):  # fits in either unit
        return f"{_number_text(number)}x{_EXAMPLE_REPS}"
    return "100x5"


def _reps(text: str) -> int:
    if not text:
        raise EntryError("Reps are missing after the x.", "100x5")
    if _PLAIN_NUMBER.fullmatch(text):
        return _whole_reps(float(text))
    if _AMOUNT.fullmatch(text):
        raise EntryError("Put the unit after the weight, not after the reps.", "100kgx5")
    raise _reps_error()


def _whole_reps(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _reps_error()
    if not 0 <= value <= MAX_REPS or not float(value).is_integer():  # range first: inf, nan
        raise _reps_error()
    return int(value)


def _reps_error() -> EntryError:
    return EntryError(f"Reps must be a whole number from 0 to {MAX_REPS}.", "100x5")


def _checked_rir(rir: float | None) -> float | None:
    try:
        check_rir(rir)
    except (ModelError, TypeError):
        raise _rir_error() from None
    return None if rir is None else float(rir)


def _rir_error() -> EntryError:
    return EntryError("Reps in reserve must be 0–10 in half steps, like @2 or @1.5.", "100x5 @2")


def _load(text: str, context: _Context, reps: int) -> _Load:
    """The load typed before the x: repeated, bodyweight, changed from the target, or a weight."""
    if not text:
        return _repeated_load(context, reps)
    if text.startswith("bw"):
        return _bodyweight_load(text[2:].strip(), context)
    if text[0] in "+-":
        return _changed_load(text[0], text[1:].strip(), context, reps)
    weight, unit = _amount(text)
    return _checked_load(weight, unit or context.unit, bodyweight=False)


def _repeated_load(context: _Context, reps: int) -> _Load:
    load = context.repeat_load()
    if load is None:
        raise EntryError("No weight to repeat yet — type the weight too.", f"100x{reps}")
    return load


def _bodyweight_load(rest: str, context: _Context) -> _Load:
    """After "bw": nothing, or "+added load"."""
    if not rest:
        return _checked_load(0.0, context.unit, bodyweight=True)
    if rest.startswith("-"):
        raise EntryError(
            "Assisted sets (bw minus a load) can't be logged; log bw x reps.", "bw x 12"
        )
    if not rest.startswith("+"):
        raise EntryError(
            "Bodyweight sets look like bw x 12, or bw+20x5 with added load.", "bw+20x5"
        )
    added, unit = _amount(rest[1:].strip())
    return _checked_load(added, unit or context.unit, bodyweight=True)


def _changed_load(sign: str, rest: str, context: _Context, reps: int) -> _Load:
    """A change from the target weight ("+2.5", "-5"), kept in the target's unit."""
    base = context.target_load()
    if base is None:
        raise EntryError("There is no target weight to change — type the weight.", f"100x{reps}")
    change, unit = _amount(rest)
    change = _converted(change, unit or base.unit, base.unit)
    weight = base.weight + change if sign == "+" else base.weight - change
    if round(weight, 3) < 0:
        example = _format_load(base, reps, context)
        raise EntryError(f"That takes the weight below 0 {base.unit}.", example)
    return _checked_load(weight, base.unit, base.bodyweight)


def _amount(text: str) -> tuple[float, str | None]:
    """A number with an optional unit: "62.5", "100kg", "225 lbs"."""
    match = _AMOUNT.fullmatch(text)
    if match is None:
        raise EntryError("Weight must be a number, like 100 or 62.5.", "100x5")
    unit = _UNIT_NAMES[match["unit"]] if match["unit"] else None
    return float(match["number"]), unit  # float() of any digit string is safe (maybe inf)


def _converted(weight: float, from_unit: str, to_unit: str) -> float:
    if from_unit == to_unit:
        return weight
    return weight * LB_PER_KG if to_unit == "lb" else weight / LB_PER_KG


def _checked_load(weight: float, unit: str, bodyweight: bool) -> _Load:
    if unit not in UNITS:
        raise EntryError("The weight unit must be kg or lb.", "100kgx5")
    weight = round(weight, 3) + 0.0  # drop float noise (62.50000001) and -0.0
    if not 0 <= weight <= max_weight(unit):
        raise EntryError(f"Weight must be 0–{max_weight(unit):g} {unit}.", "100x5")
    return _Load(weight, unit, bodyweight)


def _number_text(value: float) -> str:
    """A weight or RIR as typed: at most 3 decimals, no trailing zeros ("62.5", "100")."""
    return f"{value:.3f}".rstrip("0").rstrip(".")
