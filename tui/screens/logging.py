"""Logging, one exercise at a time: the target big, last time beside it, today's sets below.

A view of a `LiveSession`: it forwards what the lifter typed or pressed and renders what comes
back. Type a set and press Enter (an empty line logs the target). While the line is empty,
single letters are commands (u undo, e edit, n/p next/previous, s swap, a add, o note,
O session note, r rest, t test set, f finish, ? help); once something is typed they are just
letters.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.application.live_session import LiveSession
from tui.application.results import (
    AddExerciseFirst,
    Answered,
    Changed,
    EntryProblem,
    Finished,
    Logged,
    NotFinished,
    RestPlan,
    Unchanged,
)
from tui.application.test_set import FailureTest
from tui.core.catalog import Exercise
from tui.core.entry import SetInput
from tui.core.model import SetLog
from tui.format import next_up_text, plural, set_text
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.screens.one_more import Answer
from tui.screens.rest import RestResult
from tui.widgets.exercise_panel import ExercisePanel
from tui.widgets.footer import Footer
from tui.widgets.markup import lit
from tui.widgets.set_entry import SetEntry
from tui.widgets.sync_line import SyncLine

RETRY_SAVE_EVERY_S = 5


class LoggingScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"enter", "t", "escape"})
    AUTO_FOCUS = "#entry"
    # In the footer's order: what matters most first, so an 80-column footer keeps f and ?;
    # p, o, r and d are in the help (?) and the README, not the footer.
    BINDINGS = [
        Binding("f", "finish", "Finish", priority=True, id="finish"),
        Binding("question_mark", "help", "Keys", priority=True, id="help"),
        Binding("u", "undo", "Undo", priority=True, id="undo"),
        Binding("e", "edit", "Edit", priority=True, id="edit"),
        Binding("n", "move(1)", "Next", priority=True, id="next"),
        Binding("p", "move(-1)", "Prev", priority=True, id="previous", show=False),
        Binding("a", "add", "Add", priority=True, id="add"),
        Binding("s", "swap", "Swap", priority=True, id="swap"),
        Binding("t", "test_set", "Test set", priority=True, id="test-set"),
        Binding("r", "rest", "Rest", priority=True, id="rest", show=False),
        Binding("o", "note", "Note", priority=True, id="note", show=False),
        Binding("O", "note(True)", "Session note", priority=True, id="session-note", show=False),
        Binding("d", "remove_exercise", "Drop", priority=True, id="remove-exercise", show=False),
        Binding("less_than_sign", "move_exercise(-1)", "Earlier", priority=True, show=False),
        Binding("greater_than_sign", "move_exercise(1)", "Later", priority=True, show=False),
        Binding("escape", "leave", "Home", id="leave"),
    ]

    def __init__(self, session: LiveSession) -> None:
        super().__init__()
        self.session = session
        self._typed = False  # whether the entry line holds text (the footer follows it)

    def compose(self) -> ComposeResult:
        with Vertical(id="logging"):
            yield ExercisePanel(id="exercise")
            yield SetEntry(
                placeholder="Enter = target · 100x5 @2 · w60x5 · x6 · bw+10x8", id="entry"
            )
            yield Static("", id="error")
            yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SetEntry).cursor_blink = self.app.cursor_blink
        self.set_interval(RETRY_SAVE_EVERY_S, self._retry_save)
        self._show()
        self.app.tell_new_notices()  # e.g. a damaged file the coach's first look moved aside
        if self.session.live.exercise is None:
            self.call_after_refresh(self.action_add)
        elif (left_off := self.session.rest_left_off()) is not None:
            self.call_after_refresh(self._start_rest, left_off)  # resumed mid-rest: go on

    def waits_after(self, event: events.Key) -> bool:
        """Enter may change the screen; so may `t`, when it was the test-set command and not
        a letter typed into the line."""
        if event.key == "t":
            return self.query_one(SetEntry).empty
        return super().waits_after(event)

    def on_input_changed(self, event: Input.Changed) -> None:
        error = self.query_one("#error", Static)
        if error.content:
            error.update("")
        if bool(event.value) != self._typed:  # command letters come and go with an empty line
            self._typed = bool(event.value)
            self.refresh_bindings()

    # -- what the lifter sees ------------------------------------------------------------

    def _show(self) -> None:
        self.query_one(ExercisePanel).show(
            self.session.view(), warm_ups=self.app.settings.warmup_ramp
        )

    def _said(self, result: Changed | Unchanged) -> None:
        if isinstance(result, Unchanged):
            self.app.tell(result.message, "information")
        else:
            self.app.tell_if(result.notice)
        self._show()

    def _retry_save(self) -> None:
        if notice := self.session.retry_save():
            self.app.tell(notice, "information")
            self._show()

    # -- logging a set -------------------------------------------------------------------

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        result = self.session.submit(event.value)
        if isinstance(result, EntryProblem):
            self.query_one("#error", Static).update(lit(result.message))  # what was typed stays
        elif isinstance(result, AddExerciseFirst):
            self.action_add()
        else:
            self.query_one(SetEntry).value = ""
            self._logged(result)

    def _logged(self, logged: Logged) -> None:
        self.app.tell_if(logged.notice)
        self._show()
        if logged.ask:
            from tui.screens.one_more import OneMoreScreen

            self.app.push_screen(
                OneMoreScreen(set_text(logged.set_log)),
                lambda answer: self._answered(logged.set_log, answer),
            )
        elif logged.rest is not None:
            self._start_rest(logged.rest)

    def _answered(self, logged: SetLog, answer: Answer | None) -> None:
        result: Answered
        if answer is None:
            result = self.session.skip_answer(logged.id)
        else:
            result = self.session.answer(logged.id, answer.rir, answer.failure)
        self.app.tell_if(result.notice)
        if result.rest is not None:
            self._start_rest(result.rest)
        else:
            self._show()

    def _start_rest(self, rest: RestPlan) -> None:
        from tui.screens.rest import RestScreen

        up = rest.next_up
        text = "" if up is None else next_up_text(up.exercise, up.set_number, up.target)
        resting = RestScreen(rest.seconds, text, rest.elapsed_s, self.session.read_ahead)
        self.app.push_screen(resting, self._rested)
        self._show()  # laid out behind the rest, when nobody waits for it

    def _rested(self, result: RestResult | None) -> None:
        if result is None:
            return
        self.session.rested(result.rest)
        if result.typed:
            line = self.query_one(SetEntry)
            line.value += result.typed
            line.cursor_position = len(line.value)
        self._show()
        if result.finish:
            self.action_finish()

    # -- commands ------------------------------------------------------------------------

    def action_undo(self) -> None:
        result = self.session.undo()
        if isinstance(result, Changed) and result.undone is not None:
            self.app.tell(f"Removed {set_text(result.undone)}.", "information")
        self._said(result)

    def action_edit(self) -> None:
        from tui.screens.edit_set import EditSetScreen

        exercise = self.session.live.exercise
        if exercise is None or not exercise.sets:
            self.app.tell("No set to edit for this exercise yet.", "information")
            return

        def edited(change: tuple[str, SetInput] | None) -> None:
            if change is not None:
                self._said(self.session.edit(*change))

        self.app.push_screen(EditSetScreen(list(exercise.sets), self.session.unit), edited)

    def action_move(self, step: int) -> None:
        self.session.move(step)
        self._show()

    def action_swap(self) -> None:
        choices = self.session.swap_choices()
        if choices is None:
            self.action_add()
        else:
            lift, others = choices
            self._pick(f"Swap {lift.name} for…", others, self.session.swap)

    def action_add(self) -> None:
        self._pick("Add an exercise", [], self.session.add)

    def _pick(self, title: str, first: list[Exercise], use: Callable[[Exercise], Changed]) -> None:
        from tui.screens.picker import ExercisePicker

        def picked(chosen: Exercise | None) -> None:
            if chosen is not None:
                self._said(use(chosen))

        self.app.push_screen(ExercisePicker(title, first), picked)

    def action_note(self, on_session: bool = False) -> None:
        from tui.screens.text_prompt import TextPrompt

        what, current = self.session.note_text(on_session=on_session)

        def noted(text: str | None) -> None:
            if text is not None:
                result = self.session.note(text, on_session=on_session)
                self.app.tell_if(result.notice)
                self.app.tell("Note kept.", "information")

        self.app.push_screen(TextPrompt(f"Note on {what}", current), noted)

    def action_rest(self) -> None:
        rest = self.session.rest_now()
        if isinstance(rest, AddExerciseFirst):
            self.action_add()
        else:
            self._start_rest(rest)

    @settles
    def action_test_set(self) -> None:
        from tui.screens.test_set import FailureTestScreen

        exercise = self.session.live.exercise
        if exercise is None:
            self.app.tell("Add an exercise first (a).", "information")
            return
        screen = FailureTestScreen(exercise.name, self.session.live.target, self.session.unit)
        self.app.push_screen(screen, self._tested)

    def _tested(self, test: FailureTest | None) -> None:
        if test is not None:
            self._logged(self.session.log_test_set(test))

    def action_remove_exercise(self) -> None:
        exercise = self.session.live.exercise
        result = self.session.remove_exercise()
        if isinstance(result, Changed) and exercise is not None:
            self.app.tell(f"{exercise.name} is out of today's plan.", "information")
        self._said(result)

    def action_move_exercise(self, step: int) -> None:
        self._said(self.session.move_exercise(step))

    @settles
    def action_leave(self) -> None:
        """Esc: clear what was typed; on an empty line, go Home with the session kept."""
        line = self.query_one(SetEntry)
        if line.value:
            line.value = ""
            return
        self.app.tell("The session is kept: r on Home resumes it.", "information")
        self.app.pop_screen()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_finish(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        count = len(self.session.session.sets)
        question = ConfirmScreen(
            "Finish this session?",
            {"enter": ("finish and save", "finish"), "d": ("discard it", "discard")},
            detail=f"{plural(count, 'set')} logged.",
        )
        self.app.push_screen(question, self._finish)

    def _finish(self, choice: str | None) -> None:
        if choice == "discard":
            self._ask_discard()
            return
        if choice != "finish":
            return
        result = self.session.finish()
        if isinstance(result, NotFinished):
            self.app.tell(result.message, "error")
        elif isinstance(result, Finished):
            from tui.screens.summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(result.session))
            self.app.finished_sessions_changed()  # carry the new session to the other devices
        else:
            self.app.tell("Nothing was logged, so nothing was saved.", "information")
            self.app.pop_screen()

    def _ask_discard(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        count = len(self.session.session.sets)
        question = ConfirmScreen(
            "Discard this session?",
            {"y": ("yes, discard it", "discard")},
            detail=f"Its {plural(count, 'set')} will not be kept anywhere.",
        )
        self.app.push_screen(question, self._discard)

    def _discard(self, choice: str | None) -> None:
        if choice != "discard":
            return
        result = self.session.discard()
        if isinstance(result, NotFinished):
            self.app.tell(result.message, "error")
            return
        self.app.tell("Session discarded.", "information")
        self.app.pop_screen()
