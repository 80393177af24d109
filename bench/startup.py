"""Start-up: process spawn to the first screen painted and idle, headless, then exit.

Three children, interleaved round by round (a different order each round) so that drift
on a noisy machine hits them alike: a bare Textual app (one Static) as the floor, `onemore`
on an empty store, and `onemore` on the ten-year store. The median of the repeats counts.
Each child also reports its peak RSS, which the memory figure uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT, Row, copy_store, median, ms, ratio_text, run_child

CHILD = str(ROOT / "bench" / "app_child.py")
TARGET_RATIO = 1.3  # start-up on the empty store against the bare app (issue 14)


@dataclass
class Runs:
    wall_s: dict[str, list[float]] = field(default_factory=dict)
    first_screen_s: dict[str, list[float]] = field(default_factory=dict)  # inside the child
    peak_rss_kb: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, wall: float, result: dict) -> None:
        self.wall_s.setdefault(name, []).append(wall)
        self.first_screen_s.setdefault(name, []).append(
            result["first_screen_at"] - result["started_at"]
        )
        self.peak_rss_kb.setdefault(name, []).append(result["peak_rss_kb"])

    def median_wall(self, name: str) -> float:
        return median(self.wall_s[name])


def onemore_args(data_dir: Path, home: Path) -> list[str]:
    return [CHILD, "onemore", "--data-dir", str(data_dir), "--config", str(home / "config.toml")]


def measure(history: Path, home: Path, repeats: int) -> Runs:
    empty = home / "empty-store"
    ten_year = copy_store(history, home / "ten-year-store")
    children = {
        "bare": [CHILD, "bare"],
        "empty": onemore_args(empty, home),
        "ten-year": onemore_args(ten_year, home),
    }
    for args in children.values():  # warm-up: bytecode, page cache, the empty store's folders
        run_child(args, home)
    runs = Runs()
    names = list(children)
    for round_ in range(repeats):
        for name in names[round_ % 3 :] + names[: round_ % 3]:
            child = run_child(children[name], home)
            runs.add(name, child.wall_s, child.result)
    return runs


def rows(runs: Runs) -> list[Row]:
    bare, empty, ten = (runs.median_wall(n) for n in ("bare", "empty", "ten-year"))
    n = len(runs.wall_s["bare"])
    return [
        Row(f"start-up: bare Textual app (floor), median of {n}", ms(bare)),
        Row(
            "start-up: onemore, empty store",
            ms(empty),
            f"{ratio_text(empty / bare)} bare",
            f"≤ {TARGET_RATIO}× bare",
            empty / bare <= TARGET_RATIO,
        ),
        Row(
            "start-up: onemore, ten-year store",
            ms(ten),
            f"{ratio_text(ten / empty)} empty",
            "≤ 1.1× empty",
            ten / empty <= 1.1,
        ),
    ]
