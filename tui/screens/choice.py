"""Choose one of a numbered list: a digit takes 1–9 at once, ↑↓ and Enter reach the rest."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.keygate import settles
from tui.screens.base import AppModal
from tui.widgets.markup import lit


class ChoiceScreen(AppModal[int | None]):
    """Returns the index of the chosen label, or None on Escape."""

    BINDINGS = [Binding("escape", "back", "Back")]
    AUTO_FOCUS = "#choices"

    def __init__(self, question: str, labels: list[str]) -> None:
        super().__init__()
        self.question = question
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(lit(self.question), classes="question")
            options = [Option(self._numbered(i, label)) for i, label in enumerate(self.labels)]
            yield OptionList(*options, id="choices")
            last = min(9, len(self.labels))
            yield Static(
                f"[b]1[/b]–[b]{last}[/b] or [b]↑↓ Enter[/b] choose   [b]Esc[/b] back",
                classes="keys",
            )

    @staticmethod
    def _numbered(index: int, label: str) -> str:
        return f"[b]{index + 1}[/b]  {label}" if index < 9 else f"   {label}"

    def waits_after(self, event: events.Key) -> bool:
        digit = bool(event.character and event.character.isdigit())
        return digit or event.key in ("enter", "escape")

    @settles
    def action_back(self) -> None:
        self.dismiss(None)

    @settles
    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":  # handled here, so the gate opens only once it is done
            event.stop()
            self.dismiss(None)
            return
        character = event.character
        if character and character.isdigit() and 1 <= int(character) <= min(9, len(self.labels)):
            event.stop()
            self.dismiss(int(character) - 1)

    @settles
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)
