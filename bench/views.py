"""The views a lifter opens over the whole history, timed inside a running OneMore.

Each view is opened the way the lifter opens it: the home screen's action (the key on the
home screen). Two times from the action: the first paint of the new screen, and the moment
it is complete (its workers, which read the history, are done and their result painted).
A view whose action the home screen does not have yet raises NotBuilt. Adding a view is one
entry in VIEWS.
"""

from __future__ import annotations

import asyncio
import time

from textual.app import App


class NotBuilt(Exception):
    """The home screen has no such action yet."""


async def painted(app: App) -> None:
    """Wait until the current screen has handled its messages and been refreshed."""
    from textual.pilot import Pilot

    await Pilot(app)._wait_for_screen()
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()


async def settled(app: App) -> None:
    """Painted, every worker finished (its result handed to the screen), painted again."""
    await painted(app)
    await app.workers.wait_for_complete()
    await painted(app)


async def open_from_home(app: App, action: str) -> tuple[float, float]:
    """(seconds to the first paint, seconds until complete) of the screen `action` opens."""
    home = app.screen
    if not hasattr(home, f"action_{action}"):
        raise NotBuilt(f"{type(home).__name__} has no action {action!r}")
    started = time.perf_counter()
    await home.run_action(action)
    if app.screen is home:
        raise RuntimeError(f"action {action!r} opened nothing (an empty store?)")
    await painted(app)
    first = time.perf_counter() - started
    await settled(app)
    complete = time.perf_counter() - started
    app.pop_screen()
    await settled(app)
    return first, complete


# view name -> the home screen's action that opens it
VIEWS: dict[str, str] = {
    "review": "last_session",  # the newest session, with PRs worked out over all history
    "history": "history",
    "progress chart": "progress",
}


async def open_view(name: str, app: App) -> list[float] | str:
    """[first paint, complete] in seconds, or why it could not be measured."""
    try:
        return list(await open_from_home(app, VIEWS[name]))
    except NotBuilt as missing:
        return f"not built yet ({missing})"
