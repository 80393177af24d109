"""A bar chart of one figure over time, in the theme's colours: one column per session (or
month), the newest on the right, a cursor the arrow keys move.

Drawn with Rich text and eighth blocks (▁▂▃▄▅▆▇█), so a bar's height reads to an eighth
of a line. The bars start from just below the lowest value on screen, not from zero, so a
2.5 kg step shows; the axis says where they start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from tui.core.stats import Point

EIGHTHS = " ▁▂▃▄▅▆▇█"
MIN_STEP, MAX_STEP = 2, 8  # columns per bar, its gap included: few sessions get wide bars
HEADROOM = 0.2  # the lowest bar still stands a fifth of the spread above the axis


def level(value: float, base: float, top: float, levels: int) -> int:
    """Bar height in eighths of a line; the lowest value still shows a sliver."""
    if top <= base:
        return 1  # nothing but zeros: slivers, not a wall of full bars
    return max(1, min(levels, round((value - base) / (top - base) * levels)))


def bar_char(height: int, row_from_bottom: int) -> str:
    return EIGHTHS[max(0, min(8, height - row_from_bottom * 8))]


def axis_range(values: list[float]) -> tuple[float, float]:
    """Where the bars start and what the tallest one stands for (figures are never negative)."""
    low, high = min(values), max(values)
    if high <= low:
        return 0.0, high
    return max(0.0, low - (high - low) * HEADROOM), high


class ProgressChart(Widget, can_focus=True):
    COMPONENT_CLASSES = {"chart--bar", "chart--cursor", "chart--axis"}
    BINDINGS = [
        Binding("left", "move(-1)", "Earlier", show=False),
        Binding("right", "move(1)", "Later", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Latest", show=False),
    ]

    class Moved(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.points: list[Point] = []
        self.cursor = 0
        self.first = 0  # the index of the leftmost bar on screen
        self.step = MIN_STEP
        self.value_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.day_text: Callable[[date], str] = lambda d: d.isoformat()
        self.empty = "Nothing to show yet."

    def show(
        self,
        points: list[Point],
        value_text: Callable[[float], str],
        day_text: Callable[[date], str],
        empty: str,
        cursor: int | None = None,
    ) -> None:
        self.points = points
        self.value_text, self.day_text, self.empty = value_text, day_text, empty
        self.cursor = len(points) - 1 if cursor is None else max(0, min(cursor, len(points) - 1))
        self.first = max(0, len(points))  # pulled back by the first render
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.points:
            self.cursor = max(0, min(self.cursor + step, len(self.points) - 1))
            self.refresh()
            self.post_message(self.Moved(self.cursor))

    def _step(self, room: int) -> int:
        return max(MIN_STEP, min(MAX_STEP, room // len(self.points)))

    def _window(self, room: int) -> list[Point]:
        count = min(len(self.points), max(1, room // self._step(room)))
        self.first = min(self.first, self.cursor, len(self.points) - count)
        self.first = max(self.first, self.cursor - count + 1, 0)
        return self.points[self.first : self.first + count]

    def _labels_width(self, shown: list[Point]) -> int:
        return max(len(self.value_text(v)) for v in axis_range([v for _, v in shown]))

    def render(self) -> RenderResult:
        width, height = self.size.width, self.size.height
        muted = self.get_component_rich_style("chart--axis", partial=True)
        if not self.points:
            return Text(self.empty, style=muted)
        if height < 4 or width < 20:
            return Text("Too small for a chart: t shows the table.", style=muted)
        labels_width = len(self.value_text(max(v for _, v in self.points)))
        shown = self._window(width - labels_width - 1)
        for _ in range(3):  # the lowest label on screen may be wider than the guess
            needed = self._labels_width(shown)
            if needed <= labels_width:
                break
            labels_width = needed
            shown = self._window(width - labels_width - 1)
        self.step = self._step(width - labels_width - 1)
        return self._draw(shown, labels_width, height - 2, muted)

    def _draw(self, shown: list[Point], labels_width: int, rows: int, muted: Style) -> Text:
        base, top = axis_range([v for _, v in shown])
        heights = [level(v, base, top, rows * 8) for _, v in shown]
        bar = self.get_component_rich_style("chart--bar", partial=True)
        marked = self.get_component_rich_style("chart--cursor", partial=True)
        text = Text(no_wrap=True, overflow="crop")
        for row in range(rows):
            from_bottom = rows - 1 - row
            label = self.value_text(top) if row == 0 else ""
            text.append(label.rjust(labels_width) + ("┤" if label else "│"), style=muted)
            for index, height in enumerate(heights):
                style = marked if self.first + index == self.cursor else bar
                text.append(bar_char(height, from_bottom) * (self.step - 1), style=style)
                text.append(" ")
            text.append("\n")
        axis = "─" * (len(shown) * self.step)
        text.append(self.value_text(base).rjust(labels_width) + "└" + axis, style=muted)
        text.append("\n" + self._dates(shown, labels_width + 1), style=muted)
        return text

    def _dates(self, shown: list[Point], indent: int) -> str:
        """The first day under the first bar, the last day ending under the last bar."""
        first, last = self.day_text(shown[0][0]), self.day_text(shown[-1][0])
        if len(shown) == 1:
            return " " * indent + last
        last_starts = max(len(first) + 2, len(shown) * self.step - 1 - len(last))
        if indent + last_starts + len(last) > self.size.width:
            return " " * indent + first
        return " " * indent + first.ljust(last_starts) + last
