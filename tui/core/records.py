"""Personal records (PRs): running bests per exercise, fed finished sessions oldest first.

The rules:
- Only working sets count; warm-ups never make a record.
- Best weight for reps is per *exact* rep count: the heaviest weight lifted for exactly N reps.
  A rep count this exercise has never been done for sets its mark silently (120 × 5 followed
  by a first 100 × 3 is no "3-rep PR"); a real jump in strength shows as an e1RM PR instead.
- Best e1RM: the highest e1RM of any working set (bodyweight sets have none); the first
  trusted e1RM of an exercise, like a first rep count, sets its mark silently.
- Best session volume: the most weight × reps of the exercise in one session.
- A record must beat the earlier best, compared in kg; equalling it is not a PR.
- The first session of an exercise sets every mark but makes no PR: the review says
  "first time" instead. An exercise counts as done once it has a working set of 1+ reps.
- A session makes at most one PR of each kind per exercise (per rep count for weight): its best.

Feeding is O(sets), so a ten-year history is a fraction of a second. The store does not even
need that: it keeps each session's marks per exercise (`Marks`) and works out the PRs of one
exercise along them (`records_along`) whenever a session of it is filed, edited or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, Literal

from tui.core.model import ExerciseLog, Session, SetLog, to_kg
from tui.core.stats import ExerciseNumbers, exercise_numbers, exercises_of, lifted, set_e1rm

RecordKind = Literal["weight_for_reps", "e1rm", "volume"]
MARGIN_KG = 1e-6  # float noise from kg/lb conversion is not a record


@dataclass(frozen=True)
class PersonalRecord:
    exercise_key: str
    exercise_name: str
    kind: RecordKind
    value_kg: float
    previous_kg: float
    reps: int | None = None  # the rep count of a weight-for-reps record
    set_id: str | None = None  # the set that made it; None for session volume

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.exercise_key,
            "name": self.exercise_name,
            "kind": self.kind,
            "value_kg": self.value_kg,
            "previous_kg": self.previous_kg,
            "reps": self.reps,
            "set_id": self.set_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonalRecord:
        return cls(
            data["key"],
            data["name"],
            data["kind"],
            data["value_kg"],
            data["previous_kg"],
            data.get("reps"),
            data.get("set_id"),
        )


@dataclass
class Bests:
    """The marks to beat for one exercise (kg)."""

    weight_for_reps: dict[int, float] = field(default_factory=dict)
    e1rm_kg: float | None = None
    volume_kg: float = 0.0

    def copy(self) -> Bests:
        return Bests(dict(self.weight_for_reps), self.e1rm_kg, self.volume_kg)


@dataclass(frozen=True)
class LastTime:
    """The previous time an exercise was done: when, and what it came to."""

    session_id: str
    started_at: datetime
    exercise: ExerciseLog

    @cached_property
    def numbers(self) -> ExerciseNumbers:
        return exercise_numbers(self.exercise)  # worked out only when someone looks


@dataclass(frozen=True)
class Marks:
    """One exercise's bests within one session (kg), each with the id of the set that made it.

    Plain data: the store keeps the marks of every session per exercise, so the PRs of a
    whole history can be worked out again without reading it.
    """

    heaviest: dict[int, tuple[float, str]]  # reps -> (kg, set id)
    top_e1rm: tuple[float, str] | None
    volume_kg: float

    @property
    def done(self) -> bool:
        """Whether a working set of 1+ reps was done: only then does the exercise count."""
        return bool(self.heaviest)

    def to_dict(self) -> dict[str, Any]:
        return {
            "heaviest": {str(reps): [kg, set_id] for reps, (kg, set_id) in self.heaviest.items()},
            "top_e1rm": None if self.top_e1rm is None else list(self.top_e1rm),
            "volume_kg": self.volume_kg,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Marks:
        top = data.get("top_e1rm")
        return cls(
            heaviest={
                int(reps): (float(kg), str(set_id))
                for reps, (kg, set_id) in data["heaviest"].items()
            },
            top_e1rm=None if top is None else (float(top[0]), str(top[1])),
            volume_kg=float(data["volume_kg"]),
        )


def marks_of(sets: Iterable[SetLog]) -> Marks:
    """The marks of one exercise's working sets in one session."""
    heaviest: dict[int, tuple[float, str]] = {}
    top_e1rm: tuple[float, str] | None = None
    volume = 0.0
    for set_log in lifted(sets):
        kg = to_kg(set_log.weight, set_log.unit)
        volume += kg * set_log.reps
        if set_log.reps not in heaviest or kg > heaviest[set_log.reps][0]:
            heaviest[set_log.reps] = (kg, set_log.id)
        estimate = set_e1rm(set_log)
        if estimate is not None and (top_e1rm is None or estimate > top_e1rm[0]):
            top_e1rm = (estimate, set_log.id)
    return Marks(heaviest, top_e1rm, volume)


def _beats(value: float, mark: float) -> bool:
    return value > mark + MARGIN_KG


def _records(key: str, name: str, marks: Marks, bests: Bests) -> list[PersonalRecord]:
    found = [
        PersonalRecord(key, name, "weight_for_reps", kg, before, reps=reps, set_id=set_id)
        for reps, (kg, set_id) in sorted(marks.heaviest.items())
        if (before := bests.weight_for_reps.get(reps)) is not None and _beats(kg, before)
    ]
    if marks.top_e1rm is not None and bests.e1rm_kg is not None:
        estimate, set_id = marks.top_e1rm
        before = bests.e1rm_kg
        if _beats(estimate, before):
            found.append(PersonalRecord(key, name, "e1rm", estimate, before, set_id=set_id))
    if _beats(marks.volume_kg, bests.volume_kg):
        found.append(PersonalRecord(key, name, "volume", marks.volume_kg, bests.volume_kg))
    return found


def _raise_bests(bests: Bests, marks: Marks) -> None:
    for reps, (kg, _) in marks.heaviest.items():
        bests.weight_for_reps[reps] = max(kg, bests.weight_for_reps.get(reps, kg))
    if marks.top_e1rm is not None:
        bests.e1rm_kg = max(marks.top_e1rm[0], bests.e1rm_kg or 0.0)
    bests.volume_kg = max(marks.volume_kg, bests.volume_kg)


class RecordBook:
    """Running bests and the last time of every exercise, over the sessions fed so far."""

    def __init__(self) -> None:
        self._bests: dict[str, Bests] = {}
        self._last: dict[str, LastTime] = {}
        self.sessions = 0

    def records_in(self, session: Session) -> list[PersonalRecord]:
        """The PRs `session` sets against the sessions fed so far (the book is unchanged)."""
        found = []
        for exercise in exercises_of(session):
            bests = self._bests.get(exercise.key)
            if bests is not None:
                found += _records(
                    exercise.key, exercise.name, marks_of(exercise.working_sets), bests
                )
        return found

    def add(self, session: Session) -> list[PersonalRecord]:
        """Feed the next session (oldest first) and return the PRs it set."""
        found = []
        for exercise in exercises_of(session):
            marks = marks_of(exercise.working_sets)
            if marks.done:
                found += self.feed(exercise.key, exercise.name, marks)
                self._last[exercise.key] = LastTime(session.id, session.started_at, exercise)
        self.sessions += 1
        return found

    def feed(self, key: str, name: str, marks: Marks) -> list[PersonalRecord]:
        """Feed one exercise's marks of the next session; the PRs they set."""
        if not marks.done:
            return []  # warm-ups only: the exercise was not really done yet
        bests = self._bests.get(key)
        if bests is None:
            bests = self._bests[key] = Bests()
            found = []
        else:
            found = _records(key, name, marks, bests)
        _raise_bests(bests, marks)
        return found

    def knows(self, exercise_key: str) -> bool:
        """Whether this exercise was done in any session fed so far."""
        return exercise_key in self._bests

    def bests(self, exercise_key: str) -> Bests | None:
        return self._bests.get(exercise_key)

    def last_time(self, exercise_key: str) -> LastTime | None:
        return self._last.get(exercise_key)


def records_along(
    key: str, marks: Iterable[tuple[str, str, Marks]], book: RecordBook | None = None
) -> dict[str, list[PersonalRecord]]:
    """The PRs of one exercise per session id, from (session id, exercise name, marks) of
    every session it was done in, oldest first: the same PRs a RecordBook finds. With `book`,
    the sessions go on from the ones already fed to it (which it goes on to hold)."""
    book = RecordBook() if book is None else book
    found = {}
    for session_id, name, session_marks in marks:
        if records := book.feed(key, name, session_marks):
            found[session_id] = records
    return found


def records_against(
    key: str, name: str, earlier: Iterable[Marks], marks: Marks
) -> list[PersonalRecord]:
    """The PRs `marks` set against the marks of every earlier session of the exercise (any
    order): what `records_along` finds for the last session, without the ones before it."""
    bests: Bests | None = None
    for before in earlier:
        if before.done:
            bests = bests or Bests()
            _raise_bests(bests, before)
    return records_over(key, name, bests, marks)


def records_over(key: str, name: str, bests: Bests | None, marks: Marks) -> list[PersonalRecord]:
    """The PRs `marks` set against the bests of the sessions before (None: none was done)."""
    if bests is None or not marks.done:
        return []
    return _records(key, name, marks, bests)
