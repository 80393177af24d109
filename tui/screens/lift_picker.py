"""Pick one of the exercises you have done: type a few letters, Enter takes the highlighted one.

Lists only what is in your history (the most often done first), with how many sessions.
"""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.progress_series import LiftDone
from tui.screens.search_dialog import SearchDialog
from tui.widgets.markup import lit

EVERY = ""  # the result for "all exercises"


def sessions_text(count: int) -> str:
    return f"{count} session{'' if count == 1 else 's'}"


class LiftPicker(SearchDialog[str | None]):
    """Returns the exercise key, EVERY for "all exercises" (when offered), None on Escape."""

    PLACEHOLDER = "type to search, e.g. squat"

    def __init__(self, title: str, lifts: list[LiftDone], *, offer_every: bool = False) -> None:
        super().__init__(title)
        self.lifts = lifts
        self.offer_every = offer_every

    def _show(self, query: str) -> None:
        words = query.casefold().split()
        options = [Option("All exercises", id="every")] if self.offer_every and not words else []
        options += [
            Option(f"{lit(lift.name)}  [dim]{sessions_text(lift.sessions)}[/dim]", id=lift.key)
            for lift in self.lifts
            if all(word in lift.name.casefold() for word in words)
        ]
        matches = self.query_one(OptionList)
        matches.clear_options()
        matches.add_options(
            options
            or [Option("[dim]No exercise in your history matches.[/dim]", id="none", disabled=True)]
        )
        matches.highlighted = 0 if options else None

    def _take(self, index: int | None) -> None:
        if index is None:
            return
        option = self.query_one(OptionList).get_option_at_index(index)
        if option.id == "none":
            return
        self.dismiss(EVERY if option.id == "every" else option.id)
