"""Textual's Footer, built once with the screen and rebuilt only when the keys it shows change.

Textual's Footer starts empty and, each time the screen announces its bindings, throws away
and mounts all its keys again. A screen that settles announces them several times (focus
set, screen resumed, and again after the next refresh) with the same keys each time.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    _rebuild_pending = False
    _shown: tuple[object, ...] | None = None  # the keys the last compose showed

    def __init__(self, *children: Widget, **options: Any) -> None:
        super().__init__(*children, **options)
        self.set_reactive(TextualFooter._bindings_ready, True)  # the keys show from the start

    def compose(self) -> ComposeResult:
        self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Born in the footer's style, which they are bound to (the palette's key is
                # not): no add-then-remove of the class, two restyles of each key.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> tuple[object, ...]:
        """What compose shows: the keys with `show`, and the command palette's key."""
        app = self.app
        active = self.screen.active_bindings
        palette = app.COMMAND_PALETTE_BINDING
        wants_palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        return tuple(
            (key, binding, enabled, tooltip, app.get_key_display(binding))
            for key, (_, binding, enabled, tooltip) in active.items()
            if binding.show or (wants_palette and key == palette)
        )
