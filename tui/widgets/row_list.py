"""A long list of rows in fixed columns that opens and scrolls at the same speed with ten rows
or ten thousand: only the lines on screen are ever drawn (Textual's line API).

Textual's DataTable measures every cell when rows are added (about 0.4 s for 2,000
sessions), too slow for a history that must open in a blink.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

GAP = 2
MIN_FLEXIBLE = 6
FAINT = ("…", "–", "")  # cells that say "not known yet" or "none"


@dataclass(frozen=True)
class Column:
    title: str
    width: int | None = None  # None: the column takes the room the others leave
    right: bool = False  # numbers line up on the right


def widths(columns: list[Column], room: int) -> list[int]:
    fixed = sum(c.width or 0 for c in columns) + GAP * (len(columns) - 1)
    flexible = [c for c in columns if c.width is None]
    share = max(MIN_FLEXIBLE, (room - fixed) // len(flexible)) if flexible else 0
    return [c.width if c.width is not None else share for c in columns]


def cell(text: str, width: int, right: bool) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…"
    return text.rjust(width) if right else set_cell_size(text, width)


def line_cells(columns: list[Column], cells: list[str], room: int) -> list[str]:
    return [
        cell(text, width, column.right)
        for column, text, width in zip(columns, cells, widths(columns, room), strict=True)
    ]


class RowHeader(Widget):
    """The column titles, laid out exactly as the rows of the list below them."""

    def __init__(self, columns: list[Column], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.columns = columns

    def render(self) -> RenderResult:
        return (" " * GAP).join(
            line_cells(self.columns, [c.title for c in self.columns], self.size.width)
        )


class RowList(ScrollView, can_focus=True):
    """Rows of text cells with a cursor; Enter is left to the screen."""

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--faint", "row-list--good"}
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
    ]

    class Highlighted(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    def __init__(
        self, columns: list[Column], *, good_column: int | None = None, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.columns = columns
        self.good_column = good_column  # a count shown in the "good" colour when above zero
        self.rows: list[list[str]] = []
        self.cursor = 0

    def show(self, rows: list[list[str]], cursor: int = 0) -> None:
        self.rows = rows
        self.virtual_size = Size(0, len(rows))
        self.move_to(cursor)
        self.refresh()

    def move_to(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.rows) - 1))
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True, x_axis=False)
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor))

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, pages: int) -> None:
        self.move_to(self.cursor + pages * max(1, self.scrollable_content_region.height - 1))

    def on_click(self, event: events.Click) -> None:
        self.move_to(event.y + round(self.scroll_offset.y))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        on_cursor = index == self.cursor
        style = base + self.get_component_rich_style("row-list--cursor") if on_cursor else base
        segments = []
        for number, text in enumerate(line_cells(self.columns, self.rows[index], width)):
            if number:
                segments.append(Segment(" " * GAP, style))
            segments.append(Segment(text, style + self._cell_style(number, text, on_cursor)))
        return Strip(segments).adjust_cell_length(width, style)

    def _cell_style(self, number: int, text: str, on_cursor: bool) -> Style:
        if on_cursor:
            return Style()
        if text.strip() in FAINT:
            return self.get_component_rich_style("row-list--faint", partial=True)
        if number == self.good_column and text.strip() != "0":
            return self.get_component_rich_style("row-list--good", partial=True)
        return Style()
