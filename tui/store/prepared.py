"""What filing a finished session costs, worked out beforehand, outside the store's lock.

A pull decodes hundreds of sessions between two holds of the lock; turning each into its
history record, summary, last times and lift rows there, in the sync's thread, leaves the
hold that files them with the year file's write and little else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.core.model import Session
from tui.core.stats import exercises_of
from tui.core.summary import last_time, lift_rows, session_summary

Record = dict[str, Any]


@dataclass(frozen=True)
class Prepared:
    session: Session
    record: Record  # its record in the year file
    summary: Record  # its summary before PRs are counted
    last_times: dict[str, Record]
    rows: dict[str, Record]  # its row in each of its exercises' lift files
    keys: frozenset[str]

    @classmethod
    def of(cls, session: Session) -> Prepared:
        return cls(
            session,
            session.to_dict(),
            session_summary(session).to_record(),
            last_time(session),
            lift_rows(session),
            frozenset(e.key for e in exercises_of(session)),
        )


def prepared_for(session: Session, prepared: Mapping[str, Prepared]) -> Prepared | None:
    """The work done beforehand for this very session (not another version of it)."""
    found = prepared.get(session.id)
    return found if found is not None and found.session is session else None
