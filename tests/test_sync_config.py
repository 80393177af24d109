"""Where sync finds its server and credentials, and what it refuses."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tui.store.repository import Store
from tui.sync.config import (
    SyncConfigError,
    SyncFlags,
    SyncNotSetUp,
    load_sync_config,
    without_credentials,
)

SECRET = "s3cret-squat-pw"


@pytest.fixture
def config_file(tmp_path):
    path = tmp_path / "config.toml"

    def write(text: str, mode: int = 0o600):
        path.write_text('unit = "kg"\n\n[sync]\n' + text)
        path.chmod(mode)
        return path

    return write


def test_the_sync_table_gives_url_database_user_and_password(config_file):
    path = config_file(
        f'url = "https://couch.example.com/"\ndatabase = "lifts"\n'
        f'user = "lifter"\npassword = "{SECRET}"\n'
    )
    config = load_sync_config(path, environ={})
    assert (config.url, config.database, config.user, config.password) == (
        "https://couch.example.com",
        "lifts",
        "lifter",
        SECRET,
    )
    assert config.target == "https://couch.example.com/lifts"
    assert SECRET not in repr(config)


def test_a_password_in_a_file_others_can_read_is_refused_with_the_fix(config_file):
    path = config_file(
        f'url = "https://c.example"\ndatabase = "lifts"\nuser = "lifter"\npassword = "{SECRET}"\n',
        mode=0o644,
    )
    with pytest.raises(SyncConfigError) as refused:
        load_sync_config(path, environ={"ONEMORE_SYNC_PASSWORD": "other"})
    message = str(refused.value)
    assert f"chmod 600 {path}" in message and "ONEMORE_SYNC_PASSWORD" in message
    assert SECRET not in message


def test_without_a_password_in_it_the_file_may_be_readable(config_file):
    path = config_file('url = "https://c.example"\ndatabase = "lifts"\nuser = "u"\n', mode=0o644)
    config = load_sync_config(path, environ={"ONEMORE_SYNC_PASSWORD": SECRET})
    assert config.password == SECRET


def test_flags_win_over_variables_and_variables_over_the_file(config_file):
    path = config_file('url = "https://file.example"\ndatabase = "filedb"\nuser = "fileuser"\n')
    environ = {
        "ONEMORE_SYNC_URL": "https://env.example",
        "ONEMORE_SYNC_DATABASE": "envdb",
        "ONEMORE_SYNC_USER": "envuser",
        "ONEMORE_SYNC_PASSWORD": SECRET,
    }
    config = load_sync_config(path, environ=environ)
    assert (config.url, config.database, config.user) == ("https://env.example", "envdb", "envuser")
    flags = SyncFlags(url="https://flag.example", database="flagdb", user="flaguser")
    config = load_sync_config(path, flags, environ=environ)
    assert (config.url, config.database, config.user) == (
        "https://flag.example",
        "flagdb",
        "flaguser",
    )


def test_credentials_in_a_url_are_taken_out_of_it(tmp_path):
    environ = {
        "ONEMORE_SYNC_URL": f"https://lifter:{SECRET}@couch.example.com:6984/couch",
        "ONEMORE_SYNC_DATABASE": "lifts",
    }
    config = load_sync_config(tmp_path / "none.toml", environ=environ)
    assert config.url == "https://couch.example.com:6984/couch"
    assert (config.user, config.password) == ("lifter", SECRET)
    assert (
        without_credentials(environ["ONEMORE_SYNC_URL"]) == "https://couch.example.com:6984/couch"
    )


def test_a_password_in_the_url_flag_is_refused(tmp_path):
    flags = SyncFlags(url=f"https://lifter:{SECRET}@couch.example.com", database="lifts")
    with pytest.raises(SyncConfigError) as refused:
        load_sync_config(tmp_path / "none.toml", flags, environ={})
    assert "ONEMORE_SYNC_PASSWORD" in str(refused.value) and SECRET not in str(refused.value)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "[::1]", "localhost"])
def test_plain_http_to_this_machine_is_allowed(tmp_path, host):
    config = load_sync_config(tmp_path / "none.toml", SyncFlags(f"http://{host}:5984", "lifts"), {})
    assert config.url == f"http://{host}:5984"


@pytest.mark.parametrize("host", ["192.168.1.20", "couch.example.com", "[2001:db8::1]"])
def test_plain_http_to_another_machine_needs_an_explicit_opt_in(tmp_path, config_file, host):
    with pytest.raises(SyncConfigError, match="--allow-insecure-http"):
        load_sync_config(tmp_path / "none.toml", SyncFlags(f"http://{host}", "lifts"), {})
    flags = SyncFlags(f"http://{host}", "lifts", allow_insecure_http=True)
    assert load_sync_config(tmp_path / "none.toml", flags, {}).allow_insecure_http
    path = config_file(f'url = "http://{host}"\ndatabase = "lifts"\nallow_insecure_http = true\n')
    assert load_sync_config(path, environ={}).url == f"http://{host}"


def test_no_server_anywhere_means_sync_is_not_set_up(config_file, tmp_path):
    with pytest.raises(SyncNotSetUp, match=r"\[sync\]"):
        load_sync_config(tmp_path / "none.toml", environ={})


@pytest.mark.parametrize(
    ("sync_table", "environ", "message"),
    [
        ('url = "https://c.example"\n', {}, "no sync database"),
        ('url = "https://c.example"\ndatabase = "Lifts"\n', {}, "not a CouchDB database name"),
        ('url = "ftp://c.example"\ndatabase = "lifts"\n', {}, "must be https://"),
        ('url = "https://c.example:99999"\ndatabase = "lifts"\n', {}, "not a valid address"),
        ('url = "https://c.example"\ndatabase = "lifts"\nuser = "lifter"\n', {}, "no password"),
        (
            'url = "https://c.example"\ndatabase = "lifts"\n',
            {"ONEMORE_SYNC_PASSWORD": "x"},
            "no user",
        ),
        (
            'url = "https://c.example"\ndatabase = "lifts"\nusername = "lifter"\n',
            {},
            "line 6: unknown key",
        ),
        ("url = 5\n", {}, "line 4: .sync. url must be text"),
        (
            'url = "https://c.example"\nallow_insecure_http = "yes"\n',
            {},
            "line 5: .sync. allow_insecure_http must be true or false",
        ),
    ],
)
def test_settings_that_cannot_work_say_what_to_change(config_file, sync_table, environ, message):
    with pytest.raises(SyncConfigError, match=message):
        load_sync_config(config_file(sync_table), environ=environ)


def onemore_sync(data_dir, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "sync", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_the_command_says_how_to_set_sync_up(data_dir):
    result = onemore_sync(data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("onemore: sync is not set up: put url, database and user")


def test_the_command_refuses_plain_http_to_another_machine(data_dir):
    result = onemore_sync(data_dir, "--url", "http://192.0.2.7:5984", "--database", "lifts")
    assert result.returncode == 1 and "refusing plain http:// to 192.0.2.7" in result.stderr


def test_the_command_needs_the_data_folder_to_itself(data_dir):
    with Store(data_dir):
        result = onemore_sync(data_dir, "--url", "http://127.0.0.1:9", "--database", "lifts")
    assert result.returncode == 1
    assert "another OneMore is using this data folder" in result.stderr
