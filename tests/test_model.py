from dataclasses import replace
from datetime import datetime

import pytest

from tui.core.model import (
    Calibration,
    CheckIn,
    ExerciseLog,
    ModelError,
    PlannedExercise,
    Session,
    SetLog,
    max_weight,
    new_id,
)

from .conftest import START, make_session, make_set


def test_ids_are_uuids_made_by_the_client():
    first, second = new_id(), new_id()
    assert first != second and len(first) == 36 and first.count("-") == 4


def test_a_set_survives_a_round_trip_through_its_dict():
    original = replace(
        make_set(62.5, 8, rir=1.5),
        failure="perceived",
        rest_planned_s=180,
        rest_actual_s=201.5,
        note="felt fast",
        calibration=Calibration(8, 1.5, 11),
    )
    assert SetLog.from_dict(original.to_dict()) == original


def test_a_session_survives_a_round_trip_through_its_dict():
    session = replace(make_session(), checkin=CheckIn(sleep=2, stress=3, energy=4), notes="hot gym")
    assert Session.from_dict(session.to_dict()) == session


@pytest.mark.parametrize("rir", [0, 0.5, 2, 9.5, 10])
def test_reps_in_reserve_in_half_steps_are_accepted(rir):
    assert make_set(rir=rir).rir == rir


@pytest.mark.parametrize("rir", [-0.5, 10.5, 1.3])
def test_reps_in_reserve_outside_half_steps_from_0_to_10_are_refused(rir):
    with pytest.raises(ModelError, match="half steps"):
        make_set(rir=rir)


@pytest.mark.parametrize(("weight", "unit"), [(-1, "kg"), (1000.5, "kg"), (2205, "lb")])
def test_weight_outside_0_to_1000_kg_is_refused(weight, unit):
    with pytest.raises(ModelError, match="weight"):
        make_set(weight, unit=unit)


def test_the_lb_limit_is_the_kg_limit_converted():
    assert max_weight("lb") == pytest.approx(2204.6)
    assert make_set(2204, unit="lb").weight == 2204


@pytest.mark.parametrize("reps", [-1, 101])
def test_reps_outside_0_to_100_are_refused(reps):
    with pytest.raises(ModelError, match="reps"):
        make_set(reps=reps)


def test_times_without_a_utc_offset_are_refused():
    with pytest.raises(ModelError, match="offset"):
        SetLog(id="a", kind="working", weight=1, reps=1, logged_at=datetime(2026, 1, 1))


def test_unknown_kind_unit_and_failure_are_refused():
    for change in ({"kind": "drop"}, {"unit": "stone"}, {"failure": "mental"}):
        with pytest.raises(ModelError):
            replace(make_set(), **change)


@pytest.mark.parametrize("value", [0, 6, True, "3"])
def test_check_in_answers_are_1_to_5(value):
    with pytest.raises(ModelError, match="1–5"):
        CheckIn(sleep=value)


def test_warm_ups_add_no_volume():
    assert make_set(100, 5, kind="warmup").volume == 0
    assert make_set(100, 5).volume == 500


def test_logging_a_set_with_a_known_id_replaces_it():
    exercise = ExerciseLog(id="e", name="Squat")
    first = make_set(100, 5)
    exercise = exercise.with_set(first).with_set(replace(first, reps=6))
    assert [s.reps for s in exercise.sets] == [6]
    assert exercise.without_set(first.id).sets == ()


def test_the_same_exercise_is_recognised_across_sessions_by_catalog_id_or_name():
    assert (
        ExerciseLog(id="a", name="Squat", catalog_id="barbell_back_squat").key
        == "barbell_back_squat"
    )
    assert (
        ExerciseLog(id="a", name="  Zercher   Squat ").key
        == ExerciseLog(id="b", name="zercher squat").key
    )


def test_a_session_in_progress_has_no_end_and_finishing_sets_it():
    session = Session(id="s", name="A", started_at=START)
    assert not session.finished
    assert session.finish(START).finished


def test_test_set_prediction_error_is_stop_plus_predicted_minus_total():
    assert Calibration(reps_at_stop=8, predicted_rir=1, total_reps=11).prediction_error == -2


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "x"},  # no started_at
        {"id": "x", "started_at": "yesterday"},
        {"id": "x", "started_at": "2026-01-01T10:00:00"},  # no offset
        {"id": "x", "started_at": "2026-01-01T10:00:00+00:00", "exercises": "squat"},
        {
            "id": "x",
            "started_at": "2026-01-01T10:00:00+00:00",
            "exercises": [{"name": "Squat", "sets": [{"reps": "five"}]}],
        },
        "not a session",
    ],
)
def test_malformed_session_records_give_a_model_error(bad):
    with pytest.raises(ModelError):
        Session.from_dict(bad)


def test_planned_exercises_are_checked():
    with pytest.raises(ModelError):
        PlannedExercise(name="Squat", sets=0)
    assert PlannedExercise(name="Squat", sets=5, reps=5, rir=2, rest_s=180).sets == 5
