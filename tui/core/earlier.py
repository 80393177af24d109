"""What a review needs from the sessions before the one it reviews.

Two ways to get it, with the same answers: feed every earlier session (`earlier_than`, for
a handful of sessions or a check), or take what the store keeps in its index
(`RecordsBefore`: the session's PRs, worked out when it was filed, and the last time of each
of its exercises), which costs the same in year ten as on day one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from tui.core.calibration import CalibrationLog
from tui.core.model import Session
from tui.core.records import LastTime, PersonalRecord, RecordBook


class Records(Protocol):
    def records_in(self, session: Session) -> list[PersonalRecord]: ...
    def knows(self, exercise_key: str) -> bool: ...
    def last_time(self, exercise_key: str) -> LastTime | None: ...


@dataclass(frozen=True)
class RecordsBefore:
    """One session's PRs and, per exercise of it, the last earlier time it was done."""

    prs: list[PersonalRecord]
    last: dict[str, LastTime]

    def records_in(self, session: Session) -> list[PersonalRecord]:
        return list(self.prs)

    def knows(self, exercise_key: str) -> bool:
        return exercise_key in self.last

    def last_time(self, exercise_key: str) -> LastTime | None:
        return self.last.get(exercise_key)


@dataclass
class Earlier:
    """Running records and test sets of the sessions before a reviewed one."""

    records: Records = field(default_factory=RecordBook)
    calibration: CalibrationLog = field(default_factory=CalibrationLog)


def earlier_than(history: Iterable[Session], session: Session) -> Earlier:
    """Feed every session of `history` (oldest first) that started before `session`."""
    book, calibration = RecordBook(), CalibrationLog()
    for past in history:
        if past.started_at < session.started_at and past.id != session.id:
            book.add(past)
            calibration.add(past)
    return Earlier(book, calibration)
