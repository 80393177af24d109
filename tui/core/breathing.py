"""Breathing patterns for the rest between sets, as pure functions of time.

- cyclic-sigh (the default): three cyclic sighs — a full breath in through the nose, a
  second short sip on top, a long slow breath out — then slow breathing at about six
  breaths a minute (4 s in, 6 s out).
- resonance: six breaths a minute from the start.
- box: 4 s in, 4 s hold, 4 s out, 4 s hold.
- off: no pacer.

`breath_at(pattern, t)` says where in the pattern the lifter is `t` seconds into the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    name: str  # "in", "top-up", "hold" or "out"
    seconds: float
    cue: str
    lungs_from: float  # how full the lungs are at the start of the phase, 0–1
    lungs_to: float


@dataclass(frozen=True)
class Breath:
    phase: str
    cue: str
    fraction: float  # how far through this phase, 0–1
    lungs: float  # how full the lungs should be now, 0–1 (drives the animation)
    seconds_left: float  # until the next phase


SIGH = (
    Phase("in", 2.0, "Breathe in through the nose", 0.0, 0.75),
    Phase("top-up", 1.0, "…and a second short sip", 0.75, 1.0),
    Phase("out", 6.0, "Long, slow breath out", 1.0, 0.0),
)
RESONANCE = (
    Phase("in", 4.0, "Breathe in slowly", 0.0, 1.0),
    Phase("out", 6.0, "Breathe out slowly", 1.0, 0.0),
)
BOX = (
    Phase("in", 4.0, "Breathe in", 0.0, 1.0),
    Phase("hold", 4.0, "Hold", 1.0, 1.0),
    Phase("out", 4.0, "Breathe out", 1.0, 0.0),
    Phase("hold", 4.0, "Hold", 0.0, 0.0),
)
SIGHS_FIRST = 3

# pattern name -> (phases done once at the start, phases repeated after them)
PATTERNS: dict[str, tuple[tuple[Phase, ...], tuple[Phase, ...]]] = {
    "cyclic-sigh": (SIGH * SIGHS_FIRST, RESONANCE),
    "resonance": ((), RESONANCE),
    "box": ((), BOX),
}


def _where(phases: tuple[Phase, ...], t: float) -> Breath:
    for phase in phases:
        if t < phase.seconds:
            fraction = t / phase.seconds
            lungs = phase.lungs_from + (phase.lungs_to - phase.lungs_from) * fraction
            return Breath(phase.name, phase.cue, fraction, lungs, phase.seconds - t)
        t -= phase.seconds
    raise AssertionError("t lies beyond the phases")


def breath_at(pattern: str, t: float) -> Breath | None:
    """Where in `pattern` the lifter is `t` seconds into the rest; None for "off" or unknown."""
    if pattern not in PATTERNS:
        return None
    intro, cycle = PATTERNS[pattern]
    t = max(0.0, t)
    intro_length = sum(p.seconds for p in intro)
    if t < intro_length:
        return _where(intro, t)
    cycle_length = sum(p.seconds for p in cycle)
    return _where(cycle, (t - intro_length) % cycle_length)


def breaths_per_minute(pattern: str) -> float | None:
    """The pace of the repeating part of a pattern."""
    if pattern not in PATTERNS:
        return None
    return 60 / sum(p.seconds for p in PATTERNS[pattern][1])
