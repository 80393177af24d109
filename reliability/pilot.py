"""Driving the real app with Textual's Pilot: start a session, read what a widget shows."""

from __future__ import annotations

from rich.console import Console
from textual.widgets import Static

from tests.flow import build_app, screen_name  # noqa: F401 - re-exported for the cases


async def start_full_body_a(pilot) -> None:
    """Home -> the first routine -> check-in skipped -> plan started: the logging screen."""
    await pilot.press("enter", "enter", "enter", "enter", "enter")
    await pilot.pause()


def shown(widget: Static, width: int = 100) -> str:
    """The plain text a Static shows right now (a Rich table included)."""
    console = Console(width=width, color_system=None)
    with console.capture() as capture:
        console.print(widget.content)
    return capture.get()


def listen(app) -> list[str]:
    """From now on, every line the app tells the lifter (notifications time out, these stay)."""
    heard: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        heard.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return heard
