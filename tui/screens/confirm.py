"""A question with one key per answer (Escape always means "no, go back")."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.keygate import settles
from tui.screens.dialog import Dialog
from tui.widgets.markup import lit


class ConfirmScreen(Dialog[str | None]):
    """Ask `question`; `choices` maps a key to (label, result)."""

    def __init__(
        self, question: str, choices: dict[str, tuple[str, str]], detail: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(lit(self.question), classes="question")
            if self.detail:
                yield Static(lit(self.detail), classes="detail")
            keys = "   ".join(f"[b]{key}[/b] {label}" for key, (label, _) in self.choices.items())
            yield Static(keys + "   [b]Esc[/b] back", classes="keys")

    def waits_after(self, event: events.Key) -> bool:
        return event.key in ("enter", "escape") or event.character in self.choices

    @settles
    def on_key(self, event: events.Key) -> None:
        key = "enter" if event.key == "enter" else event.character
        if key in self.choices:
            event.stop()
            self.dismiss(self.choices[key][1])
