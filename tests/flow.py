"""Helpers for driving the app with Pilot: a clock the test moves, an app on a real store."""

from __future__ import annotations

from pathlib import Path

from textual import events

from tui.app import OneMoreApp, make_app
from tui.settings import Settings
from tui.store.repository import Store

from .conftest import FakeClock


class RestClock:
    """The rest screen's clock, moved by the test (seconds)."""

    def __init__(self) -> None:
        self.seconds = 10_000.0

    def __call__(self) -> float:
        return self.seconds


def build_app(
    data_dir: Path,
    tmp_path: Path,
    *,
    settings: Settings | None = None,
    wall: FakeClock | None = None,
    rest_clock: RestClock | None = None,
    config_path: Path | None = None,
) -> OneMoreApp:
    return make_app(
        Store(data_dir, now=wall or FakeClock()),
        settings or Settings(),
        [],
        now=wall or FakeClock(),
        clock=rest_clock or RestClock(),
        user_folder=tmp_path / "config",
        config_path=config_path,
        cursor_blink=False,
    )


def screen_name(app: OneMoreApp) -> str:
    return type(app.screen).__name__


def text(app: OneMoreApp, selector: str) -> str:
    from textual.widgets import Static

    widget = app.screen.query_one(selector)
    if isinstance(widget, Static):
        return str(widget.render())
    return str(getattr(widget, "value", ""))


KEY_NAMES = {"enter", "escape", "backspace"}
CHARACTER_KEYS = {"@": "at", ".": "full_stop", "+": "plus", "-": "minus"}


def burst(app, *typed: str) -> None:
    """Keys arriving all at once through the terminal driver, as from a fast typist:
    a key name ("enter") is one key, any other text is typed character by character."""
    for part in typed:
        keys = (
            [(part, None)] if part in KEY_NAMES else [(CHARACTER_KEYS.get(c, c), c) for c in part]
        )
        for name, character in keys:
            event = events.Key(name, character)
            event.set_sender(app)
            app._driver.send_message(event)
