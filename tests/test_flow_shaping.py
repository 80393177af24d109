"""Leaving and shaping a session from the logging screen: Esc goes Home with the session
kept, exercises are dropped and reordered, a session is discarded only when asked twice,
and a mistyped name in the picker adds nothing. Judged from live.json on disk."""

from __future__ import annotations

import json

from tui.store.repository import Store

from .flow import build_app, live_sets, screen_name, start_full_body_a, text


def planned_names(data_dir) -> list[str]:
    data = json.loads((data_dir / "live.json").read_text())
    [session] = data["live"].values()
    return [exercise["name"] for exercise in session["exercises"]]


async def test_escape_goes_home_with_the_session_kept_and_r_resumes_it(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter", *"105", "escape")
        assert screen_name(app) == "LoggingScreen"  # the typed line was cleared first
        assert app.screen.query_one("#entry").value == ""
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"
        assert "Full body A" in text(app, "#in-progress")
        await pilot.press("r")
        assert screen_name(app) == "LoggingScreen"  # the rest was ended before: not again
    assert live_sets(data_dir) == [("Barbell Back Squat", 100, 5, "kg")]


async def test_an_exercise_is_dropped_and_another_done_earlier(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        before = planned_names(data_dir)
        await pilot.press("d")  # the squat, nothing logged on it yet
        assert planned_names(data_dir) == before[1:]
        await pilot.press("greater_than_sign")  # the bench press after the next one
        assert planned_names(data_dir) == [before[2], before[1], *before[3:]]


async def test_an_exercise_with_sets_is_not_dropped(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        before = planned_names(data_dir)
        await pilot.press(*"100x5@2", "enter", "enter", "d")
        assert any("has sets" in n.message for n in app._notifications)
    assert planned_names(data_dir) == before
    assert live_sets(data_dir) == [("Barbell Back Squat", 100, 5, "kg")]


async def test_a_session_is_discarded_only_when_asked_twice(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter", "f", "d")
        assert "Discard this session?" in text(app, ".question")
        await pilot.press("escape")  # no: back, the session is still there
        assert screen_name(app) == "LoggingScreen"
        assert live_sets(data_dir) == [("Barbell Back Squat", 100, 5, "kg")]
        await pilot.press("f", "d", "y")
        assert screen_name(app) == "HomeScreen"
        assert "No session in progress" in text(app, "#in-progress")
    assert json.loads((data_dir / "live.json").read_text())["live"] == {}
    assert list((data_dir / "history").glob("*.json")) == []


async def test_a_loosely_matching_name_and_enter_add_nothing(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        before = planned_names(data_dir)
        await pilot.press("a", *"abc", "enter")
        assert screen_name(app) == "ExercisePicker"
        assert "Nothing is called “abc”" in text(app, "#hint")
        await pilot.press("escape")
        assert planned_names(data_dir) == before
        await pilot.press("a", *"bss", "enter")  # an alias: a close match, taken at once
        assert "Bulgarian Split Squat" in text(app, "#exercise-name")


async def test_a_slipped_zero_is_asked_about_and_a_second_enter_logs_it(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter", *"1000x5", "enter")
        assert "1000 kg is far from the" in text(app, "#error")
        assert live_sets(data_dir) == [("Barbell Back Squat", 100, 5, "kg")]
        await pilot.press("backspace", "backspace", "backspace", *"x5", "enter")  # fixed: 100x5
        assert screen_name(app) == "OneMoreScreen"
    assert live_sets(data_dir) == [("Barbell Back Squat", 100, 5, "kg")] * 2


async def test_a_note_shows_in_the_review_and_beside_the_exercise_next_time(data_dir, tmp_path):
    from .conftest import FakeClock
    from .flow import review_text, settle

    wall = FakeClock()
    app = build_app(data_dir, tmp_path, wall=wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot, ("4", "2", "3"))
        await pilot.press("o", *"belt on", "enter", *"100x5@2", "enter", "enter", "f", "enter")
        await pilot.press("r")
        await settle(pilot)
        shown = review_text(app)
        assert "note: belt on" in shown
        assert "check-in: sleep 4 · stress 2 · energy 3" in shown
        await pilot.press("escape", "enter")  # back to the summary, then Home
        wall.advance(2 * 24 * 3600)
        await start_full_body_a(pilot)
        assert text(app, "#previous-note") == "Note: belt on"


async def test_a_session_note_goes_on_the_session_and_leaves_the_exercise_note_alone(
    data_dir, tmp_path
):
    from .flow import review_text, settle

    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("o", *"belt on", "enter", "O", *"gym was full", "enter")
        await pilot.press(*"100x5@2", "enter", "enter", "f", "enter", "r")
        await settle(pilot)
        shown = review_text(app)
    assert "note: gym was full" in shown  # the session's note, on its own line
    assert "note: belt on" in shown  # the squat's note kept as it was
    assert "belt on · gym" not in shown and "gym was full · belt" not in shown
    [year] = (data_dir / "history").glob("*.json")
    [session] = json.loads(year.read_text())["sessions"].values()
    assert session["notes"] == "gym was full"
    assert [e["notes"] for e in session["exercises"] if e["sets"]] == ["belt on"]


async def test_the_tough_day_plan_fits_80_by_24_without_scrolling(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1", "1", "1")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        plan = app.screen.query_one("#plan")
        assert plan.max_scroll_y == 0  # every change and every exercise in view
        assert "Cable Crunch" in text(app, "#exercises")


async def test_last_time_and_its_date_stay_on_one_line_at_80_by_24(data_dir, tmp_path):
    from .conftest import make_session

    with Store(data_dir) as store:
        store.add_finished([make_session()])
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_full_body_a(pilot)
        label = app.screen.query_one("#previous-label")
        assert text(app, "#previous-label").startswith("Last time (")
        assert label.size.height == 1  # no wrapped date
