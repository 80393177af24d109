"""The effort model: the lifter's bias from test sets, and reps to failure from each answer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.bias import MIN_PER_EXERCISE, PRIOR_TESTS, Bias, bias_for
from tui.core.calibration import CalibrationSet
from tui.core.effort import PERCEIVED_FLOOR, effort, real_rir

from .conftest import START, make_set


def calibrated(key: str = "barbell_back_squat", said: float = 1, stop: int = 8, total: int = 11):
    """A test set: stopped at `stop` saying `said` left, then went on to `total` reps."""
    return CalibrationSet("s", START, key, key, 100, False, stop, said, total)


# -- bias -----------------------------------------------------------------------------------


def test_without_test_sets_answers_stand_as_they_are():
    bias = bias_for("barbell_back_squat", [])
    assert (bias.reps, bias.n, bias.scope) == (0, 0, "none")
    assert "no test sets" in bias.line


def test_one_test_set_moves_answers_only_a_little():
    # said 1 at 8 reps, did 11: 2 more than felt; shrunk by 3 imagined unbiased tests → +0.5
    bias = bias_for("barbell_back_squat", [calibrated()])
    assert bias.measured == 2 and bias.reps == pytest.approx(2 / (1 + PRIOR_TESTS))
    assert bias.n == 1 and "1 test set on all lifts" in bias.line


def test_many_test_sets_come_close_to_what_they_measured():
    bias = bias_for("barbell_back_squat", [calibrated()] * 10)
    assert bias.reps == pytest.approx(2 * 10 / 13)
    assert bias.scope == "exercise" and "10 test sets on this lift" in bias.line


def test_an_exercise_with_enough_test_sets_uses_its_own():
    others = [calibrated("leg_press", said=1, stop=8, total=13)] * 5  # 4 more than felt
    own = [calibrated(said=1, stop=8, total=9)] * MIN_PER_EXERCISE  # exactly right
    assert bias_for("barbell_back_squat", others + own).reps == 0
    assert bias_for("barbell_back_squat", others + own[:-1]).scope == "all"


def test_a_lifter_who_over_predicts_gets_a_negative_bias():
    bias = bias_for("x", [calibrated(said=3, stop=8, total=9)] * 3)  # said 3, had 1
    assert bias.reps < 0 and "fewer than you feel" in bias.line
    assert bias.corrected(1) == 0  # never below zero


def test_only_the_latest_test_sets_count():
    old = [calibrated(said=0, stop=8, total=13)] * 20  # 5 more, long ago
    recent = [calibrated(said=1, stop=8, total=9)] * 10  # right, lately
    assert bias_for("barbell_back_squat", old + recent).reps == 0


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(5, 12)), max_size=30))
def test_the_shrunk_bias_is_never_further_from_zero_than_the_measured(answers):
    bias = bias_for("k", [calibrated(said=said, stop=5, total=total) for said, total in answers])
    assert abs(bias.reps) <= abs(bias.measured) + 1e-9


# -- effort ---------------------------------------------------------------------------------


def test_reps_to_failure_are_reps_plus_the_corrected_answer():
    done = effort(make_set(100, 7, rir=1), Bias(reps=1.0, n=4, scope="all", measured=1.3))
    assert (done.rir, done.to_failure) == (2, 9)
    assert "you said 1 left" in done.line and "about 2 left" in done.line


def test_a_technical_stop_is_failure_whatever_the_bias():
    broke = effort(replace(make_set(100, 5, rir=0), failure="technical"), Bias(2, 5))
    assert broke.rir == 0 and "failure" in broke.line


def test_a_perceived_stop_counts_at_least_one_more_until_test_sets_say_otherwise():
    assert real_rir(0, "perceived", Bias(), planned=2) == PERCEIVED_FLOOR
    assert real_rir(0, "perceived", Bias(0.5, 2, "all"), planned=2) == PERCEIVED_FLOOR
    assert real_rir(0, "perceived", Bias(2.0, 2, "all"), planned=2) == 2
    assert real_rir(0, "perceived", Bias(0.2, 5, "exercise"), planned=2) == PERCEIVED_FLOOR
    over = Bias(-0.6, 5, "exercise", -1.0)  # five test sets: they have fewer than they say
    assert real_rir(0, "perceived", over, planned=2) == pytest.approx(0.4)
    assert real_rir(0, "perceived", Bias(-0.6, 2, "all"), planned=2) == PERCEIVED_FLOOR


def test_no_answer_is_taken_as_the_planned_effort():
    assert effort(make_set(100, 5, rir=None), Bias(), planned_rir=2).rir == 2
    assert not effort(make_set(100, 5, rir=None), Bias(), planned_rir=2).known


def test_e1rm_is_epley_only_up_to_twelve_reps_to_failure():
    assert effort(make_set(100, 5, rir=2), Bias()).e1rm_kg == pytest.approx(100 * (1 + 7 / 30))
    assert effort(make_set(100, 1, rir=0), Bias()).e1rm_kg == 100
    assert effort(make_set(60, 12, rir=1), Bias()).e1rm_kg is None
    assert effort(make_set(100, 10, rir=1), Bias(2.0, 5)).e1rm_kg is None  # 13 once corrected


def test_pounds_compare_in_kg():
    assert effort(make_set(225, 5, rir=2, unit="lb"), Bias()).weight_kg == pytest.approx(
        102.06, 0.01
    )
