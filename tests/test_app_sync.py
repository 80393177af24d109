"""Sync inside the app: in the background, at start and after each finished session."""

import stamina

from tui.store.repository import Store

from .flow import build_app, text
from .sync_fixtures import free_port, pouchdb_fixture, pouchdb_script_fixture, server_fixture  # noqa: F401


def write_config(tmp_path, url, database, user):
    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\nurl = "{url}"\ndatabase = "{database}"\nuser = "{user}"\n')
    return config


async def finish_one_session(pilot):
    await pilot.press("enter", "enter", "enter", "enter", "enter")
    await pilot.press(*"100x5@2", "enter", "enter", "f", "enter")


async def test_a_finished_session_reaches_the_server_and_the_line_says_synced(
    server, data_dir, tmp_path, monkeypatch
):
    monkeypatch.setenv("ONEMORE_SYNC_PASSWORD", server.config.password)
    config = write_config(tmp_path, server.config.url, server.config.database, server.config.user)
    app = build_app(data_dir, tmp_path, config_path=config)
    async with app.run_test(size=(100, 32)) as pilot:
        await app.workers.wait_for_complete()
        assert text(app, "#sync-line") == "sync: synced"
        await finish_one_session(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sync_text == "synced"
        session_id = app.store.last_summary().id
    ids = [doc["_id"] for doc in server.pouch.documents(server.config.database)]
    assert ids == [f"session:{session_id}"]


async def test_an_unreachable_server_leaves_the_session_pending_and_the_app_working(
    data_dir, tmp_path, monkeypatch
):
    monkeypatch.setenv("ONEMORE_SYNC_PASSWORD", "secret-password")
    config = write_config(tmp_path, f"http://127.0.0.1:{free_port()}", "lifts", "lifter")
    app = build_app(data_dir, tmp_path, config_path=config)
    with stamina.set_testing(True, attempts=1):
        async with app.run_test(size=(100, 32)) as pilot:
            await finish_one_session(pilot)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.sync_text.startswith("offline:") and "1 pending" in app.sync_text
            assert "secret-password" not in app.sync_text
            await pilot.press("enter")  # from the summary back home: the app goes on
            assert type(app.screen).__name__ == "HomeScreen"
    with Store(data_dir) as store:
        assert store.session_count == 1 and len(store.pending_changes()) == 1


async def test_without_sync_set_up_there_is_no_sync_line(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path, config_path=tmp_path / "config.toml")
    async with app.run_test(size=(100, 32)):
        assert app.sync_text == ""
        assert not app.screen.query_one("#sync-line").display


async def test_a_broken_sync_setting_is_told_once_and_sync_stays_off(data_dir, tmp_path):
    config = write_config(tmp_path, "http://gym.example.org:5984", "lifts", "lifter")
    app = build_app(data_dir, tmp_path, config_path=config)
    async with app.run_test(size=(100, 32)):
        assert app.sync_service is None
        assert any("Sync is off" in n.message and "http" in n.message for n in app._notifications)
