"""An input line whose own editing keys act in the order they were typed.

Textual runs a focused widget's (non-priority) bindings only after the key has bubbled up to
the app, one message queue per hop, while printable keys are inserted by the widget at once.
So in a burst — `100x4`, backspace, `5` from a fast typist, or ctrl+u and a new value pasted
right behind it — the `5` lands before the backspace runs and the backspace deletes it. `Line`
runs its own bindings (backspace, ctrl+u, the arrows, home/end, Enter, ...) as it takes each
key in, so every key acts where it was typed. Other keys go on as usual.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class Line(Input):
    """An `Input` whose editing keys keep their place among the letters typed around them."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if binding.priority:
                    continue  # priority bindings were run by the app before the key came here
                if await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
                break  # skipped (ctrl+c with nothing selected): on to the screen and the app
        await super()._on_key(event)
