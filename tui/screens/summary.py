"""Summary on finish: what was done, how it compares, what was learned. Saved already."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.model import Session


class SummaryScreen(Screen[None]):
    BINDINGS = [Binding("enter,escape", "home", "Home")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(f"{self.session.name}: saved", classes="heading")
            yield Static("", id="review")
        yield Footer()

    def action_home(self) -> None:
        self.app.pop_screen()
