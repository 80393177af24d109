"""Memory: peak RSS (VmHWM) of `onemore` on the ten-year store against the bare Textual app.

No run of its own: the start-up children report their peak (at the home screen), and the
view children theirs (home screen, then the view opened five times): the most the app
holds in a session that reviews the past. A view's floor is the bare app with a bare view
of the same size opened the same way (bench/open_views.py); beside it, the same view on a
one-month store, which is what the screens cost with (almost) no history behind them.
"""

from __future__ import annotations

from bench.common import Row, median, ratio_text
from bench.open_views import Opened
from bench.startup import Runs

TARGET = 1.3


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def rows(runs: Runs, opened: list[Opened] | None) -> list[Row]:
    bare = median(runs.peak_rss_kb["bare"])
    ten = median(runs.peak_rss_kb["ten-year"])
    out = [
        Row("memory: peak RSS, bare Textual app (floor)", mib(bare)),
        Row(
            "memory: peak RSS, onemore on the ten-year store (home screen)",
            mib(ten),
            f"{ratio_text(ten / bare)} bare",
            "≤ 1.3× bare",
            ten / bare <= TARGET,
        ),
    ]
    for view in opened or []:
        if view.peak_rss_kb and view.floor_peak_rss_kb:
            peak, small, floor = (
                view.peak_rss_kb,
                view.small_store_peak_rss_kb,
                view.floor_peak_rss_kb,
            )
            out.append(
                Row(
                    f"memory: peak RSS, {view.name} opened: ten-year / one-month store "
                    f"(bare app with a bare view {mib(floor)})",
                    f"{mib(peak)} / {mib(small)}",
                    f"{ratio_text(peak / floor)} / {ratio_text(small / floor)} bare",
                    f"≤ {TARGET}× bare",
                    peak / floor <= TARGET,
                )
            )
    return out
