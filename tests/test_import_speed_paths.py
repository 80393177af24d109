"""What the importer's shortcuts must not change: ids as uuid5 makes them, and each row's
workout read right when the rows of one session are read once for the run."""

import uuid
from datetime import datetime, timezone

from tui.interchange.assemble import IMPORT_IDS
from tui.interchange.ids import uuid5_text

from .import_support import read_file

HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"  # noqa: E501
UTC = timezone.utc


def write(tmp_path, *rows):
    path = tmp_path / "strong.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_uuid5_text_is_uuid5():
    for number in range(500):
        namespace = uuid.uuid4()
        name = f"{number}/{number % 7}\nname é"
        assert uuid5_text(namespace.bytes, name) == str(uuid.uuid5(namespace, name))


def test_imported_ids_are_made_as_before_so_a_file_imported_earlier_adds_nothing(tmp_path):
    path = write(tmp_path, "2025-06-03 20:23:00,Legs,1h 5m,Squat (Barbell),1,100,5,0,0,,,")
    session = read_file(path, zone=UTC).sessions[0].session
    start = datetime(2025, 6, 3, 20, 23)
    expected = uuid.uuid5(IMPORT_IDS, f"strong\n{start.isoformat()}\nLegs")
    assert session.id == str(expected)
    assert session.exercises[0].id == str(uuid.uuid5(expected, "0"))
    assert session.sets[0].id == str(uuid.uuid5(expected, "0/0"))


def test_sessions_of_the_same_name_keep_their_own_dates_lengths_and_notes(tmp_path):
    path = write(
        tmp_path,
        "2025-06-03 20:23:00,Legs,1h 5m,Squat (Barbell),1,100,5,0,0,,first,",
        "2025-06-03 20:23:00,Legs,1h 5m,Squat (Barbell),2,100,5,0,0,,first,",
        "2025-06-05 18:00:00,Legs,45m,Squat (Barbell),1,102.5,5,0,0,,,",
        "2025-06-05 18:00:00,Legs,45m,Squat (Barbell),2,102.5,5,0,0,,later,",
        "2025-06-05 18:00:00,Arms,10m,Curl (Dumbbell),1,12,10,0,0,,,",
        "2025-06-03 20:23:00,Legs,1h 5m,Squat (Barbell),3,100,4,0,0,,first,",
        "not a date,Legs,1h 5m,Squat (Barbell),1,100,5,0,0,,,",
        "not a date,Legs,1h 5m,Squat (Barbell),2,100,5,0,0,,,",
    )
    assembly = read_file(path, zone=UTC)
    got = {
        (a.session.name, a.session.started_at): (
            a.session.ended_at - a.session.started_at,
            a.session.notes,
            [s.reps for s in a.session.sets],
            [s.weight for s in a.session.sets],
        )
        for a in assembly.sessions
    }
    june_3, june_5 = datetime(2025, 6, 3, 20, 23, tzinfo=UTC), datetime(2025, 6, 5, 18, tzinfo=UTC)
    assert got == {
        ("Legs", june_3): (
            june_3 - june_3.replace(hour=19, minute=18),
            "first",
            [5, 5, 4],
            [100] * 3,
        ),
        ("Legs", june_5): (
            june_5 - june_5.replace(hour=17, minute=15),
            "later",
            [5, 5],
            [102.5] * 2,
        ),
        ("Arms", june_5): (june_5 - june_5.replace(hour=17, minute=50), "", [10], [12]),
    }
    assert [(row.line, row.unreadable) for row in assembly.skipped] == [(8, True), (9, True)]
