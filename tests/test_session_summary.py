"""One finished session in a line (`SessionSummary`): kept in the index as the same JSON as
before, read back whole, and a damaged one set aside instead of breaking the history list."""

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from tui.core.model import Calibration, ModelError
from tui.core.summary import SessionSummary, session_summary
from tui.store.repository import Store

from .builders import a_session, a_set, an_exercise
from .conftest import START, make_session


def session_with_a_test_set():
    """Squat with a warm-up, a test set taken to form failure and a set that felt too heavy."""
    test = replace(a_set(80, 8, 0, failure="technical"), calibration=Calibration(6, 0, 8))
    session = a_session(
        an_exercise(a_set(60, 5, kind="warmup"), a_set(100, 5, 2), test),
        an_exercise(a_set(135, 5, 0, unit="lb", failure="perceived"), name="Bench Press"),
    )
    return replace(session, routine_id="full-body-a")


def test_a_summary_is_kept_as_the_same_json_record_as_before():
    session = session_with_a_test_set()
    record = session_summary(session).to_record()
    assert record == {
        "id": session.id,
        "name": "A",
        "routine_id": "full-body-a",
        "started_at": "2026-11-25T18:00:00+00:00",
        "ended_at": "2026-11-25T19:00:00+00:00",
        "working_sets": 3,
        "warmup_sets": 1,
        "volume_kg": 1446.2,  # 500 + 640 + 135 lb × 5
        "prs": {},
        "tests": [
            {
                "key": "barbell_back_squat",
                "name": "Barbell Back Squat",
                "weight_kg": 80,
                "bodyweight": False,
                "reps_at_stop": 6,
                "predicted_rir": 0,
                "total_reps": 8,
            }
        ],
        "stops": [1, 1],
    }
    assert list(record) == list(json.loads(json.dumps(record)))  # keys in the order on disk


def test_a_summary_without_test_sets_or_stops_keeps_neither_key():
    record = session_summary(make_session()).to_record()
    assert "tests" not in record and "stops" not in record


@pytest.mark.parametrize(
    "session", [session_with_a_test_set(), make_session()], ids=["tested", "plain"]
)
def test_round_trips(session):
    summary = session_summary(session)
    assert SessionSummary.from_record(summary.to_record()) == summary
    record = json.loads(json.dumps(summary.to_record()))  # as read back from the file
    assert SessionSummary.from_record(record).to_record() == record


def test_what_a_summary_says():
    summary = SessionSummary.from_record(
        {**session_summary(session_with_a_test_set()).to_record(), "prs": {"a": 2, "b": 1}}
    )
    assert summary.started_at == START and summary.duration_s == 3600
    assert summary.pr_count == 3
    assert summary.stops == (1, 1)
    [test] = summary.tests
    assert (test.session_id, test.started_at, test.error) == (summary.id, START, -2)


def test_a_record_of_an_older_version_reads():
    old = session_summary(make_session()).to_record()
    for key in ("routine_id", "ended_at", "prs"):
        del old[key]
    summary = SessionSummary.from_record(old)
    assert (summary.routine_id, summary.ended_at, summary.pr_count) == (None, None, 0)
    assert summary.duration_s is None


@pytest.mark.parametrize(
    "spoiled",
    [
        {"name": 7},
        {"volume_kg": "text"},
        {"working_sets": None},
        {"prs": [1, "two"]},
        {"prs": {"x": {"y": None}}},
        {"stops": 7},
        {"tests": "text"},
        {"tests": [{"key": "squat"}]},
        {"ended_at": "yesterday"},
        {"started_at": "2026-11-25T18:00:00"},  # no UTC offset
    ],
)
def test_a_record_of_the_wrong_shape_is_refused(spoiled):
    record = {**session_summary(session_with_a_test_set()).to_record(), **spoiled}
    with pytest.raises(ModelError):
        SessionSummary.from_record(record)


def test_the_store_hands_out_summaries_newest_first_with_their_prs(data_dir, clock):
    older = make_session(at=START)
    newer = make_session(at=START + timedelta(days=2), weight=110)
    with Store(data_dir, now=clock) as store:
        store.add_finished([newer, older])
        summaries = store.summaries()
        assert all(isinstance(s, SessionSummary) for s in summaries)
        assert [s.id for s in summaries] == [newer.id, older.id]
        assert [s.pr_count for s in summaries] == [3, 0]  # weight for 5 reps, e1RM, volume
        assert store.last_summary() == summaries[0]
    on_disk = json.loads((data_dir / "summaries.json").read_text())["summaries"]["1"]
    assert on_disk[older.id] == session_summary(older).to_record()  # no format change


def test_a_damaged_summary_sets_the_file_aside_and_the_list_is_worked_out_again(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
    path = data_dir / "summaries.json"
    data = json.loads(path.read_text())
    data["summaries"]["1"][session.id]["name"] = {"x": None}
    path.write_text(json.dumps(data))
    with Store(data_dir, now=clock) as store:
        [summary] = store.summaries()
        assert summary.name == "Full body A"  # rebuilt from history
        assert any("summaries.json" in notice for notice in store.notices)
    assert list(data_dir.glob("summaries.json.corrupt-*"))
