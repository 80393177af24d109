"""Case 6, the terminal: every screen at 40×12 under a storm of resizes, keys typed meanwhile.

A journey through the app visits each screen; on each, a burst of resizes (sizes from tiny
to huge, faster than the app can lay out) ends at 40×12. No screen may crash, and keys typed
in the middle of a storm must all arrive, in order.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from textual import events
from textual.geometry import Size

from reliability.outcome import Outcome
from reliability.pilot import build_app, screen_name
from tests.conftest import START, make_session
from tui.store.repository import Store

SMALL = Size(40, 12)
LOGGING_SIZE = Size(100, 32)
CHARACTER_KEYS = {"@": "at", ".": "full_stop", "+": "plus", "-": "minus"}

# (keys, what they should lead to or None if they may stay) on the way through every screen
JOURNEY: list[tuple[tuple[str, ...], str | None]] = [
    ((), "HomeScreen"),
    (("question_mark",), "HelpScreen"),
    (("escape",), "HomeScreen"),
    (("comma",), "SettingsScreen"),
    (("escape",), "HomeScreen"),
    (("h",), None),
    (("escape",), None),
    (("p",), None),
    (("escape",), None),
    (("l",), None),
    (("escape",), None),
    (("enter",), "CheckInScreen"),
    (("3", "4"), None),
    (("enter",), "PlanScreen"),
    (("enter",), "LoggingScreen"),
    (("1", "0", "0", "x", "5", "enter"), "OneMoreScreen"),
    (("2",), "RestScreen"),
    (("enter",), "LoggingScreen"),
    (("e",), None),
    (("escape",), "LoggingScreen"),
    (("s",), None),
    (("escape",), "LoggingScreen"),
    (("a",), None),
    (("escape",), "LoggingScreen"),
    (("o",), None),
    (("escape",), "LoggingScreen"),
    (("question_mark",), "HelpScreen"),
    (("escape",), "LoggingScreen"),
    (("f",), "ConfirmScreen"),
    (("escape",), "LoggingScreen"),
]


def storm_sizes(rng: random.Random, count: int) -> list[Size]:
    sizes = [Size(rng.randint(1, 250), rng.randint(1, 80)) for _ in range(count)]
    return [*sizes[: count // 2], SMALL, *sizes[count // 2 :], SMALL]


def resize(app, size: Size) -> None:
    """As the terminal driver does on SIGWINCH: no waiting for the app to catch up."""
    app._driver._size = size
    app.post_message(events.Resize(size, size))


def typed(app, text: str) -> None:
    """Keys as a fast typist sends them, straight through the driver."""
    keys = [("enter", None)] if text == "enter" else [(CHARACTER_KEYS.get(c, c), c) for c in text]
    for name, character in keys:
        event = events.Key(name, character)
        event.set_sender(app)
        app._driver.send_message(event)


async def storm(pilot, rng: random.Random, count: int, keys: tuple[str, ...] = ()) -> None:
    """Resizes, with `keys` typed in the middle of them, then a pause to settle at 40×12."""
    sizes = storm_sizes(rng, count)
    for index, size in enumerate(sizes):
        resize(pilot.app, size)
        if keys and index == len(sizes) // 2:
            for text in keys:
                typed(pilot.app, text)
    for _ in range(20):
        await pilot.pause()
        if not pilot.app.key_gate.closed and not pilot.app.key_gate.held:
            break


async def journey(data: Path, work: Path, rng: random.Random, count: int) -> list[str]:
    """Every screen, a storm on each, a set typed during a storm: the problems found."""
    with Store(data) as store:
        store.add_finished([make_session(at=START - timedelta(days=2))])
    app = build_app(data, work)
    problems = []
    async with app.run_test(size=(SMALL.width, SMALL.height)) as pilot:
        for keys, expected in JOURNEY:
            await pilot.press(*keys)
            await storm(pilot, rng, count)
            if expected and screen_name(app) != expected:
                problems.append(f"after {keys} the screen is {screen_name(app)}, not {expected}")
                break
        await storm(pilot, rng, count, keys=("102.5x5", "enter", "n", "t", "enter"))
        sets = app.store.live.sets if app.store.live else ()
        logged = [(s.weight, s.reps, s.failure) for s in sets]
        if logged != [(100, 5, None), (102.5, 5, "technical")]:
            problems.append(f"keys typed during a storm: logged {logged}")
    return problems


async def terminal_storms(work: Path, journeys: int, resizes: int = 12, seed: int = 13) -> Outcome:
    outcome, rng = Outcome("40×12 terminal, resize storms on every screen"), random.Random(seed)
    for number in range(journeys):
        try:
            problems = await journey(work / f"data-{number}", work, rng, resizes)
        except Exception as error:
            problems = [f"the app crashed: {type(error).__name__}: {error}"]
        outcome.tried += 1
        if problems:
            outcome.fail(f"journey {number}: " + "; ".join(problems))
    return outcome


async def today_shows_the_newest(
    work: Path, sets: int = 40, size: Size = LOGGING_SIZE
) -> list[str]:
    """A session resumed with `sets` sets of one exercise: the Today list on the logging
    screen must show the newest set (it showed the first 15 and cut off the rest)."""
    from reliability.disk import new_session, with_a_set

    session, exercise_id = new_session()
    for minute in range(sets):
        session = with_a_set(session, exercise_id, minute)
    data = work / "today"
    with Store(data) as store:
        store.save_session(session)
    problems = []
    app = build_app(data, work)
    async with app.run_test(size=(size.width, size.height)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        if screen_name(app) != "LoggingScreen":
            return [f"resume went to {screen_name(app)}"]
        today = app.screen.query_one("#today")
        shown = app.screen.find_widget(today).region  # where it is drawn on screen
        visible = shown.intersection(app.screen.query_one("#now").region)
        rows = today.virtual_size.height or today.size.height
        last_row_y = shown.y + rows - 1
        if not visible.height or not (visible.y <= last_row_y < visible.bottom):
            problems.append(
                f"the newest of {sets} sets is not on screen (list rows {shown.y}..{last_row_y}, "
                f"visible {visible.y}..{visible.bottom - 1})"
            )
    app.store.close()
    return problems
