import errno
import json
import os
import stat

import pytest
from tinydb import TinyDB

from tui.store import storage
from tui.store.storage import (
    DurableStorage,
    UnreadableFile,
    make_private_folder,
    read_json_file,
    sweep_temp_files,
    write_durably,
)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_durable_write_replaces_the_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "live.json"
    write_durably(target, b'{"a": 1}')
    write_durably(target, b'{"a": 2}')
    assert json.loads(target.read_text()) == {"a": 2}
    assert os.listdir(tmp_path) == ["live.json"]


def test_files_are_private_0600_and_folders_0700(tmp_path):
    folder = tmp_path / "data"
    make_private_folder(folder)
    write_durably(folder / "x.json", b"{}")
    assert mode(folder) == 0o700
    assert mode(folder / "x.json") == 0o600


def test_an_existing_open_folder_is_tightened_to_0700(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    make_private_folder(folder)
    assert mode(folder) == 0o700


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "live.json"
    write_durably(target, b'{"sets": 1}')

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_durably(target, b'{"sets": 2}')
    assert json.loads(target.read_text()) == {"sets": 1}
    assert os.listdir(tmp_path) == ["live.json"]


def test_stray_temp_files_of_a_killed_writer_are_swept(tmp_path):
    (tmp_path / ".live.json.tmp-4242").write_text("half")
    (tmp_path / "live.json").write_text("{}")
    swept = sweep_temp_files(tmp_path)
    assert [p.name for p in swept] == [".live.json.tmp-4242"]
    assert os.listdir(tmp_path) == ["live.json"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b'{"live": {"1": {"id"', "not valid JSON"),
        (bytes(range(256)), "not valid JSON"),
        (b"[1, 2, 3]", "not a OneMore data file"),
        (b'{"live": [1]}', "not an object"),
        (b'{"live": {"x": 5}}', "malformed record"),
    ],
)
def test_files_that_cannot_be_trusted_are_reported_with_the_reason(tmp_path, content, reason):
    path = tmp_path / "live.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        read_json_file(path)


def test_a_missing_file_reads_as_nothing(tmp_path):
    assert read_json_file(tmp_path / "nope.json") is None


def test_tinydb_on_durable_storage_persists_across_opens(tmp_path):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    db.insert({"squat": 100})
    assert TinyDB(path, storage=DurableStorage).all() == [{"squat": 100}]


def test_a_batch_is_one_write(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    writes = []
    monkeypatch.setattr(storage, "write_durably", lambda p, b: writes.append(b))
    with db.storage.batch():
        for weight in range(10):
            db.insert({"weight": weight})
    assert len(writes) == 1


def test_memory_never_claims_more_than_the_disk_after_a_failed_write(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    db.insert({"set": 1})

    def fail(p, b):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_durably", fail)
    with pytest.raises(OSError):
        db.insert({"set": 2})
    monkeypatch.undo()
    assert db.all() == [{"set": 1}]


def test_read_only_storage_refuses_to_write(tmp_path):
    db = TinyDB(tmp_path / "db.json", storage=DurableStorage, read_only=True)
    with pytest.raises(PermissionError):
        db.insert({"set": 1})
    assert not (tmp_path / "db.json").exists()
