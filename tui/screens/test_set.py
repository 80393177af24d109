"""A test set: how far "I'm done" sits from real failure, asked in three short steps.

The lifter does the set as usual, notes the rep where they would normally have stopped and
whether they could do one more, then keeps going until form breaks. After racking the bar:

1. reps at the stop (`8`, or a set at another weight: `105x8`),
2. "Could you do one more rep with good form?" — one key, 0–5 (n = none),
3. total reps when form broke.

Prediction error = (reps at the stop + predicted reps in reserve) − total reps.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.application.test_set import FailureTest
from tui.core.entry import EntryError, SetInput, Target, parse_entry
from tui.core.model import MAX_REPS, Calibration
from tui.keygate import settles
from tui.screens.base import AppModal
from tui.widgets.line import Line
from tui.widgets.markup import lit

HOW = (
    "Do the set as usual. At the rep where you would normally stop, note it and whether "
    "you could do one more — then keep going until form breaks. Type the numbers after."
)


def load_text(target: Target | None, unit: str) -> str:
    if target is None or (target.weight is None and not target.bodyweight):
        return ""
    if target.bodyweight:
        return "at bodyweight" + (f" + {target.weight:g} {target.unit}" if target.weight else "")
    return f"at {target.weight:g} {target.unit}"


def set_load(entry: SetInput) -> str:
    if entry.bodyweight:
        return "bodyweight" + (f" + {entry.weight:g} {entry.unit}" if entry.weight else "")
    return f"{entry.weight:g} {entry.unit}"


class FailureTestScreen(AppModal[FailureTest | None]):
    """Returns the test set to log, or None when the lifter backs out (nothing is logged)."""

    BINDINGS = [Binding("escape", "back", "Back")]
    AUTO_FOCUS = "#line"

    def __init__(self, exercise_name: str, target: Target | None, unit: str) -> None:
        super().__init__()
        self.exercise_name = exercise_name
        self.target = target
        self.unit = unit
        self.step = "stop"  # then "more", then "total"
        self.at_stop: SetInput | None = None
        self.predicted_rir = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog test-set"):
            yield Static(f"Test set · {lit(self.exercise_name)}", classes="question")
            yield Static(HOW, classes="detail", id="how")
            yield Static(self._stop_question(), classes="question", id="ask")
            yield Line(
                placeholder="reps, e.g. 8 (or 105x8 at another weight)",
                id="line",
                select_on_focus=False,
            )
            yield Static("", classes="error", id="error")
            yield Static(
                "[b]Enter[/b] next   [b]Esc[/b] back, nothing logged", classes="keys", id="keys"
            )

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.app.cursor_blink

    def _stop_question(self) -> str:
        load = load_text(self.target, self.unit)
        return f"1 · Where would you normally have stopped{' ' + load if load else ''}?"

    def waits_after(self, event: events.Key) -> bool:
        if self.step == "more":
            return event.key == "escape" or event.character in tuple("012345n")
        return event.key in ("enter", "escape")

    @settles
    def action_back(self) -> None:
        self.dismiss(None)

    # -- 1 and 3: typed ------------------------------------------------------------------

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._error("")
        if self.step == "stop":
            self._take_stop(event.value)
        elif self.step == "total":
            self._take_total(event.value)

    def _error(self, text: str) -> None:
        self.query_one("#error", Static).update(lit(text))

    def _take_stop(self, text: str) -> None:
        line = text.strip()
        if not line:
            self._error("Type the reps you had done when you would normally have stopped, e.g. 8")
            return
        if line.isdigit():
            line = "x" + line  # a bare number is reps at the target's weight
        try:
            entry = parse_entry(line, target=self.target, unit=self.unit)
        except EntryError as problem:
            self._error(str(problem))
            return
        if entry.warmup:
            self._error("A test set is a working set: leave out the w.")
            return
        self.at_stop = entry
        self.step = "more"
        self.query_one("#how", Static).update(
            f"So far: you would have stopped at {entry.reps} ({set_load(entry)})."
        )
        self.query_one("#ask", Static).update(
            f"2 · At {entry.reps}: could you have done one more rep with good form?"
        )
        line_widget = self.query_one(Input)
        line_widget.value = ""
        line_widget.disabled = True
        line_widget.display = False
        self.query_one("#keys", Static).update(
            "[b]0[/b]–[b]5[/b] reps you thought were left   [b]n[/b] none   [b]Esc[/b] back"
        )

    # -- 2: one key ----------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.step != "more" or event.character is None:
            return
        key = "0" if event.character == "n" else event.character
        if len(key) != 1 or key not in "012345":
            self.key_handled()
            return
        event.stop()
        self.predicted_rir = float(key)
        self.step = "total"
        assert self.at_stop is not None
        left = "no more" if key == "0" else f"{key} more"
        self.query_one("#how", Static).update(
            f"So far: you would have stopped at {self.at_stop.reps} ({set_load(self.at_stop)}), "
            f"thinking {left} left."
        )
        self.query_one("#ask", Static).update(
            f"3 · Now the total: how many reps when form broke? (at least {self.at_stop.reps})"
        )
        line = self.query_one(Input)
        line.placeholder = "total reps, e.g. 11"
        line.disabled = False
        line.display = True
        line.focus()
        self.query_one("#keys", Static).update("[b]Enter[/b] log the test set   [b]Esc[/b] back")
        self.call_after_refresh(self.key_handled)  # once the line has focus

    def _take_total(self, text: str) -> None:
        assert self.at_stop is not None
        reps_at_stop = self.at_stop.reps
        line = text.strip()
        if not line.isdigit() or not reps_at_stop <= int(line) <= MAX_REPS:
            self._error(
                f"Type the reps of the whole set, {reps_at_stop}–{MAX_REPS}: "
                f"the {reps_at_stop} before your stop count too."
            )
            return
        total = int(line)
        self.dismiss(
            FailureTest(
                entry=replace(self.at_stop, reps=total, rir=0.0),
                calibration=Calibration(reps_at_stop, self.predicted_rir, total),
            )
        )
