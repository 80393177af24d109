"""The keys of a screen as one line of text: one widget, drawn again only when its keys change.

Textual's Footer is a widget per key, and it throws them all away and mounts them again each
time the screen announces its bindings — several times on every screen change, and on every
first or last character typed on the logging screen (command letters come and go with an
empty line). Mounting, styling and laying out a dozen widgets cost more than the screen change
itself, and the keys a recompose dropped stayed referenced (a watcher of the footer's
`compact`), so each set left about ten dead widgets for the garbage collector to walk.

This footer looks the same (the same theme variables: `$footer-key-foreground` …) and a click
on a key presses it, as Textual's does; it is one widget whose line is built from the
screen's active bindings. The command palette's key is not shown (no screen here wants it).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    key: str  # what a click presses
    display: str  # what the footer shows: `u`, `↑`, `?`
    description: str
    enabled: bool


class Footer(Widget):
    COMPONENT_CLASSES = {"footer--key", "footer--description"}
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """
    ALLOW_SELECT = False

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._keys: tuple[Key, ...] = ()
        self._spans: list[tuple[int, int, Key]] = []  # cells of each key, for a click

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._keys = self.keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys = self.keys()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def keys(self) -> tuple[Key, ...]:
        """The keys the screen shows now, in the order of its bindings, one per action."""
        shown: dict[str, Key] = {}
        for key, (_, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if not binding.show or binding.action in shown:
                continue
            display = self.app.get_key_display(binding)
            shown[binding.action] = Key(key, display, binding.description, enabled)
        return tuple(shown.values())

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer--key", partial=True)
        text_style = self.get_component_rich_style("footer--description", partial=True)
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for key in self._keys:
            start = line.cell_len
            extra = Style() if key.enabled else dim
            line.append(f" {key.display} ", key_style + extra)
            if key.description:
                line.append(f"{key.description} ", text_style + extra)
            self._spans.append((start, line.cell_len, key))
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
