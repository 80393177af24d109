"""How numbers and times read on screen and in the shell: short, in the lifter's words."""

from __future__ import annotations

from datetime import datetime

from tui.core.model import SetLog


def weight_text(weight: float) -> str:
    return f"{weight:g}"


def set_text(set_log: SetLog) -> str:
    """`100 × 5 @2`, `bw+20 × 5`, `w 60 × 5` (warm-up)."""
    if set_log.bodyweight:
        load = "bw" if set_log.weight == 0 else f"bw+{weight_text(set_log.weight)}"
    else:
        load = f"{weight_text(set_log.weight)} {set_log.unit}"
    text = f"{load} × {set_log.reps}"
    if set_log.rir is not None:
        text += f" @{set_log.rir:g}"
    return ("w " if set_log.kind == "warmup" else "") + text


def day_text(moment: datetime) -> str:
    """`Tue 25 Nov 2026, 10:40` in the computer's local time."""
    local = moment.astimezone()
    return local.strftime("%a %d %b %Y, %H:%M")
