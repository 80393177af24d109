"""Sessions, exercises and sets built in one line each, for the tests of training figures."""

from dataclasses import replace
from datetime import timedelta

from tui.core.model import Calibration, ExerciseLog, Session, SetLog, new_id

from .conftest import START

LB_100_KG = 220.46226218  # 100 kg in lb


def a_set(
    weight=100.0,
    reps=5,
    rir=None,
    *,
    kind="working",
    unit="kg",
    bodyweight=False,
    failure=None,
    planned=None,
    rested=None,
    calm=None,
):
    return SetLog(
        id=new_id(),
        kind=kind,
        weight=weight,
        reps=reps,
        logged_at=START,
        unit=unit,
        bodyweight=bodyweight,
        rir=rir,
        failure=failure,
        rest_planned_s=planned,
        rest_actual_s=rested,
        calm_after_s=calm,
    )


def an_exercise(*sets, name="Barbell Back Squat", catalog_id="barbell_back_squat"):
    return ExerciseLog(id=new_id(), name=name, catalog_id=catalog_id, sets=tuple(sets))


def a_session(*exercises, days=0):
    at = START + timedelta(days=days)
    return Session(
        id=new_id(),
        name="A",
        started_at=at,
        ended_at=at + timedelta(hours=1),
        exercises=tuple(exercises),
    )


# -- two sessions a week apart: a review of the second has a last time and a test set --


def squat(*sets):
    return an_exercise(*sets)


def bench(*sets):
    return an_exercise(*sets, name="Bench Press", catalog_id="barbell_bench_press")


def last_week():
    return a_session(squat(a_set(100, 5, 2), a_set(100, 5, 2)))


def today():
    tested = replace(
        a_set(80, 8, 0, failure="technical", planned=180, rested=200),
        calibration=Calibration(6, 0, 8),
    )
    return a_session(
        squat(
            a_set(60, 5, kind="warmup"),
            a_set(105, 5, 2, planned=180, rested=190, calm=60),
            a_set(100, 5, 1, failure=None, planned=180, rested=170, calm=80),
        ),
        bench(a_set(80, 5, 0, failure="perceived", planned=120, rested=120), tested),
        days=7,
    )
