"""How a sync shares the interpreter with the app's screens while it runs.

- No pass of the cyclic garbage collector: a pull decodes ten years of sessions and the
  store keeps the year files it wrote, hundreds of thousands of containers that each full
  pass walks, 100-170 ms with every thread stopped, a key at the rack included. Those
  objects are freed by their reference counts, not by the collector; what lives at the end
  is frozen out of later passes (as tui/collector.py does at start and after each rest,
  where a full collection of everything runs again).
- The interpreter lock changes hands every SWITCH_S instead of every 5 ms: a set being
  saved gives the lock up at each system call (write, fsync, rename) and waited up to a
  switch interval each time to get it back from the sync's thread.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tui import collector

SWITCH_S = 0.001


@contextmanager
def sharing_the_interpreter() -> Iterator[None]:
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, SWITCH_S))
    try:
        with collector.paused():
            try:
                yield
            finally:
                collector.freeze()  # else the next pass walks all that was made meanwhile
    finally:
        sys.setswitchinterval(switch)
