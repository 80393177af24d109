"""The bases of every OneMore screen: the key gate, and the app reached typed.

`self.app` is the `OneMoreApp`, so a screen reaches the application layer (`sessions`,
`past`, `history`, `home_view`), the settings and the clocks with their types.
"""

from __future__ import annotations

from typing import TypeVar

from textual import getters
from textual.screen import ModalScreen, Screen

from tui.app import OneMoreApp
from tui.keygate import KeyGated

ResultT = TypeVar("ResultT")


class AppScreen(KeyGated, Screen[ResultT]):
    app = getters.app(OneMoreApp)

    @property
    def on_top(self) -> bool:
        """The screen the lifter sees (`is_current` is true under a pushed screen too)."""
        return self.app.screen is self


class AppModal(KeyGated, ModalScreen[ResultT]):
    app = getters.app(OneMoreApp)
