"""Import: a 50,000-row Strong CSV (dialect B: comma-separated, no unit in the file) through
`onemore import strong FILE`, into an empty data folder, as a child process from spawn to exit.

The file is made from the synthetic history (bench/make_history.py) with Strong's names for
the lifts, W for warm-ups, Rest Timer rows after most sets and RPE for reps in reserve, cut
at 50,000 data rows; it is cached under .cache/bench/.
"""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import PYTHON, Row, child_env, median, ratio_text, secs
from bench.make_history import CACHE, generate
from tui.core.catalog import CATALOG
from tui.core.model import Session

ROWS = 50_000
TARGET_S = 5.0
HEADER = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
APP_NAME = re.compile(r".+ \(.+\)")  # "Squat (Barbell)": how Strong names a lift


def strong_name(catalog_id: str | None, name: str) -> str:
    lift = CATALOG.get(catalog_id or "")
    if lift is None:
        return name
    return next((alias for alias in lift.aliases if APP_NAME.fullmatch(alias)), lift.name)


def duration_text(session: Session) -> str:
    assert session.ended_at is not None
    minutes = int((session.ended_at - session.started_at).total_seconds() // 60)
    return f"{minutes // 60}h {minutes % 60}m" if minutes >= 60 else f"{minutes}m"


def session_rows(session: Session) -> list[list[str]]:
    date = session.started_at.strftime("%Y-%m-%d %H:%M:%S")
    head = [date, session.name, duration_text(session)]
    rows = []
    for exercise in session.exercises:
        name = strong_name(exercise.catalog_id, exercise.name)
        number = 0
        for position, set_log in enumerate(exercise.sets):
            if position and set_log.rest_actual_s is not None:  # the rest between two sets
                rows.append(
                    [
                        *head,
                        name,
                        "Rest Timer",
                        "0",
                        "0",
                        "0",
                        f"{round(set_log.rest_actual_s)}",
                        "",
                        "",
                        "",
                    ]
                )
            if set_log.is_working:
                number += 1
            order = str(number) if set_log.is_working else "W"
            rpe = "" if set_log.rir is None else f"{10 - set_log.rir:g}"
            rows.append(
                [
                    *head,
                    name,
                    order,
                    f"{set_log.weight:g}",
                    str(set_log.reps),
                    "0",
                    "0",
                    set_log.note,
                    session.notes,
                    rpe,
                ]
            )
    return rows


def make_csv(path: Path, rows: int = ROWS) -> int:
    """Write the CSV; returns the number of sessions in it."""
    written = sessions = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".part")
    with open(temp, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for session in generate(years=25, seed=5):
            chunk = session_rows(session)
            if written + len(chunk) > rows:  # the last session is cut at the row limit
                chunk = chunk[: rows - written]
            out.writerows(chunk)
            written += len(chunk)
            sessions += 1
            if written >= rows:
                break
    temp.rename(path)
    return sessions


def cached_csv(rows: int = ROWS) -> Path:
    source = Path(__file__).read_bytes() + (Path(__file__).parent / "make_history.py").read_bytes()
    key = hashlib.sha256(source).hexdigest()[:10]
    path = CACHE / f"strong-{rows}-{key}.csv"
    if not path.exists():
        for stale in CACHE.glob(f"strong-{rows}-*.csv"):
            stale.unlink()
        make_csv(path, rows)
    return path


@dataclass(frozen=True)
class Imported:
    times_s: list[float]
    report: str  # the import's own report, first lines


def measure(home: Path, repeats: int = 3) -> Imported:
    csv_path = cached_csv()
    times, report = [], ""
    for attempt in range(repeats):
        data_dir = home / f"import-{attempt}"
        command = [
            PYTHON,
            "-m",
            "tui",
            "--data-dir",
            str(data_dir),
            "--config",
            str(home / "config.toml"),
            "import",
            "strong",
            str(csv_path),
            "--unit",
            "kg",
            "--tz",
            "UTC",
        ]
        started = time.perf_counter()
        done = subprocess.run(
            command,
            env=child_env(home),
            cwd=home,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"onemore import failed ({done.returncode}): {done.stderr[-1500:]}")
        report = done.stdout
    return Imported(times, report)


def rows(imported: Imported) -> list[Row]:
    took = median(imported.times_s)
    return [
        Row(
            f"import: 50,000-row Strong CSV (dialect B), median of {len(imported.times_s)}",
            secs(took),
            f"{ratio_text(took / TARGET_S)} target",
            "≤ 5 s",
            took <= TARGET_S,
        )
    ]
