"""A list of sets as the lifter reads it from two metres: number, load × reps @RIR, rest."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui.core.model import SetLog
from tui.format import duration, set_text


def rest_text(set_log: SetLog) -> str:
    if set_log.rest_actual_s is None:
        return ""
    text = f"rest {duration(set_log.rest_actual_s)}"
    if set_log.calm_after_s is not None:
        text += f" · calm {duration(set_log.calm_after_s)}"
    return text


def sets_table(
    sets: tuple[SetLog, ...] | list[SetLog],
    *,
    numbered: bool = True,
    with_rest: bool = True,
    unsaved: set[str] | None = None,
) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="dim")
    table.add_column()
    table.add_column(style="dim")
    working = 0
    for set_log in sets:
        if set_log.is_working:
            working += 1
            label = str(working) if numbered else ""
        else:
            label = "w"
        text = Text(set_text(set_log))
        if set_log.failure:
            text.append(f"  {set_log.failure} stop", style="italic")
        if unsaved and set_log.id in unsaved:
            text.append("  (not saved yet)", style="bold red")
        table.add_row(label, text, rest_text(set_log) if with_rest else "")
    return table


class SetTable(Static):
    """Sets of one exercise; empty text when there are none."""

    def __init__(self, empty: str = "", **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._empty = empty

    def show(self, sets: tuple[SetLog, ...] | list[SetLog], **options: object) -> None:
        if not sets:
            self.update(self._empty)
        else:
            self.update(sets_table(sets, **options))  # type: ignore[arg-type]
