"""Change a finished session: fix a set, remove a set, or delete the session — each asked first.

Every change is saved through the store, which keeps it for the next sync, and a sync starts
at once. Used by the history and the review screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from textual.screen import Screen

from tui.core.model import ExerciseLog, Session, SetLog
from tui.format import day_text, set_text
from tui.store.repository import ReadOnlyStore

Saved = Callable[[Session | None], None]  # the session as saved, None once deleted


def sets_label(exercise: ExerciseLog) -> str:
    count = len(exercise.sets)
    return f"{exercise.name}  [dim]{count} set{'' if count == 1 else 's'}[/dim]"


class SessionEdits:
    def __init__(self, screen: Screen, saved: Saved) -> None:
        self.screen = screen
        self.saved = saved

    @property
    def app(self):
        return self.screen.app

    def _writable(self) -> bool:
        if self.app.store.read_only:
            self.app.tell("Another OneMore has this data open: close it to change sessions here.")
            return False
        return True

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

        def retyped(changed: SetLog | None) -> None:
            if changed is not None:
                self._confirm_edit(session, exercise, changed)

        self.app.push_screen(EditSetScreen(sets, self.app.settings.unit, self.app.now()), retyped)

    def _confirm_edit(self, session: Session, exercise: ExerciseLog, changed: SetLog) -> None:
        from tui.screens.confirm import ConfirmScreen

        before = next(s for s in exercise.sets if s.id == changed.id)
        if replace(changed, edited_at=before.edited_at) == before:
            self.app.tell("Nothing changed.", "information")
            return

        def decided(choice: str | None) -> None:
            if choice == "save":
                self._save(session.with_set(exercise.id, changed).edited(self.app.now()))

        self.app.push_screen(
            ConfirmScreen(
                "Save this change?",
                {"enter": ("save it", "save")},
                detail=f"{exercise.name}: {set_text(before)} → {set_text(changed)}",
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
                self._save(session.remove_finished_set(chosen.id, self.app.now()))

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
                self._delete(session_id)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {name}, {day_text(started_at)}?",
                {"y": ("yes, delete it", "delete")},
                detail="Every set of it goes, here and on your synced devices. There is no undo.",
            ),
            decided,
        )

    def _delete(self, session_id: str) -> None:
        try:
            self.app.store.delete_session(session_id, self.app.now())
        except (OSError, ReadOnlyStore) as problem:
            self.app.tell(f"Not deleted: {getattr(problem, 'strerror', None) or problem}", "error")
            return
        self.app.sync_now()
        self.app.tell("Session deleted.", "information")
        self.saved(None)

    def _save(self, session: Session) -> None:
        try:
            self.app.store.add_finished([session])
        except (OSError, ReadOnlyStore) as problem:
            self.app.tell(f"Not saved: {getattr(problem, 'strerror', None) or problem}", "error")
            return
        self.app.sync_now()
        self.app.tell("Change saved.", "information")
        self.saved(session)
