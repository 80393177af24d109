"""A dialog that lists choices under a search line: type to narrow, ↑↓ to choose, Enter to take."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static

from tui.keygate import settles
from tui.screens.dialog import Dialog
from tui.widgets.line import Line
from tui.widgets.markup import lit

ResultT = TypeVar("ResultT")


class SearchDialog(Dialog[ResultT]):
    """Subclasses give `PLACEHOLDER`, `_show(query)` (fill the options) and `_take(index)`."""

    PLACEHOLDER = "type to search"
    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(lit(self.title_text), classes="question")
            yield Line(placeholder=self.PLACEHOLDER, id="search")
            yield OptionList(id="matches")
            yield Static("", id="hint", classes="detail")
            yield Static("[b]Enter[/b] take   [b]↑↓[/b] choose   [b]Esc[/b] back", classes="keys")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.app.cursor_blink
        self._show("")

    def _show(self, query: str) -> None:
        raise NotImplementedError

    def _take(self, index: int | None) -> None:
        raise NotImplementedError

    def on_input_changed(self, event: Input.Changed) -> None:
        self.hint("")
        self._show(event.value)

    def hint(self, text: str) -> None:
        """A line under the choices: why Enter took nothing, what to do instead."""
        self.query_one("#hint", Static).update(text)

    def action_move(self, step: int) -> None:
        matches = self.query_one(OptionList)
        if not matches.option_count:
            return
        if matches.highlighted is None:  # nothing chosen yet: ↓ takes the first, ↑ the last
            matches.highlighted = 0 if step > 0 else matches.option_count - 1
        else:
            matches.highlighted = (matches.highlighted + step) % matches.option_count

    @settles
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._take(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._take(event.option_index)
