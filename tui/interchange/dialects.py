"""Which app wrote a file, and which of its layouts: decided by the header row alone."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tui.interchange.csv_rows import CsvExport, UnreadableExport, read_export
from tui.interchange.hevy import HevyReader, hevy_columns
from tui.interchange.rows import Row
from tui.interchange.strong import StrongReader, strong_columns

APPS = ("strong", "hevy")
KNOWN = (
    "a Strong CSV export (Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,...; "
    'or \';\'-separated with a Weight Unit column; or quoted with "Weight (kg)"/"Weight (lbs)"; '
    "English or translated headers) or a Hevy CSV export (title,start_time,end_time,...)"
)


class RowReader(Protocol):
    source: str

    @property
    def description(self) -> str: ...

    def read(self, line: int, fields: list[str]) -> Row: ...


def open_export(app: str, path: Path, unit: str) -> tuple[CsvExport, RowReader, bool]:
    """The file, a reader for its rows, and whether `unit` was needed (the file names none)."""
    export = read_export(path, KNOWN)
    strong = strong_columns(export)
    hevy = hevy_columns(export)
    if app == "strong" and strong is not None:
        return export, StrongReader(strong, unit), strong.needs_unit
    if app == "hevy" and hevy is not None:
        return export, HevyReader(hevy), False
    if strong is not None or hevy is not None:
        other = "strong" if strong is not None else "hevy"
        raise UnreadableExport(
            f"{export.name} is a {other.title()} export, not {app.title()}: "
            f"run `onemore import {other} {path}`"
        )
    raise UnreadableExport(
        f"{export.name} has a header row OneMore does not know; it reads {KNOWN}"
    )
