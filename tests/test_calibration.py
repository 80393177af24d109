"""Test sets: how far "I'm done" sits from real failure, and whether the guesses get closer."""

from dataclasses import replace

import pytest

from tui.application.review import calibration_line, trend_words
from tui.core.calibration import (
    CalibrationLog,
    by_exercise,
    calibration_sets,
    stops_by_month,
    summarize,
)
from tui.core.model import Calibration

from .builders import a_session, a_set, an_exercise


def a_test_set(stop, said, total, weight=80.0, **more):
    """A test set: stopped at `stop` reps, said `said` more, then did `total` in all."""
    return replace(a_set(weight, total, said, **more), calibration=Calibration(stop, said, total))


def squat_tests(*answers, weight=80.0, name="Squat", catalog_id="squat", **more):
    """Test sets of one exercise in one session, each (reps at stop, said RIR, total reps)."""
    exercise = an_exercise(
        *(a_test_set(*a, weight=weight, **more) for a in answers), name=name, catalog_id=catalog_id
    )
    return calibration_sets(a_session(exercise))


def test_a_test_set_is_found_with_its_prediction_error():
    session = a_session(an_exercise(a_set(100, 5, 2), a_test_set(6, 1, 9)))
    [found] = calibration_sets(session)
    assert (found.reps_at_stop, found.predicted_rir, found.total_reps) == (6, 1, 9)
    assert found.error == -2  # (6 + 1) − 9: two more reps than predicted
    assert found.reps_left_at_stop == 3
    assert (found.session_id, found.weight_kg) == (session.id, 80)
    assert found.exercise_key == "barbell_back_squat"


def test_a_session_without_test_sets_has_none():
    assert calibration_sets(a_session(an_exercise(a_set()))) == []


def test_summary_averages_the_error_and_has_no_trend_below_four_test_sets():
    summary = summarize(squat_tests((5, 0, 8), (5, 1, 7), (6, 0, 7)))  # errors −3, −1, −1
    assert summary.test_sets == 3
    assert summary.average_error == pytest.approx(-5 / 3)
    assert summary.average_predicted_rir == pytest.approx(1 / 3)
    assert summary.trend is None


def test_trend_is_the_later_half_against_the_earlier_half():
    summary = summarize(squat_tests((5, 0, 9), (5, 0, 8), (5, 0, 6), (5, 0, 5)))  # −4 −3 | −1 0
    assert (summary.earlier_error, summary.later_error) == (-3.5, -0.5)
    assert summary.trend == 3


def test_with_an_odd_count_the_middle_test_set_is_left_out_of_the_trend():
    summary = summarize(squat_tests((5, 0, 9), (5, 0, 8), (5, 0, 20), (5, 0, 6), (5, 0, 5)))
    assert (summary.earlier_error, summary.later_error) == (-3.5, -0.5)


def test_no_test_sets_no_summary_and_no_line():
    assert summarize([]) is None
    assert calibration_line([]) is None


def test_by_exercise():
    tests = squat_tests((5, 0, 7)) + squat_tests((8, 1, 9), name="Bench", catalog_id="bench")
    summaries = by_exercise(tests)
    assert {key: s.average_error for key, s in summaries.items()} == {"squat": -2, "bench": 0}


@pytest.mark.parametrize(
    "answers, line",
    [
        (
            [(5, 0, 7)] * 5,
            "At 80 kg Squat you stop about 2 reps before real failure, from 5 test sets.",
        ),
        (
            [(5, 2, 10)],
            "At 80 kg Squat real failure is about 3 reps further than you think, from 1 test set.",
        ),
        (
            [(5, 3, 7)],
            "At 80 kg Squat real failure comes about 1 rep sooner than you think, from 1 test set.",
        ),
        (
            [(5, 2, 7), (5, 2, 7), (5, 1, 7)],
            "At 80 kg Squat your guess of reps left is about right, from 3 test sets.",
        ),
    ],
)
def test_the_plain_line(answers, line):
    assert calibration_line(squat_tests(*answers)) == line


def test_the_line_gives_the_load_range_in_the_lifters_unit():
    tests = squat_tests((5, 0, 7), weight=100) + squat_tests((5, 0, 7), weight=110)
    assert calibration_line(tests, "lb").startswith("At 220.5–242.5 lb Squat you stop about 2 reps")


def test_the_line_for_bodyweight_and_for_several_lifts():
    pull_ups = squat_tests(
        (5, 0, 7), weight=0, name="Pull-up", catalog_id="pull_up", bodyweight=True
    )
    assert calibration_line(pull_ups).startswith("At bodyweight Pull-up you stop")
    across = calibration_line(pull_ups + squat_tests((5, 0, 7)))
    assert across.startswith("Across your lifts you stop")


@pytest.mark.parametrize(
    "answers, words",
    [
        ([(5, 0, 9), (5, 0, 8), (5, 0, 6), (5, 0, 5)], "your guesses are getting closer"),
        ([(5, 0, 5), (5, 0, 6), (5, 0, 8), (5, 0, 9)], "your guesses are drifting further off"),
        (
            [(5, 0, 7), (5, 0, 8), (5, 0, 8), (5, 0, 7)],
            "your guesses are about as close as at first",
        ),
        ([(5, 0, 7)], None),
    ],
)
def test_trend_in_words(answers, words):
    assert trend_words(summarize(squat_tests(*answers))) == words


def stops(*failures, days=0):
    return a_session(an_exercise(*(a_set(rir=0, failure=f) for f in failures)), days=days)


def test_perceived_and_technical_stops_by_month():
    sessions = [
        stops("perceived", "perceived", "technical", days=0),  # 25 Nov 2026
        stops("technical", days=3),  # 28 Nov
        stops(None, days=10),  # December, no stop
        stops("perceived", days=40),  # January 2027
    ]
    months = stops_by_month(sessions)
    assert [(m.month, m.perceived, m.technical) for m in months] == [
        ("2026-11", 2, 2),
        ("2027-01", 1, 0),
    ]
    assert [m.perceived_share for m in months] == [0.5, 1.0]


def test_warm_ups_are_no_stops_and_no_history_has_no_months():
    warm_up = a_session(an_exercise(a_set(60, 5, 0, kind="warmup", failure="perceived")))
    assert stops_by_month([warm_up]) == []
    assert stops_by_month([]) == []


def test_a_log_with_one_more_session_leaves_the_original_as_it_was():
    log = CalibrationLog()
    log.add(stops("perceived"))
    later = a_session(an_exercise(a_test_set(5, 0, 7)), days=1)
    more = log.with_session(later)
    assert (len(log.sets), log.stops) == (0, {"2026-11": [1, 0]})
    assert (len(more.sets), more.stops) == (1, {"2026-11": [1, 0]})
