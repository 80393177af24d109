"""What every figure shares: rows of the table, statistics, scratch folders and child processes."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Row:
    """One line of the table. `ok` is None when there is no target or nothing to measure."""

    figure: str
    measured: str
    ratio: str = "—"
    target: str = "—"
    ok: bool | None = None

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: "—"}[self.ok]


def table(rows: Sequence[Row]) -> str:
    """A Markdown table (it reads fine in a terminal, and pastes into the README)."""
    head = ("figure", "measured", "ratio", "target", "ok?")
    cells = [head, *((r.figure, r.measured, r.ratio, r.target, r.verdict) for r in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), rule, *(line(r) for r in cells[1:])])


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100), nearest rank: p99 of 200 samples is the 198th smallest."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * p // 100)))
    return ordered[int(rank) - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def ratio_text(value: float) -> str:
    return f"{value:.2f}×"


@contextmanager
def scratch(name: str) -> Iterator[Path]:
    """A temp folder on the same disk as the project (fsync costs what it costs for real)."""
    base = ROOT / ".cache" / "bench" / "work"
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a cached store, to write to or hold the lock of."""
    shutil.copytree(source, target)
    (target / "onemore.lock").unlink(missing_ok=True)
    return target


def child_env(home: Path) -> dict[str, str]:
    """The environment of a benchmark child: no user settings, themes, routines or data."""
    env = dict(os.environ)
    env.update(
        {
            "XDG_CONFIG_HOME": str(home / "xdg-config"),
            "XDG_DATA_HOME": str(home / "xdg-data"),
            "COLUMNS": "100",
            "LINES": "32",
            "PYTHONPATH": str(ROOT),
        }
    )
    for name in (
        "ONEMORE_DATA_DIR",
        "ONEMORE_CONFIG",
        "TEXTUAL",
        "TEXTUAL_PRESS",
        "TEXTUAL_SCREENSHOT",
    ):
        env.pop(name, None)
    return env


@dataclass(frozen=True)
class ChildRun:
    wall_s: float  # from spawn to exit, seen by the parent
    result: dict  # what the child wrote to its result file


def run_child(args: Sequence[str], home: Path, *, timeout: float = 120) -> ChildRun:
    """Run `python ARGS --result FILE`, time it from spawn to exit, and read its result file."""
    result = home / f"result-{time.monotonic_ns()}.json"
    command = [PYTHON, *args, "--result", str(result)]
    started = time.perf_counter()
    done = subprocess.run(
        command,
        env=child_env(home),
        cwd=home,
        capture_output=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0 or not result.exists():
        raise RuntimeError(
            f"{' '.join(args[:2])} failed ({done.returncode}): "
            f"{done.stderr.decode(errors='replace')[-1500:]}"
        )
    data = json.loads(result.read_text())
    result.unlink()
    return ChildRun(wall, data)


def run_timed(args: Sequence[str], home: Path, *, timeout: float = 300) -> tuple[float, str]:
    """Run `python ARGS`; seconds from spawn to exit, and what it wrote to stdout."""
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, *args],
        env=child_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args[:4])} failed ({done.returncode}): {done.stderr[-1500:]}"
        )
    return wall, done.stdout


def vm_hwm_kb() -> int:
    """This process's peak resident set (VmHWM), in KiB; reset by exec, unlike ru_maxrss."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
