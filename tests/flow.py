"""Helpers for driving the app with Pilot: a clock the test moves, an app on a real store."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
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
        shown = widget.content
        if isinstance(shown, str) or not hasattr(shown, "__rich_console__"):
            return str(widget.render())
        console = Console(width=200, file=io.StringIO(), color_system=None)
        console.print(shown)  # a Rich renderable (a table, a group of lines): its plain text
        return console.file.getvalue()
    return str(getattr(widget, "value", ""))


KEY_NAMES = {"enter", "escape", "backspace", "ctrl+u", "home", "end", "left", "right"}
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


async def start_full_body_a(pilot, checkin=("enter", "enter", "enter")):
    await pilot.press("enter")  # the first routine: Full body A
    await pilot.press(*checkin)
    await pilot.press("enter")  # start the plan
    await pilot.pause()


def review_text(app, width=None) -> str:
    """The review as the lifter reads it, in plain text, as wide as it is on screen."""
    review = app.screen.query_one("#review")
    console = Console(width=width or review.size.width, file=io.StringIO(), color_system=None)
    console.print(review.render())
    return console.file.getvalue()


async def settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def live_sets(data_dir: Path) -> list[tuple[str, float, int, str]]:
    """The sets of the session in progress as live.json holds them on disk:
    (exercise, weight, reps, unit) in the order they were logged."""
    import json

    data = json.loads((data_dir / "live.json").read_text())
    [session] = data["live"].values()
    found = [
        (exercise["name"], s["weight"], s["reps"], s["unit"], s["logged_at"])
        for exercise in session["exercises"]
        for s in exercise["sets"]
    ]
    return [entry[:4] for entry in sorted(found, key=lambda entry: entry[4])]
