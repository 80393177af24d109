"""The breathing guide: a bar that fills as the lifter breathes in and empties on the way out.

It is as tall as the widget (all rows but the cue's), so its growing and shrinking is seen
from the corner of the eye, not only read.

It is given a new breath several times a second for the whole rest, so a frame must cost
little: it repaints only when what it draws changes (a held breath, as box breathing holds
half the time, costs no frame), and it draws its rows itself, as strips of two or three
segments (Textual's line API), instead of a text that Textual would lay out, wrap and style
again at every frame.
"""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tui.core.breathing import Breath

EIGHTHS = " ▏▎▍▌▋▊▉"
PHASE_WORDS = {"in": "IN", "top-up": "IN +", "hold": "HOLD", "out": "OUT"}
WORD_CELLS = 6  # the phase word's column, left of the bar


def bar(fraction: float, width: int) -> str:
    """A bar `fraction` full, drawn with eighth blocks so it moves smoothly."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (EIGHTHS[part] if part and full < width else "")
    return text.ljust(width)


def first_line(text: str, width: int) -> str:
    """What fits of `text` on one line of `width` cells, broken between words where it can
    (as a wrapped text's first line); a first word longer than the line is cut."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width + 1)
    return text[:cut].rstrip() if cut > 0 else text[:width]


class BreathPacer(Widget):
    """Shows `breath`: the phase word, the filling bar and the cue."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._breath: Breath | None = None
        self._drawn_key: tuple[str, str, str] | None = None
        self._rows: list[Strip] | None = None

    @property
    def breath(self) -> Breath | None:
        return self._breath

    @breath.setter
    def breath(self, breath: Breath | None) -> None:
        self._breath = breath
        drawn = self._drawn(breath)
        if drawn != self._drawn_key:
            self._drawn_key = drawn
            self.refresh()

    def _bar_width(self) -> int:
        return max(10, self.size.width - 8)

    def _drawn(self, breath: Breath | None) -> tuple[str, str, str] | None:
        """What the widget shows for `breath` at its current width."""
        if breath is None:
            return None
        return breath.phase, breath.cue, bar(breath.lungs, self._bar_width())

    def on_resize(self) -> None:
        self._drawn_key = self._drawn(self._breath)

    def refresh(self, *regions: Region, **options: bool) -> Self:
        self._rows = None  # whatever asked for a repaint (a new breath, a style, a size)
        return super().refresh(*regions, **options)

    def render_line(self, y: int) -> Strip:
        if self._rows is None or len(self._rows) != self.size.height:
            self._rows = self._draw_rows()
        return self._rows[y] if y < len(self._rows) else Strip.blank(self.size.width)

    def _draw_rows(self) -> list[Strip]:
        """Every row of the widget, drawn once per repaint."""
        width, height = self.size
        base = self.visual_style.rich_style
        breath = self._breath
        if breath is None:
            return [Strip.blank(width, base)] * height
        name = "breath-in" if breath.phase in ("in", "top-up") else "breath-out"
        colour = Style.parse(self.app.theme_variables.get(name, "") or "none")
        filled = Segment(bar(breath.lungs, self._bar_width()), base + colour)
        word_style = base + Style(bold=True) + colour
        rows = [
            Strip(
                [
                    Segment(
                        f"{PHASE_WORDS.get(breath.phase, '') if y == 0 else '':<{WORD_CELLS}}",
                        word_style,
                    ),
                    filled,
                ]
            ).crop(0, width)
            for y in range(max(1, height - 1))
        ]
        rows.append(Strip([Segment(first_line(breath.cue, width), base)]).crop(0, width))
        return rows[:height]
