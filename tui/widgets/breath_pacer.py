"""The breathing guide: a bar that fills as the lifter breathes in and empties on the way out.

It is as tall as the widget (all rows but the cue's), so its growing and shrinking is seen
from the corner of the eye, not only read.

It is given a new breath many times a second for the whole rest, but repaints only when what
it draws changes: a held breath (box breathing holds half the time) costs no frames.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.breathing import Breath

EIGHTHS = " ▏▎▍▌▋▊▉"
PHASE_WORDS = {"in": "IN", "top-up": "IN +", "hold": "HOLD", "out": "OUT"}


def bar(fraction: float, width: int) -> str:
    """A bar `fraction` full, drawn with eighth blocks so it moves smoothly."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (EIGHTHS[part] if part and full < width else "")
    return text.ljust(width)


class BreathPacer(Widget):
    """Shows `breath`: the phase word, the filling bar and the cue."""

    breath: reactive[Breath | None] = reactive(None, layout=False, repaint=False)

    def watch_breath(self, old: Breath | None, new: Breath | None) -> None:
        if self._drawn(old) != self._drawn(new):
            self.refresh()

    def _bar_width(self) -> int:
        return max(10, self.size.width - 8)

    def _drawn(self, breath: Breath | None) -> tuple[str, str, str] | None:
        """What the widget shows for `breath` at its current width."""
        if breath is None:
            return None
        return breath.phase, breath.cue, bar(breath.lungs, self._bar_width())

    def render(self) -> Text:
        breath = self.breath
        if breath is None:
            return Text("")
        width = self._bar_width()
        colour = "$breath-in" if breath.phase in ("in", "top-up") else "$breath-out"
        style = self.app.theme_variables.get(colour.lstrip("$"), "")
        text = Text()
        filled = bar(breath.lungs, width)
        for row in range(max(1, self.size.height - 1)):
            word = PHASE_WORDS.get(breath.phase, "") if row == 0 else ""
            text.append(f"{word:<6}", style=f"bold {style}")
            text.append(filled + "\n", style=style)
        text.append(breath.cue)
        return text
