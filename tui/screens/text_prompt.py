"""One line of text (a note, a name): Enter keeps it, Escape leaves it as it was."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.keygate import settles
from tui.screens.dialog import Dialog
from tui.widgets.line import Line
from tui.widgets.markup import lit


class TextPrompt(Dialog[str | None]):
    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(lit(self.question), classes="question")
            yield Line(self.value, placeholder=self.placeholder, id="text", select_on_focus=False)
            yield Static("[b]Enter[/b] keep   [b]Esc[/b] back", classes="keys")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.app.cursor_blink

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())
