"""The cyclic garbage collector runs while the lifter rests, not while they wait for a screen.

Each screen change leaves a few thousand objects in cycles (widgets, their styles and render
caches). Python's collector walks every tracked object in a full pass, and with the app's
live widgets and caches that pass took up to 100–200 ms: a key at the rack that happened to
trigger one waited that long. So everything alive is frozen out of the collector's passes
(`gc.freeze`: its own passes then walk only what came since), and a full collection of
everything runs a moment into each rest, when nobody waits for the screen; what survives it
is frozen again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

REST_COLLECT_AFTER_S = 0.5  # into a rest: its screen has settled, the next set is minutes away


def freeze() -> None:
    """Leave what lives now out of the collector's passes (start-up's imports, the first screen)."""
    gc.freeze()


def collect_all() -> None:
    """One full pass over everything, frozen or not, then freeze the survivors again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block. A command that builds a great many objects
    that all live until it ends (an import's rows and sets, an export's sessions) would
    have the collector walk them again and again, finding nothing: a sixth of an import."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
