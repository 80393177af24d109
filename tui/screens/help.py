"""The keymap, readable from the rack."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.keymap import (
    HISTORY_KEYS,
    HOME_KEYS,
    LOGGING_KEYS,
    ONE_MORE_KEYS,
    PROGRESS_KEYS,
    REST_KEYS,
    REVIEW_KEYS,
    TEST_SET_KEYS,
)
from tui.screens.base import AppModal


def keys_table(title: str, keys: list[tuple[str, str]]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for key, what in keys:
        table.add_row(key, what)
    return table


class HelpScreen(AppModal[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(keys_table("Logging", LOGGING_KEYS))
            yield Static(keys_table("One more rep?", ONE_MORE_KEYS))
            yield Static(keys_table("Rest", REST_KEYS))
            yield Static(keys_table("Test set", TEST_SET_KEYS))
            yield Static(keys_table("Home", HOME_KEYS))
            yield Static(keys_table("History", HISTORY_KEYS))
            yield Static(keys_table("Review", REVIEW_KEYS))
            yield Static(keys_table("Progress", PROGRESS_KEYS))
            yield Static("[b]Esc[/b] close", classes="keys")
