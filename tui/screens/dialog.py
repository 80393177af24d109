"""The base of every question that pops up: Escape closes it with no answer."""

from __future__ import annotations

from typing import TypeVar

from textual import events

from tui.screens.base import AppModal

ResultT = TypeVar("ResultT")


class Dialog(AppModal[ResultT]):
    WAITS_AFTER = frozenset({"enter", "escape"})

    def on_key(self, event: events.Key) -> None:
        # Escape is handled here rather than by a binding, so the key gate opens only once
        # the dialog has closed (a subclass's own on_key runs first and leaves Escape alone).
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self.dismiss(None)
            self.key_handled()
