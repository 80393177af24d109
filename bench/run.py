"""`make bench`: every figure of issue 7, measured side by side in one run, as one table.

    python -m bench.run [--only startup,log,keys,rest,views,import,export,sync,coach] [--repeats N]

Progress goes to stderr, the table to stdout. Ratios are the figures to trust: each one
compares two things measured in the same run on the same (noisy) machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import textual

from bench import (
    coach_sim,
    exporting,
    importing,
    keys,
    log_set,
    memory,
    open_views,
    rest_timer,
    startup,
    sync,
)
from bench.common import Row, scratch, table
from bench.make_history import cache_key, cached_history, generate, stats_of

FIGURES = ("startup", "log", "keys", "rest", "views", "import", "export", "sync", "coach")
NEEDS_NO_HISTORY = {"coach"}  # the simulated lifters make their own
T = TypeVar("T")


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        default=",".join(FIGURES),
        help=f"comma-separated figures (default: all of {', '.join(FIGURES)})",
    )
    parser.add_argument("--repeats", type=int, default=9, help="start-up runs of each app")
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    wanted = [f.strip() for f in args.only.split(",") if f.strip()]
    unknown = set(wanted) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    if set(wanted) <= NEEDS_NO_HISTORY:
        coach = coach_sim.measure()
        print("\n".join(coach_sim.lines(coach)))
        return 0
    history = cached_history(args.years, args.seed, say=say)
    say(f"history: {history.name}")
    rows: list[Row] = []
    coach = None

    def attempt(name: str, measure: Callable[[], T]) -> T | None:
        """Run one figure; a figure that cannot run is a row saying why, not a lost table."""
        say(f"{name} …")
        try:
            return measure()
        except Exception as problem:
            rows.append(Row(name, f"could not run: {str(problem).splitlines()[0][:70]}", ok=False))
            return None

    runs = opened = None
    with scratch("run") as home:
        if "startup" in wanted:
            runs = attempt(
                f"start-up (bare, empty, ten-year × {args.repeats})",
                lambda: startup.measure(history, home, args.repeats),
            )
            rows += startup.rows(runs) if runs else []
        if "log" in wanted:
            samples = attempt(
                f"log a set ({log_set.ROUNDS} × {log_set.SETS} sets)",
                lambda: log_set.measure(history, home),
            )
            rows += log_set.rows(samples) if samples else []
        if "keys" in wanted:
            timed = attempt(
                f"keys at the rack ({keys.SETS} sets × 3 screen changes, bare / empty / ten-year)",
                lambda: keys.measure(history, home),
            )
            rows += keys.rows(timed) if timed else []
        if "rest" in wanted:
            rest = attempt(
                f"rest timer ({rest_timer.WINDOW_S:g} s on the real clock)",
                lambda: rest_timer.measure(home),
            )
            rows += rest_timer.rows(rest) if rest else []
        if "views" in wanted:
            opened = attempt(
                "review, history, progress chart", lambda: open_views.measure(history, home)
            )
            rows += open_views.rows(opened) if opened else []
        if "import" in wanted:
            imported = attempt(
                f"import ({importing.ROWS:,}-row Strong CSV, and its floor)",
                lambda: importing.measure(home),
            )
            rows += importing.rows(imported) if imported else []
        if "export" in wanted:
            exported = attempt(
                "export (json and csv of the ten-year store, and their floors)",
                lambda: exporting.measure(history, home),
            )
            rows += exporting.rows(exported) if exported else []
        if "sync" in wanted:
            synced = attempt("sync (push, pull, one session)", lambda: sync.measure(history, home))
            rows += sync.rows(synced) if synced else []
        if "coach" in wanted:
            coach = attempt("coach (simulated lifters, 12 weeks)", coach_sim.measure)
            rows += coach_sim.rows(coach) if coach else []
        if runs is not None:
            rows += memory.rows(runs, opened)

    stats = stats_of(generate(args.years, args.seed))
    print(
        f"OneMore benchmarks, {datetime.now():%Y-%m-%d %H:%M}: "
        f"Python {platform.python_version()}, Textual {textual.__version__}, "
        f"{os.cpu_count()} cores"
    )
    print(f"Ten-year store: {stats.line()} ({cache_key(args.years, args.seed)})")
    print()
    print(table(rows))
    if coach:
        print()
        print("\n".join(coach_sim.lines(coach)))
    missed = [r.figure for r in rows if r.ok is False]
    print()
    print(
        f"{len(missed)} of {sum(r.ok is not None for r in rows)} targets missed"
        f" ({time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
