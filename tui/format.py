"""How numbers, counts, times and sets read on screen and in the shell: short, in the
lifter's words. The one place for each: `plural`, `number`, `duration`, `set_text`, `day_text`."""

from __future__ import annotations

import math
import re
from datetime import datetime

from tui.core.entry import Target
from tui.core.model import SetLog, to_kg
from tui.core.stats import in_unit


def plural(count: int, word: str) -> str:
    """`1 set`, `2 sets`, `1,988 sessions`."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def number(value: float | None, signed: bool = False) -> str:
    """A figure to one decimal with thousands separators, `–` when unknown: `1,847.2`, `+2.5`."""
    if value is None:
        return "–"
    if signed and round(value, 1) == 0:
        return "±0"
    text = f"{value:+,.1f}" if signed else f"{value:,.1f}"
    return text.removesuffix(".0")


def duration(seconds: float | None, *, signed: bool = False, countdown: bool = False) -> str:
    """`2:05`, `1:02:11`, `–` when unknown; `signed` adds + or −.

    Rounded to the nearest second, or for a `countdown` towards the later second (a rest with
    16.2 s left shows 0:17, 3.7 s over shows 0:03), so 0:00 shows only at the deadline itself.
    """
    if seconds is None:
        return "–"
    sign = ("-" if seconds < 0 else "+") if signed else ""
    whole = abs(math.ceil(seconds) if countdown else round(seconds))
    hours, minutes = divmod(whole // 60, 60)
    text = f"{minutes}:{whole % 60:02d}" if not hours else f"{hours}:{minutes:02d}:{whole % 60:02d}"
    return sign + text


def weight_text(weight: float) -> str:
    return f"{weight:g}"


def set_text(set_log: SetLog, unit: str | None = None) -> str:
    """`100 kg × 5 @2`, `bw+20 × 5`, `w 60 kg × 5` (warm-up). With `unit`, the load reads in
    that unit (a set lifted in kg, read by a lifter in lb: `220.5 lb × 5`)."""
    weight, shown_unit = set_log.weight, str(set_log.unit)
    if unit is not None and unit != shown_unit:
        weight, shown_unit = round(in_unit(to_kg(weight, shown_unit), unit), 1), unit
    if set_log.bodyweight:
        load = "bw" if weight == 0 else f"bw+{weight_text(weight)}"
    else:
        load = f"{weight_text(weight)} {shown_unit}"
    text = f"{load} × {set_log.reps}"
    if set_log.rir is not None:
        text += f" @{set_log.rir:g}"
    return ("w " if set_log.kind == "warmup" else "") + text


def day_text(moment: datetime, *, with_time: bool = True) -> str:
    """`Tue 25 Nov 2026, 10:40` (or `Tue 25 Nov 2026`) in the computer's local time."""
    local = moment.astimezone()
    return local.strftime("%a %d %b %Y, %H:%M" if with_time else "%a %d %b %Y")


def target_digits(target: Target | None) -> str:
    """The target in big digits, its unit beside the weight: `100kg x5`, `bw+20kg x8`,
    `bw x12`, `x12` (weight not known yet)."""
    if target is None or target.reps is None:
        return ""
    reps = f"x{target.reps}"
    if target.bodyweight:
        added = f"+{target.weight:g}{target.unit}" if target.weight else ""
        return f"bw{added} {reps}"
    return reps if target.weight is None else f"{target.weight:g}{target.unit} {reps}"


def target_line(target: Target | None) -> str:
    """`Target: 100 kg × 5, 2 reps in reserve`."""
    if target is None or target.reps is None:
        return "No target yet: type weight x reps, e.g. 60x8"
    if target.bodyweight:
        load = "bodyweight" + (f" + {target.weight:g} {target.unit}" if target.weight else "")
    elif target.weight is None:
        load = "your choice of weight"
    else:
        load = f"{target.weight:g} {target.unit}"
    word = "rep" if target.rir == 1 else "reps"
    rir = f", {target.rir:g} {word} in reserve" if target.rir is not None else ""
    return f"Target: {load} × {target.reps}{rir}"


def next_up_text(exercise: str, set_number: int, target: Target | None) -> str:
    """What the rest screen says comes next."""
    return f"Next: {exercise}, set {set_number} — {target_line(target)}"


# Control characters (C0, DEL, C1) and the invisible direction overrides: from outside (a
# server's reason, a synced name, an import file's cell) they could move the cursor, retitle
# the terminal or reorder what is read. Shown as escapes instead, everywhere.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, *, lines: bool = False) -> str:
    """`text` with every control character written out (`\\x1b`, `\\u202e`), so what came from
    outside is read, never obeyed, by the terminal; `lines` keeps line breaks."""
    if lines:
        return "\n".join(_UNSHOWABLE.sub(_escaped, line) for line in text.split("\n"))
    return _UNSHOWABLE.sub(_escaped, text)
