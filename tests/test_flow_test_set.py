"""Test sets at the rack: where "I'm done" was, the guess, and the reps until form broke (Pilot)."""

from tui.core.model import Calibration
from tui.store.repository import Store

from .flow import RestClock, build_app, review_text, screen_name, settle, start_full_body_a, text
from .history_seed import utc  # noqa: F401 - utc: local time is UTC


async def test_a_test_set_logs_one_set_to_technical_failure_with_its_calibration(
    data_dir, tmp_path
):
    app = build_app(data_dir, tmp_path, rest_clock=RestClock())
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter", "2", "enter")  # a normal set first, then its rest
        await pilot.press("t")
        assert screen_name(app) == "FailureTestScreen"
        # the target after 100 × 5 @2 allows for fatigue: 97.5 kg
        assert "Where would you normally have stopped at 97.5 kg?" in text(app, "#ask")
        await pilot.press("8", "enter")
        assert "At 8: could you have done one more rep" in text(app, "#ask")
        await pilot.press("1")
        assert "how many reps when form broke? (at least 8)" in text(app, "#ask")
        await pilot.press("1", "1", "enter")
        assert screen_name(app) == "RestScreen"  # then the rest starts as usual
        await pilot.press("enter")
        assert "you guessed 9 reps in all and did 11: 2 more in the tank" in text(app, "#why")

        tested = app.store.live.sets[-1]
        assert (tested.weight, tested.reps, tested.rir) == (97.5, 11, 0)
        assert tested.failure == "technical"
        assert tested.calibration == Calibration(reps_at_stop=8, predicted_rir=1, total_reps=11)
        assert len(app.store.live.sets) == 2  # one set, not two

        await pilot.press("f", "enter", "r")
        await settle(pilot)
        shown = " ".join(review_text(app).split())  # as read, across wrapped lines
        assert "test: stopped at 8, said 1 more, did 11" in shown
        assert (
            "test sets: At 97.5 kg Barbell Back Squat real failure is about 2 reps further "
            "than you think, from 1 test set."
        ) in shown
    with Store(data_dir) as store:
        [session] = store.finished_sessions()
        assert session.sets[-1].calibration == Calibration(8, 1, 11)


async def test_typed_fast_every_answer_arrives_in_order(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("t", *"80x10", "enter", "n", "1", "2", "enter")
        assert screen_name(app) == "RestScreen"
        tested = app.store.live.sets[-1]
        assert (tested.weight, tested.reps, tested.calibration) == (80, 12, Calibration(10, 0, 12))


async def test_another_weight_and_mistakes_are_told_where_the_lifter_looks(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("t", "enter")
        assert "Type the reps you had done" in text(app, "#error")
        await pilot.press("8", "enter")  # no weight to go by yet: the line says so
        assert "type the weight too. e.g. 100x8" in text(app, "#error")
        await pilot.press("backspace")
        await pilot.press(*"w60x5", "enter")
        assert "working set" in text(app, "#error")
        await pilot.press(*["backspace"] * 5, *"90x6", "enter", "3", "5", "enter")
        assert "the 6 before your stop count too" in text(app, "#error")
        await pilot.press("backspace", "9", "enter")
        assert screen_name(app) == "RestScreen"
        tested = app.store.live.sets[-1]
        assert (tested.weight, tested.reps) == (90, 9)
        assert tested.calibration == Calibration(6, 3, 9)


async def test_escape_backs_out_and_logs_nothing(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("t", "8", "enter", "escape")
        assert screen_name(app) == "LoggingScreen"
        assert app.store.live.sets == ()


async def test_t_is_a_letter_once_something_is_typed(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("1", "t")
        assert screen_name(app) == "LoggingScreen"
        assert text(app, "#entry") == "1t"
