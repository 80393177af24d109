"""Training numbers, each checked against a figure worked out by hand."""

from datetime import date

import pytest

from tui.core.model import ExerciseLog, Session
from tui.core.stats import (
    best_set,
    change,
    e1rm,
    effort_numbers,
    exercise_numbers,
    exercises_of,
    in_unit,
    progress,
    rest_numbers,
    set_e1rm,
    volume_kg,
)

from .builders import LB_100_KG, a_session, a_set, an_exercise
from .conftest import START

# -- e1RM --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "weight, reps, rir, expected",
    [
        (100, 5, None, 116.667),  # 100 · (1 + 5/30)
        (100, 5, 0, 116.667),
        (100, 5, 2, 123.333),  # 7 reps to failure: 100 · (1 + 7/30)
        (100, 5, 1.5, 121.667),  # 6.5 reps to failure
        (60, 12, None, 84.0),  # 12 reps to failure is still trusted
        (140, 1, None, 140.0),  # a true single is its own 1RM
        (140, 1, 0, 140.0),
    ],
)
def test_e1rm_is_epley_on_reps_to_failure(weight, reps, rir, expected):
    assert e1rm(weight, reps, rir) == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(
    "weight, reps, rir",
    [
        (60, 13, None),  # too far from a single to trust
        (60, 10, 3),  # 10 done + 3 in reserve = 13 to failure
        (100, 0, None),  # nothing lifted
        (100, 0, 3),
    ],
)
def test_e1rm_is_none_where_it_cannot_be_trusted(weight, reps, rir):
    assert e1rm(weight, reps, rir) is None


def test_set_e1rm_is_in_kg_and_none_for_bodyweight_and_warm_ups():
    pounds = a_set(225, 5, 0, unit="lb")
    assert set_e1rm(pounds) == pytest.approx(119.068, abs=1e-3)  # 102.058 kg · 7/6
    assert set_e1rm(a_set(20, 5, 0, bodyweight=True)) is None
    assert set_e1rm(a_set(60, 5, kind="warmup")) is None


# -- volume ------------------------------------------------------------------------------------


def test_volume_counts_working_sets_only():
    sets = [a_set(60, 5, kind="warmup"), a_set(100, 5), a_set(100, 5)]
    assert volume_kg(sets) == 1000


def test_volume_of_mixed_kg_and_lb_is_in_kg():
    assert volume_kg([a_set(100, 5), a_set(LB_100_KG, 5, unit="lb")]) == pytest.approx(1000)


def test_volume_of_bodyweight_sets_counts_only_the_added_load():
    assert volume_kg([a_set(20, 5, bodyweight=True), a_set(0, 10, bodyweight=True)]) == 100


def test_volume_of_nothing_is_zero():
    assert volume_kg([]) == 0


def test_in_unit_turns_kg_into_the_lifters_unit():
    assert in_unit(100, "kg") == 100
    assert in_unit(100, "lb") == pytest.approx(LB_100_KG)


# -- best set and one exercise -----------------------------------------------------------------


def test_best_set_has_the_highest_e1rm():
    heavy_single, reps = a_set(120, 1, 0), a_set(100, 8, 0)  # e1RM 120 vs 126.7
    assert best_set([heavy_single, reps]) is reps


def test_best_set_ignores_warm_ups_and_empty_sets():
    working = a_set(80, 5)
    assert best_set([a_set(140, 3, kind="warmup"), a_set(150, 0), working]) is working
    assert best_set([a_set(60, 5, kind="warmup")]) is None
    assert best_set([]) is None


def test_best_bodyweight_set_is_the_heaviest_then_the_most_reps():
    plain, loaded, loaded_more_reps = (
        a_set(0, 12, bodyweight=True),
        a_set(10, 5, bodyweight=True),
        a_set(10, 6, bodyweight=True),
    )
    assert best_set([plain, loaded, loaded_more_reps]) is loaded_more_reps


def test_on_a_tie_the_earlier_set_is_best():
    first, second = a_set(100, 5, 2), a_set(100, 5, 2)
    assert best_set([first, second]) is first


def test_exercise_numbers_of_a_session():
    exercise = an_exercise(
        a_set(60, 5, kind="warmup"), a_set(100, 5, 2), a_set(105, 3, 1), a_set(90, 8, 0)
    )
    numbers = exercise_numbers(exercise)
    assert (numbers.working_sets, numbers.warmup_sets, numbers.reps) == (3, 1, 16)
    # 100 · 37/30 = 123.3 beats 105 · 34/30 = 119 and 90 · 38/30 = 114
    assert numbers.best_set is exercise.sets[1]
    assert numbers.best_e1rm_kg == pytest.approx(123.333, abs=1e-3)
    assert numbers.volume_kg == 500 + 315 + 720
    assert numbers.top_weight_kg == 105


def test_exercise_numbers_of_warm_ups_only():
    numbers = exercise_numbers(an_exercise(a_set(60, 5, kind="warmup")))
    assert (numbers.best_set, numbers.best_e1rm_kg, numbers.top_weight_kg) == (None, None, None)
    assert numbers.volume_kg == 0


def test_an_exercise_done_twice_in_a_session_counts_as_one():
    early, late = an_exercise(a_set(100, 5)), an_exercise(a_set(90, 8))
    bench = an_exercise(a_set(80, 5), name="Bench Press", catalog_id="barbell_bench_press")
    joined = exercises_of(a_session(early, bench, late))
    assert [e.key for e in joined] == ["barbell_back_squat", "barbell_bench_press"]
    assert joined[0].sets == early.sets + late.sets


def test_change_against_the_previous_time():
    before = exercise_numbers(an_exercise(a_set(100, 5, 0), a_set(100, 5, 0)))
    now = exercise_numbers(an_exercise(a_set(105, 5, 0), a_set(100, 5, 0)))
    delta = change(now, before)
    assert delta.best_e1rm_kg == pytest.approx(5 * 7 / 6)  # 122.5 − 116.7
    assert delta.volume_kg == 25
    assert delta.top_weight_kg == 5


def test_change_has_no_e1rm_for_bodyweight_work():
    before = exercise_numbers(an_exercise(a_set(0, 8, bodyweight=True)))
    now = exercise_numbers(an_exercise(a_set(5, 8, bodyweight=True)))
    delta = change(now, before)
    assert delta.best_e1rm_kg is None
    assert (delta.volume_kg, delta.top_weight_kg) == (40, 5)


# -- rest and effort ---------------------------------------------------------------------------


def test_rest_numbers_over_working_sets():
    sets = [
        a_set(60, 5, kind="warmup", planned=60, rested=30, calm=10),  # not counted
        a_set(planned=180, rested=200, calm=60),
        a_set(planned=180, rested=160, calm=80),
        a_set(planned=120, rested=None),
        a_set(planned=None, rested=150),
    ]
    rest = rest_numbers(sets)
    assert rest.rests == 3
    assert rest.planned_avg_s == 160  # (180 + 180 + 120) / 3
    assert rest.actual_avg_s == 170  # (200 + 160 + 150) / 3
    assert rest.over_avg_s == 0  # (+20 − 20) / 2
    assert (rest.calm_avg_s, rest.calm_count) == (70, 2)


def test_rest_numbers_without_timed_rests():
    rest = rest_numbers([a_set()])
    assert rest.rests == 0
    assert (rest.planned_avg_s, rest.actual_avg_s, rest.calm_avg_s) == (None, None, None)


def test_effort_numbers_count_reps_left_and_stops_on_working_sets():
    sets = [
        a_set(60, 5, 0, kind="warmup", failure="perceived"),  # not counted
        a_set(rir=2),
        a_set(rir=1),
        a_set(rir=1),
        a_set(rir=None),
        a_set(rir=0, failure="perceived"),
        a_set(rir=0, failure="perceived"),
        a_set(rir=0, failure="technical"),
    ]
    effort = effort_numbers(sets)
    assert (effort.working_sets, effort.rir_known) == (7, 6)
    assert effort.rir_avg == pytest.approx(4 / 6)
    assert effort.rir_counts == {0: 3, 1: 2, 2: 1}
    assert list(effort.rir_counts) == [0, 1, 2]
    assert (effort.perceived, effort.technical, effort.stops) == (2, 1, 3)
    assert effort.perceived_share == pytest.approx(2 / 3)


def test_effort_numbers_of_no_sets():
    effort = effort_numbers([])
    assert (effort.rir_avg, effort.perceived_share, effort.rir_counts) == (None, None, {})


# -- progress ----------------------------------------------------------------------------------


def test_progress_has_one_point_per_session_oldest_first():
    sessions = [
        a_session(an_exercise(a_set(100, 5, 0, calm=60), a_set(100, 5, 0, calm=90)), days=0),
        a_session(an_exercise(a_set(60, 5, kind="warmup"), a_set(110, 3, 0)), days=3),
    ]
    squat = progress(sessions)["barbell_back_squat"]
    first, second = date(2026, 11, 25), date(2026, 11, 28)
    assert squat.name == "Barbell Back Squat"
    assert squat.best_e1rm_kg == [
        (first, pytest.approx(116.667, abs=1e-3)),
        (second, pytest.approx(121.0)),
    ]
    assert squat.volume_kg == [(first, 1000), (second, 330)]
    assert squat.calm_avg_s == [(first, 75)]  # no calm time logged in the second session


def test_progress_of_bodyweight_work_has_volume_but_no_e1rm():
    pull_up = an_exercise(a_set(10, 5, bodyweight=True), name="Pull-up", catalog_id="pull_up")
    line = progress([a_session(pull_up)])["pull_up"]
    assert (line.best_e1rm_kg, line.volume_kg) == ([], [(date(2026, 11, 25), 50)])


def test_progress_of_no_history_and_of_warm_ups_only():
    assert progress([]) == {}
    assert progress([a_session(an_exercise(a_set(60, 5, kind="warmup")))]) == {}


def test_exercises_planned_but_not_done_are_left_out_of_the_review():
    from .conftest import make_set

    done = ExerciseLog(id="a", name="Squat", sets=(make_set(),))
    skipped = ExerciseLog(id="b", name="Bench Press")
    session = Session(id="s", name="A", started_at=START, exercises=(done, skipped))
    assert [e.name for e in exercises_of(session)] == ["Squat"]
