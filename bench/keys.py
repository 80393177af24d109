"""Keys at the rack: from a key press to the next screen painted, as the lifter waits for it.

Three screen changes of every set, timed inside a running app (Pilot, headless):
Enter on a typed `100x5` → "one more rep?", the answer → the rest screen, Enter on the rest
→ the logging screen. On an empty store and on the ten-year store, against a floor in the
same run: a bare Textual app that makes the same three screen changes (an input line, a
modal question, a full screen) with no work behind them. The time of a change is from the
key being posted to the new screen's first refresh after it handled its messages.

Each store logs SETS sets (a session's exercises in order, like an evening at the gym);
p50 and p99 of each change, and their ratios to the floor and to the empty store.

Finishing is timed apart, once a session: FINISHES sessions of SESSION_SETS sets each (the
first rest as long as above, the others skipped), from Enter on "Finish this session?" to the
summary painted; the floor's modal and summary screen are as bare as the others.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Static

from bench.common import Row, copy_store, ms, percentile, ratio_text

SETS = 40
# A lifter rests for minutes; the benchmark rests long enough for what the app does a moment
# into each rest (a full pass of the garbage collector, tui/collector.py), and no longer.
RESTING_S = 0.7
CHANGES = ("Enter → one more rep?", "answer → rest", "Enter on rest → logging")
FINISH = "finish → summary"
FINISHES = 8  # sessions finished on each store
SESSION_SETS = 15  # sets in each of them, as in an evening's session
GIVE_UP_S = 10.0  # a screen change that never comes is a failed figure, not a hung run
TARGET_RATIO = 1.5  # p99 against the bare app's floor (issue 14)
TARGET_YEARS_RATIO = 1.1  # ten-year against empty


@dataclass(frozen=True)
class Timed:
    store: str
    times: dict[str, list[float]]


async def painted(app: App[object]) -> None:
    """The current screen has handled its messages and refreshed once after that."""
    await Pilot(app)._wait_for_screen()
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()


async def press_until(app: App[object], key: str, screen: str) -> float:
    """Seconds from posting `key` to `screen` painted."""
    character = key if len(key) == 1 else None
    started = time.perf_counter()
    app.post_message(events.Key(key, character))
    while type(app.screen).__name__ != screen:
        if time.perf_counter() - started > GIVE_UP_S:
            raise RuntimeError(f"{key!r} did not lead to {screen} (on {type(app.screen).__name__})")
        await asyncio.sleep(0)
    await painted(app)
    return time.perf_counter() - started


async def type_text(app: App[object], text: str) -> None:
    for character in text:
        app.post_message(events.Key(character, character))
    await painted(app)


# -- the floor: the same three screen changes in a bare Textual app -----------------------


class Question(ModalScreen[str]):
    def compose(self) -> ComposeResult:
        yield Static("Could you do one more rep with good form?")

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and self.app.screen is self:
            event.stop()
            self.dismiss(event.character)


class Resting(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("3:00")
        yield Footer()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.app.screen is self:
            event.stop()
            self.app.pop_screen()


class Finishing(ModalScreen[bool]):
    def compose(self) -> ComposeResult:
        yield Static("Finish this session?")

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.app.screen is self:
            event.stop()
            self.dismiss(True)


class Summary(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("Saved: Full body A")
        yield Static("volume 12,400 kg · 3 PRs")
        yield Footer()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.app.screen is self:
            event.stop()
            self.app.switch_screen(Logging())


class Entry(Input):
    """While empty, `f` goes to the screen (as OneMore's entry line lets command letters)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return bool(self.value or character != "f") and super().check_consume_key(key, character)


class Logging(Screen[None]):
    BINDINGS = [Binding("f", "finish", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static("Barbell Back Squat")
        yield Entry(id="entry")
        yield Footer()

    def action_finish(self) -> None:
        self.app.push_screen(Finishing(), lambda _: self.app.switch_screen(Summary()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.value = ""
        self.app.push_screen(Question(), lambda _: self.app.push_screen(Resting()))


class Bare(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Logging())


async def bare_times() -> dict[str, list[float]]:
    times: dict[str, list[float]] = {change: [] for change in (*CHANGES, FINISH)}
    app = Bare()
    async with app.run_test(size=(100, 32)):
        await painted(app)
        for _ in range(SETS):
            await type_text(app, "100x5")
            times[CHANGES[0]].append(await press_until(app, "enter", "Question"))
            times[CHANGES[1]].append(await press_until(app, "2", "Resting"))
            await asyncio.sleep(RESTING_S)
            times[CHANGES[2]].append(await press_until(app, "enter", "Logging"))
        for _ in range(FINISHES):
            for number in range(SESSION_SETS):
                await type_text(app, "100x5")
                await press_until(app, "enter", "Question")
                await press_until(app, "2", "Resting")
                if number == 0:
                    await asyncio.sleep(RESTING_S)
                await press_until(app, "enter", "Logging")
            await press_until(app, "f", "Finishing")
            times[FINISH].append(await press_until(app, "enter", "Summary"))
            await press_until(app, "enter", "Logging")
    return times


# -- OneMore ------------------------------------------------------------------------------


async def onemore_times(data_dir: Path, home: Path) -> dict[str, list[float]]:
    from tui import collector
    from tui.app import make_app
    from tui.settings import Settings
    from tui.store.repository import Store

    times: dict[str, list[float]] = {change: [] for change in (*CHANGES, FINISH)}
    with Store(data_dir) as store:
        collector.freeze()  # as `onemore` does before its app runs
        app = make_app(store, Settings(), (), user_folder=home / "config", cursor_blink=False)
        async with app.run_test(size=(100, 32)) as pilot:
            await start_session(app, pilot)
            for _ in range(SETS):
                await type_text(app, typed_set(app))
                times[CHANGES[0]].append(await press_until(app, "enter", "OneMoreScreen"))
                times[CHANGES[1]].append(await press_until(app, "2", "RestScreen"))
                await asyncio.sleep(RESTING_S)
                times[CHANGES[2]].append(await press_until(app, "enter", "LoggingScreen"))
            await press_until(app, "f", "ConfirmScreen")
            await press_until(app, "enter", "SummaryScreen")
            await press_until(app, "enter", "HomeScreen")
            for _ in range(FINISHES):
                await start_session(app, pilot)
                for number in range(SESSION_SETS):
                    await type_text(app, typed_set(app))
                    await press_until(app, "enter", "OneMoreScreen")
                    await press_until(app, "2", "RestScreen")
                    if number == 0:  # one rest as long as the others, for what it does
                        await asyncio.sleep(RESTING_S)
                    await press_until(app, "enter", "LoggingScreen")
                await press_until(app, "f", "ConfirmScreen")
                times[FINISH].append(await press_until(app, "enter", "SummaryScreen"))
                await press_until(app, "enter", "HomeScreen")
    return times


async def start_session(app: App[object], pilot: Pilot[object]) -> None:
    """Full body A from Home: the routine, the check-in's three answers, the plan."""
    await pilot.press("enter", "enter", "enter", "enter", "enter")
    await painted(app)


def typed_set(app: App[object]) -> str:
    """A set at the target's weight, typed out (`100x5`) as a lifter mostly does."""
    view = app.screen.session.view()  # the logging screen's live session
    target = view.target
    weight = target.weight if target is not None and target.weight else 50
    return f"{weight:g}x5"


def measure(history: Path, home: Path) -> list[Timed]:
    empty = home / "keys-empty"
    ten_years = copy_store(history, home / "keys-ten-years")
    return [
        Timed("bare Textual app", asyncio.run(bare_times())),
        Timed("empty store", asyncio.run(onemore_times(empty, home))),
        Timed("ten-year store", asyncio.run(onemore_times(ten_years, home))),
    ]


def rows(timed: list[Timed]) -> list[Row]:
    floor, empty, ten = (t.times for t in timed)
    found = []
    for change in (*CHANGES, FINISH):
        p50, p99 = (percentile(ten[change], p) for p in (50, 99))
        floor_p99 = percentile(floor[change], 99)
        empty_p99 = percentile(empty[change], 99)
        against_floor, against_empty = p99 / floor_p99, p99 / empty_p99
        found.append(
            Row(
                f"{change} (ten-year, p50 / p99; floor p99 {ms(floor_p99)})",
                f"{ms(p50)} / {ms(p99)}",
                f"{ratio_text(against_floor)} floor, {ratio_text(against_empty)} empty",
                f"≤ {TARGET_RATIO}× floor, ≤ {TARGET_YEARS_RATIO}× empty",
                against_floor <= TARGET_RATIO and against_empty <= TARGET_YEARS_RATIO,
            )
        )
    return found
