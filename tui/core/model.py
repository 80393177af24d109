"""The lifter's training record: sessions, exercises, sets, check-ins and routines.

Plain frozen dataclasses. Nothing here reads a clock or touches a file: times and ids are
handed in by the caller. `to_dict`/`from_dict` turn them into JSON-ready dicts and back.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

SetKind = Literal["warmup", "working"]
Unit = Literal["kg", "lb"]
Failure = Literal["technical", "perceived"]

SET_KINDS: tuple[str, ...] = ("warmup", "working")
UNITS: tuple[str, ...] = ("kg", "lb")
FAILURES: tuple[str, ...] = ("technical", "perceived")

LB_PER_KG = 2.2046226218
MAX_WEIGHT_KG = 1000.0
MAX_REPS = 100
MAX_RIR = 10.0


class ModelError(ValueError):
    """A value that cannot be part of a training record (bad reps, unknown unit, ...)."""


def new_id() -> str:
    """A fresh client-made id (UUID4 text)."""
    return str(uuid.uuid4())


def max_weight(unit: str) -> float:
    """The heaviest weight accepted in `unit` (1000 kg or its lb equivalent)."""
    return MAX_WEIGHT_KG if unit == "kg" else round(MAX_WEIGHT_KG * LB_PER_KG, 1)


def unit_of(text: str) -> Unit:
    """A checked unit name as the model's type ("kg" for anything but "lb")."""
    return "lb" if text == "lb" else "kg"


def to_kg(weight: float, unit: str) -> float:
    return weight if unit == "kg" else weight / LB_PER_KG


def is_half_step(value: float) -> bool:
    return abs(value * 2 - round(value * 2)) < 1e-9


def check_rir(rir: float | None) -> None:
    if rir is None:
        return
    if not 0 <= rir <= MAX_RIR or not is_half_step(rir):
        raise ModelError(f"reps in reserve must be 0–10 in half steps, not {rir:g}")


def _time_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ModelError("times must carry a UTC offset")
    return moment.isoformat()


def _time_value(text: Any, what: str) -> datetime | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise ModelError(f"{what} must be an ISO-8601 time")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ModelError(f"{what} is not an ISO-8601 time: {text!r}") from error
    if moment.tzinfo is None:
        raise ModelError(f"{what} has no UTC offset: {text!r}")
    return moment


def number_field(value: Any, what: str) -> float:
    """`value` as a float, or a ModelError naming `what` (bools are not numbers here)."""
    if type(value) is float and value - value == 0:  # finite: most numbers a file holds
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(f"{what} must be a number")
    try:
        number = float(value)
    except OverflowError:  # an integer with hundreds of digits
        number = math.inf
    if not math.isfinite(number):  # JSON readers take 1e400 as infinity; no field holds one
        raise ModelError(f"{what} must be a finite number")
    return number


def whole_field(value: Any, what: str) -> int:
    """`value` as a whole number, or a ModelError naming `what`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError(f"{what} must be a whole number")
    return value


def _optional_number(value: Any, what: str) -> float | None:
    return None if value is None else number_field(value, what)


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or not (value.isascii() or _storable(value)):
        raise ModelError(f"{what} must be text")
    return value


def _storable(text: str) -> bool:
    """False for text with a lone surrogate (JSON allows "\\ud800"): it cannot be saved as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _optional_text(value: Any) -> str | None:
    """An optional reference such as a catalog id: kept when it is text, else dropped."""
    return value if isinstance(value, str) and _storable(value) else None


@dataclass(frozen=True)
class Calibration:
    """A test set: where the lifter would have stopped, what they predicted, what they did."""

    reps_at_stop: int
    predicted_rir: float
    total_reps: int

    def __post_init__(self) -> None:
        if not 0 <= self.reps_at_stop <= self.total_reps <= MAX_REPS:
            raise ModelError("a test set needs 0 ≤ reps at the stop ≤ total reps ≤ 100")
        check_rir(self.predicted_rir)

    @property
    def prediction_error(self) -> float:
        """Predicted reps to failure minus reps actually done (negative: they had more)."""
        return self.reps_at_stop + self.predicted_rir - self.total_reps

    def to_dict(self) -> dict[str, Any]:
        return {
            "reps_at_stop": self.reps_at_stop,
            "predicted_rir": self.predicted_rir,
            "total_reps": self.total_reps,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Calibration:
        if not isinstance(data, dict):
            raise ModelError("a test set's calibration must be an object")
        return cls(
            reps_at_stop=int(number_field(data.get("reps_at_stop"), "reps_at_stop")),
            predicted_rir=number_field(data.get("predicted_rir"), "predicted_rir"),
            total_reps=int(number_field(data.get("total_reps"), "total_reps")),
        )


@dataclass(frozen=True)
class SetLog:
    """One logged set. `weight` is the load in `unit`; for a bodyweight set it is the added load."""

    id: str
    kind: SetKind
    weight: float
    reps: int
    logged_at: datetime
    unit: Unit = "kg"
    bodyweight: bool = False
    rir: float | None = None
    failure: Failure | None = None
    rest_planned_s: int | None = None
    rest_actual_s: float | None = None
    calm_after_s: float | None = None
    note: str = ""
    calibration: Calibration | None = None
    edited_at: datetime | None = (
        None  # set when a saved set is changed; the later edit wins a merge
    )

    def __post_init__(self) -> None:
        if self.kind not in SET_KINDS:
            raise ModelError(f"a set is a warm-up or a working set, not {self.kind!r}")
        if self.unit not in UNITS:
            raise ModelError(f"weight unit must be kg or lb, not {self.unit!r}")
        if not 0 <= self.weight <= max_weight(self.unit):
            raise ModelError(f"weight must be 0–{max_weight(self.unit):g} {self.unit}")
        if isinstance(self.reps, bool) or not isinstance(self.reps, int):
            raise ModelError("reps must be a whole number")
        if not 0 <= self.reps <= MAX_REPS:
            raise ModelError(f"reps must be 0–{MAX_REPS}, not {self.reps}")
        check_rir(self.rir)
        if self.failure is not None and self.failure not in FAILURES:
            raise ModelError(f"failure is technical or perceived, not {self.failure!r}")
        for name in ("rest_planned_s", "rest_actual_s", "calm_after_s"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ModelError(f"{name} cannot be negative")
        if self.logged_at.tzinfo is None:
            raise ModelError("logged_at must carry a UTC offset")
        if self.edited_at is not None and self.edited_at.tzinfo is None:
            raise ModelError("edited_at must carry a UTC offset")

    @property
    def changed_at(self) -> datetime:
        """When this version of the set was made: its last edit, else when it was logged."""
        return self.edited_at or self.logged_at

    @property
    def is_working(self) -> bool:
        return self.kind == "working"

    @property
    def volume(self) -> float:
        """Weight × reps of a working set (0 for warm-ups)."""
        return self.weight * self.reps if self.is_working else 0.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "weight": self.weight,
            "bodyweight": self.bodyweight,
            "unit": self.unit,
            "reps": self.reps,
            "rir": self.rir,
            "failure": self.failure,
            "rest_planned_s": self.rest_planned_s,
            "rest_actual_s": self.rest_actual_s,
            "calm_after_s": self.calm_after_s,
            "logged_at": _time_text(self.logged_at),
            "note": self.note,
            "edited_at": _time_text(self.edited_at),
        }
        if self.calibration is not None:
            data["calibration"] = self.calibration.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SetLog:
        if not isinstance(data, dict):
            raise ModelError("a set must be an object")
        logged_at = _time_value(data.get("logged_at"), "logged_at")
        if logged_at is None:
            raise ModelError("a set needs logged_at")
        reps = number_field(data.get("reps"), "reps")
        if reps != int(reps):
            raise ModelError("reps must be a whole number")
        rest_planned = _optional_number(data.get("rest_planned_s"), "rest_planned_s")
        calibration = data.get("calibration")
        return cls(
            id=_text(data.get("id"), "id") or new_id(),
            kind=data.get("kind", "working"),
            weight=number_field(data.get("weight", 0), "weight"),
            reps=int(reps),
            logged_at=logged_at,
            unit=data.get("unit", "kg"),
            bodyweight=bool(data.get("bodyweight", False)),
            rir=_optional_number(data.get("rir"), "rir"),
            failure=data.get("failure"),
            rest_planned_s=None if rest_planned is None else int(rest_planned),
            rest_actual_s=_optional_number(data.get("rest_actual_s"), "rest_actual_s"),
            calm_after_s=_optional_number(data.get("calm_after_s"), "calm_after_s"),
            note=_text(data.get("note"), "note"),
            calibration=None if calibration is None else Calibration.from_dict(calibration),
            edited_at=_time_value(data.get("edited_at"), "edited_at"),
        )


@dataclass(frozen=True)
class ExerciseLog:
    """The sets of one exercise within a session, in the order they were done."""

    id: str
    name: str
    catalog_id: str | None = None
    notes: str = ""
    sets: tuple[SetLog, ...] = ()
    planned: PlannedExercise | None = None  # what the plan asked for today (sets, reps, rest)

    @property
    def working_sets(self) -> tuple[SetLog, ...]:
        return tuple(s for s in self.sets if s.is_working)

    @property
    def key(self) -> str:
        """What makes two logs the same exercise across sessions: catalog id, else the name."""
        return self.catalog_id or "name:" + " ".join(self.name.casefold().split())

    def with_set(self, set_log: SetLog) -> ExerciseLog:
        """This exercise with `set_log` added, or replacing the set with the same id."""
        for index, existing in enumerate(self.sets):
            if existing.id == set_log.id:
                sets = self.sets[:index] + (set_log,) + self.sets[index + 1 :]
                return replace(self, sets=sets)
        return replace(self, sets=self.sets + (set_log,))

    def without_set(self, set_id: str) -> ExerciseLog:
        return replace(self, sets=tuple(s for s in self.sets if s.id != set_id))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "catalog_id": self.catalog_id,
            "notes": self.notes,
            "sets": [s.to_dict() for s in self.sets],
            "planned": None if self.planned is None else self.planned.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExerciseLog:
        if not isinstance(data, dict):
            raise ModelError("an exercise must be an object")
        name = _text(data.get("name"), "exercise name").strip()
        if not name:
            raise ModelError("an exercise needs a name")
        sets = data.get("sets", [])
        if not isinstance(sets, list):
            raise ModelError("an exercise's sets must be a list")
        catalog_id = data.get("catalog_id")
        planned = data.get("planned")
        return cls(
            id=_text(data.get("id"), "id") or new_id(),
            name=name,
            catalog_id=_optional_text(catalog_id),
            notes=_text(data.get("notes"), "notes"),
            sets=tuple(SetLog.from_dict(s) for s in sets),
            planned=None if planned is None else PlannedExercise.from_dict(planned),
        )


@dataclass(frozen=True)
class CheckIn:
    """How the lifter arrives: sleep, stress and energy, each 1 (bad) – 5 (great) or unknown.

    Stress is scored so that 5 means calm: every field reads "higher is better".
    """

    sleep: int | None = None
    stress: int | None = None
    energy: int | None = None

    def __post_init__(self) -> None:
        for name in ("sleep", "stress", "energy"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
            ):
                raise ModelError(f"check-in {name} must be 1–5, not {value!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"sleep": self.sleep, "stress": self.stress, "energy": self.energy}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckIn:
        if not isinstance(data, dict):
            raise ModelError("a check-in must be an object")
        return cls(sleep=data.get("sleep"), stress=data.get("stress"), energy=data.get("energy"))


@dataclass(frozen=True)
class Session:
    """One training session. `ended_at` is None while it is in progress."""

    id: str
    name: str
    started_at: datetime
    ended_at: datetime | None = None
    checkin: CheckIn | None = None
    notes: str = ""
    exercises: tuple[ExerciseLog, ...] = ()
    routine_id: str | None = None
    edited_at: datetime | None = None  # set when a finished session is changed
    removed_set_ids: tuple[
        str, ...
    ] = ()  # sets deleted after the finish, so a merge keeps them out

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @property
    def sets(self) -> tuple[SetLog, ...]:
        return tuple(s for exercise in self.exercises for s in exercise.sets)

    def exercise(self, exercise_id: str) -> ExerciseLog:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(exercise_id)

    def with_exercise(self, exercise: ExerciseLog) -> Session:
        """This session with `exercise` added at the end, or replacing the one with its id."""
        for index, existing in enumerate(self.exercises):
            if existing.id == exercise.id:
                exercises = self.exercises[:index] + (exercise,) + self.exercises[index + 1 :]
                return replace(self, exercises=exercises)
        return replace(self, exercises=self.exercises + (exercise,))

    def with_set(self, exercise_id: str, set_log: SetLog) -> Session:
        return self.with_exercise(self.exercise(exercise_id).with_set(set_log))

    def without_set(self, set_id: str) -> Session:
        return replace(self, exercises=tuple(e.without_set(set_id) for e in self.exercises))

    def finish(self, ended_at: datetime) -> Session:
        return replace(self, ended_at=ended_at)

    def edited(self, at: datetime) -> Session:
        """This session marked as changed after it was finished (for sync to carry)."""
        return replace(self, edited_at=at)

    def remove_finished_set(self, set_id: str, at: datetime) -> Session:
        """Delete a set from a finished session, remembering it so no merge brings it back."""
        removed = self.removed_set_ids + (set_id,)
        return replace(self.without_set(set_id), removed_set_ids=removed, edited_at=at)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "started_at": _time_text(self.started_at),
            "ended_at": _time_text(self.ended_at),
            "checkin": None if self.checkin is None else self.checkin.to_dict(),
            "notes": self.notes,
            "routine_id": self.routine_id,
            "edited_at": _time_text(self.edited_at),
            "removed_set_ids": list(self.removed_set_ids),
            "exercises": [e.to_dict() for e in self.exercises],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        if not isinstance(data, dict):
            raise ModelError("a session must be an object")
        session_id = _text(data.get("id"), "id")
        if not session_id:
            raise ModelError("a session needs an id")
        started_at = _time_value(data.get("started_at"), "started_at")
        if started_at is None:
            raise ModelError("a session needs started_at")
        exercises = data.get("exercises", [])
        if not isinstance(exercises, list):
            raise ModelError("a session's exercises must be a list")
        checkin = data.get("checkin")
        routine_id = data.get("routine_id")
        removed = data.get("removed_set_ids", [])
        if not isinstance(removed, list) or not all(
            isinstance(r, str) and _storable(r) for r in removed
        ):
            raise ModelError("removed_set_ids must be a list of set ids")
        return cls(
            id=session_id,
            name=_text(data.get("name"), "name") or "Session",
            started_at=started_at,
            ended_at=_time_value(data.get("ended_at"), "ended_at"),
            checkin=None if checkin is None else CheckIn.from_dict(checkin),
            notes=_text(data.get("notes"), "notes"),
            exercises=tuple(ExerciseLog.from_dict(e) for e in exercises),
            routine_id=_optional_text(routine_id),
            edited_at=_time_value(data.get("edited_at"), "edited_at"),
            removed_set_ids=tuple(removed),
        )


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise in a routine: how many sets of how many reps, at what effort and rest."""

    name: str
    sets: int = 3
    reps: int = 8
    rir: float | None = 2.0
    weight: float | None = None
    rest_s: int | None = None
    catalog_id: str | None = None
    reps_top: int | None = None  # a rep range `reps`–`reps_top` (double progression)

    def __post_init__(self) -> None:
        if not 1 <= self.sets <= 20:
            raise ModelError(f"sets must be 1–20, not {self.sets}")
        if not 0 <= self.reps <= MAX_REPS:
            raise ModelError(f"reps must be 0–{MAX_REPS}, not {self.reps}")
        if self.reps_top is not None and not self.reps < self.reps_top <= MAX_REPS:
            raise ModelError(f"a rep range must go up, {self.reps}–{MAX_REPS} at most")
        check_rir(self.rir)
        if self.weight is not None and not 0 <= self.weight <= max_weight("lb"):
            raise ModelError(f"weight must be 0–{MAX_WEIGHT_KG:g} kg")
        if self.rest_s is not None and not 0 <= self.rest_s <= 1800:
            raise ModelError(f"rest_s must be 0–1800 seconds, not {self.rest_s}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sets": self.sets,
            "reps": self.reps,
            "rir": self.rir,
            "weight": self.weight,
            "rest_s": self.rest_s,
            "catalog_id": self.catalog_id,
        } | ({} if self.reps_top is None else {"reps_top": self.reps_top})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlannedExercise:
        if not isinstance(data, dict):
            raise ModelError("a planned exercise must be an object")
        weight, rest, top = data.get("weight"), data.get("rest_s"), data.get("reps_top")
        catalog_id = data.get("catalog_id")
        return cls(
            name=_text(data.get("name"), "name") or "Exercise",
            sets=int(number_field(data.get("sets", 3), "sets")),
            reps=int(number_field(data.get("reps", 8), "reps")),
            rir=_optional_number(data.get("rir"), "rir"),
            weight=None if weight is None else number_field(weight, "weight"),
            rest_s=None if rest is None else int(number_field(rest, "rest_s")),
            catalog_id=_optional_text(catalog_id),
            reps_top=None if top is None else int(number_field(top, "reps_top")),
        )


@dataclass(frozen=True)
class Routine:
    """A named plan of exercises the lifter can start a session from."""

    id: str
    name: str
    exercises: tuple[PlannedExercise, ...] = field(default_factory=tuple)
    source: str = "built-in"
