"""What the live session's use cases return: typed results the logging screen only renders.

`notice` is a line to tell the lifter (a failed save, a save that landed again), or None
when there is nothing new to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.entry import Target
from tui.core.model import ExerciseLog, Session, SetLog


@dataclass(frozen=True)
class EntryProblem:
    """The line could not be logged: what was wrong and an example; what was typed stays."""

    message: str


@dataclass(frozen=True)
class AddExerciseFirst:
    """There is no exercise to log on yet."""


@dataclass(frozen=True)
class NextUp:
    """What the rest screen says comes next."""

    exercise: str
    set_number: int
    target: Target | None


@dataclass(frozen=True)
class RestPlan:
    """A rest to start now: how long, what comes after it, and how much of it has passed
    already (a rest picked up again after a resume)."""

    seconds: int
    next_up: NextUp | None
    elapsed_s: float = 0.0


@dataclass(frozen=True)
class Logged:
    """A set was logged. `ask`: ask "one more rep?" now (the rest comes with the answer);
    otherwise `rest` is the rest to start now (None when none follows)."""

    set_log: SetLog
    ask: bool
    rest: RestPlan | None
    notice: str | None = None


@dataclass(frozen=True)
class Answered:
    """The "one more rep?" answer was kept; the rest to start now."""

    rest: RestPlan | None
    notice: str | None = None


@dataclass(frozen=True)
class Changed:
    """The session changed (a set edited or undone, a note, an exercise added...)."""

    notice: str | None = None
    undone: SetLog | None = None


@dataclass(frozen=True)
class Unchanged:
    """Nothing to do; `message` says why."""

    message: str


@dataclass(frozen=True)
class Finished:
    """The session is in history now."""

    session: Session


@dataclass(frozen=True)
class NothingLogged:
    """Finished with no set: nothing was kept."""


@dataclass(frozen=True)
class NotFinished:
    """The finish did not land; the sets stay in the session in progress."""

    message: str


@dataclass(frozen=True)
class LoggingView:
    """What the logging screen shows, as data."""

    exercise: ExerciseLog | None
    position: int  # 0-based, of `exercises`
    exercises: int
    set_number: int  # the next working set, 1-based
    planned_sets: int
    target: Target | None
    why: str  # the coach's one line for this exercise, or ""
    unsaved: frozenset[str]  # ids of sets not on disk yet
    previous: tuple[SetLog, ...]  # last time's sets of this exercise
    previous_at: datetime | None
    previous_note: str = ""  # the note on this exercise last time
