"""Clocks the app reads (tests inject their own).

The rest clock counts through a laptop's sleep (CLOCK_BOOTTIME on Linux), so a countdown
is right the moment the lid opens again; elsewhere it falls back to time.monotonic.
"""

from __future__ import annotations

import time

_BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


def rest_clock() -> float:
    if _BOOTTIME is not None:
        return time.clock_gettime(_BOOTTIME)
    return time.monotonic()
