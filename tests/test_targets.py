"""Targets from what was lifted: within a session, the first set of the day, rep ranges."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.bias import Bias
from tui.core.catalog import find
from tui.core.effort import Effort, effort
from tui.core.model import Failure, PlannedExercise
from tui.core.routines import reps_of, routine_from
from tui.core.targets import (
    FATIGUE_REPS,
    Plan,
    fatigue_reps,
    first_of_day,
    loadable,
    within_session,
)

from .conftest import make_set

SQUAT = find("barbell_back_squat")
CURL = find("dumbbell_curl")
PULL_UP = find("pull_up")
FIVE_AT_TWO = Plan(reps=5, rir=2)
NO_BIAS = Bias()


def done(
    weight: float,
    reps: int,
    rir: float | None = 2,
    failure: Failure | None = None,
    *,
    bias: Bias = NO_BIAS,
    unit: str = "kg",
    bodyweight: bool = False,
) -> Effort:
    logged = replace(make_set(weight, reps, rir=rir, unit=unit), failure=failure)
    return effort(replace(logged, bodyweight=bodyweight), bias, planned_rir=2)


def after(*sets: Effort, plan: Plan = FIVE_AT_TWO, lift=SQUAT):
    return within_session(sets, plan, lift)


# -- within a session -----------------------------------------------------------------------


def test_ten_reps_with_one_left_at_a_plan_of_five_at_two_goes_heavier():
    advice = after(done(142.5, 10, 1))
    assert advice.target.weight > 142.5 and advice.target.reps == 5 and advice.target.rir == 2
    assert advice.target.weight <= 142.5 * 1.1 + 2.5  # one step at most 10 %
    assert "142.5 × 10, you said 1 left" in advice.why


def test_a_perceived_stop_after_seven_is_not_one_rep_less():
    advice = after(done(100, 7, 0, "perceived"))
    assert (advice.target.weight, advice.target.reps) != (100, 6)
    assert advice.target.weight == 102.5  # 8 to failure: 5 at 2 left is ~102.7
    assert "felt too heavy" in advice.why


def test_three_or_more_left_at_two_moves_the_load_up():
    assert after(done(100, 5, 3)).target.weight > 100
    assert after(done(100, 5, 5)).target.weight > after(done(100, 5, 3)).target.weight


def test_more_left_than_planned_is_at_least_one_increment_even_with_coarse_steps():
    advice = after(done(20, 10, 3), plan=Plan(10, 2), lift=CURL)  # 2 kg dumbbell steps
    assert advice.target.weight == 22


def test_a_perceived_stop_moves_the_target_up_from_where_a_technical_one_would():
    perceived = after(done(100, 5, 0, "perceived")).target.weight  # counted as 1 left
    assert perceived > after(done(100, 5, 0, "technical")).target.weight


def test_a_perceived_stop_at_the_planned_reps_to_failure_never_goes_below_the_load():
    advice = after(done(100, 6, 0, "perceived"))  # 6 and at least 1 more: 5 at 2 left
    assert advice.target.weight == 100 and "push" in advice.why


def test_a_technical_stop_early_moves_the_load_down():
    advice = after(done(100, 3, 0, "technical"))
    assert advice.target.weight < 100 and "failure" in advice.why


def test_fewer_reps_than_planned_is_never_heavier():
    assert after(done(100, 4, 2)).target.weight <= 100


def test_on_plan_the_next_set_allows_for_fatigue():
    assert within_session([done(100, 5, 2)], FIVE_AT_TWO, SQUAT, fatigue=0).target.weight == 100
    assert after(done(100, 5, 2)).target.weight == 97.5  # 98.7: half a rep for fatigue
    assert "for fatigue" in after(done(100, 5, 2)).why
    assert after(done(100, 5, 2), done(110, 5, 2)).target.weight == 107.5  # the latest most


def test_the_lifters_own_fatigue_from_earlier_sessions():
    steady = [[done(100, 5, 2), done(100, 5, 2), done(100, 5, 2)]] * 3
    tiring = [[done(100, 5, 3), done(100, 5, 2), done(100, 5, 1)]] * 3
    assert fatigue_reps(steady) < FATIGUE_REPS < fatigue_reps(tiring) < 1
    assert fatigue_reps([]) == FATIGUE_REPS


def test_the_latest_set_weighs_most():
    rising = after(done(100, 5, 4), done(100, 5, 3)).target.weight
    falling = after(done(100, 5, 3), done(100, 5, 4)).target.weight
    assert falling >= rising


def test_the_lifters_bias_raises_the_load_when_they_usually_have_more():
    honest = after(done(100, 5, 3)).target.weight
    biased = after(done(100, 5, 3, bias=Bias(1.5, 6, "exercise", 2.0))).target.weight
    assert biased > honest


def test_an_unanswered_set_is_taken_as_planned():
    assert within_session([done(100, 5, None)], FIVE_AT_TWO, SQUAT, 0).target.weight == 100


def test_pounds_stay_pounds_with_the_pound_step():
    advice = after(done(225, 5, 4, unit="lb"))
    assert advice.target.unit == "lb" and advice.target.weight > 225
    assert advice.target.weight % SQUAT.increment("lb") == 0


def test_bodyweight_keeps_the_added_load_and_moves_the_reps():
    advice = after(done(0, 8, 4, bodyweight=True), plan=Plan(8, 2), lift=PULL_UP)
    assert advice.target.bodyweight and advice.target.weight == 0 and advice.target.reps == 10
    broke = after(done(10, 5, 0, "technical", bodyweight=True), plan=Plan(8, 2), lift=PULL_UP)
    assert broke.target.reps <= 5


def test_a_rep_range_adds_reps_at_the_same_load_first():
    advice = after(done(20, 9, 4), plan=Plan(8, 2, top=12), lift=CURL)
    assert (advice.target.weight, advice.target.reps) == (20, 11)


def test_above_the_top_of_a_range_the_load_goes_up():
    advice = after(done(20, 12, 5), plan=Plan(8, 2, top=12), lift=CURL)
    assert advice.target.weight > 20 and advice.target.reps == 12


answers = st.one_of(
    st.tuples(st.integers(0, 5).map(float), st.none()),
    st.just((0.0, "perceived")),
)


@given(
    weight=st.integers(8, 160).map(lambda w: w * 2.5),
    reps=st.integers(1, 15),
    answer=answers,
    planned_reps=st.integers(1, 12),
    planned_rir=st.integers(0, 3).map(float),
    bias=st.floats(-1.5, 3.0),
    n=st.integers(0, 10),
)
def test_never_below_the_set_just_done_when_the_answers_say_push(
    weight, reps, answer, planned_reps, planned_rir, bias, n
):
    said, failure = answer
    last = done(weight, reps, said, failure, bias=Bias(bias if n else 0.0, n, "all", bias))
    plan = Plan(planned_reps, planned_rir)
    target = after(last, plan=plan).target
    planned = planned_reps + planned_rir
    push = last.to_failure >= planned + 1 or (failure == "perceived" and last.to_failure >= planned)
    if push:
        assert target.weight >= weight
    if last.rir >= planned_rir + 1 and reps >= planned_reps and failure is None:
        assert target.weight > weight
    assert target.weight == loadable(target.weight, SQUAT.increment("kg"))  # loadable
    assert weight * 0.9 - 1.25 <= target.weight <= weight * 1.1 + 1.25


# -- rounding -------------------------------------------------------------------------------


@given(st.floats(0, 500), st.sampled_from([1.0, 1.25, 2.0, 2.5, 5.0]))
def test_rounding_is_always_to_a_loadable_weight_and_the_nearest(weight, step):
    loaded = loadable(weight, step)
    assert loaded / step == pytest.approx(round(loaded / step))
    assert abs(loaded - weight) <= step / 2 + 1e-9


def test_the_line_says_which_way_it_rounded():
    assert "rounded up" in after(done(100, 7, 0, "perceived")).why  # 101.3 → 102.5
    assert "rounded down" in after(done(100, 5, 2)).why  # 98.7 → 97.5


# -- the first set of the day ---------------------------------------------------------------


def first(*sessions, plan: Plan = FIVE_AT_TWO, lift=SQUAT):
    return first_of_day(sessions, plan, lift, "kg")


def test_never_done_is_the_plan():
    advice = first(plan=Plan(5, 2, weight=60))
    assert advice.target.weight == 60 and "First time" in advice.why
    assert first().target.weight is None


def test_last_time_ten_with_one_left_is_not_offered_again_for_five_at_two():
    advice = first([done(142.5, 10, 1)])
    assert advice.target.weight > 142.5 and advice.target.reps == 5


def test_every_set_with_more_left_than_planned_adds_an_increment():
    advice = first([done(100, 5, 3), done(100, 5, 3), done(100, 5, 3)])
    assert advice.target.weight >= 102.5 and "you said 3 left" in advice.why
    coarse = first([done(20, 10, 3)], plan=Plan(10, 2), lift=CURL)  # 2 kg dumbbell steps
    assert coarse.target.weight == 22 and "one step up" in coarse.why


def test_the_trend_of_recent_sessions_not_only_last_time():
    steady = [done(100, 5, 2)]
    one_good_day = first(steady, steady, [done(110, 5, 2)]).target.weight
    three_good_days = first([done(110, 5, 2)], [done(110, 5, 2)], [done(110, 5, 2)])
    assert 100 < one_good_day < three_good_days.target.weight == 110
    assert "trend of your last 3 sessions" in three_good_days.why


def test_short_sets_last_time_never_raise_the_load():
    assert first([done(100, 5, 2), done(100, 3, 0, "technical")]).target.weight <= 100


def test_a_tough_day_plans_one_more_in_reserve_and_a_lighter_load():
    planned = PlannedExercise("Squat", reps=5, rir=2)
    tough = first([done(100, 5, 2)], plan=Plan.of(planned, tough=True))
    assert tough.target.rir == 3 and tough.target.weight < 100 and "tough day" in tough.why


def test_double_progression_adds_a_rep_then_load_and_back_to_the_bottom():
    plan = Plan(8, 2, top=12)
    more = first([done(20, 9, 2), done(20, 9, 2)], plan=plan, lift=CURL)
    assert (more.target.weight, more.target.reps) == (20, 10)
    topped = first([done(20, 12, 2), done(20, 12, 2)], plan=plan, lift=CURL)
    assert (topped.target.weight, topped.target.reps) == (22, 8)
    assert "top of 8–12" in topped.why


def test_below_the_bottom_of_a_range_the_load_comes_down():
    low = first([done(30, 5, 0, "technical")], plan=Plan(8, 2, top=12), lift=CURL)
    assert low.target.weight < 30 and low.target.reps == 8


# -- rep ranges in routine files ------------------------------------------------------------


def test_a_routine_can_plan_a_rep_range():
    assert reps_of("8-12") == (8, 12) and reps_of(" 8 – 12 ") == (8, 12) and reps_of(5) == (5, None)
    routine = routine_from({"name": "R", "exercises": [{"name": "Curl", "reps": "8-12"}]}, "r", "f")
    [curl] = routine.exercises
    assert (curl.reps, curl.reps_top) == (8, 12)
    assert Plan.of(curl).top == 12
    assert PlannedExercise.from_dict(curl.to_dict()) == curl
    assert "reps_top" not in PlannedExercise("Curl").to_dict()  # the stored shape is unchanged


@pytest.mark.parametrize("bad", ["12-8", "8-8", "eight", "8-", "-3"])
def test_a_rep_range_must_go_up(bad):
    with pytest.raises(ValueError):
        reps_of(bad)
