"""Export: `onemore export --format json|csv -o FILE` of the ten-year store, as a child process
from spawn to exit.

Each format's floor, measured in the same run and in the same way: bench/io_floor.py reading
every history file of the same store with json.load and writing as many bytes as that
export wrote, durably. Exports and floors are interleaved round by round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench.common import Row, copy_store, median, ratio_text, run_timed, secs
from bench.importing import FLOOR

FORMATS = ("json", "csv")
TARGET = 2.0  # times the floor


@dataclass
class Exported:
    times_s: dict[str, list[float]] = field(default_factory=dict)
    floor_s: dict[str, list[float]] = field(default_factory=dict)
    size: dict[str, int] = field(default_factory=dict)  # bytes of each export


def export_args(store: Path, home: Path, kind: str, out: Path) -> list[str]:
    zone = ["--unit", "kg", "--tz", "UTC"] if kind == "csv" else []
    return [
        *("-m", "tui", "--data-dir", str(store), "--config", str(home / "config.toml")),
        *("export", "--format", kind, "-o", str(out), *zone),
    ]


def measure(history: Path, home: Path, repeats: int = 3) -> Exported:
    store = copy_store(history, home / "export-store")
    exported = Exported()
    for _ in range(repeats):
        for kind in FORMATS:
            out = home / f"export.{kind}"
            took = run_timed(export_args(store, home, kind, out), home)[0]
            exported.times_s.setdefault(kind, []).append(took)
            size = exported.size[kind] = out.stat().st_size
            out.unlink()
            floor = run_timed([FLOOR, "export", str(store), str(out), str(size)], home)[0]
            exported.floor_s.setdefault(kind, []).append(floor)
            out.unlink()
    return exported


def rows(exported: Exported) -> list[Row]:
    out = []
    for kind in FORMATS:
        took, floor = median(exported.times_s[kind]), median(exported.floor_s[kind])
        size = f"{exported.size[kind] / 2**20:.1f} MiB"
        out += [
            Row(f"export {kind}: floor (json.load of the history + write {size})", secs(floor)),
            Row(
                f"export {kind}: ten-year store, {size}, median of {len(exported.times_s[kind])}",
                secs(took),
                f"{ratio_text(took / floor)} floor",
                f"≤ {TARGET:g}× floor",
                took <= TARGET * floor,
            ),
        ]
    return out
