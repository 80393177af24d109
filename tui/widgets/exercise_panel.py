"""The exercise being logged, readable from the rack: its name and place in the session, the
set to do, the target in big digits, the coach's line, today's sets and last time's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tui.application.coaching import plates_for, warm_ups_for
from tui.application.results import LoggingView
from tui.format import day_text, target_digits, target_line
from tui.widgets.big_text import BigText
from tui.widgets.markup import lit
from tui.widgets.set_table import SetTable


class ExercisePanel(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal(id="exercise-bar"):
            yield Static("", id="exercise-name")
            yield Static("", id="position")
        with Horizontal(id="columns"):
            with Vertical(id="now"):
                yield Static("", id="set-number", classes="label")
                yield BigText("", id="target-digits")
                yield Static("", id="target-line")
                yield Static("", id="plates")
                yield Static("", id="warm-ups")
                yield Static("", id="why")
                yield Static("Today", classes="label")
                with VerticalScroll(id="today-list"):  # kept at its end: the newest set shows
                    yield SetTable("No sets yet.", id="today")
            with Vertical(id="before"):
                yield Static("Last time", classes="label", id="previous-label")
                yield Static("", id="previous-note")
                yield SetTable("Not done before.", id="previous")

    def show(self, view: LoggingView, *, warm_ups: bool = True) -> None:
        exercise = view.exercise
        name = self.query_one("#exercise-name", Static)
        if exercise is None:
            name.update("No exercise yet: press [b]a[/b] to add one")
            self.query_one("#position", Static).update("")
            return
        name.update(lit(exercise.name))
        self.query_one("#position", Static).update(
            f"exercise {view.position + 1} of {view.exercises}"
        )
        number, planned = view.set_number, view.planned_sets
        label = f"Set {number} of {planned}" if number <= planned else f"Set {number} (extra)"
        self.query_one("#set-number", Static).update(label)
        self.query_one("#target-digits", BigText).update(target_digits(view.target))
        self.query_one("#target-line", Static).update(target_line(view.target))
        ramp = warm_ups_for(view.target, exercise) if warm_ups else ""
        for selector, line in (("#plates", plates_for(view.target, exercise)), ("#warm-ups", ramp)):
            shown = self.query_one(selector, Static)
            shown.update(line)
            shown.display = bool(line)  # no empty row for a lift without plates or warm-ups
        self.query_one("#why", Static).update(lit(view.why))
        self.query_one("#today", SetTable).show(exercise.sets, unsaved=view.unsaved)
        today = self.query_one("#today-list", VerticalScroll)
        today.call_after_refresh(today.scroll_end, animate=False)
        when = view.previous_at
        label = f"Last time ({day_text(when, with_time=False)})" if when else "Last time"  # fits 80
        self.query_one("#previous-label", Static).update(label)
        note = self.query_one("#previous-note", Static)
        note.update(f"Note: {lit(view.previous_note)}" if view.previous_note else "")
        note.display = bool(view.previous_note)
        self.query_one("#previous", SetTable).show(view.previous, with_rest=False)
