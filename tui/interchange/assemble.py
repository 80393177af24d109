"""Rows into sessions: one per workout, exercises in file order, each rest onto the next set.

Ids come from the file, not from chance, so importing the same file twice adds nothing:
a session's id is made from the app, its start time (as written) and its name; exercise and
set ids from the session id and their positions in it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache

from tui.core.catalog import Exercise, find_or_custom
from tui.core.model import ExerciseLog, ModelError, Session, SetLog
from tui.interchange.ids import uuid5_text
from tui.interchange.local_time import with_offset
from tui.interchange.rows import (
    REST_AT_END,
    REST_TWICE,
    RestRow,
    Row,
    SetRow,
    SkippedRow,
    Workout,
)

IMPORT_IDS = uuid.UUID("6f1d3c0e-8a52-5b7e-9c41-0e2f5d7a9b13")  # namespace of imported ids
LONGEST_SESSION = timedelta(hours=24)  # beyond this, the app's timer was left running


def session_id(source: str, workout: Workout) -> str:
    return uuid5_text(IMPORT_IDS.bytes, f"{source}\n{workout.started.isoformat()}\n{workout.name}")


def child_id(session: bytes, *positions: int) -> str:
    """The id of an exercise (its position) or a set (exercise and set positions) of the
    session whose id's bytes are `session`."""
    return uuid5_text(session, "/".join(map(str, positions)))


@lru_cache(maxsize=4096)
def exercise_named(name: str) -> Exercise:
    return find_or_custom(name)


@dataclass
class Block:
    """Consecutive sets of one exercise."""

    name: str
    notes: str = ""
    sets: list[SetLog] = field(default_factory=list)


@dataclass
class Assembled:
    session: Session
    set_rows: int
    rest_rows: int
    long_duration: bool = False


class Draft:
    """One session being put together from its rows, in file order."""

    def __init__(self, source: str, workout: Workout, zone: tzinfo | None) -> None:
        self.workout = workout
        self.id = session_id(source, workout)
        self.id_bytes = uuid.UUID(self.id).bytes  # the namespace of its exercises' and sets' ids
        self.started = with_offset(workout.started, zone)
        self.zone = zone
        self.blocks: list[Block] = []
        self.pending_rest: RestRow | None = None
        self.skipped: list[SkippedRow] = []
        self.rest_rows = 0

    def add(self, row: SetRow | RestRow) -> None:
        self.learn(row.workout)
        if isinstance(row, RestRow):
            if self.pending_rest is not None:
                self.skipped.append(SkippedRow(self.pending_rest.line, REST_TWICE))
            self.pending_rest = row
            return
        try:
            self.add_set(row)
        except ModelError as problem:
            self.skipped.append(SkippedRow(row.line, str(problem), unreadable=True))

    def learn(self, workout: Workout) -> None:
        """Later rows may carry what the first one left empty (notes, duration)."""
        seen = self.workout
        if workout is seen or not (
            (seen.ended is None and workout.ended is not None)
            or (seen.duration_s is None and workout.duration_s is not None)
            or (not seen.notes and workout.notes)
        ):
            return  # nothing new: the most rows of a session
        self.workout = Workout(
            seen.started,
            seen.name,
            ended=seen.ended or workout.ended,
            duration_s=seen.duration_s if seen.duration_s is not None else workout.duration_s,
            notes=seen.notes or workout.notes,
        )

    def add_set(self, row: SetRow) -> None:
        """The set joins the exercise before it, or starts the next one if the name changed."""
        same_exercise = bool(self.blocks) and self.blocks[-1].name == row.exercise
        position = len(self.blocks) - 1 if same_exercise else len(self.blocks)
        count = len(self.blocks[-1].sets) if same_exercise else 0
        set_log = self.set_log(row, child_id(self.id_bytes, position, count))
        if not same_exercise:
            self.blocks.append(Block(row.exercise))
        self.blocks[-1].sets.append(set_log)
        self.blocks[-1].notes = self.blocks[-1].notes or row.exercise_notes
        if self.pending_rest is not None:
            self.rest_rows += 1
            self.pending_rest = None

    def set_log(self, row: SetRow, set_id: str) -> SetLog:
        rest = self.pending_rest.seconds if self.pending_rest is not None else None
        return SetLog(
            id=set_id,
            kind=row.kind,
            weight=row.weight,
            unit=row.unit,  # type: ignore[arg-type]
            reps=row.reps,
            logged_at=self.started,
            bodyweight=exercise_named(row.exercise).equipment == "bodyweight",
            rir=row.rir,
            rest_actual_s=rest,
            note=row.note,
        )

    def ended(self) -> tuple[datetime, bool]:
        """When the session ended, and whether its recorded length was past believing."""
        if self.workout.ended is not None:
            length = with_offset(self.workout.ended, self.zone) - self.started
        else:
            length = timedelta(seconds=self.workout.duration_s or 0)
        if length > LONGEST_SESSION:
            return self.started, True
        return self.started + max(length, timedelta(0)), False

    def finish(self) -> Assembled | None:
        if self.pending_rest is not None:
            self.skipped.append(SkippedRow(self.pending_rest.line, REST_AT_END))
        sets = sum(len(block.sets) for block in self.blocks)
        if not sets:
            return None
        ended, too_long = self.ended()
        exercises = tuple(self.exercise(n, block) for n, block in enumerate(self.blocks))
        session = Session(
            id=self.id,
            name=self.workout.name,
            started_at=self.started,
            ended_at=ended,
            notes=self.workout.notes,
            exercises=exercises,
        )
        return Assembled(session, sets, self.rest_rows, too_long)

    def exercise(self, position: int, block: Block) -> ExerciseLog:
        known = exercise_named(block.name)
        return ExerciseLog(
            id=child_id(self.id_bytes, position),
            name=block.name,
            catalog_id=None if known.custom else known.id,
            notes=block.notes,
            sets=tuple(block.sets),
        )


@dataclass
class Assembly:
    """Everything read from one file, before anything is written."""

    sessions: list[Assembled]
    skipped: list[SkippedRow]
    data_rows: int


def assemble(rows: Iterable[Row], source: str, zone: tzinfo | None) -> Assembly:
    drafts: dict[tuple[datetime, str], Draft] = {}
    skipped: list[SkippedRow] = []
    data_rows = 0
    workout, draft = None, None  # the last row's: the rows of a session follow each other
    for row in rows:
        data_rows += 1
        if isinstance(row, SkippedRow):
            skipped.append(row)
            continue
        if row.workout is not workout or draft is None:
            workout, key = row.workout, row.workout.key
            draft = drafts.get(key)
            if draft is None:
                draft = drafts[key] = Draft(source, workout, zone)
        draft.add(row)
    sessions = []
    for draft in drafts.values():
        assembled = draft.finish()
        skipped.extend(draft.skipped)
        if assembled is not None:
            sessions.append(assembled)
    skipped.sort(key=lambda row: row.line)
    return Assembly(sessions, skipped, data_rows)
