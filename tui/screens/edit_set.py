"""Change a set already logged: pick it by number, then retype it (the old line is prefilled)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.core.entry import EntryError, SetInput, format_set, parse_entry
from tui.core.model import SetLog
from tui.format import set_text
from tui.keygate import settles
from tui.screens.dialog import Dialog
from tui.widgets.line import Line
from tui.widgets.markup import lit


class EditSetScreen(Dialog[tuple[str, SetInput] | None]):
    """Returns (the chosen set's id, the set as retyped), or None on Escape."""

    AUTO_FOCUS = None  # digits choose the set; the line takes focus only once one is chosen

    def __init__(self, sets: list[SetLog], unit: str) -> None:
        super().__init__()
        self.sets = sets[:9]
        self.unit = unit
        self.chosen: SetLog | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Which set?", classes="question", id="ask")
            listing = "\n".join(f"[b]{n}[/b]  {set_text(s)}" for n, s in enumerate(self.sets, 1))
            yield Static(listing, id="sets")
            yield Line(id="line", classes="hidden", select_on_focus=False, disabled=True)
            yield Static("", classes="error", id="error")
            yield Static(
                f"[b]1[/b]–[b]{len(self.sets)}[/b] choose   [b]Esc[/b] back",
                classes="keys",
                id="keys",
            )

    def waits_after(self, event: events.Key) -> bool:
        if self.chosen is None:
            return event.key == "escape" or bool(event.character and event.character.isdigit())
        return event.key in ("enter", "escape")

    def on_key(self, event: events.Key) -> None:
        if self.chosen is not None or event.character is None:
            return
        if event.character.isdigit() and 1 <= int(event.character) <= len(self.sets):
            event.stop()
            self._choose(self.sets[int(event.character) - 1])
            self.call_after_refresh(self.key_handled)  # once the line has focus
        else:
            self.key_handled()

    def _choose(self, set_log: SetLog) -> None:
        self.chosen = set_log
        self.query_one("#ask", Static).update(f"Change set: {set_text(set_log)}")
        line = self.query_one("#line", Input)
        line.value = format_set(
            set_log.weight,
            set_log.reps,
            set_log.unit,
            set_log.bodyweight,
            set_log.rir,
            set_log.kind == "warmup",
            default_unit=self.unit,
        )
        line.cursor_blink = self.app.cursor_blink
        line.remove_class("hidden")
        line.disabled = False
        line.focus()
        self.query_one("#keys", Static).update("[b]Enter[/b] keep   [b]Esc[/b] back")

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        assert self.chosen is not None
        try:
            entry = parse_entry(event.value, unit=self.unit)
        except EntryError as problem:
            self.query_one("#error", Static).update(lit(problem))
            return
        self.dismiss((self.chosen.id, entry))
