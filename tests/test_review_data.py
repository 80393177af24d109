"""The review of one session as typed data: what the table, --json and the screen show."""

import json

import pytest

from tui.application.review import review_of
from tui.core.earlier import Earlier, earlier_than

from .builders import a_session, a_set, last_week, squat, today


def test_a_first_session_has_numbers_but_no_prs_and_no_previous():
    data = review_of(last_week(), Earlier())
    [exercise] = data.exercises
    assert exercise.first_time is True
    assert (exercise.previous, exercise.prs) == (None, ())
    assert exercise.numbers.best_set == "100 kg × 5 @2"
    assert exercise.numbers.e1rm == 123.3  # 100 · (1 + 7/30)
    assert (exercise.numbers.volume, exercise.numbers.top_weight) == (1000, 100)
    assert data.totals.to_json() == {
        "exercises": 1,
        "working_sets": 2,
        "warmup_sets": 0,
        "reps": 10,
        "volume": 1000,
        "prs": 0,
        "first_time": 1,
    }


def test_review_against_the_session_before():
    data = review_of(today(), earlier_than([last_week()], today()))
    squat_row, bench_row = data.exercises
    texts = [s.text for s in squat_row.sets]
    assert texts == ["w 60 kg × 5", "105 kg × 5 @2", "100 kg × 5 @1"]
    assert [s.warmup for s in squat_row.sets] == [True, False, False]
    assert squat_row.sets[0].e1rm is None
    assert squat_row.first_time is False and bench_row.first_time is True
    assert squat_row.previous.change.to_json() == {"e1rm": 6.2, "volume": 25, "top_weight": 5}
    assert squat_row.previous.numbers.best_set == "100 kg × 5 @2"
    assert [p.text for p in squat_row.prs] == [
        "best weight for 5 reps: 105 kg (was 100)",
        "best e1RM: 129.5 kg (was 123.3)",  # 105 · 37/30 against 100 · 37/30
        "best session volume: 1,025 kg (was 1,000)",
    ]
    assert squat_row.sets[1].prs == ("weight_for_reps", "e1rm")
    assert data.totals.prs == 3


def test_review_of_rest_reps_left_stops_and_test_sets():
    data = review_of(today(), Earlier())
    assert data.rest.to_json() == {
        "rests": 4,
        "planned_avg_s": 165,
        "actual_avg_s": 170,
        "over_avg_s": 5,
        "calm_avg_s": 70,
        "calm_count": 2,
    }
    assert data.effort.to_json() == {
        "working_sets": 4,
        "rir_known": 4,
        "rir_avg": 0.75,
        "rir_counts": {"0": 2, "1": 1, "2": 1},
        "perceived": 1,
        "technical": 1,
        "perceived_share": 0.5,
    }
    tested = data.exercises[1].sets[1]
    assert tested.test.to_json() == {
        "reps_at_stop": 6,
        "predicted_rir": 0,
        "total_reps": 8,
        "error": -2,
    }
    assert data.exercises[1].calibration.line == (
        "At 80 kg Bench Press you stop about 2 reps before real failure, from 1 test set."
    )
    assert data.exercises[0].calibration is None
    assert [m.to_json() for m in data.stops_by_month] == [
        {"month": "2026-12", "perceived": 1, "technical": 1, "perceived_share": 0.5}
    ]


def test_review_in_pounds():
    data = review_of(today(), earlier_than([last_week()], today()), unit="lb")
    squat_row = data.exercises[0]
    assert data.unit == "lb"
    assert squat_row.numbers.volume == pytest.approx(2259.7, abs=0.05)  # 1025 kg
    assert squat_row.sets[1].text == "231.5 lb × 5 @2"  # read in the lifter's unit
    assert (squat_row.sets[1].weight, squat_row.sets[1].unit) == (105, "kg")  # kept as lifted
    assert squat_row.prs[0].text == "best weight for 5 reps: 231.5 lb (was 220.5)"


def test_only_sessions_before_count():
    later = a_session(squat(a_set(200, 5, 0)), days=30)
    earlier = earlier_than([last_week(), today(), later], today())
    assert earlier.records.sessions == 1
    assert len(review_of(today(), earlier).exercises[0].prs) == 3


def test_the_review_is_json_and_a_session_without_sets_reads():
    data = review_of(a_session(), Earlier()).to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["exercises"] == [] and data["totals"]["volume"] == 0
    assert data["session"]["duration_s"] == 3600
    assert data["calibration"]["line"] is None
