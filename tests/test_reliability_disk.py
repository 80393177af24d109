"""Case 2, short: the disk fills up or turns read-only while saving (reliability/disk*.py)."""

import errno

import pytest

from reliability.disk import cli_on_a_full_disk, injected_disk_faults, tiny_disk_faults
from reliability.disk_app import (
    finish_twice_on_a_full_disk,
    full_disk_after_the_set,
    full_disk_while_logging,
)
from reliability.disks import InjectedDisk, TinyDisk, mounted_tmpfs
from reliability.readers import app_opens_on_a_full_disk, readers_need_nothing
from tui.commands.importing import write
from tui.store.repository import Store
from tui.sync.service import SyncService

from .conftest import make_session
from .fake_couch import FakeCouch, fake_config


@pytest.fixture
def tiny_root(tmp_path):
    """A real 256 kB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    try:
        with mounted_tmpfs(tmp_path / "tiny") as root:
            yield root
    except PermissionError as problem:
        pytest.skip(f"{problem}: the injected cases cover this")


def test_enospc_erofs_eacces_at_the_storage_layer_lose_nothing(tmp_path):
    outcome = injected_disk_faults(tmp_path, 30)
    assert (outcome.lost, outcome.problems) == (0, []), outcome


def test_a_real_full_filesystem_loses_nothing(tmp_path, tiny_root):
    outcome = tiny_disk_faults(tmp_path, 10)
    assert (outcome.lost, outcome.problems) == (0, []), outcome


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
async def test_the_app_keeps_an_unsaved_set_on_screen_and_saves_it_once_there_is_room(
    tmp_path, code
):
    with InjectedDisk(code) as disk:
        assert await full_disk_while_logging(tmp_path / "data", tmp_path, disk) == []


async def test_an_answer_the_disk_did_not_take_marks_its_set_unsaved(tmp_path):
    with InjectedDisk(errno.ENOSPC) as disk:
        assert await full_disk_after_the_set(tmp_path / "data", tmp_path, disk) == []


@pytest.mark.parametrize("after", [0, 1, 2])  # refused at live.json, the outbox, history
async def test_finishing_again_on_a_full_disk_says_why_each_time(tmp_path, after):
    with InjectedDisk(errno.ENOSPC) as disk:
        assert await finish_twice_on_a_full_disk(tmp_path / "data", tmp_path, disk, after) == []


async def test_the_app_on_a_real_full_filesystem(tmp_path, tiny_root):
    assert await full_disk_while_logging(tiny_root / "data", tmp_path, TinyDisk(tiny_root)) == []


def test_import_export_and_sync_on_a_full_disk_say_so_in_one_line(tmp_path, tiny_root):
    assert cli_on_a_full_disk(tmp_path, quiet_log=True) == []  # nothing else on stderr


def test_an_import_that_meets_a_full_disk_is_a_clear_error(tmp_path, capsys):
    import argparse

    from tui.commands.common import CommandError
    from tui.interchange.assemble import Assembled, Assembly
    from tui.interchange.report import ImportReport

    session = make_session()
    assembly = Assembly([Assembled(session, 3, 0)], [], 3)
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), strict=False)
    with InjectedDisk(errno.ENOSPC) as disk:
        disk.fill(after=1)  # the first year file goes in, then the disk is full
        with pytest.raises(CommandError, match="No space left on device.*import the file again"):
            write(args, assembly, ImportReport("f.csv", "test"))


async def test_a_sync_that_cannot_save_ends_in_a_clear_error_not_a_crash(data_dir):
    couch = FakeCouch()
    other = make_session()
    couch.docs["session:" + other.id] = {
        "_id": "session:" + other.id,
        "_rev": "1-a",
        "type": "session",
        **other.to_dict(),
    }
    with Store(data_dir) as store, InjectedDisk(errno.ENOSPC) as disk:
        disk.fill()
        report = await SyncService(store, fake_config(), transport=couch.transport()).run()
    assert report.status.health.value == "error"
    assert "No space left on device" in report.status.reason


def test_last_and_export_need_no_space_create_nothing_and_write_no_log(tmp_path, tiny_root):
    assert readers_need_nothing(tmp_path) == []


async def test_a_repair_that_meets_a_full_disk_does_not_keep_the_app_from_opening(
    tmp_path, tiny_root
):
    assert await app_opens_on_a_full_disk(tmp_path) == []
