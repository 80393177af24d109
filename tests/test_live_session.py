"""The live session's use cases, without a screen: what is logged, saved, targeted and rested.

Each test reads what a lifter would notice back from disk (a fresh Store on the same folder),
not only from the object's own state.
"""

from __future__ import annotations

import errno
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from reliability.disks import InjectedDisk
from tui.application.journal import Journal
from tui.application.live_session import LiveSession
from tui.application.results import (
    AddExerciseFirst,
    Changed,
    EntryProblem,
    Finished,
    Logged,
    NotFinished,
    NothingLogged,
    Unchanged,
)
from tui.application.sessions import Sessions
from tui.application.test_set import FailureTest
from tui.core.catalog import find
from tui.core.entry import SetInput
from tui.core.live import Live
from tui.core.model import (
    Calibration,
    CheckIn,
    ExerciseLog,
    PlannedExercise,
    Routine,
    Session,
    SetLog,
)
from tui.settings import Settings
from tui.store.repository import Store

from .conftest import FakeClock, make_session, make_set

SQUAT = PlannedExercise(
    "Barbell Back Squat", sets=2, reps=5, rir=2, weight=100, catalog_id="barbell_back_squat"
)
CURL = PlannedExercise("Barbell Curl", sets=2, reps=10, rir=1, weight=30, catalog_id="barbell_curl")
ROUTINE = Routine("test", "Test day", (SQUAT, CURL))


def started(
    store: Store,
    clock: FakeClock,
    routine: Routine | None = ROUTINE,
    settings: Settings | None = None,
    checkin: CheckIn | None = None,
) -> LiveSession:
    sessions = Sessions(store, settings=lambda: settings or Settings(), now=clock)
    plan = sessions.plan(routine, checkin or CheckIn())
    live, notice = sessions.start(plan)
    assert notice is None
    return live


def on_disk(data_dir: Path):
    with Store(data_dir) as store:
        return store.live


def logged(result: object) -> Logged:
    assert isinstance(result, Logged), result
    return result


def test_a_typed_set_is_on_disk_when_submit_returns_and_the_question_comes(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        result = logged(live.submit("100x5"))
        assert result.ask and result.rest is None
        assert (result.set_log.weight, result.set_log.reps, result.set_log.rir) == (100, 5, None)
        assert not live.view().unsaved
    [saved] = on_disk(data_dir).sets
    assert (saved.weight, saved.reps) == (100, 5)


def test_an_empty_line_logs_the_target_but_not_its_rir_as_an_answer(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        result = logged(started(store, clock).submit(""))
    assert (result.set_log.weight, result.set_log.reps, result.set_log.rir) == (100, 5, None)


def test_an_at_answers_the_question_itself_and_the_rest_starts(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        result = logged(started(store, clock).submit("100x5 @1"))
    assert not result.ask and result.set_log.rir == 1
    assert result.rest is not None and result.rest.seconds == 180


def test_a_line_that_cannot_be_logged_says_why_and_saves_nothing(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        result = started(store, clock).submit("100x")
    assert isinstance(result, EntryProblem) and "reps" in result.message.lower()
    assert on_disk(data_dir).sets == ()


def test_an_empty_session_asks_for_an_exercise_first(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        assert isinstance(started(store, clock, routine=None).submit("60x8"), AddExerciseFirst)


def test_the_answer_is_kept_and_a_perceived_stop_moves_the_next_target_up(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        first = logged(live.submit("100x7")).set_log  # the plan: 5 at 2 left
        answered = live.answer(first.id, 0, "perceived")
        assert answered.rest is not None and answered.rest.seconds == 180
        view = live.view()
        # 7 reps and at least one more: 8 to failure, so 5 at 2 left is heavier than 100
        assert view.target is not None and (view.target.weight, view.target.reps) == (102.5, 5)
        assert "felt too heavy" in view.why
    saved = on_disk(data_dir).sets[0]
    assert (saved.rir, saved.failure) == (0, "perceived")


def test_the_coach_line_of_one_exercise_never_shows_on_another(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.answer(logged(live.submit("100x5")).set_log.id, 0, "perceived")
        assert live.view().why
        live.move(1)
        assert live.view().exercise.name == "Barbell Curl"
        assert "felt too heavy" not in live.view().why
        live.move(-1)
        assert live.view().why  # still there for the squat's next set


def test_skipping_the_question_leaves_the_rir_unknown_and_rests(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        first = logged(live.submit("100x5")).set_log
        assert live.skip_answer(first.id).rest is not None
    assert on_disk(data_dir).sets[0].rir is None


def test_after_the_last_planned_set_the_rest_says_the_next_exercise(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.submit("100x5 @2")
        rest = logged(live.submit("100x5 @2")).rest
        assert rest is not None and rest.next_up is not None
        assert (rest.next_up.exercise, rest.next_up.set_number) == ("Barbell Curl", 1)
        assert rest.seconds == 180  # the squat's rest, not the curl's
        assert live.view().exercise.name == "Barbell Curl"


def test_the_routines_rest_wins_then_the_lifters_then_the_lifts(data_dir, clock):
    own = Settings(rest_compound_s=240, rest_isolation_s=75)
    routine = Routine(
        "r",
        "R",
        (
            PlannedExercise(
                "Barbell Back Squat", sets=3, rest_s=150, catalog_id="barbell_back_squat"
            ),
            PlannedExercise("Barbell Curl", sets=1, catalog_id="barbell_curl"),
        ),
    )
    with Store(data_dir, now=clock) as store:
        live = started(store, clock, routine, settings=own)
        assert logged(live.submit("100x5 @2")).rest.seconds == 150
        live.move(1)
        assert logged(live.submit("30x10 @2")).rest.seconds == 75


def test_an_added_exercise_and_an_empty_session_follow_the_lifters_rests(data_dir, clock):
    own = Settings(rest_compound_s=200, rest_isolation_s=70)
    with Store(data_dir, now=clock) as store:
        live = started(store, clock, routine=None, settings=own)
        live.add(find("barbell_curl"))
        assert logged(live.submit("30x10 @2")).rest.seconds == 70
        live.add(find("barbell_back_squat"))
        assert logged(live.submit("100x5 @2")).rest.seconds == 200
        rest = live.rest_now()
        assert rest.seconds == 200


def test_a_short_rest_follows_a_warm_up_without_the_question(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        result = logged(started(store, clock).submit("w60x5"))
    assert not result.ask and result.set_log.kind == "warmup"
    assert result.rest is not None and result.rest.seconds == 60


def test_undo_brings_back_the_target_and_the_unit_from_before_the_mistake(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.submit("200x15 @2")
        assert live.view().target.weight == 220  # 17 to failure: 5 at 2 left, 10 % up at most
        undone = live.undo()
        assert isinstance(undone, Changed) and undone.undone.weight == 200
        target = live.view().target
        assert (target.weight, target.reps, target.unit) == (100, 5, "kg")
        live.submit("225lbx5 @2")
        assert live.view().target.unit == "lb"
        live.undo()
        assert live.view().target.unit == "kg"
        assert logged(live.submit("")).set_log.weight == 100  # Enter logs the real target
    assert [s.weight for s in on_disk(data_dir).sets] == [100]


def test_undo_after_a_resume_works_the_target_out_from_what_is_left(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.submit("100x5 @2")
        live.submit("110x5 @2")
    with Store(data_dir, now=clock) as store:
        resumed = Sessions(store, settings=Settings, now=clock).resume()
        resumed.move(-1)  # the squat's two sets are done: it resumed on the curl
        assert resumed.view().target.weight == 107.5  # 110 × 5 @2, half a rep for fatigue
        resumed.undo()
        assert resumed.view().target.weight == 97.5  # worked out again from 100 × 5 @2


def test_nothing_to_undo_is_said_not_done(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        assert isinstance(started(store, clock).undo(), Unchanged)


def test_an_edit_keeps_the_set_id_and_moves_the_next_target(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        first = logged(live.submit("100x5 @2")).set_log
        clock.advance(60)
        assert isinstance(live.edit(first.id, SetInput(105, 5, "kg", rir=2)), Changed)
        assert live.view().target.weight == 102.5  # from 105 × 5 @2, less fatigue (not 97.5)
        assert isinstance(live.edit(first.id, SetInput(105, 5, "kg", rir=2)), Unchanged)
    [saved] = on_disk(data_dir).sets
    assert (saved.id, saved.weight, saved.edited_at) == (first.id, 105, clock())


def test_exercises_can_be_swapped_removed_and_reordered(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.move(1)
        assert isinstance(live.move_exercise(-1), Changed)
        assert [e.name for e in live.session.exercises] == ["Barbell Curl", "Barbell Back Squat"]
        assert isinstance(live.move_exercise(-1), Unchanged)
        live.swap(find("dumbbell_curl"))
        assert live.view().exercise.name == "Dumbbell Curl"
        live.submit("12x10 @2")
        assert isinstance(live.remove_exercise(), Unchanged)  # it has a set
        live.move(1)
        assert isinstance(live.remove_exercise(), Changed)
    assert [e.name for e in on_disk(data_dir).exercises] == ["Dumbbell Curl"]


def test_a_note_is_kept_on_the_exercise(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.note("knees out")
        assert live.note_text() == ("Barbell Back Squat", "knees out")
    assert on_disk(data_dir).exercises[0].notes == "knees out"


def test_a_test_set_is_one_set_to_technical_failure_with_its_calibration(data_dir, clock):
    test = FailureTest(SetInput(100, 9, "kg", rir=0), Calibration(6, 1, 9))
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        result = live.log_test_set(test)
        assert result.rest is not None and not result.ask
        assert "2 more in the tank" in live.view().why
    [saved] = on_disk(data_dir).sets
    assert (saved.reps, saved.rir, saved.failure) == (9, 0, "technical")
    assert saved.calibration == Calibration(6, 1, 9)


def test_finish_files_the_session_into_history(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.submit("100x5 @2")
        result = live.finish()
        assert isinstance(result, Finished)
    with Store(data_dir) as store:
        assert store.live is None
        [session] = list(store.finished_sessions())
        assert session.id == result.session.id and len(session.sets) == 1


def test_finishing_with_nothing_logged_keeps_nothing(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        assert isinstance(started(store, clock).finish(), NothingLogged)
    with Store(data_dir) as store:
        assert store.live is None and list(store.finished_sessions()) == []


def test_discard_drops_the_session_in_progress(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.submit("100x5 @2")
        assert isinstance(live.discard(), NothingLogged)
    assert on_disk(data_dir) is None


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only")]
)
def test_a_failed_save_keeps_the_set_marked_says_so_once_and_retries(data_dir, clock, code, reason):
    with Store(data_dir, now=clock) as store, InjectedDisk(code) as disk:
        live = started(store, clock)
        disk.fill()
        first = logged(live.submit("100x5 @2"))
        assert first.notice is not None and reason in first.notice
        second = logged(live.submit("100x5 @2"))
        assert second.notice is None  # told once
        assert live.view().unsaved == {first.set_log.id, second.set_log.id}
        assert live.retry_save() is None  # still full
        assert isinstance(live.finish(), NotFinished)
        disk.free()
        assert live.retry_save() == "Saved: every set is on disk again."
        assert not live.view().unsaved
    assert len(on_disk(data_dir).sets) == 2


def test_a_finish_that_fails_keeps_the_session_in_progress(data_dir, clock):
    with Store(data_dir, now=clock) as store, InjectedDisk(errno.ENOSPC, only="2026.json") as disk:
        live = started(store, clock)
        live.submit("100x5 @2")
        disk.fill()
        result = live.finish()
        assert isinstance(result, NotFinished) and result.message.startswith("Not finished")
        disk.free()
        assert isinstance(live.finish(), Finished)


def test_a_read_only_store_keeps_the_sets_on_screen_and_says_why(data_dir, clock, tmp_path):
    with Store(data_dir, now=clock) as holder:
        holder.save_session(make_session().finish(clock()))  # anything: the folder is held
        with Store(data_dir, now=clock) as second:
            assert second.read_only
            journal = Journal(second)
            live = LiveSession(
                Live(make_session()), store=second, journal=journal, settings=Settings, now=clock
            )
            result = logged(live.submit("100x5 @2"))
            assert "another OneMore" in result.notice
            assert result.set_log.id in live.view().unsaved


def test_a_lifter_who_reads_lb_gets_last_times_kg_as_a_target_in_lb(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        store.add_finished([make_session(weight=100)])  # imported in kg
        live = started(store, clock, settings=Settings(unit="lb"))
        target = live.view().target
        assert (target.weight, target.unit) == (220, "lb")  # 220.46 lb, to a 5 lb step
        logged(live.submit("225x5 @2"))
    [set_log] = on_disk(data_dir).exercises[0].sets
    assert (set_log.weight, set_log.unit) == (225, "lb")  # typed without a unit: lb


def test_a_set_typed_with_its_unit_keeps_it(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock, settings=Settings(unit="lb"))
        logged(live.submit("100kgx5 @2"))
    [set_log] = on_disk(data_dir).exercises[0].sets
    assert (set_log.weight, set_log.unit) == (100, "kg")


def test_a_load_five_times_the_target_is_asked_about_then_logged_as_typed(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)  # the squat's target: 100 kg
        problem = live.submit("1000x5")
        assert isinstance(problem, EntryProblem)
        assert "far from the 100 kg target" in problem.message
        assert on_disk(data_dir).exercises[0].sets == ()
        assert isinstance(live.submit("10x5"), EntryProblem)  # a tenth: asked too
        logged(live.submit("10x5"))  # the same line again: meant
        logged(live.submit("12.5x5"))  # near the target (now 10 kg): no question
        logged(live.submit("w2.5x10"))  # a light warm-up is no slip
    assert [s.weight for s in on_disk(data_dir).exercises[0].sets] == [10, 12.5, 2.5]


def test_an_exercise_added_on_a_tough_day_rests_longer_too(data_dir, clock):
    low = CheckIn(sleep=1, stress=1, energy=1)
    with Store(data_dir, now=clock) as store:
        tough = started(store, clock, checkin=low)  # every change of the tough day taken
        tough.add(find("barbell_curl"))
        assert tough.rest_now().seconds == find("barbell_curl").rest_s + 30
    with Store(data_dir / "normal", now=clock) as store:
        normal = started(store, clock)
        normal.add(find("barbell_curl"))
        assert normal.rest_now().seconds == find("barbell_curl").rest_s


def test_a_resume_goes_to_the_exercise_left_off_and_its_rest_goes_on(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        live = started(store, clock)
        live.move(1)  # the curl first today
        logged(live.submit("30x10 @1"))
        clock.advance(40)  # resting: then the app is closed
    with Store(data_dir, now=clock) as store:
        sessions = Sessions(store, settings=Settings, now=clock)
        resumed = sessions.resume()
        assert resumed.view().exercise.name == "Barbell Curl"  # not the squat, first in order
        left_off = resumed.rest_left_off()
        assert left_off is not None and left_off.elapsed_s == 40
        clock.advance(60 * 60)
        assert resumed.rest_left_off() is None  # an hour later: not a rest any more


# -- the coach of issue 14, through the live session ------------------------------------------


def filed(store: Store, clock: FakeClock, *sets: SetLog, lift: PlannedExercise = SQUAT) -> None:
    """A finished session a few days back with `sets` of `lift`."""
    log = ExerciseLog(id="past", name=lift.name, catalog_id=lift.catalog_id, sets=sets)
    at = clock() - timedelta(days=3)
    store.add_finished([Session("past", "Leg day", at, at + timedelta(hours=1), exercises=(log,))])


def test_the_first_target_comes_from_what_was_lifted_last_time(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        filed(store, clock, make_set(142.5, 10, rir=1))
        view = started(store, clock).view()
    # 142.5 × 10 with 1 left is 11 to failure: 5 at 2 left is heavier (at most 10 % more)
    assert view.target.weight > 142.5 and view.target.reps == 5
    assert "Last time 142.5 × 10, you said 1 left" in view.why


def test_test_sets_before_today_correct_the_answers_and_say_so(data_dir, clock):
    tested = replace(
        make_set(100, 8, rir=0),
        failure="technical",
        calibration=Calibration(reps_at_stop=5, predicted_rir=1, total_reps=8),  # 2 more
    )
    with Store(data_dir, now=clock) as store:
        filed(store, clock, make_set(100, 5, rir=2), tested)
        live = started(store, clock)
        live.answer(logged(live.submit("100x5")).set_log.id, 2)
        view = live.view()
    # one test set found 2 more than felt; shrunk as if 3 more had found none: +0.5
    assert "your 1 test set on all lifts say you usually have 2.0 more" in view.why
    assert "(counted as +0.5)" in view.why and view.target.weight >= 100


def test_a_tough_day_plans_one_more_rep_in_reserve(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        filed(store, clock, make_set(60, 10, rir=1), lift=CURL)
        low = CheckIn(sleep=1, stress=2, energy=2)
        view = started(store, clock, Routine("c", "Curls", (CURL,)), checkin=low).view()
    assert view.target.rir == 2 and view.target.weight < 60 and "tough day" in view.why


def test_jumpy_answers_on_a_machine_suggest_a_test_set_for_the_last_set(data_dir, clock):
    press = PlannedExercise("Leg Press", sets=2, reps=10, rir=2, catalog_id="leg_press")
    with Store(data_dir, now=clock) as store:
        filed(store, clock, make_set(200, 10, rir=2), lift=press)
        live = started(store, clock, Routine("p", "Press", (press,)))
        live.submit("240x10 @2")  # 20 % more than last time at the same effort
        assert "make this last set a test set (t)?" in live.view().why
        live.submit("240x10 @2")
        assert "test set" not in live.view().why  # only before the last planned set
