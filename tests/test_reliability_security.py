"""Case 7, short: private files, secret passwords, no plain http:// abroad, one writer."""

from reliability.security import (
    password_never_shown,
    plain_http_refused,
    private_after_every_write,
    second_app_never_writes,
    second_instance_never_writes,
)
from tui.sync.config import without_credentials

from .sync_fixtures import pouchdb_fixture, pouchdb_script_fixture  # noqa: F401 - fixtures


def test_files_are_0600_and_folders_0700_after_every_kind_of_write(tmp_path, pouchdb):
    assert private_after_every_write(tmp_path, pouchdb) == []


def test_the_sync_password_is_never_in_any_output_or_the_log(tmp_path, pouchdb):
    assert password_never_shown(tmp_path, pouchdb) == []


def test_a_password_holding_at_signs_or_slashes_is_taken_out_of_a_url_whole():
    shown = without_credentials("http://lifter:p@ss/w:rd@127.0.0.1:5984/db")
    assert shown == "http://127.0.0.1:5984/db" and "ss" not in shown.split("//")[1].split(":")[0]


def test_plain_http_to_another_machine_is_refused_without_the_opt_in(tmp_path):
    assert plain_http_refused(tmp_path) == []


def test_a_second_instance_changes_no_byte_whatever_command_it_runs(tmp_path):
    assert second_instance_never_writes(tmp_path) == []


async def test_a_second_app_changes_no_byte(tmp_path):
    assert await second_app_never_writes(tmp_path) == []


def test_every_missing_parent_folder_is_0700_even_under_umask_000(tmp_path):
    import stat

    from reliability.cli import STRONG_FIXTURE, onemore

    data = tmp_path / "a" / "b" / "data"
    result = onemore("--data-dir", str(data), "import", "strong", str(STRONG_FIXTURE), umask=0)
    assert result.returncode == 0, result.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (data.parent.parent, data.parent)}
    assert modes == {"a": 0o700, "b": 0o700}


def test_an_empty_data_dir_or_config_is_refused_in_one_line(tmp_path):
    from reliability.cli import onemore

    for flag in ("--data-dir", "--config"):
        result = onemore(flag, "", "last")
        assert result.returncode == 1 and result.stderr == (
            f"onemore: {flag} is empty: name a path, or leave {flag} out\n"
        )
