"""One line at the bottom: what sync is doing (hidden when sync is not set up)."""

from __future__ import annotations

from textual.widgets import Static

from tui.redact import hide
from tui.widgets.markup import lit


class SyncLine(Static):
    def on_mount(self) -> None:
        self.watch(self.app, "sync_text", self._show)

    def _show(self, text: str) -> None:
        self.display = bool(text)
        self.update(f"sync: {lit(hide(text))}")  # a server's words: read, never obeyed
