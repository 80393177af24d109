"""Two devices syncing through a real CouchDB-protocol server (pouchdb-server 4.2.0)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import stamina

from tui.store.repository import Store
from tui.sync.config import SyncConfig
from tui.sync.service import SyncService
from tui.sync.status import SyncHealth

from .conftest import START, make_session, make_set
from .sync_fixtures import (  # noqa: F401 - fixtures
    PouchServer,
    Server,
    pouchdb_fixture,
    pouchdb_script_fixture,
    server_fixture,
)

LATER = START + timedelta(days=1)


@pytest.fixture
def gym(tmp_path):
    with Store(tmp_path / "gym") as store:
        yield store


@pytest.fixture
def home(tmp_path):
    with Store(tmp_path / "home") as store:
        yield store


async def sync(store: Store, config: SyncConfig, **options):
    report = await SyncService(store, config, **options).run()
    assert report.status.health is SyncHealth.SYNCED, report.status.text
    return report


def by_id(store: Store) -> dict[str, dict]:
    return {s.id: s.to_dict() for s in store.finished_sessions()}


def server_sessions(server: Server) -> list[dict]:
    documents = server.pouch.documents(server.config.database)
    return [d for d in documents if d["_id"].startswith("session:")]


async def test_sessions_from_both_devices_appear_on_both(server, gym, home):
    gym.add_finished([make_session("Gym upper"), make_session("Gym lower", at=LATER)])
    home.add_finished([make_session("Home legs")])
    assert (await sync(gym, server.config)).pushed == 2
    home_report = await sync(home, server.config)
    assert (home_report.pushed, home_report.pulled) == (1, 2)
    assert (await sync(gym, server.config)).pulled == 1
    assert by_id(gym) == by_id(home) and len(by_id(gym)) == 3
    assert len(server_sessions(server)) == 3
    again = await sync(home, server.config)
    assert (again.pushed, again.pulled, again.pending) == (0, 0, 0)


async def test_an_edit_on_one_device_reaches_the_other(server, gym, home):
    session = make_session("Legs", sets=3)
    gym.add_finished([session])
    await sync(gym, server.config)
    await sync(home, server.config)
    dropped = session.sets[0].id
    edited = replace(session.remove_finished_set(dropped, LATER), name="Heavy legs")
    home.add_finished([edited])
    assert (await sync(home, server.config)).pushed == 1
    assert (await sync(gym, server.config)).pulled == 1
    on_gym = gym.session(session.id)
    assert on_gym.name == "Heavy legs" and dropped not in {s.id for s in on_gym.sets}
    assert on_gym == home.session(session.id)


async def test_concurrent_edits_of_one_session_merge_without_losing_a_set(server, gym, home):
    session = make_session("Push", sets=2)
    gym.add_finished([session])
    await sync(gym, server.config)
    await sync(home, server.config)
    exercise_id = session.exercises[0].id
    gym_set = make_set(100, 3, at=LATER)
    home_set = make_set(60, 12, at=LATER + timedelta(minutes=5))
    gym.add_finished([replace(session.with_set(exercise_id, gym_set), edited_at=LATER)])
    home.add_finished(
        [
            replace(
                session.with_set(exercise_id, home_set),
                notes="elbow fine",
                edited_at=LATER + timedelta(minutes=5),
            )
        ]
    )
    await sync(gym, server.config)
    assert (await sync(home, server.config)).merged == 1
    await sync(gym, server.config)
    expected = {s.id for s in session.sets} | {gym_set.id, home_set.id}
    for store in (gym, home):
        merged = store.session(session.id)
        assert {s.id for s in merged.sets} == expected and merged.notes == "elbow fine"
    assert gym.session(session.id) == home.session(session.id)
    assert len(server_sessions(server)) == 1


async def test_a_deletion_reaches_the_other_device_and_stays_deleted(server, gym, home, tmp_path):
    doomed, kept = make_session("Doomed"), make_session("Kept", at=LATER)
    gym.add_finished([doomed, kept])
    await sync(gym, server.config)
    await sync(home, server.config)
    with Store(tmp_path / "laptop") as laptop:  # a third device that also has the old copy
        await sync(laptop, server.config)
        (laptop.data_dir / "sync.json").unlink()  # ... and forgot which revision it saw
        laptop.add_finished([replace(doomed, name="Edited on the laptop", edited_at=LATER)])

        assert gym.delete_session(doomed.id, LATER)
        assert (await sync(gym, server.config)).deleted == 1
        home.add_finished([replace(doomed, notes="edited while it was deleted", edited_at=LATER)])
        home_report = await sync(home, server.config)
        assert home_report.deleted == 1 and home.session(doomed.id) is None
        await sync(laptop, server.config)
        assert laptop.session(doomed.id) is None

    await sync(gym, server.config)
    for store in (gym, home):
        assert store.session(doomed.id) is None and store.tombstone(doomed.id) is not None
        assert list(by_id(store)) == [kept.id]
    assert [d["name"] for d in server_sessions(server)] == ["Kept"]


async def test_a_deletion_is_pulled_by_a_device_that_did_not_touch_the_session(server, gym, home):
    session = make_session()
    gym.add_finished([session])
    await sync(gym, server.config)
    await sync(home, server.config)
    gym.delete_session(session.id, LATER)
    await sync(gym, server.config)
    assert (await sync(home, server.config)).deleted == 1
    assert home.session(session.id) is None and home.session_count == 0
    assert home.tombstone(session.id)["deleted_at"] == LATER.isoformat()


async def test_pulling_into_an_empty_data_dir_reproduces_the_sessions_exactly(server, gym, home):
    sessions = [
        make_session(f"Day {n}", at=START - timedelta(days=n), sets=1 + n % 4) for n in range(23)
    ]
    gym.add_finished(sessions)
    assert (await sync(gym, server.config, batch_size=10)).pushed == 23
    report = await sync(home, server.config, page_size=5)
    assert report.pulled == 23
    assert by_id(home) == {s.id: s.to_dict() for s in sessions}
    assert home.pending_changes() == {}


async def test_a_wrong_password_is_refused_with_a_clear_message(server, gym):
    gym.add_finished([make_session()])
    wrong = replace(server.config, password="not-" + server.config.password)
    report = await SyncService(gym, wrong).run()
    assert report.status.text == "error: the server refused the user name or password · 1 pending"
    assert wrong.password not in report.status.text


class KillAfterFirstSave(httpx.AsyncBaseTransport):
    """The server dies right after it saved the first batch, before the answer gets back."""

    def __init__(self, pouch: PouchServer) -> None:
        self.pouch = pouch
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.path.endswith("/_bulk_docs") and self.pouch.process.poll() is None:
            await response.aread()
            self.pouch.kill()
            raise httpx.ReadError("the server went away")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_a_server_killed_in_the_middle_of_a_push_loses_and_duplicates_nothing(
    pouchdb_script: Path, tmp_path, gym, home
):
    # On disk rather than in memory, so the server can come back after SIGKILL with what it saved.
    pouch = PouchServer(pouchdb_script, tmp_path / "server", in_memory=False).start()
    try:
        config = pouch.new_database()
        sessions = [make_session(f"Day {n}", at=START - timedelta(days=n)) for n in range(30)]
        gym.add_finished(sessions)
        with stamina.set_testing(True, attempts=2):
            report = await SyncService(
                gym, config, transport=KillAfterFirstSave(pouch), batch_size=10
            ).run()
        assert report.status.health is SyncHealth.OFFLINE and report.pending == 30
        assert pouch.process.poll() is not None  # it really died
        pouch.start()
        assert len(pouch.documents(config.database)) == 10  # the batch saved before the kill
        assert (await sync(gym, config, batch_size=10)).pushed == 20
        assert (await sync(home, config)).pulled == 30
        assert by_id(home) == by_id(gym) == {s.id: s.to_dict() for s in sessions}
        docs = pouch.documents(config.database)
        assert len(docs) == 30 and all(d["_rev"].startswith("1-") for d in docs)
    finally:
        pouch.stop()


def test_the_command_line_prints_what_moved(server, data_dir):
    with Store(data_dir) as store:
        store.add_finished([make_session(), make_session("B", at=LATER)])
    config = server.config
    env = {
        **os.environ,
        "ONEMORE_SYNC_URL": config.url,
        "ONEMORE_SYNC_DATABASE": config.database,
        "ONEMORE_SYNC_USER": config.user,
        "ONEMORE_SYNC_PASSWORD": config.password,
    }
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "sync"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "pushed 2, pulled 0, merged 0, deleted 0, pending 0",
        f"synced with {config.target}",
    ]
    log_text = (data_dir / "logs" / "onemore.log").read_text()
    assert config.password not in result.stdout + result.stderr + log_text
