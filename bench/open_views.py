"""Review, history, progress chart: time to open each on the ten-year store (bench/views.py).

One child process per view: `onemore` starts on a copy of the ten-year store, waits for the
home screen, then opens the view five times with the home screen's key action (open, work
done, painted, back); the median counts. The target applies to "complete": the screen shows
what the lifter opened it for (a review with its PRs, the history with its PR column).
A view that is not built yet is listed as not measurable.

For memory, each view is also opened the same way on a one-month store (a dozen sessions):
the same screens with almost no history, so the memory figures can tell what ten years add
from what a second screen costs in Textual itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.common import Row, copy_store, median, ms, ratio_text, run_child
from bench.make_history import cached_history
from bench.startup import onemore_args
from bench.views import VIEWS

TARGET_S = 0.2
SMALL_YEARS = 1 / 12  # the comparison store for memory: about a month of sessions


@dataclass(frozen=True)
class Opened:
    name: str
    first_s: list[float]  # to the first paint of the screen
    complete_s: list[float]  # to the screen complete with its data
    why: str = ""  # why it was not measurable
    peak_rss_kb: int = 0
    small_store_peak_rss_kb: int = 0  # the same view opened on the one-month store


def measure(history: Path, home: Path, repeats: int = 5) -> list[Opened]:
    store = copy_store(history, home / "views-store")
    small = copy_store(cached_history(SMALL_YEARS), home / "views-small-store")
    opened = []
    for name in VIEWS:
        child = run_child(
            [*onemore_args(store, home), "--open", name, "--repeat", str(repeats)],
            home,
            timeout=300,
        )
        times = child.result["open_s"]
        problem = next((t for t in times if isinstance(t, str)), None)
        if problem is not None:
            opened.append(Opened(name, [], [], problem))
            continue
        on_small = run_child(
            [*onemore_args(small, home), "--open", name, "--repeat", str(repeats)], home
        )
        opened.append(
            Opened(
                name,
                [t[0] for t in times],
                [t[1] for t in times],
                peak_rss_kb=child.result["peak_rss_kb"],
                small_store_peak_rss_kb=on_small.result["peak_rss_kb"],
            )
        )
    return opened


def rows(opened: list[Opened]) -> list[Row]:
    out = []
    for view in opened:
        if view.why:
            out.append(Row(f"open {view.name}, ten-year store", view.why, target="≤ 200 ms"))
            continue
        first, complete = median(view.first_s), median(view.complete_s)
        out.append(
            Row(
                f"open {view.name}, ten-year store: first paint / complete (median of "
                f"{len(view.complete_s)})",
                f"{ms(first)} / {ms(complete)}",
                f"{ratio_text(complete / TARGET_S)} target",
                "≤ 200 ms",
                complete <= TARGET_S,
            )
        )
    return out
