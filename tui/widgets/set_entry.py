"""The line a set is typed into. While it is empty, command letters pass to the screen.

"Empty" means empty once every key already handed to the line has been taken in: keys typed
in a burst reach the app faster than the line takes them in, so `1e` must not see an empty
line at the `e` (it would edit instead of typing). And a command letter that arrives together
with more printable keys (a paste, or keys faster than anyone types a command) starts text:
"note to self" typed at once is a note, not `n` next and `o` note. Relies on Textual's
`_forward_event` and `_dispatch_message` (Textual is pinned exactly; check on an upgrade).
"""

from __future__ import annotations

from textual import events
from textual.message import Message

from tui.widgets.line import Line

COMMAND_KEYS = set("uenpsaoOrtfd?<>")


class SetEntry(Line):
    """The set-entry line. While empty it lets command letters through to the screen."""

    _in_flight = 0  # keys handed to the line and not yet taken in: they may be text

    @property
    def empty(self) -> bool:
        """Nothing typed, and nothing on its way in."""
        return not self.value and not self._in_flight

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if self.empty and character in COMMAND_KEYS and not self._text_follows():
            return False
        return super().check_consume_key(key, character)

    def _text_follows(self) -> bool:
        text_follows = getattr(self.app, "text_follows", None)
        return bool(text_follows()) if callable(text_follows) else False

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._in_flight += 1
        super()._forward_event(event)

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        finally:
            if isinstance(message, events.Key) and self._in_flight:
                self._in_flight -= 1
