"""Bugs the reliability cases found in the store, the app and the log, kept as regression tests."""

import errno
import json

import pytest

from reliability.corrupt import populated
from reliability.corrupt_app import lay_out, start_with
from reliability.disk import cli_on_a_full_disk
from reliability.disk_app import finish_from_home_on_a_full_disk
from reliability.disks import InjectedDisk, mounted_tmpfs
from reliability.security import rotated_log_private
from tui.__main__ import main
from tui.store.repository import Store

from .conftest import make_session
from .import_support import STRONG_FIXTURE, import_file
from .sync_fixtures import pouchdb_fixture, pouchdb_script_fixture  # noqa: F401 - fixtures

# A history write cut short must not leave sessions the index or the outbox misses.


@pytest.mark.parametrize("crash_at", ["index.json", "outbox.json"])
def test_an_import_cut_short_still_sends_every_session_at_the_next_sync(data_dir, crash_at):
    with InjectedDisk(errno.EIO, only=crash_at) as disk:
        disk.fill()
        with pytest.raises(OSError):
            import_file(data_dir, STRONG_FIXTURE)
    import_file(data_dir, STRONG_FIXTURE)  # the lifter runs the import again
    with Store(data_dir) as store:
        finished = {s.id for s in store.finished_sessions()}
        assert len(finished) == 10 and {s.id for s in store.summaries()} == finished
        assert set(store.pending_changes()) == finished


@pytest.mark.parametrize(("crash_at", "kept"), [("index.json", True), ("outbox.json", False)])
def test_a_session_saved_just_before_a_crash_is_found_and_sent(data_dir, crash_at, kept):
    session = make_session()
    with Store(data_dir) as store, InjectedDisk(errno.EIO, only=crash_at) as disk:
        disk.fill()
        with pytest.raises(OSError):
            store.add_finished([session])
    with Store(data_dir) as store:  # the next start
        if kept:  # history was written, the index was not: found after the rebuild, and sent
            assert store.session(session.id) == session
            assert session.id in store.pending_changes()
        else:  # the outbox comes first: nothing was written at all
            assert store.session_count == 0 and store.pending_changes() == {}


def test_a_deletion_cut_short_is_still_sent(data_dir, clock):
    session = make_session()
    with Store(data_dir) as store:
        store.add_finished([session])
        store.mark_synced(store.pending_changes())
    with Store(data_dir) as store, InjectedDisk(errno.EIO, only="index.json") as disk:
        disk.fill()
        with pytest.raises(OSError):
            store.delete_session(session.id, clock())
    with Store(data_dir) as store:
        assert store.tombstone(session.id) is not None and store.session(session.id) is None
        assert session.id in store.pending_changes()


# A damaged session in a year file is told, not raised.


def test_a_damaged_session_in_a_year_file_is_told_not_raised(data_dir, capsys):
    session = make_session()
    with Store(data_dir) as store:
        store.add_finished([session])
    path = data_dir / "history" / "2026.json"
    data = json.loads(path.read_text())
    data["sessions"]["1"]["ended_at"] = "not a time"
    path.write_text(json.dumps(data))
    with Store(data_dir) as store:
        assert store.session(session.id) is None
        assert any("could not be read" in n for n in store.notices)
    assert main(["--data-dir", str(data_dir), "last"]) == 0
    assert "unexpected error" not in capsys.readouterr().err


# Notices the store finds after the start (a sync moving a file aside) reach the screen.


async def test_a_damaged_sync_json_found_by_the_first_sync_is_told_in_the_app(tmp_path):
    data, config = lay_out(populated(tmp_path / "template"), tmp_path / "app")
    (data / "sync.json").write_bytes(b"{cut sh")
    heard, problems = await start_with(data, config)
    assert problems == []
    [moved] = data.glob("sync.json.corrupt-*")
    assert any("sync.json" in line and str(moved) in line for line in heard), heard


# The log file: silent on a full disk, private after it rotates.


def test_a_full_disk_prints_one_line_not_logging_tracebacks(tmp_path):
    try:
        with mounted_tmpfs(tmp_path / "probe"):
            pass
    except PermissionError as problem:
        pytest.skip(str(problem))
    assert cli_on_a_full_disk(tmp_path, quiet_log=True) == []


def test_a_rotated_log_file_is_still_0600(tmp_path):
    assert rotated_log_private(tmp_path) == []


# Finishing the session in progress from Home on a full disk tells and keeps the app.


async def test_finishing_from_home_on_a_full_disk_tells_and_keeps_the_app(data_dir, tmp_path):
    with InjectedDisk(errno.ENOSPC) as disk:
        assert await finish_from_home_on_a_full_disk(data_dir, tmp_path, disk) == []
