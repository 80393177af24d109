"""A one-line progress bar on stderr, for long reads: only on a terminal, at most 10 redraws/s.

It first appears after a tenth of a second, so a small file shows no bar at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

REDRAW_EVERY_S = 0.1
WIDTH = 30


class ProgressBar:
    def __init__(
        self, stream: TextIO, label: str, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.label = label
        self.clock = clock
        self.enabled = stream.isatty()
        self.last_drawn = clock()
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last_drawn < REDRAW_EVERY_S:
            return
        self.last_drawn = now
        self.draw(done, total)

    def draw(self, done: int, total: int) -> None:
        fraction = min(1.0, done / total) if total else 1.0
        filled = round(WIDTH * fraction)
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {fraction:4.0%}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Wipe the bar, so what follows starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
