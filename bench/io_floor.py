"""The floors of the import and export figures, run as a child process like the commands.

    python bench/io_floor.py import FILE.csv OUT_DIR   # csv read + json encode + durable write
    python bench/io_floor.py export DATA_DIR OUT_FILE BYTES  # json.load history + write BYTES

import: every row of a Strong CSV (dialect B) read with csv.reader and turned into the
records a store holds (sessions of exercises of sets, each key the store writes, numbers
parsed, the rest before each set), then one JSON document per year, each written durably
(temp file, fsync, rename, folder fsync). No checks, no ids worked out, no derived files:
what any import of these rows must at least cost.

export: every history file of a data folder read with json.load, then BYTES bytes written
durably to OUT_FILE: what any export of that history to a file of that size must cost.

Only the standard library, so the floor pays the interpreter's start and nothing else.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Any

ZONE = "+00:00"


def write_durably(path: Path, payload: bytes) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    with open(temp, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def set_record(row: list[str], number: int, rest: float | None, at: str) -> dict[str, Any]:
    rpe = row[11]
    return {
        "id": f"{number:036d}",
        "kind": "warmup" if row[4] == "W" else "working",
        "weight": float(row[5]),
        "bodyweight": False,
        "unit": "kg",
        "reps": int(row[6]),
        "rir": 10 - float(rpe) if rpe else None,
        "failure": None,
        "rest_planned_s": None,
        "rest_actual_s": rest,
        "calm_after_s": None,
        "logged_at": at,
        "note": row[9],
        "edited_at": None,
    }


def session_record(row: list[str], number: int) -> dict[str, Any]:
    at = row[0].replace(" ", "T") + ZONE
    return {
        "id": f"{number:036d}",
        "name": row[1],
        "started_at": at,
        "ended_at": at,
        "checkin": None,
        "notes": row[10],
        "routine_id": None,
        "edited_at": None,
        "removed_set_ids": [],
        "exercises": [],
    }


def read_sessions(csv_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Year -> its sessions, from the rows of the file."""
    years: dict[str, list[dict[str, Any]]] = {}
    session: dict[str, Any] = {}
    key, rest, count = ("", ""), None, 0
    with open(csv_path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows)
        for row in rows:
            count += 1
            if (row[0], row[1]) != key:
                key = (row[0], row[1])
                session = session_record(row, count)
                years.setdefault(row[0][:4], []).append(session)
            if row[4] == "Rest Timer":
                rest = float(row[8])
                continue
            exercises = session["exercises"]
            if not exercises or exercises[-1]["name"] != row[3]:
                exercises.append({"id": "", "name": row[3], "notes": "", "sets": []})
            exercises[-1]["sets"].append(set_record(row, count, rest, session["started_at"]))
            rest = None
    return years


def floor_import(csv_path: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for year, sessions in read_sessions(csv_path).items():
        tables = {"sessions": {str(n): s for n, s in enumerate(sessions, 1)}}
        payload = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode()
        write_durably(out / f"{year}.json", payload)


def floor_export(data_dir: Path, out: Path, size: int) -> None:
    for path in sorted((data_dir / "history").glob("*.json")):
        with open(path, "rb") as handle:
            json.load(handle)
    write_durably(out, b"x" * size)


def main(argv: list[str]) -> int:
    if argv[:1] == ["import"] and len(argv) == 3:
        floor_import(Path(argv[1]), Path(argv[2]))
    elif argv[:1] == ["export"] and len(argv) == 4:
        floor_export(Path(argv[1]), Path(argv[2]), int(argv[3]))
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
