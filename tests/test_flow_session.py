"""A live session driven by the keyboard, as at the rack (Pilot, injected clocks)."""

from textual.widgets import Input

from tui.settings import Settings
from tui.store.repository import Store
from tui.widgets.big_text import BigText

from .conftest import FakeClock
from .flow import RestClock, build_app, burst, screen_name, start_full_body_a, text


async def test_check_in_plan_log_answer_rest_finish(data_dir, tmp_path):
    clock = RestClock()
    app = build_app(data_dir, tmp_path, rest_clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot, ("4", "4", "4"))
        assert screen_name(app) == "LoggingScreen"
        assert "Barbell Back Squat" in text(app, "#exercise-name")
        assert "Set 1 of 3" in text(app, "#set-number")

        await pilot.press(*"100x5", "enter")
        assert screen_name(app) == "OneMoreScreen"
        assert "one more rep" in text(app, "#ask")
        await pilot.press("2")
        assert screen_name(app) == "RestScreen"
        assert app.screen.query_one("#countdown", BigText).value == "3:00"
        assert "Barbell Back Squat, set 2" in text(app, "#next-set")

        clock.seconds += 45
        await pilot.press("c")  # breathing calm after 45 s
        clock.seconds += 150
        app.screen.tick()
        assert app.screen.query_one("#countdown", BigText).value == "+0:15"
        assert app.screen.has_class("over")
        await pilot.press("enter")
        assert screen_name(app) == "LoggingScreen"
        assert "Set 2 of 3" in text(app, "#set-number")

        await pilot.press("enter")  # empty line: the target, 97.5 x 5 (fatigue after 100 x 5 @2)
        await pilot.press("escape")  # skip the question
        await pilot.press("enter")  # and the rest
        await pilot.press("f", "enter")
        assert screen_name(app) == "SummaryScreen"
        await pilot.press("enter")
        assert screen_name(app) == "HomeScreen"
        assert "No session in progress" in text(app, "#in-progress")

    with Store(data_dir) as store:
        [session] = list(store.finished_sessions())
        first, second = session.sets
        assert (first.weight, first.reps, first.rir) == (100, 5, 2)
        assert first.rest_actual_s is None
        assert (second.weight, second.reps, second.rir) == (97.5, 5, None)  # skipped: unknown
        assert (second.rest_planned_s, second.rest_actual_s, second.calm_after_s) == (180, 195, 45)
        assert session.checkin.sleep == 4


async def test_a_bad_entry_shows_inline_and_keeps_what_was_typed(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x", "enter")
        assert "reps" in text(app, "#error").lower()
        assert app.screen.query_one(Input).value == "100x"
        assert app.store.live.sets == ()
        await pilot.press("5", "enter")  # fixing it logs it
        assert screen_name(app) == "OneMoreScreen"


async def test_an_empty_line_without_any_target_weight_says_what_to_type(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("enter")
        assert "e.g." in text(app, "#error")
        assert app.store.live.sets == ()


async def test_at_zero_reps_left_it_asks_what_stopped_the_set(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x7", "enter", "n")
        assert "What stopped you?" in text(app, "#ask")
        await pilot.press("p")
        await pilot.press("enter")  # leave the rest
        assert app.store.live.sets[0].failure == "perceived"
        assert app.store.live.sets[0].rir == 0
        # Form held, it only felt heavy: at least one more was there, so 8 reps to failure;
        # the next 5 at 2 left is heavier (not "100 × 6"), and the line says why.
        assert "102.5 kg × 5" in text(app, "#target-line")
        assert "Plates: 25 + 15 + 1.25 per side" in text(app, "#plates")
        assert "felt too heavy" in text(app, "#why")


async def test_three_reps_left_when_aiming_low_moves_the_weight_up(data_dir, tmp_path):
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "heavy.toml").write_text(
        'name = "Heavy"\n[[exercises]]\nname = "Squat (Barbell)"\n'
        "sets = 3\nreps = 5\nrir = 1\nweight = 100\n"
    )
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press(
            "end", "up", "enter", "enter", "enter", "enter", "enter"
        )  # the user's routine
        assert "Target: 100 kg × 5, 1 rep in reserve" in text(app, "#target-line")
        assert "Warm-up: 20 × 10 · 40 × 5 · 60 × 3 · 80 × 2" in text(app, "#warm-ups")
        await pilot.press(*"w40x5", "enter")  # a warm-up as the line suggests
        assert screen_name(app) == "RestScreen"  # a short rest after it
        await pilot.press("escape")
        assert "Warm-up:" in text(app, "#warm-ups")  # until the first working set
        await pilot.press("enter", "3", "enter")  # the target, and 3 reps were left
        assert text(app, "#warm-ups") == ""
        assert "105 kg × 5" in text(app, "#target-line")  # 8 to failure, not the planned 6
        assert "you said 3 left. Next 5 at 1 left, less 0.5 rep for fatigue: 105 kg" in text(
            app, "#why"
        )


async def test_keys_typed_during_rest_are_not_lost(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter", "2", *"102.5x5", "enter")
        assert screen_name(app) == "OneMoreScreen"  # the second set went in whole
        assert [s.weight for s in app.store.live.sets] == [100, 102.5]


async def test_undo_edit_and_moving_between_exercises(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"w60x5", "enter")  # a warm-up: no question, a short rest
        assert screen_name(app) == "RestScreen"
        await pilot.press(*"100x5@2", "enter", "enter")  # typed during the rest
        assert [s.kind for s in app.store.live.sets] == ["warmup", "working"]

        await pilot.press("u")
        assert [s.kind for s in app.store.live.sets] == ["warmup"]
        await pilot.press("e", "1")
        assert app.screen.query_one("#line", Input).value == "w60x5"
        app.screen.query_one("#line", Input).value = "w70x5"
        await pilot.press("enter")
        [warmup] = app.store.live.sets
        assert warmup.weight == 70 and warmup.edited_at is not None

        await pilot.press("n")
        assert "Barbell Bench Press" in text(app, "#exercise-name")
        await pilot.press("p")
        assert "Barbell Back Squat" in text(app, "#exercise-name")


async def test_swap_for_a_free_machine_and_add_an_exercise(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("s")
        assert screen_name(app) == "ExercisePicker"
        await pilot.press(*"hack", "enter")
        assert "Hack Squat" in text(app, "#exercise-name")
        await pilot.press("a", *"face pull", "enter")
        assert "Face Pull" in text(app, "#exercise-name")
        await pilot.press("a", *"Zercher carry", "enter")  # not in the catalog: Enter asks
        assert screen_name(app) == "ExercisePicker"
        await pilot.press("up", "enter")  # ↑: the last line adds it as the lifter's own
        assert "Zercher carry" in text(app, "#exercise-name")
        names = [e.name for e in app.store.live.exercises]
        assert names[:3] == ["Hack Squat", "Face Pull", "Zercher carry"]


async def test_a_note_is_kept_with_the_exercise(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("o", *"belt on", "enter")
        assert app.store.live.exercises[0].notes == "belt on"


async def test_letters_are_commands_only_on_an_empty_line(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"bw+10", "n")  # typing: n is just a letter
        assert app.screen.query_one(Input).value == "bw+10n"
        assert "Barbell Back Squat" in text(app, "#exercise-name")


async def test_a_session_is_resumed_after_a_restart(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        for _ in range(3):
            await pilot.press(*"100x5@2", "enter", "enter")
        await pilot.press(*"80x5@2", "enter", "enter")
    app.store.close()
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        assert "4 sets saved" in text(app, "#in-progress")
        await pilot.press("r")
        assert screen_name(app) == "RestScreen"  # left in a rest: it goes on from the last set
        await pilot.press("enter")
        assert screen_name(app) == "LoggingScreen"
        assert "Barbell Bench Press" in text(app, "#exercise-name")
        assert "Set 2 of 3" in text(app, "#set-number")
        assert "80 kg × 5" in text(app, "#target-line")


async def test_a_low_day_proposes_a_simpler_plan_the_lifter_can_toggle(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "2", "2", "2")
        assert screen_name(app) == "PlanScreen"
        changes = text(app, "#changes")
        assert "Barbell Back Squat → Hack Squat" in changes and "One set fewer" in changes
        await pilot.press("1")  # keep the back squat today
        await pilot.press("enter")
        live = app.store.live
        assert live.exercises[0].name == "Barbell Back Squat"
        assert live.exercises[0].planned.sets == 2
        assert live.exercises[0].planned.rest_s == 210


async def test_rest_keys_longer_shorter_pause(data_dir, tmp_path):
    clock = RestClock()
    app = build_app(data_dir, tmp_path, rest_clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter")
        countdown = app.screen.query_one("#countdown", BigText)
        await pilot.press("up")
        assert countdown.value == "3:30"
        await pilot.press("down", "down")
        assert countdown.value == "2:30"
        await pilot.press("space")
        clock.seconds += 60
        app.screen.tick()
        assert countdown.value == "2:30" and "PAUSED" in text(app, "#rest-status")
        assert app.active_bindings["space"].binding.description == "Go on"  # the footer's word
        await pilot.press("space")
        assert app.active_bindings["space"].binding.description == "Pause"
        clock.seconds += 30
        app.screen.tick()
        assert countdown.value == "2:00"


async def test_the_bell_rings_once_when_rest_is_over_if_wanted(data_dir, tmp_path):
    clock = RestClock()
    app = build_app(data_dir, tmp_path, rest_clock=clock)
    rings = []
    app.bell = lambda: rings.append(clock.seconds)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter")
        clock.seconds += 180
        app.screen.tick()
        app.screen.tick()
        assert len(rings) == 1
    quiet = build_app(tmp_path / "other", tmp_path, rest_clock=clock, settings=Settings(bell=False))
    quiet.bell = lambda: rings.append("quiet")
    async with quiet.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter")
        clock.seconds += 200
        quiet.screen.tick()
        assert rings == [rings[0]] and quiet.screen.has_class("over")


async def test_the_question_can_be_turned_off(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path, settings=Settings(ask_one_more=False))
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter")
        assert screen_name(app) == "RestScreen"


async def test_leaving_rest_before_calm_says_so_in_one_friendly_line(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter")
        assert any("slow breaths" in n.message for n in app._notifications)


async def test_an_empty_session_opens_the_picker_and_grows(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("e", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert screen_name(app) == "ExercisePicker"
        await pilot.press(*"dip", "enter")
        assert "Dip" in text(app, "#exercise-name")


async def test_finishing_with_nothing_logged_keeps_nothing(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press("f", "enter")
        assert screen_name(app) == "HomeScreen"
        assert app.store.live is None and app.store.session_count == 0


async def test_the_summary_shows_volume_prs_and_the_change_against_last_time(data_dir, tmp_path):
    wall = FakeClock()
    app = build_app(data_dir, tmp_path, wall=wall)
    async with app.run_test(size=(110, 50)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter", "f", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "First time with this plan" in text(app, "#routine-change")
        assert "first time" in text(app, "#review")
        await pilot.press("enter")
        wall.advance(2 * 24 * 3600)
        await start_full_body_a(pilot)
        await pilot.press(*"105x5@2", "enter", "enter", *"105x5@1", "enter", "enter", "f", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = text(app, "#review")
        assert "105 kg × 5 @2" in summary and "PR" in summary
        change = text(app, "#routine-change").replace("\u00a0", " ")
        assert "volume +550 kg, working sets +1" in change


async def test_a_burst_of_keys_across_screen_changes_loses_nothing(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        burst(
            app,
            "100x5",
            "enter",
            "2",
            "enter",
            "102.5x5",
            "enter",
            "n",
            "t",
            "enter",
            "100x4",
            "enter",
        )
        for _ in range(50):
            await pilot.pause(0.02)
            if len(app.store.live.sets) == 3 and screen_name(app) == "OneMoreScreen":
                break
        sets = app.store.live.sets
        assert [(s.weight, s.reps) for s in sets] == [(100, 5), (102.5, 5), (100, 4)]
        assert [s.rir for s in sets[:1]] == [2]
        assert (sets[1].rir, sets[1].failure) == (0, "technical")


async def test_the_warm_up_line_can_be_turned_off(data_dir, tmp_path):
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "heavy.toml").write_text(
        'name = "Heavy"\n[[exercises]]\nname = "Squat (Barbell)"\nreps = 5\nweight = 100\n'
    )
    app = build_app(data_dir, tmp_path, settings=Settings(warmup_ramp=False))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("end", "up", "enter", "enter", "enter", "enter", "enter")
        assert "Target: 100 kg × 5" in text(app, "#target-line")
        assert "Plates: 25 + 15 per side" in text(app, "#plates")
        assert text(app, "#warm-ups") == ""
