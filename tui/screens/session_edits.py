"""The dialogs that change a finished session: pick the exercise and the set, retype or
remove it, or delete the whole session, each asked first.

Only the asking lives here; the change itself, its checks and its words are
`tui.application.past.PastSessions`'s. Used by the history, the review and the summary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.screen import Screen

from tui.app import OneMoreApp
from tui.application.past import Deleted, PastChange, Refused, Saved
from tui.core.entry import SetInput
from tui.core.model import ExerciseLog, Session, SetLog
from tui.format import day_text, plural, set_text
from tui.widgets.markup import lit

Done = Callable[[Session | None], None]  # the session as saved, None once deleted


def sets_label(exercise: ExerciseLog) -> str:
    return f"{lit(exercise.name)}  [dim]{plural(len(exercise.sets), 'set')}[/dim]"


class SessionEdits:
    def __init__(self, screen: Screen[Any], saved: Done) -> None:
        self.screen = screen
        self.saved = saved

    @property
    def app(self) -> OneMoreApp:
        app = self.screen.app
        assert isinstance(app, OneMoreApp)
        return app

    def _writable(self) -> bool:
        problem = self.app.past.can_change()
        if problem:
            self.app.tell(problem)
        return problem is None

    def _done(self, result: PastChange) -> None:
        """Say what happened, in one line, and let the screen show the session as it is now."""
        if isinstance(result, Refused):
            self.app.tell(result.message, "error" if result.error else "information")
        elif isinstance(result, Saved):
            self.app.tell("Change saved.", "information")
            self.saved(result.session)
        elif isinstance(result, Deleted):
            self.app.tell("Session deleted.", "information")
            self.saved(None)

    # -- choosing ------------------------------------------------------------------------

    def _pick_exercise(
        self, session: Session, question: str, then: Callable[[ExerciseLog], None]
    ) -> None:
        from tui.screens.choice import ChoiceScreen

        exercises = [e for e in session.exercises if e.sets]
        if not exercises:
            self.app.tell("This session has no sets.", "information")
        elif len(exercises) == 1:
            then(exercises[0])
        else:
            self.app.push_screen(
                ChoiceScreen(question, [sets_label(e) for e in exercises]),
                lambda index: None if index is None else then(exercises[index]),
            )

    def _pick_set(
        self, exercise: ExerciseLog, question: str, then: Callable[[SetLog], None]
    ) -> None:
        from tui.screens.choice import ChoiceScreen

        sets = list(exercise.sets)
        self.app.push_screen(
            ChoiceScreen(question, [set_text(s) for s in sets]),
            lambda index: None if index is None else then(sets[index]),
        )

    # -- fix a set -----------------------------------------------------------------------

    def edit_set(self, session: Session) -> None:
        if self._writable():
            self._pick_exercise(
                session,
                "Edit a set of which exercise?",
                lambda exercise: self._edit_in(session, exercise),
            )

    def _edit_in(self, session: Session, exercise: ExerciseLog) -> None:
        if len(exercise.sets) <= 9:  # the edit dialog numbers up to nine sets
            self._retype(session, exercise, list(exercise.sets))
        else:
            self._pick_set(
                exercise,
                f"Edit which set of {exercise.name}?",
                lambda chosen: self._retype(session, exercise, [chosen]),
            )

    def _retype(self, session: Session, exercise: ExerciseLog, sets: list[SetLog]) -> None:
        from tui.screens.edit_set import EditSetScreen

        def retyped(change: tuple[str, SetInput] | None) -> None:
            if change is not None:
                self._confirm_edit(session, exercise, *change)

        self.app.push_screen(EditSetScreen(sets, self.app.settings.unit), retyped)

    def _confirm_edit(
        self, session: Session, exercise: ExerciseLog, set_id: str, entry: SetInput
    ) -> None:
        from tui.screens.confirm import ConfirmScreen

        edit = self.app.past.preview_edit(session.id, set_id, entry)
        if isinstance(edit, Refused):
            self._done(edit)
            return

        def decided(choice: str | None) -> None:
            if choice == "save":
                self._done(self.app.past.edit_set(session.id, set_id, entry))

        self.app.push_screen(
            ConfirmScreen(
                "Save this change?",
                {"enter": ("save it", "save")},
                detail=f"{exercise.name}: {set_text(edit.before)} → {set_text(edit.after)}",
            ),
            decided,
        )

    # -- remove a set --------------------------------------------------------------------

    def remove_set(self, session: Session) -> None:
        if self._writable():
            self._pick_exercise(
                session,
                "Remove a set of which exercise?",
                lambda exercise: self._remove_from(session, exercise),
            )

    def _remove_from(self, session: Session, exercise: ExerciseLog) -> None:
        self._pick_set(
            exercise,
            f"Remove which set of {exercise.name}?",
            lambda chosen: self._confirm_removal(session, exercise, chosen),
        )

    def _confirm_removal(self, session: Session, exercise: ExerciseLog, chosen: SetLog) -> None:
        from tui.screens.confirm import ConfirmScreen

        def decided(choice: str | None) -> None:
            if choice == "remove":
                self._done(self.app.past.remove_set(session.id, chosen.id))

        self.app.push_screen(
            ConfirmScreen(
                "Remove this set?",
                {"enter": ("remove it", "remove")},
                detail=f"{exercise.name}: {set_text(chosen)}",
            ),
            decided,
        )

    # -- delete the session --------------------------------------------------------------

    def delete(self, session_id: str, name: str, started_at: datetime) -> None:
        from tui.screens.confirm import ConfirmScreen

        if not self._writable():
            return

        def decided(choice: str | None) -> None:
            if choice == "delete":
                self._done(self.app.past.delete(session_id))

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {name}, {day_text(started_at)}?",
                {"y": ("yes, delete it", "delete")},
                detail="Every set of it goes, here and on your synced devices. There is no undo.",
            ),
            decided,
        )
