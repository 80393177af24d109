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


async def test_a_burst_whose_first_letter_arrives_alone_is_still_text(data_dir, tmp_path):
    """In a terminal the keys of a burst come one by one from Textual's input thread, so the
    first letter can be handled before the rest is there: it waits a moment for them."""
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        app.key_gate.lone_key_wait_s = 0.05  # as in a terminal (Pilot's keys come at once)
        burst(app, "f")  # finish, were it alone
        await pilot.pause()  # handled, with nothing behind it yet
        burst(app, "elt strong, 2 coffees")
        await settled(pilot, app, "felt strong, 2 coffees")
        assert screen_name(app) == "LoggingScreen"  # no finish dialog, no settings
        assert app.screen.query_one("#entry").value == "felt strong, 2 coffees"


async def test_a_lone_command_letter_in_a_terminal_runs_after_its_moment(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter", "2")
        await pilot.press("enter")  # skip the rest
        app.key_gate.lone_key_wait_s = 0.05
        burst(app, "u")
        await pilot.pause()
        assert len(app.store.live.sets) == 1  # still waiting for what may follow
        for _ in range(50):
            await pilot.pause(0.01)
            if not app.store.live.sets:
                break
        assert app.store.live.sets == ()  # undone
        assert app.screen.query_one("#entry").value == ""
