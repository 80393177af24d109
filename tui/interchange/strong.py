"""Strong CSV exports, in the dialects Strong has written over its versions and languages.

- A: ';'-separated, a unit on every row (`Weight;Weight Unit`), no Duration.
- B: ','-separated, no unit in the file (it was an app setting), `Duration` as text (`1h 5m`);
  also without `Duration`, without `Notes,Workout Notes`, or without both.
- C: ';'-separated and fully quoted, `"Workout #"` first, the unit in the header
  (`"Weight (kg)"` or `"Weight (lbs)"`), `"Duration (sec)"` in seconds.
- Any of these with the header in another language: recognised by its layout (how many
  columns, which hold times and numbers in the first rows), since the names are not English.

A session is one (Date, Workout Name). `Set Order` is a number, W (warm-up), D (drop set),
F (failure), or `Rest Timer`: the rest between the set before and the set after.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core.model import SetKind
from tui.interchange.csv_rows import CsvExport
from tui.interchange.local_time import duration_seconds, iso_time
from tui.interchange.numbers import RowProblem, number
from tui.interchange.rows import (
    DROP_SET,
    FAILURE_SET,
    ColumnReader,
    Lift,
    Row,
    Workout,
    marked_note,
    rest_row,
    set_row,
)

# English header names -> what the column holds; a unit in brackets is read apart.
COLUMN_NAMES = {
    "workout #": "workout_number",
    "date": "date",
    "workout name": "workout_name",
    "duration": "duration",
    "exercise name": "exercise",
    "set order": "set_order",
    "weight": "weight",
    "weight unit": "weight_unit",
    "reps": "reps",
    "rpe": "rpe",
    "distance": "distance",
    "distance unit": "distance_unit",
    "seconds": "seconds",
    "notes": "notes",
    "workout notes": "workout_notes",
}
REQUIRED = ("date", "workout_name", "exercise", "set_order", "weight", "reps")
WITH_BRACKETS = re.compile(r"(.*?)\s*\((.*)\)")
UNIT_WORDS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
ORDER_KINDS: dict[str, tuple[SetKind, str]] = {
    "w": ("warmup", ""),
    "d": ("working", DROP_SET),
    "f": ("working", FAILURE_SET),
}
REST_TIMER = "rest timer"

# Layouts of localized files, column by column, as Strong writes them in English.
B = (
    "date",
    "workout_name",
    "duration",
    "exercise",
    "set_order",
    "weight",
    "reps",
    "distance",
    "seconds",
    "notes",
    "workout_notes",
    "rpe",
)
LAYOUTS = {
    "B": B,
    "B without Duration": tuple(c for c in B if c != "duration"),
    "B without Notes": tuple(c for c in B if c not in ("notes", "workout_notes")),
    "B without Duration and Notes": tuple(
        c for c in B if c not in ("duration", "notes", "workout_notes")
    ),
    "A": (
        "date",
        "workout_name",
        "exercise",
        "set_order",
        "weight",
        "weight_unit",
        "reps",
        "rpe",
        "distance",
        "distance_unit",
        "seconds",
        "notes",
        "workout_notes",
    ),
    "C": (
        "workout_number",
        "date",
        "workout_name",
        "duration",
        "exercise",
        "set_order",
        "weight",
        "reps",
        "rpe",
        "distance",
        "seconds",
        "notes",
        "workout_notes",
    ),
}
NUMBER_COLUMNS = {"weight", "reps", "rpe", "distance", "seconds"}


@dataclass(frozen=True)
class Columns:
    """Where each field is in a Strong file, and what the header says about units."""

    positions: dict[str, int]
    header_unit: str | None  # "kg" / "lb" from "Weight (kg)"; None when the header has none
    localized: bool = False

    @property
    def unit_on_rows(self) -> bool:
        return "weight_unit" in self.positions

    @property
    def needs_unit(self) -> bool:
        """True when the file does not say its unit (dialect B): --unit or the settings decide."""
        return not self.unit_on_rows and self.header_unit is None

    def describe(self) -> str:
        if self.unit_on_rows:
            what = "a unit on every row"
        elif self.header_unit:
            what = f"unit in the header: {self.header_unit}"
        else:
            what = "no unit in the file"
        return f"Strong CSV ({what}{', header read by its layout' if self.localized else ''})"


def is_set_number(order: str) -> bool:
    """'3' or '3.0' (some versions write the set number as a float)."""
    try:
        value = float(order)
    except ValueError:
        return False
    return math.isfinite(value) and value == int(value) and value >= 0


@lru_cache(maxsize=256)  # a file has a handful of set orders: 1, 2, 3, W, ...
def order_kind(order: str) -> tuple[SetKind, str]:
    """The kind of set a Set Order names, and the marker for its note (drop or failure set)."""
    if order.casefold() in ORDER_KINDS:
        return ORDER_KINDS[order.casefold()]
    if not is_set_number(order):
        raise RowProblem("Set Order is not a number, W, D, F or Rest Timer")
    return "working", ""


def split_name(cell: str) -> tuple[str, str | None]:
    """'Weight (kg)' -> ('weight', 'kg'); 'Reps' -> ('reps', None)."""
    text = " ".join(cell.strip().casefold().split())
    found = WITH_BRACKETS.fullmatch(text)
    return (found.group(1), found.group(2)) if found else (text, None)


def header_unit(cell: str) -> str | None:
    return UNIT_WORDS.get(split_name(cell)[1] or "")


def english_columns(header: Sequence[str]) -> Columns | None:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = COLUMN_NAMES.get(split_name(cell)[0])
        if field is not None:
            positions.setdefault(field, index)
    if not all(field in positions for field in REQUIRED):
        return None
    return Columns(positions, header_unit(header[positions["weight"]]))


def fits(layout: tuple[str, ...], fields: Sequence[str]) -> bool:
    """Would a row of this shape hold what the layout says in each column?"""
    if len(fields) != len(layout):
        return False
    for field, text in zip(layout, fields, strict=True):
        text = text.strip()
        try:
            if field == "date":
                iso_time(text)
            elif field == "workout_number" and not text.isdigit():
                return False
            elif field in NUMBER_COLUMNS:
                number(text, field)
            elif field in ("exercise", "set_order") and not text:
                return False
            elif field == "weight_unit" and text and text.casefold() not in UNIT_WORDS:
                return False
        except RowProblem:
            return False
    return True


def localized_columns(header: Sequence[str], sample: list[list[str]]) -> Columns | None:
    """The one layout that the header's width and most of the first rows fit, if only one does."""

    def fits_most(layout: tuple[str, ...]) -> bool:
        return sum(fits(layout, row) for row in sample) * 2 > len(sample)  # a bad row may be there

    matching = [
        layout
        for layout in LAYOUTS.values()
        if len(layout) == len(header) and not fits(layout, header) and fits_most(layout)
    ]
    if len(matching) != 1:
        return None
    positions = {field: index for index, field in enumerate(matching[0])}
    return Columns(positions, header_unit(header[positions["weight"]]), localized=True)


def strong_columns(export: CsvExport) -> Columns | None:
    return english_columns(export.header) or localized_columns(export.header, export.sample())


class StrongReader(ColumnReader):
    """Turns rows of one Strong file into sets, rests and rows left out."""

    source = "strong"
    WORKOUT_COLUMNS = ("date", "workout_name", "duration", "workout_notes")

    def __init__(self, columns: Columns, unit: str) -> None:
        super().__init__(columns.positions)
        self.columns = columns
        self.unit = columns.header_unit or unit

    @property
    def description(self) -> str:
        return self.columns.describe()

    def row(self, line: int, fields: list[str]) -> Row:
        workout = self.row_workout(fields)
        order = self.field(fields, "set_order")
        if self.is_rest(order, fields):
            return rest_row(line, workout, self.field(fields, "seconds"))
        kind, marker = self.kind(order)
        note = marked_note(marker, self.field(fields, "notes"))
        return set_row(
            line,
            workout,
            self.field(fields, "exercise"),
            kind,
            self.lift(fields),
            self.row_unit(fields),
            note,
        )

    def lift(self, fields: Sequence[str]) -> Lift:
        return Lift(
            weight=self.field(fields, "weight"),
            reps=self.field(fields, "reps"),
            distance=self.field(fields, "distance"),
            seconds=self.field(fields, "seconds"),
            rpe=self.field(fields, "rpe"),
        )

    def workout(self, fields: Sequence[str]) -> Workout:
        name = self.field(fields, "workout_name") or "Workout"
        duration = duration_seconds(self.field(fields, "duration"))
        return Workout(
            iso_time(self.field(fields, "date")),
            name,
            duration_s=duration,
            notes=self.field(fields, "workout_notes"),
        )

    def is_rest(self, order: str, fields: Sequence[str]) -> bool:
        """'Rest Timer' (or its translation: a word where a set number goes, with no lift)."""
        if order.casefold() == REST_TIMER:
            return True
        if not self.columns.localized or is_set_number(order) or order.casefold() in ORDER_KINDS:
            return False
        return not any(number(self.field(fields, name), name) for name in ("weight", "reps"))

    @staticmethod
    def kind(order: str) -> tuple[SetKind, str]:
        return order_kind(order)

    def row_unit(self, fields: Sequence[str]) -> str:
        if not self.columns.unit_on_rows:
            return self.unit
        text = self.field(fields, "weight_unit").casefold()
        if not text and not number(self.field(fields, "weight"), "weight"):
            return self.unit  # a bodyweight set carries no unit
        if text not in UNIT_WORDS:
            raise RowProblem("Weight Unit is not kg or lbs")
        return UNIT_WORDS[text]
