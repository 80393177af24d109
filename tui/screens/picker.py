"""Pick an exercise: type a few letters of any name or alias, Enter takes the highlighted one.

Only a close match is chosen at once (a name, alias or word start: `bss`, `bench`); when the
typed letters only fit loosely (`abc`), nothing is, so a mistyped Enter adds nothing: ↓ picks
from the list, ↑ goes to its last line, which adds the typed name as the lifter's own.
"""

from __future__ import annotations

from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.core.catalog import Exercise, close_match, find_or_custom, search
from tui.core.model import ModelError
from tui.screens.search_dialog import SearchDialog
from tui.widgets.markup import lit

CUSTOM = "custom"


class ExercisePicker(SearchDialog[Exercise | None]):
    PLACEHOLDER = "type to search, e.g. bench or bss"

    def __init__(self, title: str, first: list[Exercise] | None = None) -> None:
        super().__init__(title)
        self.first = first or []
        self.shown: list[Exercise] = []

    def _show(self, query: str) -> None:
        self.shown = search(query, limit=12) if query.strip() else (self.first or search("", 12))
        matches = self.query_one(OptionList)
        matches.clear_options()
        options = [Option(self._label(e), id=e.id) for e in self.shown]
        if query.strip() and not any(
            e.name.casefold() == query.strip().casefold() for e in self.shown
        ):
            options.append(Option(f"+ add your own: {lit(query.strip())}", id=CUSTOM))
        matches.add_options(options)
        close = bool(self.shown) and (not query.strip() or close_match(query, self.shown[0]))
        matches.highlighted = 0 if close else None

    @staticmethod
    def _label(exercise: Exercise) -> str:
        return f"{lit(exercise.name)}  [dim]{exercise.category} · {exercise.muscle_group}[/dim]"

    def _take(self, index: int | None) -> None:
        if index is None:
            typed = lit(self.query_one(Input).value.strip())
            self.hint(
                f"Nothing is called “{typed}”: ↓ to pick from the list, "
                "↑ for the last line to add it as your own."
            )
            return
        option = self.query_one(OptionList).get_option_at_index(index)
        if option.id == CUSTOM:
            try:
                self.dismiss(find_or_custom(self.query_one(Input).value))
            except ModelError as problem:
                self.notify(str(problem), severity="error")
            return
        self.dismiss(self.shown[index])
