"""Log a set: what happens between Enter on a typed line and the set being on disk, through
the app's own path (`LiveSession.submit`: parse, target, rest rule and the durable save).

200 sets, in sessions of 25 like a real evening, on an empty store and on the ten-year store,
interleaved set by set with the floor: a temp file written with the same bytes (live.json as
that set left it), fsynced and renamed over the old one. p50 and p99 of each.

The p99 of 200 is the second slowest save: one stall of the shared disk moves it. So the 200
sets run ten times over and each figure is the median of the ten rounds' percentiles.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.common import Row, copy_store, median, ms, percentile, ratio_text
from tui.application.live_session import LiveSession
from tui.application.sessions import Sessions
from tui.core.live import RestTaken
from tui.core.model import CheckIn
from tui.core.routines import BUILT_IN
from tui.settings import Settings
from tui.store.repository import Store

SETS = 200
ROUNDS = 10
PER_SESSION = 25
START = datetime(2026, 6, 2, 18, 0, tzinfo=timezone.utc)


def floor_write(path: Path, payload: bytes) -> None:
    """The least a durable replace can do: write a temp file, fsync it, rename it over."""
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


@dataclass
class Samples:
    """Save times in seconds, one list per round of SETS sets."""

    empty: list[list[float]]
    ten_year: list[list[float]]
    floor: list[list[float]]
    payload_bytes: int

    def figure(self, which: str, p: float) -> float:
        """The median over the rounds of each round's p-th percentile."""
        return median([percentile(r, p) for r in getattr(self, which)])


def a_line(rng: random.Random) -> str:
    """What a lifter types for one set, e.g. `102.5x7 @2`."""
    weight = 100 + 2.5 * rng.randrange(8)
    return f"{weight:g}x{rng.randrange(3, 11)} @{rng.choice(('1', '2', '2.5'))}"


def a_rest(rng: random.Random) -> RestTaken:
    calm = round(rng.uniform(40, 90), 1) if rng.random() < 0.4 else None
    return RestTaken(180, round(rng.uniform(150, 240), 1), calm)


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


def measure(
    history: Path, home: Path, sets: int = SETS, rounds: int = ROUNDS, seed: int = 3
) -> Samples:
    rng = random.Random(seed)
    empty_dir = home / "log-empty"
    stores = {"empty": Store(empty_dir), "ten_year": Store(copy_store(history, home / "log-ten"))}
    floor_file = home / "log-floor" / "live.json"
    floor_file.parent.mkdir()
    samples: dict[str, list[float]] = {"empty": [], "ten_year": [], "floor": []}
    clock = Clock()
    starts = {name: Sessions(store, settings=Settings, now=clock) for name, store in stores.items()}
    lives: dict[str, LiveSession] = {}
    payload = b""
    try:
        for number in range(sets * rounds):
            clock.at = START + timedelta(
                days=number // PER_SESSION, seconds=150 * (number % PER_SESSION)
            )
            if number % PER_SESSION == 0:  # a new evening: start a session on both stores
                routine = BUILT_IN[(number // PER_SESSION) % len(BUILT_IN)]
                for name, sessions in starts.items():
                    lives[name], _ = sessions.start(sessions.plan(routine, CheckIn()))
            line, rest = a_line(rng), a_rest(rng)
            # The floor needs this set's bytes, so it runs right after the empty store;
            # the two stores take turns going first.
            order = ("empty", "floor", "ten_year") if number % 2 else ("ten_year", "empty", "floor")
            for which in order:
                if which == "floor":
                    started = time.perf_counter()
                    floor_write(floor_file, payload)
                else:
                    live = lives[which]
                    live.rested(rest)
                    started = time.perf_counter()
                    live.submit(line)
                samples[which].append(time.perf_counter() - started)
                if which == "empty":
                    payload = (empty_dir / "live.json").read_bytes()
    finally:
        for store in stores.values():
            store.close()

    def by_round(values: list[float]) -> list[list[float]]:
        return [values[i : i + sets] for i in range(0, len(values), sets)]

    return Samples(
        by_round(samples["empty"]),
        by_round(samples["ten_year"]),
        by_round(samples["floor"]),
        len(payload),
    )


def rows(s: Samples) -> list[Row]:
    e50, e99 = s.figure("empty", 50), s.figure("empty", 99)
    t50, t99 = s.figure("ten_year", 50), s.figure("ten_year", 99)
    f50, f99 = s.figure("floor", 50), s.figure("floor", 99)
    n = f"{len(s.empty[0])} (median of {len(s.empty)} rounds)"
    return [
        Row(
            f"log a set: floor (write+fsync+rename, {s.payload_bytes // 1024} KiB), p50 / p99",
            f"{ms(f50)} / {ms(f99)}",
        ),
        Row(
            f"log a set: empty store, p50 / p99 of {n}",
            f"{ms(e50)} / {ms(e99)}",
            f"{ratio_text(e50 / f50)} floor at p50",
            "≤ 3× floor at p50",
            e50 / f50 <= 3,
        ),
        Row(
            f"log a set: ten-year store, p50 / p99 of {n}",
            f"{ms(t50)} / {ms(t99)}",
            f"{ratio_text(t99 / e99)} empty at p99",
            "≤ 1.2× empty at p99",
            t99 / e99 <= 1.2,
        ),
    ]
