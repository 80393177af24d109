"""Logging, one exercise at a time: the target big, last time beside it, today's sets below.

Type a set and press Enter (an empty line logs the target). While the line is empty, single
letters are commands (u undo, e edit, n/p next/previous, s swap, a add, o note, r rest,
t test set, f finish, ? help); once something is typed they are just letters.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Input, Static

from tui.core.catalog import Exercise, alternatives, find_or_custom
from tui.core.coach import after_set, first_target, nudge_after_answer
from tui.core.entry import EntryError, SetInput, Target, parse_entry
from tui.core.live import Live, planned_for, planned_sets
from tui.core.model import SetLog
from tui.format import day_text, set_text
from tui.keygate import KeyGated, settles
from tui.screens.one_more import Answer
from tui.widgets.set_table import SetTable
from tui.widgets.sync_line import SyncLine

COMMAND_KEYS = set("uenpsaortf?")
RETRY_SAVE_EVERY_S = 5


class SetEntry(Input):
    """The set-entry line. While empty it lets command letters through to the screen."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if not self.value and character in COMMAND_KEYS:
            return False
        return super().check_consume_key(key, character)


def target_digits(target: Target | None) -> str:
    """The target in big digits: `100x5`, `+20x8` (bodyweight plus 20), `x12`."""
    if target is None or target.reps is None:
        return ""
    if target.bodyweight:
        return f"+{target.weight:g}x{target.reps}" if target.weight else f"x{target.reps}"
    return f"x{target.reps}" if target.weight is None else f"{target.weight:g}x{target.reps}"


def target_line(target: Target | None) -> str:
    if target is None or target.reps is None:
        return "No target yet: type weight x reps, e.g. 60x8"
    if target.bodyweight:
        load = "bodyweight" + (f" + {target.weight:g} {target.unit}" if target.weight else "")
    elif target.weight is None:
        load = "your choice of weight"
    else:
        load = f"{target.weight:g} {target.unit}"
    rir = f", {target.rir:g} reps in reserve" if target.rir is not None else ""
    return f"Target: {load} × {target.reps}{rir}"


def as_entry(set_log: SetLog) -> SetInput:
    return SetInput(
        weight=set_log.weight,
        reps=set_log.reps,
        unit=set_log.unit,
        bodyweight=set_log.bodyweight,
        rir=set_log.rir,
    )


class LoggingScreen(KeyGated, Screen[None]):
    WAITS_AFTER = frozenset({"enter", "t"})
    AUTO_FOCUS = "#entry"
    BINDINGS = [
        Binding("u", "undo", "Undo", priority=True, id="undo"),
        Binding("e", "edit", "Edit", priority=True, id="edit"),
        Binding("n", "move(1)", "Next", priority=True, id="next"),
        Binding("p", "move(-1)", "Prev", priority=True, id="previous"),
        Binding("s", "swap", "Swap", priority=True, id="swap"),
        Binding("a", "add", "Add", priority=True, id="add"),
        Binding("o", "note", "Note", priority=True, id="note"),
        Binding("r", "rest", "Rest", priority=True, id="rest"),
        Binding("t", "test_set", "Test set", priority=True, id="test-set"),
        Binding("f", "finish", "Finish", priority=True, id="finish"),
        Binding("question_mark", "help", "Keys", priority=True, id="help"),
    ]

    def __init__(self, live: Live) -> None:
        super().__init__()
        self.live = live
        self.why = ""

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="logging"):
            with Horizontal(id="exercise-bar"):
                yield Static("", id="exercise-name")
                yield Static("", id="position")
            with Horizontal(id="columns"):
                with Vertical(id="now"):
                    yield Static("", id="set-number", classes="label")
                    yield Digits("", id="target-digits")
                    yield Static("", id="target-line")
                    yield Static("", id="why")
                    yield Static("Today", classes="label")
                    yield SetTable("No sets yet.", id="today")
                with Vertical(id="before"):
                    yield Static("Last time", classes="label", id="previous-label")
                    yield SetTable("Not done before.", id="previous")
            yield SetEntry(
                placeholder="Enter = target · 100x5 @2 · w60x5 · x6 · bw+10x8", id="entry"
            )
            yield Static("", id="error")
            yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SetEntry).cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
        self.set_interval(RETRY_SAVE_EVERY_S, self._retry_save)
        self._ensure_target()
        self._show()
        if self.live.exercise is None:
            self.call_after_refresh(self.action_add)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#error", Static).update("")
        self.refresh_bindings()  # command letters come and go with an empty line

    # -- what the lifter sees ------------------------------------------------------------

    @property
    def unit(self) -> str:
        return self.app.settings.unit  # type: ignore[attr-defined]

    def _exercise_info(self) -> Exercise | None:
        exercise = self.live.exercise
        return None if exercise is None else find_or_custom(exercise.catalog_id or exercise.name)

    def _previous(self) -> list[SetLog]:
        exercise = self.live.exercise
        return [] if exercise is None else self.app.store.previous(exercise.key)  # type: ignore[attr-defined]

    def _ensure_target(self) -> None:
        exercise = self.live.exercise
        if exercise is None or exercise.id in self.live.targets:
            return
        planned = exercise.planned or planned_for(find_or_custom(exercise.name))
        info = self._exercise_info()
        increment = info.increment(self.unit) if info else 2.5
        target = first_target(planned, self._previous(), self.unit, increment)
        working = exercise.working_sets
        if working:  # resumed: carry on from today's last set
            target = after_set(target, as_entry(working[-1]))
        self.live = self.live.with_target(exercise.id, target)

    def _show(self) -> None:
        live = self.live
        exercise = live.exercise
        name = self.query_one("#exercise-name", Static)
        if exercise is None:
            name.update("No exercise yet: press [b]a[/b] to add one")
            self.query_one("#position", Static).update("")
            return
        count = len(live.session.exercises)
        name.update(exercise.name)
        self.query_one("#position", Static).update(f"exercise {live.position + 1} of {count}")
        planned = planned_sets(exercise)
        number = live.set_number
        label = f"Set {number} of {planned}" if number <= planned else f"Set {number} (extra)"
        self.query_one("#set-number", Static).update(label)
        self.query_one("#target-digits", Digits).update(target_digits(live.target))
        self.query_one("#target-line", Static).update(target_line(live.target))
        self.query_one("#why", Static).update(self.why)
        unsaved = self._unsaved_ids()
        self.query_one("#today", SetTable).show(exercise.sets, unsaved=unsaved)
        when = self.app.store.previous_date(exercise.key)  # type: ignore[attr-defined]
        label = f"Last time ({day_text(when)})" if when else "Last time"
        self.query_one("#previous-label", Static).update(label)
        self.query_one("#previous", SetTable).show(self._previous(), with_rest=False)

    def _unsaved_ids(self) -> set[str]:
        saved = self.app.store.live  # type: ignore[attr-defined]
        saved_ids = {s.id for s in saved.sets} if saved else set()
        return {s.id for s in self.live.session.sets} - saved_ids

    def _save(self) -> None:
        self.app.saver.save(self.live.session)  # type: ignore[attr-defined]

    def _retry_save(self) -> None:
        if self.app.saver.unsaved is not None and self.app.saver.retry():  # type: ignore[attr-defined]
            self._show()

    # -- logging a set -------------------------------------------------------------------

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.live.exercise is None:
            self.action_add()
            return
        text = event.value
        exercise = self.live.exercise
        last = as_entry(exercise.sets[-1]) if exercise.sets else None
        try:
            entry = parse_entry(text, target=self.live.target, last=last, unit=self.unit)
        except EntryError as problem:
            self.query_one("#error", Static).update(str(problem))
            return  # what was typed stays in the line
        answered = "@" in text  # the lifter already said how many reps were left
        if not answered:
            entry = replace(entry, rir=None)  # the target's RIR is a plan, not an answer
        self.log_set(entry, ask=not answered)

    def _planned_rest(self) -> int:
        exercise = self.live.exercise
        info = self._exercise_info()
        planned = exercise.planned.rest_s if exercise and exercise.planned else None
        return planned or (info.rest_s if info else 180)

    def log_set(self, entry: SetInput, *, ask: bool = True) -> None:
        exercise = self.live.exercise
        assert exercise is not None
        planned_rest = self._planned_rest()
        self.live, logged = self.live.log(entry, self.app.now())  # type: ignore[attr-defined]
        if not entry.warmup and self.live.target is not None:
            self.live = self.live.with_target(exercise.id, after_set(self.live.target, entry))
        self.why = ""
        self._save()
        entry_line = self.query_one(SetEntry)
        entry_line.value = ""
        settings = self.app.settings  # type: ignore[attr-defined]
        wants_answer = settings.ask_one_more_warmups if entry.warmup else settings.ask_one_more
        self._show()
        if ask and wants_answer:
            from tui.screens.one_more import OneMoreScreen

            self.app.push_screen(
                OneMoreScreen(set_text(logged)),
                lambda answer: self._answered(logged, answer, planned_rest),
            )
        elif not entry.warmup:
            self._start_rest(planned_rest)

    def _answered(self, logged: SetLog, answer: Answer | None, planned_rest: int) -> None:
        exercise = self.live.exercise
        if answer is not None and exercise is not None:
            self.live = self.live.answer(logged.id, answer.rir, answer.failure)
            self._save()
            info = self._exercise_info()
            increment = info.increment(self.unit) if info else 2.5
            target = self.live.target
            nudge = (
                None
                if target is None
                else nudge_after_answer(target, answer.rir, answer.failure, increment)
            )
            if nudge is not None:
                self.live = self.live.with_target(exercise.id, nudge.target)
                self.why = nudge.why
        self._show()
        if logged.is_working:
            self._start_rest(planned_rest)

    def _start_rest(self, planned_rest: int) -> None:
        from tui.screens.rest import RestScreen

        exercise = self.live.exercise
        if exercise is not None and self.live.set_number > planned_sets(exercise):
            self._next_exercise_after_last_set()
        self.app.push_screen(RestScreen(planned_rest, self._next_text()), self._rested)

    def _next_exercise_after_last_set(self) -> None:
        if self.live.position + 1 < len(self.live.session.exercises):
            self.live = self.live.move(1)
            self.why = ""
            self._ensure_target()
            self._show()

    def _next_text(self) -> str:
        exercise = self.live.exercise
        if exercise is None:
            return ""
        return (
            f"Next: {exercise.name}, set {self.live.set_number} — {target_line(self.live.target)}"
        )

    def _rested(self, result) -> None:
        if result is None:
            return
        self.live = self.live.rested(result.rest)
        if result.typed:
            line = self.query_one(SetEntry)
            line.value += result.typed
            line.cursor_position = len(line.value)
        self._show()

    # -- commands ------------------------------------------------------------------------

    def action_undo(self) -> None:
        self.live, undone = self.live.undo()
        if undone is None:
            self.app.tell("Nothing to undo for this exercise.", "information")  # type: ignore[attr-defined]
            return
        self._save()
        self.app.tell(f"Removed {set_text(undone)}.", "information")  # type: ignore[attr-defined]
        self._show()

    def action_edit(self) -> None:
        from tui.screens.edit_set import EditSetScreen

        exercise = self.live.exercise
        if exercise is None or not exercise.sets:
            self.app.tell("No set to edit for this exercise yet.", "information")  # type: ignore[attr-defined]
            return

        def edited(changed: SetLog | None) -> None:
            if changed is not None:
                self.live = self.live.replace_set(changed)
                self._save()
                self._show()

        self.app.push_screen(EditSetScreen(list(exercise.sets), self.unit, self.app.now()), edited)  # type: ignore[attr-defined]

    def action_move(self, step: int) -> None:
        self.live = self.live.move(step)
        self.why = ""
        self._ensure_target()
        self._show()

    def action_swap(self) -> None:
        from tui.screens.picker import ExercisePicker

        info = self._exercise_info()
        if info is None:
            self.action_add()
            return

        def swapped(exercise: Exercise | None) -> None:
            if exercise is not None:
                self.live = self.live.swap(exercise)
                self._save()
                self._ensure_target()
                self._show()

        self.app.push_screen(ExercisePicker(f"Swap {info.name} for…", alternatives(info)), swapped)

    def action_add(self) -> None:
        from tui.screens.picker import ExercisePicker

        def added(exercise: Exercise | None) -> None:
            if exercise is not None:
                self.live = self.live.add_exercise(planned_for(exercise))
                self._save()
                self._ensure_target()
                self._show()

        self.app.push_screen(ExercisePicker("Add an exercise"), added)

    def action_note(self) -> None:
        from tui.screens.text_prompt import TextPrompt

        exercise = self.live.exercise
        what = exercise.name if exercise else "this session"
        current = exercise.notes if exercise else self.live.session.notes

        def noted(text: str | None) -> None:
            if text is not None:
                self.live = self.live.note(text)
                self._save()
                self.app.tell("Note kept.", "information")  # type: ignore[attr-defined]

        self.app.push_screen(TextPrompt(f"Note on {what}", current), noted)

    def action_rest(self) -> None:
        self._start_rest(self._planned_rest())

    @settles
    def action_test_set(self) -> None:
        from tui.screens.test_set import FailureTestScreen

        exercise = self.live.exercise
        if exercise is None:
            self.app.tell("Add an exercise first (a).", "information")  # type: ignore[attr-defined]
            return
        self.app.push_screen(
            FailureTestScreen(exercise.name, self.live.target, self.unit), self._tested
        )

    def _tested(self, result) -> None:
        """Log the test set as one set taken to technical failure, then rest as usual."""
        from tui.screens.test_set import verdict

        exercise = self.live.exercise
        if result is None or exercise is None:
            return
        planned_rest = self._planned_rest()
        self.live, logged = self.live.log(result.entry, self.app.now())  # type: ignore[attr-defined]
        tested = replace(logged, failure="technical", calibration=result.calibration)
        self.live = self.live.replace_set(tested)
        if self.live.target is not None:
            target = after_set(self.live.target, result.entry)
            self.live = self.live.with_target(exercise.id, target)
        self.why = verdict(result.calibration)
        self._save()
        self._show()
        self._start_rest(planned_rest)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_finish(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        count = len(self.live.session.sets)
        self.app.push_screen(
            ConfirmScreen(
                "Finish this session?",
                {"enter": ("finish and save", "finish")},
                detail=f"{count} set{'' if count == 1 else 's'} logged.",
            ),
            self._finish,
        )

    def _finish(self, choice: str | None) -> None:
        if choice != "finish":
            return
        app = self.app
        if not app.saver.save(self.live.session):  # type: ignore[attr-defined]
            return  # told already; the sets stay here
        if not self.live.session.sets:
            app.store.discard_session()  # type: ignore[attr-defined]
            app.tell("Nothing was logged, so nothing was saved.", "information")  # type: ignore[attr-defined]
            app.pop_screen()
            return
        try:
            finished = app.store.finish_session(app.now())  # type: ignore[attr-defined]
        except OSError as error:
            app.tell(f"Not finished: {error.strerror or error}. Your sets are safe; try again.")  # type: ignore[attr-defined]
            return
        from tui.screens.summary import SummaryScreen

        app.switch_screen(SummaryScreen(finished))
        app.sync_now()  # type: ignore[attr-defined]  # carry the new session to the other devices
