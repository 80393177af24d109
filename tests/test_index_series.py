"""Per-exercise lift rows kept by the store, and the progress series and filters built from them."""

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest

from tui.core.model import ExerciseLog, Session, new_id
from tui.core.progress_series import by_month, lift_days, lifts_done, points, sessions_with
from tui.core.stats import progress
from tui.core.summary import lift_rows
from tui.store.repository import Store

from .builders import a_set
from .conftest import START, make_session


def a_session(at, *exercises):
    logs = tuple(
        ExerciseLog(id=new_id(), name=name, catalog_id=catalog_id, sets=tuple(sets))
        for name, catalog_id, sets in exercises
    )
    return Session(
        id=new_id(),
        name="Full body A",
        started_at=at,
        ended_at=at + timedelta(hours=1),
        exercises=logs,
    )


SQUAT = ("Barbell Back Squat", "barbell_back_squat")
PULL_UP = ("Pull-up", None)


def test_a_summary_keeps_each_exercises_best_e1rm_volume_and_time_to_calm():
    session = a_session(
        START,
        (
            *SQUAT,
            [
                a_set(60, 5, kind="warmup"),  # never counted
                a_set(100, 5, rir=2, calm=40),  # e1RM 100 × (1 + 7/30) = 123.33
                a_set(105, 3, rir=0, calm=60),  # e1RM 105 × 1.1 = 115.5
            ],
        ),
        (*PULL_UP, [a_set(0, 8, bodyweight=True), a_set(10, 5, bodyweight=True)]),
    )

    lifts = lift_rows(session)
    figures = ("name", "working_sets", "best_e1rm_kg", "volume_kg", "calm_avg_s")

    assert {k: lifts["barbell_back_squat"][k] for k in figures} == {
        "name": "Barbell Back Squat",
        "working_sets": 2,
        "best_e1rm_kg": 123.33,
        "volume_kg": 815.0,
        "calm_avg_s": 50.0,
    }
    assert {k: lifts["name:pull-up"][k] for k in figures} == {  # bodyweight: no e1RM
        "name": "Pull-up",
        "working_sets": 2,
        "best_e1rm_kg": None,
        "volume_kg": 50.0,
        "calm_avg_s": None,
    }


def test_pounds_are_kept_in_kg():
    session = a_session(START, (*SQUAT, [a_set(225, 1, unit="lb")]))
    figures = lift_rows(session)["barbell_back_squat"]
    assert figures["best_e1rm_kg"] == pytest.approx(102.06, abs=0.01)
    assert figures["volume_kg"] == pytest.approx(102.06, abs=0.01)


def history():
    return [
        a_session(START, (*SQUAT, [a_set(100, 5, rir=2, calm=40)])),
        a_session(
            START + timedelta(days=3),
            (*SQUAT, [a_set(60, 5, kind="warmup")]),
            (*PULL_UP, [a_set(0, 10, bodyweight=True)]),
        ),
        a_session(
            START + timedelta(days=7),
            (*SQUAT, [a_set(110, 3, rir=1, calm=80), a_set(110, 3, rir=0, calm=100)]),
        ),
    ]


def rows_of(sessions, key):
    return [rows[key] for s in sessions if key in (rows := lift_rows(s))]


def test_the_series_from_lift_rows_match_the_series_from_history():
    sessions = history()

    days = lift_days(rows_of(reversed(sessions), "barbell_back_squat"))  # any order
    expected = progress(sessions)["barbell_back_squat"]

    # warm-ups only is not done
    assert [d.session_id for d in days] == [sessions[0].id, sessions[2].id]
    for metric in ("best_e1rm_kg", "volume_kg", "calm_avg_s"):
        got, want = points(days, metric), getattr(expected, metric)
        assert [day for day, _ in got] == [day for day, _ in want]
        assert [value for _, value in got] == pytest.approx([value for _, value in want], abs=0.01)
    assert points(days, "calm_avg_s") == [(date(2026, 11, 25), 40.0), (date(2026, 12, 2), 90.0)]


def test_by_month_takes_the_best_e1rm_the_total_volume_and_the_average_calm():
    sessions = history() + [a_session(START + timedelta(days=1), (*SQUAT, [a_set(90, 5)]))]
    days = lift_days(rows_of(sessions, "barbell_back_squat"))

    november, december = by_month(days)

    assert (november.day, november.sessions) == (date(2026, 11, 1), 2)
    assert november.best_e1rm_kg == pytest.approx(123.33)  # 100 × 5 @2 beats 90 × 5
    assert november.volume_kg == 950  # 500 + 450
    assert november.calm_avg_s == 40  # the session without a calm time is left out
    assert (december.day, december.volume_kg, december.calm_avg_s) == (date(2026, 12, 1), 660, 90)


def test_exercises_done_most_often_come_first_and_filters_find_their_sessions(data_dir, clock):
    sessions = history()
    with Store(data_dir, now=clock) as store:
        assert lifts_done(store.lifts_done()) == []
        store.add_finished(sessions)
        assert [(lift.name, lift.sessions) for lift in lifts_done(store.lifts_done())] == [
            ("Barbell Back Squat", 2),
            ("Pull-up", 1),
        ]
        summaries = store.summaries()
        squat = sessions_with(summaries, store.lift_rows("barbell_back_squat"))
        assert len(squat) == 3  # warm-ups count here
        assert len(sessions_with(summaries, store.lift_rows("name:pull-up"))) == 1


# -- the index on disk ----------------------------------------------------------------


def as_first_release_wrote_it(data_dir):
    """The derived files as the first release left them: one index.json whose summaries
    carry the per-exercise figures, no summaries.json, no lift files, no PRs."""
    path = data_dir / "index.json"
    data = json.loads(path.read_text())
    index = data["index"]["1"]
    summaries = json.loads((data_dir / "summaries.json").read_text())["summaries"]["1"]
    for summary in summaries.values():
        del summary["prs"]
        summary["lifts"] = {}
    data["index"]["1"] = {
        "sessions": summaries,
        "exercises": index["exercises"],
        "deleted": index["deleted"],
    }
    path.write_text(json.dumps(data))
    (data_dir / "summaries.json").unlink()
    for lift_file in (data_dir / "lifts").iterdir():
        lift_file.unlink()


def test_an_index_of_the_first_release_is_rebuilt_on_open(data_dir, clock):
    kept, deleted = make_session(at=START), make_session(at=START + timedelta(days=2))
    heavier = make_session(at=START + timedelta(days=4), weight=110)
    with Store(data_dir, now=clock) as store:
        store.add_finished([kept, deleted, heavier])
        store.delete_session(deleted.id, clock())
    as_first_release_wrote_it(data_dir)

    with Store(data_dir, now=clock) as store:
        newest, _ = store.summaries()
        assert newest.prs == {"barbell_back_squat": 3}  # weight for 5 reps, e1RM, volume
        assert store.lift_rows("barbell_back_squat")[0]["volume_kg"] == 1500
        assert store.tombstone(deleted.id) is not None  # deletions survive the rebuild
        assert store.notices == []  # nothing for the lifter to worry about
    on_disk = json.loads((data_dir / "index.json").read_text())["index"]["1"]
    assert on_disk["about"]["count"] == 2  # written back: the next start reads it as it is
    assert "sessions" not in on_disk
    assert (data_dir / "summaries.json").exists()
    assert (data_dir / "lifts" / "barbell_back_squat.json").exists()


def test_an_edit_updates_the_figures_and_a_delete_drops_them(data_dir, clock):
    session = make_session(at=START)
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        squat = session.exercises[0]
        heavier = replace(squat.sets[0], weight=120.0, edited_at=clock())
        store.add_finished([session.with_set(squat.id, heavier).edited(clock())])
        [row] = store.lift_rows("barbell_back_squat")
        assert row["volume_kg"] == 1600
        store.delete_session(session.id, clock())
        assert store.lift_rows("barbell_back_squat") == []
        assert lifts_done(store.lifts_done()) == []
