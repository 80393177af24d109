"""Text typed into the entry line is text, at any speed: a burst or a paste never runs a
command, while a command letter on a truly empty line still does."""

from __future__ import annotations

from .flow import build_app, burst, screen_name, start_full_body_a, text


async def settled(pilot, app, value: str) -> None:
    for _ in range(100):
        await pilot.pause(0.01)
        if app.screen.query_one("#entry").value == value:
            return


async def test_a_burst_that_starts_with_a_digit_is_typed_not_run(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        burst(app, "1e")
        await settled(pilot, app, "1e")
        assert screen_name(app) == "LoggingScreen"  # no edit dialog
        assert app.screen.query_one("#entry").value == "1e"


async def test_words_typed_fast_stay_words(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        burst(app, "x hello")
        await settled(pilot, app, "x hello")
        assert screen_name(app) == "LoggingScreen"  # no note dialog from the o
        assert app.screen.query_one("#entry").value == "x hello"


async def test_a_long_paste_of_keys_is_one_line_of_text_and_logs_nothing(data_dir, tmp_path):
    pasted = ("note to self: squat felt heavy, try a pause at the bottom, ask about reps " * 4)[
        :280
    ]
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        burst(app, pasted)
        await settled(pilot, app, pasted)
        assert screen_name(app) == "LoggingScreen"
        assert app.screen.query_one("#entry").value == pasted
        assert app.store.live.sets == ()


async def test_a_command_letter_on_an_empty_line_still_runs(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter", "2")
        await pilot.press("enter")  # skip the rest
        burst(app, "u")
        for _ in range(50):
            await pilot.pause(0.01)
            if not app.store.live.sets:
                break
        assert app.store.live.sets == ()
        assert "Set 1 of 3" in text(app, "#set-number")


async def test_editing_keys_in_a_burst_keep_their_place_among_the_letters(data_dir, tmp_path):
    """Backspace, ctrl+u and the arrows are the line's own bindings; typed in one burst with
    letters they act where they were typed, not after the letters that followed them."""
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        burst(app, "100x4", "backspace", "5")
        await settled(pilot, app, "100x5")
        assert app.screen.query_one("#entry").value == "100x5"
        burst(app, "ctrl+u", "60x7")
        await settled(pilot, app, "60x7")
        assert app.screen.query_one("#entry").value == "60x7"
        burst(app, "home", "1", "end", "@2")
        await settled(pilot, app, "160x7@2")
        assert app.screen.query_one("#entry").value == "160x7@2"
