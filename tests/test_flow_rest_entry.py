"""A set typed on the rest screen means what it means on the logging screen: `+2.5x5` and
`-5x8` are relative to the target, typed slowly or in a burst; ↑/↓ change the rest."""

from __future__ import annotations

import re

from tui.settings import Settings
from tui.widgets.big_text import BigText

from .flow import build_app, burst, live_sets, screen_name, start_full_body_a, text

SQUAT = "Barbell Back Squat"


async def rest_after_a_set(pilot, typed: str = "100x5@2") -> float:
    """Log `typed`, and return the next set's target weight as the rest screen shows it."""
    await start_full_body_a(pilot)
    await pilot.press(*typed, "enter")
    assert screen_name(pilot.app) == "RestScreen"
    shown = re.search(r"Target: ([0-9.]+) (kg|lb)", text(pilot.app, "#next-set"))
    assert shown is not None
    return float(shown.group(1))


async def test_plus_typed_during_the_rest_is_a_relative_entry(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        target = await rest_after_a_set(pilot)
        await pilot.press(*"+2.5x5", "enter")
        assert screen_name(app) == "OneMoreScreen"
    assert live_sets(data_dir) == [(SQUAT, 100, 5, "kg"), (SQUAT, target + 2.5, 5, "kg")]


async def test_minus_typed_during_the_rest_is_a_relative_entry(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        target = await rest_after_a_set(pilot)
        await pilot.press(*"-5x8", "enter")
    assert live_sets(data_dir) == [(SQUAT, 100, 5, "kg"), (SQUAT, target - 5, 8, "kg")]


async def test_a_relative_entry_typed_in_one_burst_during_the_rest(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        target = await rest_after_a_set(pilot)
        burst(app, "+2.5x5", "enter")
        for _ in range(100):
            await pilot.pause(0.01)
            if screen_name(app) == "OneMoreScreen":
                break
        assert screen_name(app) == "OneMoreScreen"
    assert live_sets(data_dir) == [(SQUAT, 100, 5, "kg"), (SQUAT, target + 2.5, 5, "kg")]


async def test_relative_entries_during_the_rest_in_pounds(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path, settings=Settings(unit="lb"))
    async with app.run_test(size=(100, 32)) as pilot:
        first = await rest_after_a_set(pilot, "225x5@2")
        await pilot.press(*"+5x5", "enter", "2")
        assert screen_name(app) == "RestScreen"
        shown = re.search(r"Target: ([0-9.]+) lb", text(app, "#next-set"))
        assert shown is not None
        await pilot.press(*"-10x8", "enter")
    assert live_sets(data_dir) == [
        (SQUAT, 225, 5, "lb"),
        (SQUAT, first + 5, 5, "lb"),
        (SQUAT, float(shown.group(1)) - 10, 8, "lb"),
    ]


async def test_up_and_down_change_the_rest_and_log_nothing(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await rest_after_a_set(pilot)
        countdown = app.screen.query_one("#countdown", BigText)
        before = countdown.value
        await pilot.press("up")
        assert countdown.value != before
        await pilot.press("down")
        assert countdown.value == before
        assert screen_name(app) == "RestScreen"
    assert live_sets(data_dir) == [(SQUAT, 100, 5, "kg")]
