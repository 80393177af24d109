"""Reading the past: the history list, a session's review, the progress of one exercise.

Everything comes from the derived index and a few small files, so each opens at once in
year ten as on day one.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.application.review import Review, review_of
from tui.core.model import Session
from tui.core.progress_series import LiftDay, LiftDone, lift_days, lifts_done, sessions_with
from tui.core.summary import SessionSummary, same_routine_before
from tui.settings import Settings
from tui.store.repository import Store


class HistoryReader:
    def __init__(self, store: Store, *, settings: Callable[[], Settings]) -> None:
        self._store = store
        self._settings = settings

    @property
    def session_count(self) -> int:
        return self._store.session_count

    def summaries(self, exercise_key: str | None = None) -> list[SessionSummary]:
        """Every finished session, newest first; only those with `exercise_key` if given."""
        summaries = self._store.summaries()
        if exercise_key is None:
            return summaries
        return sessions_with(summaries, self._store.lift_rows(exercise_key))

    def last(self) -> SessionSummary | None:
        return self._store.last_summary()

    def lifts_done(self) -> list[LiftDone]:
        """The exercises with working sets, the most often done first."""
        return lifts_done(self._store.lifts_done())

    def lift_days(self, exercise_key: str) -> list[LiftDay]:
        """One exercise's figures per session, oldest first."""
        return lift_days(self._store.lift_rows(exercise_key))

    def session(self, session_id: str) -> Session | None:
        """The finished session as it is now; None once deleted (read without keeping its
        year file in memory: a review must not hold a year of sets)."""
        return self._store.sessions_by_id({session_id}).get(session_id)

    def review(self, session: Session) -> Review:
        """The review of `session`, in the lifter's unit."""
        return review_of(session, self._store.earlier(session), self._settings().unit)

    def write_behind(self) -> None:
        """Write what finishing left in memory (the derived files), now that nobody waits."""
        self._store.write_behind()

    def same_routine_before(self, session: Session) -> SessionSummary | None:
        """The latest earlier session of the same routine (for the summary's comparison)."""
        return same_routine_before(self._store.summaries(), session)
