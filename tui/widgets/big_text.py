"""Figures as big as the space they are given: the rest countdown and the target, readable
from two metres at 80×24 and filling a 160×45 terminal.

A 3×5 block font, scaled by a whole number to the widget's size. When even the smallest
scale does not fit, the text is shown as it is.
"""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

ROWS = 5  # pixel rows of a glyph
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    ".": (".", ".", ".", ".", "#"),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    "x": ("...", "#.#", ".#.", "#.#", "..."),
    "k": ("#..", "#.#", "##.", "#.#", "#.#"),
    "g": ("###", "#.#", "###", "..#", "##."),
    "l": ("#", "#", "#", "#", "#"),
    "b": ("#..", "#..", "###", "#.#", "###"),
    "w": ("...", "#.#", "#.#", "###", "#.#"),
    " ": ("..", "..", "..", "..", ".."),
}


def gap(scale: int) -> int:
    """Columns between two glyphs: half a pixel's width, so big figures stay wide."""
    return scale


def width_of(text: str, scale: int) -> int:
    """How many columns `text` takes at `scale` (a pixel is `scale` rows by 2·`scale` columns,
    about square in a terminal's cells)."""
    glyphs = [FONT[c] for c in text if c in FONT]
    return sum(len(g[0]) for g in glyphs) * 2 * scale + max(0, len(glyphs) - 1) * gap(scale)


def fitting_scale(text: str, width: int, height: int) -> int:
    """The largest whole scale at which `text` fits `width` columns and `height` rows."""
    if not any(c in FONT for c in text):
        return 0
    scale = height // ROWS
    while scale > 0 and width_of(text, scale) > width:
        scale -= 1
    return scale


def draw(text: str, scale: int) -> list[str]:
    """The text at `scale` as lines of full blocks (no half blocks: every terminal font and
    the SVG screenshots draw a full block the same width as a space)."""
    lines = [""] * ROWS
    for index, glyph in enumerate(g for g in (FONT.get(c) for c in text) if g is not None):
        for row, pattern in enumerate(glyph):
            if index:
                lines[row] += " " * gap(scale)
            lines[row] += "".join(("█" if cell == "#" else " ") * 2 * scale for cell in pattern)
    return [line for line in lines for _ in range(scale)]


class BigText(Widget):
    """`value` drawn as large as the widget's size allows, aligned by its `content-align`.

    It draws its rows itself (Textual's line API), once per new value or size: the rest
    countdown turns every second for minutes, and a few strips of full blocks cost far less
    than a text that Textual would wrap, style and align line by line.
    """

    DEFAULT_CSS = """
    BigText {
        height: 1fr;
        min-height: 5;
        width: 100%;
        content-align: center middle;
    }
    """

    value: reactive[str] = reactive("", layout=False)

    def __init__(self, value: str = "", *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.set_reactive(BigText.value, value)
        self._rows: list[Strip] | None = None

    def update(self, value: str) -> None:
        self.value = value

    @property
    def scale(self) -> int:
        """The scale the value is drawn at now (0: shown as plain text)."""
        return fitting_scale(self.value.lower(), self.size.width, self.size.height)

    def lines(self) -> list[str]:
        """What the widget shows, before alignment: the block rows, or the plain value."""
        scale = self.scale
        return draw(self.value.lower(), scale) if scale else [self.value]

    def refresh(self, *regions: Region, **options: bool) -> Self:
        self._rows = None  # whatever asked for a repaint (a new value, a style, a size)
        return super().refresh(*regions, **options)

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        if self._rows is None or len(self._rows) != height:
            self._rows = self._draw_rows(width, height)
        return self._rows[y] if y < len(self._rows) else Strip.blank(width)

    def _draw_rows(self, width: int, height: int) -> list[Strip]:
        style = self.visual_style
        text = style.rich_style
        strips = [
            Strip([Segment(line, text)] if line else []).crop(0, width) for line in self.lines()
        ]
        horizontal, vertical = self.styles.content_align
        space = (style + VisualStyle(reverse=False)).rich_style
        return list(Strip.align(strips, space, width, height, horizontal, vertical))[:height]
