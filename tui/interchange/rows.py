"""What one row of an export turns into: a set, a rest, or a row left out with its reason.

Both importers produce these; `assemble` turns them into sessions. A row left out on
purpose (a cardio set, a rest with no set after it) is not a problem; an unreadable row is,
and `--strict` refuses the whole file when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from tui.core.model import SetKind, max_weight
from tui.interchange.numbers import RowProblem, number, rir_from_rpe, whole

TIMED_SET = "timed or cardio set: OneMore logs weight × reps"
NO_REPS = "no reps recorded: nothing to log as weight × reps"
REST_AT_END = "rest after the last set: nothing to attach it to"
REST_TWICE = "another rest follows before the next set: only the last one is kept"
REST_WITHOUT_TIME = "rest timer without seconds"

# Set types OneMore has no kind for: kept as working sets, named in the set's note.
DROP_SET = "drop set"
FAILURE_SET = "failure set"


@dataclass(frozen=True)
class Workout:
    """A session as the export names it: when it started (wall clock) and what it was called."""

    started: datetime
    name: str
    ended: datetime | None = None
    duration_s: float | None = None
    notes: str = ""

    @property
    def key(self) -> tuple[datetime, str]:
        return self.started, self.name


@dataclass(frozen=True)
class SetRow:
    line: int
    workout: Workout
    exercise: str
    kind: SetKind
    weight: float
    unit: str
    reps: int
    rir: float | None = None
    note: str = ""
    exercise_notes: str = ""


@dataclass(frozen=True)
class RestRow:
    """A rest timer: the seconds between the set before it and the set after it."""

    line: int
    workout: Workout
    seconds: float


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: str
    unreadable: bool = False  # True: the row is broken; False: left out on purpose


Row = SetRow | RestRow | SkippedRow


@dataclass(frozen=True)
class Lift:
    """The numbers of one set row, as text straight from the file."""

    weight: str
    reps: str
    distance: str = ""
    seconds: str = ""
    rpe: str = ""


def marked_note(marker: str, note: str) -> str:
    """'drop set' in front of the lifter's own note, so the set type survives."""
    note = note.strip()
    if not marker:
        return note
    return f"{marker}; {note}" if note else marker


def set_row(
    line: int,
    workout: Workout,
    exercise: str,
    kind: SetKind,
    lift: Lift,
    unit: str,
    note: str = "",
    exercise_notes: str = "",
) -> Row:
    """A lifted set, or the reason it is not one; RowProblem if a number cannot be read."""
    if not exercise.strip():
        raise RowProblem("no exercise name")
    weight = number(lift.weight, "weight") or 0.0
    reps = number(lift.reps, "rep count") or 0.0
    if reps == 0:
        distance, seconds = number(lift.distance, "distance"), number(lift.seconds, "seconds")
        timed = (distance or 0) > 0 or (seconds or 0) > 0
        return SkippedRow(line, TIMED_SET if timed else NO_REPS)
    if reps < 0 or weight < 0:
        raise RowProblem("negative weight or reps")
    if reps > 100:
        raise RowProblem("more than 100 reps")
    if weight > (heaviest := max_weight(unit)):
        raise RowProblem(f"weight over {heaviest:g} {unit}")
    return SetRow(
        line,
        workout,
        exercise.strip(),
        kind,
        weight,
        unit,
        whole(reps, "reps"),
        rir_from_rpe(number(lift.rpe, "RPE")),
        note,
        exercise_notes.strip(),
    )


def rest_row(line: int, workout: Workout, seconds_text: str) -> Row:
    seconds = number(seconds_text, "seconds") or 0.0
    if seconds <= 0:
        return SkippedRow(line, REST_WITHOUT_TIME)
    return RestRow(line, workout, seconds)


def split_marker(note: str) -> tuple[str, str]:
    """('drop set', 'heavy') from 'drop set; heavy': the set type an import put in the note."""
    for marker in (DROP_SET, FAILURE_SET):
        if note == marker:
            return marker, ""
        if note.startswith(f"{marker}; "):
            return marker, note[len(marker) + 2 :]
    return "", note


# A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(…)`):
# text cells written by OneMore get a leading ' so they show as text, and lose it on import.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: str) -> str:
    """A text cell as a spreadsheet must show it: `=1+1` is written `'=1+1`."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def from_text(cell: str) -> str:
    """What `as_text` wrote, as it was."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


class ColumnReader:
    """What every importer's reader shares: finding fields by column and turning a row that
    cannot be read into a row left out, with its line and reason. Subclasses give `row()`,
    and `workout()` with the columns it reads in WORKOUT_COLUMNS."""

    WORKOUT_COLUMNS: tuple[str, ...] = ()

    def __init__(self, positions: dict[str, int]) -> None:
        self.positions = positions
        self.width = max(positions.values()) + 1
        found = [positions[name] for name in self.WORKOUT_COLUMNS if name in positions]
        self._workout_cells = itemgetter(*found) if found else None
        self._last_cells: object = None
        self._last_workout: Workout | None = None

    def row_workout(self, fields: Sequence[str]) -> Workout:
        """The row's workout, read once for each run of rows whose workout cells are the same
        (the rows of one session follow each other): its time, name and length parsed once."""
        if self._workout_cells is None:
            return self.workout(fields)
        cells = self._workout_cells(fields)
        if self._last_workout is None or cells != self._last_cells:
            self._last_workout = self.workout(fields)  # RowProblem: nothing kept
            self._last_cells = cells
        return self._last_workout

    def workout(self, fields: Sequence[str]) -> Workout:
        raise NotImplementedError

    def field(self, fields: Sequence[str], name: str) -> str:
        index = self.positions.get(name)
        if index is None:
            return ""
        cell = fields[index].strip()
        return from_text(cell) if cell[:1] == "'" else cell

    def read(self, line: int, fields: list[str]) -> Row:
        if len(fields) < self.width:
            return SkippedRow(line, "fewer columns than the header", unreadable=True)
        try:
            return self.row(line, fields)
        except RowProblem as problem:
            return SkippedRow(line, str(problem), unreadable=True)

    def row(self, line: int, fields: list[str]) -> Row:
        raise NotImplementedError
