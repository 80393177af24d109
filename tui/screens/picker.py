"""Pick an exercise: type a few letters of any name or alias, Enter takes the highlighted one.

When nothing in the catalog matches, the typed name becomes a custom exercise.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.catalog import Exercise, find_or_custom, search
from tui.core.model import ModelError
from tui.keygate import settles
from tui.screens.dialog import Dialog

CUSTOM = "custom"


class ExercisePicker(Dialog[Exercise | None]):
    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
    ]

    def __init__(self, title: str, first: list[Exercise] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.first = first or []
        self.shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(self.title_text, classes="question")
            yield Input(placeholder="type to search, e.g. bench or bss", id="search")
            yield OptionList(id="matches")
            yield Static("[b]Enter[/b] take   [b]↑↓[/b] choose   [b]Esc[/b] back", classes="keys")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
        self._show("")

    def _show(self, query: str) -> None:
        self.shown = search(query, limit=12) if query.strip() else (self.first or search("", 12))
        matches = self.query_one(OptionList)
        matches.clear_options()
        options = [Option(self._label(e), id=e.id) for e in self.shown]
        if query.strip() and not any(e.name.casefold() == query.strip().casefold() for e in self.shown):
            options.append(Option(f"+ add your own: {query.strip()}", id=CUSTOM))
        matches.add_options(options)
        if options:
            matches.highlighted = 0

    @staticmethod
    def _label(exercise: Exercise) -> str:
        return f"{exercise.name}  [dim]{exercise.category} · {exercise.muscle_group}[/dim]"

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def action_move(self, step: int) -> None:
        matches = self.query_one(OptionList)
        if matches.option_count:
            current = matches.highlighted or 0
            matches.highlighted = (current + step) % matches.option_count

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._take(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._take(event.option_index)

    def _take(self, index: int | None) -> None:
        if index is None:
            return
        option = self.query_one(OptionList).get_option_at_index(index)
        if option.id == CUSTOM:
            try:
                self.dismiss(find_or_custom(self.query_one(Input).value))
            except ModelError as problem:
                self.notify(str(problem), severity="error")
            return
        self.dismiss(self.shown[index])
