"""Hevy CSV exports (`workout_data.csv`).

Columns: title, start_time, end_time, description, exercise_title, superset_id,
exercise_notes, set_index, set_type, weight_kg (or weight_lbs), reps, distance_km (or
distance_miles), duration_seconds, rpe. Times look like `15 Sep 2025, 07:48`, local time.

A session is one (title, start_time); `description` becomes its notes and `exercise_notes`
the exercise's notes (quoted fields may span lines). `set_type` is normal, warmup, failure or
dropset. `superset_id` is ignored: OneMore logs exercises one after the other, in file order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import SetKind
from tui.interchange.csv_rows import CsvExport
from tui.interchange.local_time import hevy_time
from tui.interchange.numbers import RowProblem
from tui.interchange.rows import (
    DROP_SET,
    FAILURE_SET,
    ColumnReader,
    Lift,
    Row,
    Workout,
    marked_note,
    set_row,
)

REQUIRED = ("title", "start_time", "exercise_title", "set_type", "reps")
WEIGHT_COLUMNS = {"weight_kg": "kg", "weight_lbs": "lb"}
SET_TYPES: dict[str, tuple[SetKind, str]] = {
    "normal": ("working", ""),
    "warmup": ("warmup", ""),
    "failure": ("working", FAILURE_SET),
    "dropset": ("working", DROP_SET),
}


@dataclass(frozen=True)
class HevyColumns:
    positions: dict[str, int]
    weight_column: str
    unit: str
    distance_column: str


def hevy_columns(export: CsvExport) -> HevyColumns | None:
    positions: dict[str, int] = {}
    for index, cell in enumerate(export.header):
        positions.setdefault(cell.strip().casefold(), index)
    weight = next((name for name in WEIGHT_COLUMNS if name in positions), None)
    if weight is None or not all(name in positions for name in REQUIRED):
        return None
    distance = "distance_km" if "distance_km" in positions else "distance_miles"
    return HevyColumns(positions, weight, WEIGHT_COLUMNS[weight], distance)


class HevyReader(ColumnReader):
    """Turns rows of one Hevy file into sets and rows left out (Hevy has no rest rows)."""

    source = "hevy"
    needs_unit = False
    WORKOUT_COLUMNS = ("start_time", "end_time", "title", "description")

    def __init__(self, columns: HevyColumns) -> None:
        super().__init__(columns.positions)
        self.columns = columns

    @property
    def description(self) -> str:
        return f"Hevy CSV (weights in {self.columns.unit})"

    def row(self, line: int, fields: list[str]) -> Row:
        set_type = self.field(fields, "set_type").casefold()
        if set_type not in SET_TYPES:
            raise RowProblem("set_type is not normal, warmup, failure or dropset")
        kind, marker = SET_TYPES[set_type]
        lift = Lift(
            weight=self.field(fields, self.columns.weight_column),
            reps=self.field(fields, "reps"),
            distance=self.field(fields, self.columns.distance_column),
            seconds=self.field(fields, "duration_seconds"),
            rpe=self.field(fields, "rpe"),
        )
        return set_row(
            line,
            self.row_workout(fields),
            self.field(fields, "exercise_title"),
            kind,
            lift,
            self.columns.unit,
            marked_note(marker, ""),
            self.field(fields, "exercise_notes"),
        )

    def workout(self, fields: Sequence[str]) -> Workout:
        started = hevy_time(self.field(fields, "start_time"))
        end_text = self.field(fields, "end_time")
        try:
            ended = hevy_time(end_text, "end_time") if end_text else None
        except RowProblem:
            ended = None  # an unreadable end only loses the duration, not the sets
        name = self.field(fields, "title") or "Workout"
        return Workout(started, name, ended=ended, notes=self.field(fields, "description"))
