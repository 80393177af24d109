"""Finished sessions as a Strong CSV (comma dialect B): Hevy and other apps import Strong files.

The header row comes first, nothing before it. Weights are in one unit, converted per set.
Warm-ups are Set Order W, working sets 1..n per exercise, drop and failure sets (named in the
set's note by an import) D and F. RPE is 10 − reps in reserve. Before each set that has a
rest comes a Rest Timer row, as Strong writes them, so importing the file again keeps rest.
Strong has no exercise notes: they lead the Notes of the exercise's first set.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import tzinfo

from tui.core.model import LB_PER_KG, ExerciseLog, Session, SetLog, to_kg
from tui.interchange.local_time import duration_text, local_text
from tui.interchange.numbers import plain, rpe_from_rir
from tui.interchange.rows import DROP_SET, FAILURE_SET, as_text, split_marker

HEADER = [
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
]
MARKED_ORDERS = {DROP_SET: "D", FAILURE_SET: "F"}


def weight_in(set_log: SetLog, unit: str) -> float:
    """The set's load in `unit`, to the hundredth when it had to be converted."""
    if set_log.unit == unit:
        return set_log.weight
    kg = to_kg(set_log.weight, set_log.unit)
    return round(kg if unit == "kg" else kg * LB_PER_KG, 2)


def order_and_note(set_log: SetLog, number: int) -> tuple[str, str]:
    if set_log.kind == "warmup":
        return "W", set_log.note
    marker, note = split_marker(set_log.note)
    return MARKED_ORDERS.get(marker, str(number)), note


def joined(*notes: str) -> str:
    return " | ".join(note for note in notes if note)


class SessionRows:
    """The rows of one session: the same date, name, length and notes on each."""

    def __init__(self, session: Session, unit: str, zone: tzinfo | None) -> None:
        self.session = session
        self.unit = unit
        ended = session.ended_at or session.started_at
        self.start = [
            local_text(session.started_at, zone),
            as_text(session.name),
            duration_text(ended - session.started_at),
        ]
        self.notes = as_text(session.notes)

    def row(
        self,
        exercise: str,  # as a text cell
        order: str,
        weight: str,
        reps: str,
        seconds: str = "0",
        note: str = "",
        rpe: str = "",
    ) -> list[str]:
        return [
            *self.start,
            exercise,
            order,
            weight,
            reps,
            "0",
            seconds,
            as_text(note),
            self.notes,
            rpe,
        ]

    def __iter__(self) -> Iterator[list[str]]:
        previous = ""
        for exercise in self.session.exercises:
            yield from self.exercise_rows(exercise, previous)
            previous = exercise.name if exercise.sets else previous

    def exercise_rows(self, exercise: ExerciseLog, previous: str) -> Iterator[list[str]]:
        working = 0
        name = as_text(exercise.name)
        before = as_text(previous) if previous else name  # for a rest before the first set
        for index, set_log in enumerate(exercise.sets):
            if set_log.rest_actual_s:  # Strong has no rest timer of zero seconds
                # Strong files a rest under the exercise of the set before it
                yield self.row(before, "Rest Timer", "0", "0", seconds=plain(set_log.rest_actual_s))
            working += set_log.is_working
            order, note = order_and_note(set_log, working)
            note = joined(exercise.notes, note) if index == 0 else note
            yield self.row(
                name,
                order,
                plain(weight_in(set_log, self.unit)),
                str(set_log.reps),
                note=note,
                rpe=plain(rpe_from_rir(set_log.rir)),
            )
            before = name


def strong_csv(sessions: Iterable[Session], unit: str, zone: tzinfo | None) -> str:
    """Finished sessions oldest first, in Strong's comma dialect."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(HEADER)
    for session in sorted(sessions, key=lambda s: s.started_at):
        if session.finished:
            writer.writerows(SessionRows(session, unit, zone))
    return output.getvalue()
