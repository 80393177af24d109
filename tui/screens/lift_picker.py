"""Pick one of the exercises you have done: type a few letters, Enter takes the highlighted one.

Lists only what is in your history (the most often done first), with how many sessions.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.progress_series import LiftDone
from tui.keygate import KeyGated, settles

EVERY = ""  # the result for "all exercises"


def sessions_text(count: int) -> str:
    return f"{count} session{'' if count == 1 else 's'}"


class LiftPicker(KeyGated, ModalScreen[str | None]):
    """Returns the exercise key, EVERY for "all exercises" (when offered), None on Escape."""

    WAITS_AFTER = frozenset({"enter", "escape"})
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
    ]

    def __init__(self, title: str, lifts: list[LiftDone], *, offer_every: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.lifts = lifts
        self.offer_every = offer_every

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(self.title_text, classes="question")
            yield Input(placeholder="type to search, e.g. squat", id="search")
            yield OptionList(id="matches")
            yield Static("[b]Enter[/b] take   [b]↑↓[/b] choose   [b]Esc[/b] back", classes="keys")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
        self._show("")

    def _show(self, query: str) -> None:
        words = query.casefold().split()
        options = [Option("All exercises", id="every")] if self.offer_every and not words else []
        options += [
            Option(f"{lift.name}  [dim]{sessions_text(lift.sessions)}[/dim]", id=lift.key)
            for lift in self.lifts
            if all(word in lift.name.casefold() for word in words)
        ]
        matches = self.query_one(OptionList)
        matches.clear_options()
        matches.add_options(options or [Option("[dim]No exercise in your history matches.[/dim]",
                                               id="none", disabled=True)])
        matches.highlighted = 0 if options else None

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def action_move(self, step: int) -> None:
        matches = self.query_one(OptionList)
        if matches.option_count and matches.highlighted is not None:
            matches.highlighted = (matches.highlighted + step) % matches.option_count

    @settles
    def action_back(self) -> None:
        self.dismiss(None)

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
        if option.id == "none":
            return
        self.dismiss(EVERY if option.id == "every" else option.id)
