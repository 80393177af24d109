"""Progress per exercise: chart and table, walked with the keyboard (Pilot, known history)."""

import io

from rich.console import Console

from .flow import build_app, screen_name, text
from .history_seed import seed_history, utc  # noqa: F401 - utc: local time is UTC


def chart_text(app, width=96) -> str:
    chart = app.screen.query_one("#chart")
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(chart.render())
    return console.file.getvalue()


async def open_progress(pilot, key="p"):
    await pilot.press(key)
    await pilot.pause()


async def test_progress_opens_on_the_most_done_exercise_at_its_latest_session(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_progress(pilot)
        assert screen_name(app) == "ProgressScreen"
        assert text(app, "#lift-name") == "Progress · Barbell Back Squat"
        assert text(app, "#lift-position") == "exercise 1 of 3"
        assert text(app, "#reading") == "18 Nov 2026: best e1RM 123.3 kg   session 3 of 3"
        drawn = chart_text(app)
        assert "129.5┤" in drawn  # the tallest bar: 105 × (1 + 7/30)
        assert "04 Nov 2026" in drawn and "18 Nov 2026" in drawn
        await pilot.press("left")
        assert text(app, "#reading") == "11 Nov 2026: best e1RM 129.5 kg   session 2 of 3"
        await pilot.press("m")
        assert text(app, "#reading") == "11 Nov 2026: volume 1,575 kg   session 2 of 3"
        await pilot.press("3")
        assert text(app, "#reading") == "11 Nov 2026: time to calm 0:50   session 2 of 3"
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"


async def test_t_shows_every_figure_as_a_table_newest_first(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_progress(pilot)
        await pilot.press("t")
        table = app.screen.query_one("#table")
        assert table.display and not app.screen.query_one("#chart").display
        assert table.rows == [
            ["18 Nov 2026", "1", "123.3", "1,500", "0:40"],
            ["11 Nov 2026", "1", "129.5", "1,575", "0:50"],
            ["04 Nov 2026", "1", "123.3", "1,500", "1:00"],
        ]
        await pilot.press("down")
        assert text(app, "#reading").startswith("11 Nov 2026")
        await pilot.press("z")  # per month
        assert table.rows == [["Nov 2026", "3", "129.5", "4,575", "0:50"]]
        assert "The month's total." not in text(app, "#meaning")  # e1RM: the best of the month
        assert "The best of the month." in text(app, "#meaning")
        await pilot.press("t")
        assert app.screen.query_one("#chart").display


async def test_other_exercises_by_n_and_p_or_by_name(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_progress(pilot)
        await pilot.press("n")
        assert text(app, "#lift-name") == "Progress · Barbell Bench Press"
        assert text(app, "#reading") == "18 Nov 2026: best e1RM 89.4 kg   session 2 of 2"
        await pilot.press("p", "p")  # round to the last one
        assert text(app, "#lift-name") == "Progress · Conventional Deadlift"
        await pilot.press("f", *"squat", "enter")
        assert screen_name(app) == "ProgressScreen"
        assert text(app, "#lift-name") == "Progress · Barbell Back Squat"


async def test_the_history_filter_opens_the_progress_of_that_exercise(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h", "f", *"bench", "enter", "p")
        await pilot.pause()
        assert screen_name(app) == "ProgressScreen"
        assert text(app, "#lift-name") == "Progress · Barbell Bench Press"


async def test_pounds_show_in_pounds(data_dir, tmp_path):
    from tui.settings import Settings

    seed_history(data_dir)
    app = build_app(data_dir, tmp_path, settings=Settings(unit="lb"))
    async with app.run_test(size=(100, 32)) as pilot:
        await open_progress(pilot)
        assert text(app, "#reading") == "18 Nov 2026: best e1RM 271.9 lb   session 3 of 3"


async def test_without_history_progress_says_what_will_come(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_progress(pilot)
        assert "No finished sessions yet" in chart_text(app)
        await pilot.press("left", "m", "n", "t", "z", "t")  # nothing to walk, nothing breaks
        assert screen_name(app) == "ProgressScreen"
