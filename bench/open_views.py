"""Review, history, progress chart: time to open each on the ten-year store (bench/views.py).

One child process per view and store: `onemore` starts on a copy of the store, waits for the
home screen, then opens the view five times with the home screen's key action (open, work
done, painted, back); the median counts. "Complete" is when the screen shows what the
lifter opened it for (a review with its PRs, the history with its PR column).

Two comparisons, both in the same run: the ten-year store against a one-month store (a dozen
sessions: the same screens with almost no history, so the figure says what ten years add),
and against a bare Textual app opening a bare screen of the same size (a heading, a
screenful of text, a footer) from a home screen the same way (what Textual itself costs).
The memory figures (bench/memory.py) use the same children.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.common import Row, copy_store, median, ms, ratio_text, run_child
from bench.make_history import cached_history
from bench.startup import CHILD, onemore_args
from bench.views import VIEWS

TARGET_MONTH_RATIO = 1.1  # ten-year against one-month (issue 14)
TARGET_FLOOR_RATIO = 2.0  # against the bare screen
SMALL_YEARS = 1 / 12  # the comparison store: about a month of sessions


@dataclass(frozen=True)
class Opened:
    name: str
    first_s: list[float]  # to the first paint of the screen
    complete_s: list[float]  # to the screen complete with its data
    why: str = ""  # why it was not measurable
    peak_rss_kb: int = 0
    small_store_peak_rss_kb: int = 0  # the same view opened on the one-month store
    small_complete_s: tuple[float, ...] = ()  # complete, on the one-month store
    floor_complete_s: tuple[float, ...] = ()  # complete, the bare screen in a bare app
    floor_peak_rss_kb: int = 0  # the bare app with its bare view opened


def measure(history: Path, home: Path, repeats: int = 5) -> list[Opened]:
    store = copy_store(history, home / "views-store")
    small = copy_store(cached_history(SMALL_YEARS), home / "views-small-store")
    opened = []
    for name in VIEWS:
        again = ["--open", name, "--repeat", str(repeats)]
        child = run_child([*onemore_args(store, home), *again], home, timeout=300)
        times = child.result["open_s"]
        problem = next((t for t in times if isinstance(t, str)), None)
        if problem is not None:
            opened.append(Opened(name, [], [], problem))
            continue
        on_small = run_child([*onemore_args(small, home), *again], home)
        floor = run_child([CHILD, "bare", *again], home)
        opened.append(
            Opened(
                name,
                [t[0] for t in times],
                [t[1] for t in times],
                peak_rss_kb=child.result["peak_rss_kb"],
                small_store_peak_rss_kb=on_small.result["peak_rss_kb"],
                small_complete_s=tuple(t[1] for t in on_small.result["open_s"]),
                floor_complete_s=tuple(t[1] for t in floor.result["open_s"]),
                floor_peak_rss_kb=floor.result["peak_rss_kb"],
            )
        )
    return opened


def rows(opened: list[Opened]) -> list[Row]:
    out = []
    for view in opened:
        if view.why:
            out.append(Row(f"open {view.name}, ten-year store", view.why))
            continue
        first, complete = median(view.first_s), median(view.complete_s)
        month, floor = median(list(view.small_complete_s)), median(list(view.floor_complete_s))
        to_month, to_floor = complete / month, complete / floor
        out.append(
            Row(
                f"open {view.name}, ten-year: first paint / complete (median of "
                f"{len(view.complete_s)}; one-month {ms(month)}, bare screen {ms(floor)})",
                f"{ms(first)} / {ms(complete)}",
                f"{ratio_text(to_month)} one-month, {ratio_text(to_floor)} bare",
                f"≤ {TARGET_MONTH_RATIO}× one-month, ≤ {TARGET_FLOOR_RATIO:g}× bare",
                to_month <= TARGET_MONTH_RATIO and to_floor <= TARGET_FLOOR_RATIO,
            )
        )
    return out
