"""Every screen of the app in a fixed state: for snapshot tests and README screenshots.

Fixed clocks, a store seeded with last week's session, no cursor blink, UTC times.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from tui.app import OneMoreApp
from tui.core.live import Live, plan_session
from tui.core.model import CheckIn
from tui.core.routines import BUILT_IN
from tui.settings import Settings
from tui.store.repository import Store

from .conftest import START, FakeClock
from .flow import RestClock, build_app
from .history_seed import known_sessions

THEMES = ("onemore-dark", "onemore-bright")


def use_utc() -> None:
    """Local times on screen read the same on every machine."""
    os.environ["TZ"] = "UTC"
    time.tzset()


def seed(data_dir: Path) -> None:
    """Last week's Full body A, so targets and "last time" have something to show."""
    clock = FakeClock(START - timedelta(days=7))
    routine = BUILT_IN[0]
    with Store(data_dir, now=clock) as store:
        live = Live(
            plan_session(
                routine.name,
                routine.exercises,
                clock(),
                routine_id=routine.id,
                checkin=CheckIn(4, 3, 4),
            )
        )
        loads = {"Barbell Back Squat": 97.5, "Barbell Bench Press": 70, "Barbell Row": 60}
        for position, exercise in enumerate(live.session.exercises[:3]):
            live = live.go_to(position)
            from tui.core.entry import SetInput

            for rir in (3, 2, 1):
                clock.advance(200)
                live, _ = live.log(SetInput(loads[exercise.name], 5, "kg", rir=rir), clock())
        store.save_session(live.session)
        clock.advance(600)
        store.finish_session(clock())


def scene_app(tmp_path: Path, theme: str = "onemore-dark") -> tuple[OneMoreApp, RestClock]:
    use_utc()
    data_dir = tmp_path / "data"
    seed(data_dir)
    rest_clock = RestClock()
    app = build_app(
        data_dir, tmp_path, settings=Settings(theme=theme), rest_clock=rest_clock, wall=FakeClock()
    )
    return app, rest_clock


Scene = Callable[[Pilot, RestClock], Awaitable[None]]


async def start(pilot: Pilot, checkin: tuple[str, ...] = ("4", "4", "4")) -> None:
    await pilot.press("enter", *checkin, "enter")
    await pilot.pause()


async def home(pilot: Pilot, clock: RestClock) -> None:
    await pilot.pause()


async def checkin(pilot: Pilot, clock: RestClock) -> None:
    await pilot.press("enter", "4")


async def plan_low_day(pilot: Pilot, clock: RestClock) -> None:
    await pilot.press("enter", "2", "2", "3")


async def logging(pilot: Pilot, clock: RestClock) -> None:
    await start(pilot)
    await pilot.press(*"w60x5", "enter", *"100x5", "enter", "2")
    clock.seconds += 48
    await pilot.press("c")
    clock.seconds += 150
    await pilot.press("enter")


async def one_more(pilot: Pilot, clock: RestClock) -> None:
    await start(pilot)
    await pilot.press(*"100x5", "enter")


async def rest(pilot: Pilot, clock: RestClock) -> None:
    await start(pilot)
    await pilot.press(*"100x5@2", "enter")
    clock.seconds += 5
    pilot.app.screen.tick()  # type: ignore[attr-defined]


async def rest_over(pilot: Pilot, clock: RestClock) -> None:
    await rest(pilot, clock)
    clock.seconds += 190
    pilot.app.screen.tick()  # type: ignore[attr-defined]


async def picker(pilot: Pilot, clock: RestClock) -> None:
    await start(pilot)
    await pilot.press("s")


async def summary(pilot: Pilot, clock: RestClock) -> None:
    await logging(pilot, clock)
    await pilot.press("f", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settings(pilot: Pilot, clock: RestClock) -> None:
    await pilot.press("comma")


async def keys_help(pilot: Pilot, clock: RestClock) -> None:
    await start(pilot)
    await pilot.press("question_mark")


async def settled(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def add_earlier_weeks(pilot: Pilot) -> None:
    """Three more sessions in October, so lists and charts have something to show."""
    pilot.app.store.add_finished(known_sessions(START - timedelta(days=42)))  # type: ignore[attr-defined]


async def review(pilot: Pilot, clock: RestClock) -> None:
    add_earlier_weeks(pilot)
    await pilot.press("l")
    await settled(pilot)


async def history(pilot: Pilot, clock: RestClock) -> None:
    add_earlier_weeks(pilot)
    await pilot.press("h")
    await settled(pilot)
    await pilot.press("down")


async def progress(pilot: Pilot, clock: RestClock) -> None:
    add_earlier_weeks(pilot)
    await pilot.press("p", "left")


async def progress_table(pilot: Pilot, clock: RestClock) -> None:
    await progress(pilot, clock)
    await pilot.press("t")


async def set_to_failure(pilot: Pilot, clock: RestClock) -> None:
    await start(pilot)
    await pilot.press("t", "8", "enter", "1", "1", "1")


SCENES: dict[str, Scene] = {
    "home": home,
    "checkin": checkin,
    "plan_low_day": plan_low_day,
    "logging": logging,
    "one_more": one_more,
    "rest": rest,
    "rest_over": rest_over,
    "picker": picker,
    "summary": summary,
    "settings": settings,
    "help": keys_help,
    "review": review,
    "history": history,
    "progress": progress,
    "progress_table": progress_table,
    "test_set": set_to_failure,
}
