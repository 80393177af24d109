"""Importing Strong CSV exports: every dialect, rests, float noise, ids safe to re-import."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.interchange.rows import REST_AT_END, REST_TWICE, TIMED_SET
from tui.store.repository import Store

from .import_support import (
    AMSTERDAM,
    DATA,
    STRONG_FIXTURE,
    every_row_accounted,
    import_file,
    read_file,
    snapshot,
    stored,
)

TRAILING_RESTS = [35, 65, 77, 101, 127, 139, 157, 177, 189, 219]


def by_start(sessions):
    return sorted(sessions, key=lambda s: s.started_at)


def test_the_real_strong_export_imports_with_every_row_accounted_for(data_dir):
    report = import_file(data_dir, STRONG_FIXTURE)
    rest_timer_rows = STRONG_FIXTURE.read_text().count(",Rest Timer,")
    assert (report.sessions_new, report.sets_new, report.rests_new) == (10, 109, 99)
    assert report.data_rows == 218 and every_row_accounted(report)
    assert report.rests_new + len(report.skipped) == rest_timer_rows
    assert [row.line for row in report.skipped] == TRAILING_RESTS
    assert {row.reason for row in report.skipped} == {REST_AT_END}
    assert not report.unreadable
    assert len(stored(data_dir)) == 10


def test_a_rest_timer_lands_on_the_set_after_it_even_in_the_next_exercise(data_dir):
    import_file(data_dir, STRONG_FIXTURE)
    first = by_start(stored(data_dir))[0]
    incline, assisted_pull_up = first.exercises[:2]
    assert incline.name == "Incline Bench Press (Dumbbell)"
    assert [s.rest_actual_s for s in incline.sets] == [None, 120, 120, 120]
    assert assisted_pull_up.sets[0].rest_actual_s == 120
    assert sum(s.rest_actual_s is not None for s in first.sets) == 16  # 17 sets, 17 timers, 1 last


def test_float_noise_and_float_reps_are_cleaned(data_dir):
    import_file(data_dir, STRONG_FIXTURE)
    last = by_start(stored(data_dir))[-1]
    pushdown = [e for e in last.exercises if e.name.startswith("Triceps Pushdown")][0]
    assert (pushdown.sets[2].weight, pushdown.sets[2].reps) == (37.5, 6)
    assert all(isinstance(s.reps, int) for s in last.sets)


def test_times_carry_the_offset_of_the_zone_they_were_logged_in(data_dir):
    import_file(data_dir, STRONG_FIXTURE)
    first = by_start(stored(data_dir))[0]
    assert first.started_at == datetime(2025, 6, 3, 20, 23, tzinfo=AMSTERDAM)
    assert first.started_at.utcoffset() == timedelta(hours=2)
    assert first.name == "Evening Workout"


def test_a_length_past_24_hours_is_a_timer_left_running_and_is_not_kept(data_dir):
    report = import_file(data_dir, STRONG_FIXTURE)
    sessions = by_start(stored(data_dir))
    assert report.long_sessions == 8
    assert sessions[0].ended_at == sessions[0].started_at  # "264h 1m"
    assert sessions[-1].ended_at - sessions[-1].started_at == timedelta(minutes=54)


def test_catalog_names_link_to_the_catalog_and_unknown_names_become_custom(data_dir):
    report = import_file(data_dir, STRONG_FIXTURE)
    exercises = {e.name: e for s in stored(data_dir) for e in s.exercises}
    assert exercises["Lat Pulldown (Cable)"].catalog_id == "lat_pulldown"
    assert exercises["Spider curl"].catalog_id is None
    assert report.custom_exercises == [
        "Spider curl",
        "Spider Hammer",
        "Triceps Extension (Machine)",
    ]


def test_importing_the_same_file_again_adds_nothing_and_writes_nothing(data_dir):
    import_file(data_dir, STRONG_FIXTURE)
    before = snapshot(data_dir / "history")
    again = import_file(data_dir, STRONG_FIXTURE)
    assert (again.sessions_new, again.sets_new, again.sessions_present) == (0, 0, 10)
    assert again.rows_present == 109 + 99 and every_row_accounted(again)
    assert again.custom_exercises == []
    assert snapshot(data_dir / "history") == before


def test_a_newer_export_that_overlaps_adds_only_the_new_sessions(data_dir, tmp_path):
    lines = STRONG_FIXTURE.read_text().splitlines()
    older = tmp_path / "older.csv"
    older.write_text("\n".join(lines[:127]))  # the first five workouts
    assert import_file(data_dir, older).sessions_new == 5
    newer = import_file(data_dir, STRONG_FIXTURE)
    assert (newer.sessions_new, newer.sessions_present) == (5, 5)
    assert len(stored(data_dir)) == 10


def test_a_session_deleted_here_is_not_brought_back(data_dir, clock):
    import_file(data_dir, STRONG_FIXTURE)
    gone = by_start(stored(data_dir))[0]
    with Store(data_dir) as store:
        store.delete_session(gone.id, clock())
    again = import_file(data_dir, STRONG_FIXTURE)
    assert (again.sessions_new, again.sessions_present, again.sessions_deleted) == (0, 10, 1)
    assert gone.id not in {s.id for s in stored(data_dir)}


def test_reading_twice_gives_the_same_ids():
    first, second = read_file(STRONG_FIXTURE), read_file(STRONG_FIXTURE)
    assert [a.session.to_dict() for a in first.sessions] == [
        a.session.to_dict() for a in second.sessions
    ]


def test_the_same_file_read_in_another_zone_is_still_the_same_sessions(data_dir):
    import_file(data_dir, STRONG_FIXTURE)
    again = import_file(data_dir, STRONG_FIXTURE, zone=ZoneInfo("America/New_York"))
    assert again.sessions_new == 0 and again.sessions_present == 10


def test_semicolon_dialect_with_a_unit_on_every_row(data_dir):
    report = import_file(data_dir, DATA / "strong_semicolon_units.csv", unit="lb")
    assert (report.sessions_new, report.sets_new, report.rests_new) == (2, 8, 2)
    assert [(r.line, r.reason) for r in report.skipped] == [(10, TIMED_SET)]
    push, pull = by_start(stored(data_dir))
    bench, fly = push.exercises
    assert [(s.kind, s.weight, s.unit) for s in bench.sets] == [
        ("warmup", 40, "kg"),
        ("working", 80, "kg"),
        ("working", 82.5, "kg"),
        ("working", 60, "kg"),
    ]
    assert [s.rir for s in bench.sets] == [None, 2, 1.5, None]
    assert [s.rest_actual_s for s in bench.sets] == [None, None, 150, 180]
    assert [s.note for s in bench.sets] == ["", "", "paused", "drop set"]
    assert [(s.weight, s.unit, s.note, s.rir) for s in fly.sets] == [
        (35, "lb", "", None),
        (35, "lb", "failure set", 0),
    ]
    assert push.notes == "Felt strong" and push.ended_at == push.started_at
    pull_up = pull.exercises[0]
    assert [(s.weight, s.reps, s.bodyweight) for s in pull_up.sets] == [(0, 8, True), (10, 6, True)]


@pytest.mark.parametrize(
    "name, unit", [("strong_quoted_kg.csv", "kg"), ("strong_quoted_lbs.csv", "lb")]
)
def test_quoted_dialect_takes_its_unit_from_the_header(data_dir, name, unit):
    import_file(data_dir, DATA / name, unit="kg" if unit == "lb" else "lb")
    assert {s.unit for session in stored(data_dir) for s in session.sets} == {unit}


def test_quoted_dialect_with_seconds_for_duration(data_dir):
    report = import_file(data_dir, DATA / "strong_quoted_kg.csv")
    assert [(r.line, r.reason) for r in report.skipped] == [(6, TIMED_SET)]
    legs, leg_press = by_start(stored(data_dir))
    assert legs.ended_at - legs.started_at == timedelta(seconds=3900)
    squat = legs.exercises[0]
    assert [(s.kind, s.weight, s.rest_actual_s) for s in squat.sets] == [
        ("warmup", 60, None),
        ("working", 100, None),
        ("working", 100, 180),
    ]
    assert (leg_press.sets[0].weight, leg_press.sets[0].reps) == (150, 10)


def test_a_french_header_is_read_by_its_layout(data_dir):
    report = import_file(data_dir, DATA / "strong_french.csv")
    assert "layout" in report.description and not report.skipped
    (session,) = stored(data_dir)
    assert session.name == "Haut du corps" and session.notes == "Bonne séance"
    assert session.ended_at - session.started_at == timedelta(hours=1, minutes=5)
    developpe, bench = session.exercises
    assert [(s.kind, s.weight, s.reps, s.rir) for s in developpe.sets] == [
        ("warmup", 40, 10, None),
        ("working", 82.5, 5, 2),
        ("working", 82.5, 5, 1),
    ]
    assert developpe.sets[2].rest_actual_s == 120  # "Minuteur de repos" is Strong's Rest Timer
    assert bench.catalog_id == "barbell_bench_press"
    assert report.custom_exercises == ["Développé couché (barre)"]


def test_a_translated_header_is_recognised_even_with_a_bad_row_among_the_first(data_dir, tmp_path):
    lines = (DATA / "strong_french.csv").read_text().splitlines()
    lines.insert(2, lines[2].replace(",5.0,", ",cinq,"))
    path = tmp_path / "french.csv"
    path.write_text("\n".join(lines))
    report = import_file(data_dir, path)
    assert [(r.line, r.reason) for r in report.unreadable] == [(3, "rep count is not a number")]
    assert report.sets_new == 4


def test_a_german_header_in_the_semicolon_layout(data_dir):
    report = import_file(data_dir, DATA / "strong_german_semicolon.csv", unit="lb")
    (session,) = stored(data_dir)
    assert report.sets_new == 2
    assert [(s.weight, s.unit, s.rir) for s in session.sets] == [
        (100, "kg", 2),
        (102.5, "kg", None),
    ]


def test_comma_dialect_without_duration_or_without_notes(data_dir):
    import_file(data_dir, DATA / "strong_no_duration.csv")
    import_file(data_dir, DATA / "strong_no_notes.csv")
    deadlift, press = by_start(stored(data_dir))
    assert deadlift.notes == "Back felt fine" and deadlift.ended_at == deadlift.started_at
    assert press.ended_at - press.started_at == timedelta(minutes=7)
    assert [s.rir for s in press.sets] == [None, 2.5]


def test_the_comma_dialect_takes_the_unit_it_is_given(data_dir):
    import_file(data_dir, STRONG_FIXTURE, unit="lb")
    assert {s.unit for session in stored(data_dir) for s in session.sets} == {"lb"}


def test_unreadable_rows_are_reported_with_their_lines_and_the_rest_comes_in(data_dir):
    report = import_file(data_dir, DATA / "strong_bad_rows.csv")
    assert [(r.line, r.reason) for r in report.unreadable] == [
        (3, "reps are not a whole number"),
        (4, "weight is not a number"),
        (5, "date is not a time like 2025-06-03 20:23:00"),
        (6, "Set Order is not a number, W, D, F or Rest Timer"),
    ]
    assert report.sets_new == 2 and every_row_accounted(report)
    assert len(stored(data_dir)) == 2


def test_strict_imports_nothing_when_a_row_is_unreadable(data_dir):
    import_file(data_dir, STRONG_FIXTURE)
    before = snapshot(data_dir)
    report = import_file(data_dir, DATA / "strong_bad_rows.csv", strict=True)
    assert report.refused and report.sessions_new == 2
    assert snapshot(data_dir) == before


def test_strict_does_not_mind_rows_left_out_on_purpose(data_dir):
    report = import_file(data_dir, STRONG_FIXTURE, strict=True)
    assert not report.refused and len(stored(data_dir)) == 10


def write_strong(path, rows):
    header = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE"
    )
    path.write_text("\n".join([header, *rows]) + "\n")
    return path


def test_two_rests_in_a_row_keep_the_last_and_report_the_first(data_dir, tmp_path):
    day = '2024-02-02 08:00:00,"Rest test",30m,Squat (Barbell)'
    path = write_strong(
        tmp_path / "rests.csv",
        [
            f"{day},1,100,5,0,0,,,",
            f"{day},Rest Timer,0,0,0,90,,,",
            f"{day},Rest Timer,0,0,0,200,,,",
            f"{day},2,100,5,0,0,,,",
        ],
    )
    report = import_file(data_dir, path)
    assert [(r.line, r.reason) for r in report.skipped] == [(3, REST_TWICE)]
    assert [s.rest_actual_s for s in stored(data_dir)[0].sets] == [None, 200]
    assert every_row_accounted(report)


def test_a_workout_of_only_cardio_is_reported_not_imported(data_dir, tmp_path):
    day = '2024-02-03 08:00:00,"Run",30m,Running'
    path = write_strong(tmp_path / "run.csv", [f"{day},1,0,0,5000,1800,,,"])
    report = import_file(data_dir, path)
    assert report.sessions_new == 0 and [r.reason for r in report.skipped] == [TIMED_SET]


def test_fifty_thousand_rows_import_in_one_go(data_dir, tmp_path):
    """1,250 workouts of 5 exercises × 4 sets, a rest timer after every set, as Strong writes."""
    rows = []
    start = datetime(2019, 1, 1, 18, 0)
    for day in range(1250):
        when = (start + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
        for exercise in (
            "Squat (Barbell)",
            "Bench Press (Barbell)",
            "Deadlift (Barbell)",
            "Overhead Press (Barbell)",
            "My Odd Lift",
        ):
            for number in range(1, 5):
                head = f'{when},"Day {day % 3}",1h 5m,"{exercise}"'
                rows.append(f"{head},{number},{60 + number * 2.5 - 1e-14},5.0,0,0.0,,,")
                rows.append(f"{head},Rest Timer,0,0.0,0,180.0,,,")
    assert len(rows) == 50_000
    report = import_file(data_dir, write_strong(tmp_path / "big.csv", rows))
    assert (report.sessions_new, report.sets_new, report.rests_new) == (1250, 25_000, 23_750)
    assert len(report.skipped) == 1250 and every_row_accounted(report)
    with Store(data_dir) as store:
        assert store.session_count == 1250


def test_a_byte_order_mark_and_windows_line_ends_read_the_same(tmp_path):
    text = STRONG_FIXTURE.read_text()
    windows = tmp_path / "strong.csv"
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert [a.session.to_dict() for a in read_file(windows).sessions] == [
        a.session.to_dict() for a in read_file(STRONG_FIXTURE).sessions
    ]
    assert [r.line for r in read_file(windows).skipped] == TRAILING_RESTS
