"""Secrets (issue 18): the sync password is taken out of a URL of any shape, and out of every
line shown or logged, before anyone can read it."""

from __future__ import annotations

import logging

import pytest

from tui import redact
from tui.__main__ import main
from tui.redact import hide, keep_secret, without_credentials

PW = "Sq4tPW-9911"
SHAPES = [
    (f"lifter:{PW}@127.0.0.1:5984", "127.0.0.1:5984"),
    (f"http:/lifter:{PW}@127.0.0.1:5984", "http:/127.0.0.1:5984"),
    (f"http:lifter:{PW}@127.0.0.1:5984", "http:127.0.0.1:5984"),
    (f"https://lifter:{PW}@couch.example.com/db", "https://couch.example.com/db"),
    (f"HTTPS://lifter:{PW}@couch.example.com", "HTTPS://couch.example.com"),
    (f"https://lifter:p@ss/{PW}@couch.example.com", "https://couch.example.com"),
    (f"couch://lifter:{PW}@host", "couch://host"),
    ("https://couch.example.com/db", "https://couch.example.com/db"),
]


@pytest.fixture(autouse=True)
def forget_secrets(monkeypatch):
    monkeypatch.setattr(redact, "_secrets", set())


@pytest.mark.parametrize(("url", "safe"), SHAPES)
def test_a_url_of_any_shape_loses_its_credentials(url, safe):
    assert without_credentials(url) == safe


@pytest.mark.parametrize(("url", "safe"), SHAPES)
def test_hide_takes_credentials_out_of_any_sentence(url, safe):
    line = hide(f"the sync URL {url} must be https://")
    assert PW not in line and "lifter" not in line


def test_a_kept_secret_goes_in_every_form():
    redact.basic_auth("lifter", "p@ss w/rd")
    for form in ("p@ss w/rd", "p%40ss%20w%2Frd", "p%40ss+w%2Frd", "bGlmdGVyOnBAc3Mgdy9yZA=="):
        assert hide(f"said: {form}!") == "said: ***!"


def test_a_short_secret_does_not_blank_out_every_word():
    keep_secret("ab")
    assert hide("a table") == "a table"


@pytest.mark.parametrize(("url", "safe"), SHAPES[:4])
def test_the_command_line_never_prints_the_password(url, safe, tmp_path, capsys):
    code = main(["--data-dir", str(tmp_path / "data"), "sync", "--url", url, "--database", "db"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("onemore: ") and PW not in err


def test_the_log_never_holds_the_password(tmp_path):
    from tui.logfile import log_to_file

    keep_secret(PW)
    log_to_file(tmp_path / "logs" / "onemore.log")
    try:
        for url, _ in SHAPES[:4]:
            logging.getLogger("tui.test").warning("could not reach %s", url)
        logging.getLogger("tui.test").warning("auth %s", PW)
    finally:
        for handler in logging.getLogger().handlers:
            handler.close()
        logging.getLogger().handlers.clear()
    logged = (tmp_path / "logs" / "onemore.log").read_text()
    assert logged.count("could not reach") == 4 and "auth ***" in logged and PW not in logged


@pytest.mark.parametrize(("url", "safe"), SHAPES[:3])
async def test_the_app_never_shows_the_password(url, safe, data_dir, tmp_path):
    from .flow import build_app

    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\nurl = "{url}"\ndatabase = "lifts"\nuser = "lifter"\n')
    config.chmod(0o600)
    app = build_app(data_dir, tmp_path, config_path=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert any("Sync is off" in line for line in told)
        assert not any(PW in line for line in told)
