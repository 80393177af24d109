"""Import: a 96,000-row Strong CSV (dialect B: comma-separated, no unit in the file) through
`onemore import strong FILE`, into an empty data folder, as a child process from spawn to exit.

The file is the synthetic ten-year history (bench/make_history.py) with Strong's names for
the lifts, W for warm-ups, a Rest Timer row before each set that rested (filed under the
exercise before it, as Strong does) and RPE for reps in reserve, cut at 96,000 data rows
(about 48,000 sets); it is cached under .cache/bench/.

The floor, measured in the same run and in the same way (a child process, spawn to exit):
bench/io_floor.py reading the same file with csv.reader, turning its rows into the records
a store holds, and writing them durably, one JSON file per year. Beside it, what the
interpreter's start and the import command's modules cost (`import tui.commands.importing`),
which the import pays before it reads a row.
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench.common import Row, median, ratio_text, run_timed, secs
from bench.make_history import CACHE, generate
from tui.core.catalog import CATALOG
from tui.core.model import Session

ROWS = 96_000
TARGET = 2.0  # times the floor
FLOOR = str(Path(__file__).parent / "io_floor.py")
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
    previous = ""  # Strong files a rest under the exercise of the set before it
    for exercise in session.exercises:
        name = strong_name(exercise.catalog_id, exercise.name)
        number = 0
        for set_log in exercise.sets:
            if previous and set_log.rest_actual_s is not None:  # the rest between two sets
                rest = f"{round(set_log.rest_actual_s)}"
                rows.append([*head, previous, "Rest Timer", "0", "0", "0", rest, "", "", ""])
            if set_log.is_working:
                number += 1
            order = str(number) if set_log.is_working else "W"
            rpe = "" if set_log.rir is None else f"{10 - set_log.rir:g}"
            weight, reps = f"{set_log.weight:g}", str(set_log.reps)
            rows.append(
                [*head, name, order, weight, reps, "0", "0", set_log.note, session.notes, rpe]
            )
            previous = name
    return rows


def make_csv(path: Path, rows: int = ROWS) -> int:
    """Write the CSV; returns the number of sessions in it."""
    written = sessions = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".part")
    with open(temp, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for session in generate(years=10, seed=5):
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
    floor_s: list[float]
    start_s: list[float]  # the interpreter and the import command's modules
    report: str  # the import's own report


def import_args(csv_path: Path, data_dir: Path, home: Path) -> list[str]:
    return [
        *("-m", "tui", "--data-dir", str(data_dir), "--config", str(home / "config.toml")),
        *("import", "strong", str(csv_path), "--unit", "kg", "--tz", "UTC"),
    ]


def measure(home: Path, repeats: int = 3) -> Imported:
    """Import, floor and start, interleaved round by round so drift hits them alike."""
    csv_path = cached_csv()
    times, floors, starts, report = [], [], [], ""
    for attempt in range(repeats):
        took, report = run_timed(import_args(csv_path, home / f"import-{attempt}", home), home)
        times.append(took)
        floors.append(run_timed([FLOOR, "import", str(csv_path), str(home / "floor")], home)[0])
        starts.append(run_timed(["-c", "import tui.__main__, tui.commands.importing"], home)[0])
        shutil.rmtree(home / f"import-{attempt}")
    return Imported(times, floors, starts, report)


def rows(imported: Imported) -> list[Row]:
    took, floor, start = (median(t) for t in (imported.times_s, imported.floor_s, imported.start_s))
    sets = re.search(r"with ([\d,]+) sets", imported.report)
    what = f"{ROWS:,}-row Strong CSV ({sets.group(1) if sets else '?'} sets)"
    return [
        Row(f"import: floor (csv read + json encode + durable write), {what}", secs(floor)),
        Row("import: python start + the import command's modules", secs(start)),
        Row(
            f"import: {what}, median of {len(imported.times_s)}",
            secs(took),
            f"{ratio_text(took / floor)} floor",
            f"≤ {TARGET:g}× floor",
            took <= TARGET * floor,
        ),
    ]
