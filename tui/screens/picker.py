"""Pick an exercise: type a few letters of any name or alias, Enter takes the highlighted one.

When nothing in the catalog matches, the typed name becomes a custom exercise.
"""

from __future__ import annotations

from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.core.catalog import Exercise, find_or_custom, search
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
        if options:
            matches.highlighted = 0

    @staticmethod
    def _label(exercise: Exercise) -> str:
        return f"{lit(exercise.name)}  [dim]{exercise.category} · {exercise.muscle_group}[/dim]"

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
