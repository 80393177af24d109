import json
import os
import stat
from dataclasses import replace
from datetime import timedelta

import pytest

from tui.core.model import ExerciseLog, Session, new_id
from tui.store.repository import NoSessionInProgress, ReadOnlyStore, Store

from .conftest import START, make_session, make_set


def start_live(store, name="Full body A"):
    exercise = ExerciseLog(id=new_id(), name="Barbell Back Squat", catalog_id="barbell_back_squat")
    session = Session(id=new_id(), name=name, started_at=START).with_exercise(exercise)
    store.save_session(session)
    return exercise.id


def test_a_logged_set_is_there_after_reopening(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        exercise_id = start_live(store)
        logged = make_set(100, 5)
        store.save_session(store.live.with_set(exercise_id, logged))
    with Store(data_dir, now=clock) as store:
        assert store.live is not None
        assert store.live.sets == (logged,)


def test_a_session_in_progress_is_offered_after_a_quit_with_every_set(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        exercise_id = start_live(store)
        sets = [make_set(100, 5), make_set(100, 5), make_set(105, 3)]
        for s in sets:
            store.save_session(store.live.with_set(exercise_id, s))
    with Store(data_dir, now=clock) as store:
        assert list(store.live.sets) == sets
        assert store.live.name == "Full body A"


def test_finishing_moves_the_session_into_the_year_file_and_the_index(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        exercise_id = start_live(store)
        store.save_session(store.live.with_set(exercise_id, make_set(100, 5)))
        finished = store.finish_session(START + timedelta(hours=1))
        assert store.live is None
    with Store(data_dir, now=clock) as store:
        assert store.live is None
        assert [s.id for s in store.finished_sessions()] == [finished.id]
        assert store.session(finished.id) == finished
        assert store.last_summary().volume_kg == 500
        assert [s.weight for s in store.previous("barbell_back_squat")] == [100]
    assert (data_dir / "history" / "2026.json").exists()


def test_a_finish_writes_its_derived_files_behind_and_a_stop_before_that_rebuilds_them(
    data_dir, clock, tmp_path
):
    """Finishing writes history and the outbox at once; the index, summaries and lift files
    are current in memory at once and written a moment later. A stop in between (the data
    folder as it is then) is repaired from history at the next open."""
    import shutil

    with Store(data_dir, now=clock) as store:
        store.add_finished([make_session(at=START - timedelta(days=7))])
        lift_file = data_dir / "lifts" / "barbell_back_squat.json"
        on_disk_before = lift_file.read_bytes()
        exercise_id = start_live(store)
        store.save_session(store.live.with_set(exercise_id, make_set(120, 5)))
        finished = store.finish_session(START + timedelta(hours=1))
        assert store.summaries()[0].id == finished.id  # read from memory at once
        assert store.summaries()[0].prs == {"barbell_back_squat": 2}  # weight for 5 reps, e1RM
        assert finished.id in {r["session_id"] for r in store.lift_rows("barbell_back_squat")}
        assert lift_file.read_bytes() == on_disk_before  # not written yet
        assert (data_dir / "index.stale").exists()
        shutil.copytree(data_dir, tmp_path / "stopped")  # a kill here
        store.write_behind()
        assert not (data_dir / "index.stale").exists()
        assert finished.id in lift_file.read_text()
    for folder in (data_dir, tmp_path / "stopped"):
        (folder / "onemore.lock").unlink(missing_ok=True)
        with Store(folder, now=clock) as store:
            assert [s.id for s in store.summaries()][0] == finished.id
            assert store.summaries()[0].prs == {"barbell_back_squat": 2}  # weight for 5 reps, e1RM
            assert store.session_count == 2
            assert finished.id in {r["session_id"] for r in store.lift_rows("barbell_back_squat")}
        assert not (folder / "index.stale").exists()


def test_removing_a_set_is_saved(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        exercise_id = start_live(store)
        first, second = make_set(100, 5), make_set(100, 4)
        store.save_session(store.live.with_set(exercise_id, first))
        store.save_session(store.live.with_set(exercise_id, second))
        store.save_session(store.live.without_set(second.id))
    with Store(data_dir, now=clock) as store:
        assert store.live.sets == (first,)


def test_a_finish_cut_short_by_a_crash_is_completed_at_the_next_open(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        exercise_id = start_live(store)
        store.save_session(store.live.with_set(exercise_id, make_set(100, 5)))
        # The crash came right after the finish was recorded, before history was written.
        store.save_session(store.live.finish(START + timedelta(hours=1)))
    with Store(data_dir, now=clock) as store:
        assert store.live is None
        assert store.session_count == 1
    with Store(data_dir, now=clock) as store:
        assert store.session_count == 1  # repairing twice adds nothing


def test_previous_sets_come_from_the_latest_session_even_if_older_ones_arrive_later(
    data_dir, clock
):
    newer = make_session(at=START, weight=110)
    older = make_session(at=START - timedelta(days=7), weight=90)
    with Store(data_dir, now=clock) as store:
        store.add_finished([newer])
        store.add_finished([older])
        assert {s.weight for s in store.previous("barbell_back_squat")} == {110}
        assert [s.id for s in store.summaries()] == [newer.id, older.id]


def test_sessions_are_filed_by_the_year_they_started(data_dir, clock):
    sessions = [make_session(at=START.replace(year=year)) for year in (2024, 2025, 2026)]
    with Store(data_dir, now=clock) as store:
        store.add_finished(sessions)
        assert [s.id for s in store.finished_sessions()] == [s.id for s in sessions]
    assert sorted(os.listdir(data_dir / "history")) == ["2024.json", "2025.json", "2026.json"]


def test_adding_the_same_session_twice_keeps_one(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        store.add_finished([replace(session, name="Renamed")])
        assert [s.name for s in store.finished_sessions()] == ["Renamed"]
        assert store.session_count == 1


def test_finishing_without_a_session_in_progress_says_so(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        with pytest.raises(NoSessionInProgress):
            store.finish_session(START)


def test_every_data_file_is_0600_and_every_folder_0700(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        exercise_id = start_live(store)
        store.save_session(store.live.with_set(exercise_id, make_set()))
        store.finish_session(START + timedelta(hours=1))
    for root, _folders, files in os.walk(data_dir):
        assert stat.S_IMODE(os.stat(root).st_mode) == 0o700, root
        for name in files:
            assert stat.S_IMODE(os.stat(os.path.join(root, name)).st_mode) == 0o600, name


def test_a_second_instance_opens_read_only_and_never_writes(data_dir, clock):
    with Store(data_dir, now=clock) as first:
        exercise_id = start_live(first)
        first.save_session(first.live.with_set(exercise_id, make_set()))
        before = {p: p.read_bytes() for p in data_dir.rglob("*.json")}
        second = Store(data_dir, now=clock)
        assert second.read_only
        assert "read-only" in second.notices[0]
        assert second.live == first.live  # it can still show what is there
        with pytest.raises(ReadOnlyStore, match="Another OneMore"):
            second.save_session(second.live.with_set(exercise_id, make_set()))
        with pytest.raises(ReadOnlyStore):
            second.add_finished([make_session()])
        second.close()
        assert {p: p.read_bytes() for p in data_dir.rglob("*.json")} == before


def test_the_lock_is_released_on_close(data_dir, clock):
    Store(data_dir, now=clock).close()
    with Store(data_dir, now=clock) as store:
        assert not store.read_only


CORRUPTIONS = {
    "truncated": lambda good: good[: len(good) // 2],
    "random bytes": lambda good: os.urandom(200),
    "wrong shape": lambda good: b'{"live": ["a list, not records"]}',
    "from the future": lambda good: good.replace(b'"schema_version":1', b'"schema_version":99'),
    "empty": lambda good: b"",
    "another kind of file": lambda good: good.replace(b'"kind":"live"', b'"kind":"index"'),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_a_corrupt_live_file_is_moved_aside_never_overwritten(data_dir, clock, corruption):
    with Store(data_dir, now=clock) as store:
        store.add_finished([make_session()])
        exercise_id = start_live(store)
        store.save_session(store.live.with_set(exercise_id, make_set()))
    live = data_dir / "live.json"
    damaged = CORRUPTIONS[corruption](live.read_bytes())
    live.write_bytes(damaged)
    with Store(data_dir, now=clock) as store:
        assert store.live is None
        moved = data_dir / "live.json.corrupt-20261125T180000"
        assert moved.read_bytes() == damaged
        assert any("live.json could not be read" in n and str(moved) in n for n in store.notices)
        assert store.session_count == 1  # the rest of the store still works
        start_live(store)  # and logging goes on in a fresh file
    assert moved.read_bytes() == damaged


@pytest.mark.parametrize("corruption", ["truncated", "random bytes", "from the future", "empty"])
def test_a_corrupt_year_file_is_moved_aside_and_the_other_years_still_load(
    data_dir, clock, corruption
):
    old, new = make_session(at=START.replace(year=2025)), make_session(at=START)
    with Store(data_dir, now=clock) as store:
        store.add_finished([old, new])
    year_file = data_dir / "history" / "2025.json"
    damaged = CORRUPTIONS[corruption](year_file.read_bytes())
    year_file.write_bytes(damaged)
    (data_dir / "index.json").unlink()  # force a rebuild that reads every year
    with Store(data_dir, now=clock) as store:
        assert [s.id for s in store.finished_sessions()] == [new.id]
        assert any("2025.json could not be read" in n for n in store.notices)
    assert (data_dir / "history" / "2025.json.corrupt-20261125T180000").read_bytes() == damaged


def test_a_corrupt_index_is_rebuilt_from_history(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
    (data_dir / "index.json").write_bytes(b"\x00garbage")
    with Store(data_dir, now=clock) as store:
        assert store.session_count == 1
        assert [s.weight for s in store.previous("barbell_back_squat")] == [100, 100, 100]
    assert json.loads((data_dir / "index.json").read_text())["index"]["1"]["about"]["count"] == 1


def test_a_second_instance_leaves_a_corrupt_file_where_it_is(data_dir, clock):
    with Store(data_dir, now=clock) as first:
        start_live(first)
        (data_dir / "live.json").write_bytes(b"{broken")
        second = Store(data_dir, now=clock)
        assert any("left as it is" in n for n in second.notices)
        second.close()
    assert (data_dir / "live.json").read_bytes() == b"{broken"


def test_temp_files_left_by_a_kill_are_swept_at_open(data_dir, clock):
    Store(data_dir, now=clock).close()
    (data_dir / ".live.json.tmp-999").write_text("half a write")
    (data_dir / "history" / ".2026.json.tmp-999").write_text("half a write")
    Store(data_dir, now=clock).close()
    assert not list(data_dir.rglob("*.tmp-*"))


def test_a_session_record_that_cannot_be_read_is_reported_and_the_rest_load(data_dir, clock):
    good = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([good])
    path = data_dir / "history" / "2026.json"
    data = json.loads(path.read_text())
    data["sessions"]["2"] = {"id": "bad", "started_at": "not a time"}
    path.write_text(json.dumps(data))
    with Store(data_dir, now=clock) as store:
        assert [s.id for s in store.finished_sessions()] == [good.id]
        assert any("a session could not be read" in n for n in store.notices)


def test_a_deleted_session_leaves_a_tombstone_and_disappears_everywhere_else(data_dir, clock):
    older = make_session("Lower", at=START - timedelta(days=7), weight=90)
    newer = make_session("Upper", at=START, weight=110)
    with Store(data_dir, now=clock) as store:
        store.add_finished([older, newer])
        assert store.delete_session(newer.id, clock())
        assert not store.delete_session("no-such-session", clock())
    with Store(data_dir, now=clock) as store:
        assert [s.id for s in store.finished_sessions()] == [older.id]
        assert store.session(newer.id) is None
        assert store.tombstone(newer.id)["deleted_at"] == START.isoformat()
        assert {s.weight for s in store.previous("barbell_back_squat")} == {90}  # falls back
        assert store.last_summary().id == older.id
    (data_dir / "index.json").unlink()
    with Store(data_dir, now=clock) as store:  # a rebuilt index remembers the deletion too
        assert store.tombstone(newer.id) is not None and store.session_count == 1


def test_changed_sessions_wait_in_the_outbox_until_a_sync_carries_them(data_dir, clock):
    first, second = make_session(), make_session(at=START + timedelta(days=1))
    with Store(data_dir, now=clock) as store:
        store.add_finished([first, second])
        store.delete_session(second.id, clock())
        carried = store.pending_changes()
        assert carried == {first.id: 1, second.id: 2}
        store.add_finished([first.edited(clock())])  # edited again while the sync ran
        store.mark_synced(carried)
        assert store.pending_changes() == {first.id: 2}
    with Store(data_dir, now=clock) as store:
        assert store.pending_changes() == {first.id: 2}


def test_sessions_that_came_from_a_sync_do_not_go_back_out(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        pulled = make_session()
        store.add_finished([pulled], from_sync=True)
        store.delete_session(pulled.id, clock(), from_sync=True)
        assert store.pending_changes() == {}


def test_finishing_a_session_puts_it_in_the_outbox(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        start_live(store)
        finished = store.finish_session(START + timedelta(hours=1))
        assert list(store.pending_changes()) == [finished.id]
