"""Importing Hevy CSV exports: set types, RPE, notes that span lines, pounds accounts."""

from collections import Counter
from datetime import datetime, timedelta

from tui.interchange.rows import DROP_SET, FAILURE_SET, NO_REPS, TIMED_SET

from .import_support import (
    AMSTERDAM,
    DATA,
    HEVY_FIXTURE,
    every_row_accounted,
    import_file,
    snapshot,
    stored,
)


def test_the_real_hevy_export_imports_with_every_row_accounted_for(data_dir):
    report = import_file(data_dir, HEVY_FIXTURE, app="hevy")
    assert report.data_rows == 7211 and every_row_accounted(report)
    assert (report.sessions_new, report.sets_new, report.rests_new) == (335, 6935, 0)
    reasons = Counter(row.reason for row in report.skipped)
    assert reasons == {TIMED_SET: 275, NO_REPS: 1}
    assert [r.line for r in report.skipped if r.reason == NO_REPS] == [6643]
    assert not report.unreadable
    assert len(stored(data_dir)) == 335


def test_hevy_set_types_become_warm_ups_and_working_sets_named_in_the_note(data_dir):
    import_file(data_dir, HEVY_FIXTURE, app="hevy")
    sets = [s for session in stored(data_dir) for s in session.sets]
    assert Counter(s.kind for s in sets) == {"working": 4740, "warmup": 2195}
    assert Counter(s.note for s in sets) == {"": 5771, FAILURE_SET: 1121, DROP_SET: 43}
    assert all(s.unit == "kg" for s in sets)


def test_hevy_times_notes_and_rpe(data_dir):
    import_file(data_dir, HEVY_FIXTURE, app="hevy")
    started = datetime(2025, 9, 15, 7, 48, tzinfo=AMSTERDAM)
    lower = next(s for s in stored(data_dir) if s.started_at == started)
    assert lower.name == "Lower // Ramp // Strength // 1"
    assert lower.ended_at - lower.started_at == timedelta(minutes=85)
    curl = lower.exercises[0]
    assert curl.name == "Seated Leg Curl (Machine)" and curl.catalog_id == "seated_leg_curl"
    assert [(s.kind, s.weight, s.reps, s.rir) for s in curl.sets[:4]] == [
        ("warmup", 39, 10, 4),
        ("warmup", 51, 6, 4),
        ("working", 78, 12, 1),
        ("working", 78, 10, 0.5),
    ]
    noted = [e.notes for s in stored(data_dir) for e in s.exercises if e.notes]
    assert "Münster" in noted


def test_bodyweight_lifts_are_imported_with_their_added_load(data_dir):
    import_file(data_dir, HEVY_FIXTURE, app="hevy")
    pull_ups = [
        s
        for session in stored(data_dir)
        for e in session.exercises
        if e.name == "Pull Up"
        for s in e.sets
    ]
    assert pull_ups and all(s.bodyweight for s in pull_ups)
    assert {s.weight for s in pull_ups} >= {0.0}


def test_a_pounds_account_with_notes_over_several_lines(data_dir):
    report = import_file(data_dir, DATA / "hevy_lbs_multiline.csv", app="hevy")
    assert [(r.line, r.reason) for r in report.skipped] == [(12, TIMED_SET)]  # physical line
    (session,) = stored(data_dir)
    assert session.notes == "Gym was busy.\nShort rests."
    bench, pulldown = session.exercises
    assert bench.notes == "Elbows in.\nTouch low."
    assert [(s.kind, s.weight, s.unit, s.note, s.rir) for s in bench.sets] == [
        ("warmup", 95, "lb", "", None),
        ("working", 185, "lb", "", 2),
        ("working", 185, "lb", FAILURE_SET, 0),
        ("working", 135, "lb", DROP_SET, None),
    ]
    assert (pulldown.sets[0].weight, pulldown.sets[0].rir) == (120, 1.5)
    assert session.ended_at - session.started_at == timedelta(minutes=67)


def test_importing_the_hevy_export_again_adds_nothing(data_dir):
    import_file(data_dir, HEVY_FIXTURE, app="hevy")
    before = snapshot(data_dir / "history")
    again = import_file(data_dir, HEVY_FIXTURE, app="hevy")
    assert (again.sessions_new, again.sessions_present) == (0, 335)
    assert every_row_accounted(again)
    assert snapshot(data_dir / "history") == before
