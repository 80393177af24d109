from tui.core.catalog import find
from tui.core.entry import SetInput
from tui.core.live import Live, RestTaken, plan_session, planned_for
from tui.core.routines import BUILT_IN

from .conftest import START

FULL_BODY_A = BUILT_IN[0]


def new_live():
    return Live(
        plan_session("Full body A", FULL_BODY_A.exercises, START, routine_id=FULL_BODY_A.id)
    )


def test_a_planned_session_has_one_empty_exercise_per_planned_one():
    live = new_live()
    assert [e.name for e in live.session.exercises] == [p.name for p in FULL_BODY_A.exercises]
    assert live.exercise.name == "Barbell Back Squat" and live.set_number == 1


def test_logging_counts_working_sets_not_warm_ups():
    live, _ = new_live().log(SetInput(60, 5, "kg", warmup=True), START)
    assert live.set_number == 1
    live, logged = live.log(SetInput(100, 5, "kg", rir=2), START)
    assert live.set_number == 2 and logged.kind == "working" and logged.rir == 2


def test_the_rest_just_taken_is_stamped_on_the_next_set_only():
    live, _ = new_live().log(SetInput(100, 5, "kg"), START)
    live = live.rested(RestTaken(planned_s=180, actual_s=201.26, calm_after_s=48.0))
    live, second = live.log(SetInput(100, 5, "kg"), START)
    assert (second.rest_planned_s, second.rest_actual_s, second.calm_after_s) == (180, 201.3, 48.0)
    live, third = live.log(SetInput(100, 5, "kg"), START)
    assert third.rest_actual_s is None


def test_the_answer_is_recorded_on_the_set():
    live, logged = new_live().log(SetInput(100, 5, "kg"), START)
    live = live.answer(logged.id, 0, "perceived")
    [saved] = live.session.sets
    assert (saved.rir, saved.failure) == (0, "perceived")


def test_undo_removes_the_last_set_of_the_current_exercise():
    live, first = new_live().log(SetInput(100, 5, "kg"), START)
    live, second = live.log(SetInput(100, 4, "kg"), START)
    live, undone = live.undo()
    assert undone == second and live.session.sets == (first,)
    assert new_live().undo()[1] is None


def test_moving_stays_within_the_session():
    live = new_live()
    assert live.move(-1).position == 0
    assert live.move(1).exercise.name == "Barbell Bench Press"
    assert live.move(100).position == len(FULL_BODY_A.exercises) - 1


def test_resume_starts_at_the_first_exercise_with_sets_to_do():
    live = new_live()
    for _ in range(3):
        live, _ = live.log(SetInput(100, 5, "kg"), START)
    resumed = Live.resume(live.session)
    assert resumed.exercise.name == "Barbell Bench Press"


def test_swapping_an_untouched_exercise_replaces_it_keeping_the_plan():
    live = new_live().swap(find("hack_squat"))
    assert live.exercise.name == "Hack Squat" and live.exercise.planned.sets == 3
    assert len(live.session.exercises) == len(FULL_BODY_A.exercises)


def test_swapping_after_sets_were_logged_keeps_them_and_adds_the_rest():
    live, _ = new_live().log(SetInput(100, 5, "kg"), START)
    live = live.swap(find("leg_press"))
    assert [e.name for e in live.session.exercises[:2]] == ["Barbell Back Squat", "Leg Press"]
    assert live.exercise.name == "Leg Press" and live.exercise.planned.sets == 2
    assert len(live.session.sets) == 1


def test_adding_an_exercise_puts_it_next_and_goes_there():
    live = new_live().add_exercise(planned_for(find("face_pull")))
    assert live.position == 1 and live.exercise.name == "Face Pull"


def test_a_session_from_nothing_starts_empty_and_grows():
    live = Live(plan_session("Session", (), START))
    assert live.exercise is None and live.set_number == 0
    live = live.add_exercise(planned_for(find("dip")))
    assert live.position == 0 and live.exercise.name == "Dip"
