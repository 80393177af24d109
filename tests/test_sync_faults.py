"""Sync under faults a real server won't produce on demand (httpx.MockTransport).

After every fault: nothing lost, nothing duplicated, one clear line instead of a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import httpx
import pytest
import stamina

from tui.store.repository import Store
from tui.sync import arrivals
from tui.sync.config import SyncConfig
from tui.sync.documents import doc_id, session_doc, session_from_doc
from tui.sync.retry import Deadline, ServerBusy, retry_after_seconds, retry_decision
from tui.sync.service import SyncService
from tui.sync.status import SyncHealth

from .conftest import START, make_session, make_set
from .fake_couch import PASSWORD, FakeCouch, fake_config
from .sync_fixtures import free_port


@pytest.fixture(autouse=True)
def quick_retries():
    """stamina's test mode: three attempts, no waiting."""
    with stamina.set_testing(True, attempts=3):
        yield


@pytest.fixture
def couch() -> FakeCouch:
    return FakeCouch()


@pytest.fixture
def store(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        yield store


def sync(store: Store, couch: FakeCouch, config: SyncConfig | None = None, **options):
    return SyncService(store, config or fake_config(), transport=couch.transport(), **options)


def finished(store: Store, *sessions) -> None:
    store.add_finished(list(sessions))


async def test_refused_connections_are_retried_then_left_pending_as_offline(store, couch):
    session = make_session()
    finished(store, session)
    couch.fail_next("/lifts", httpx.ConnectError("[Errno 111] Connection refused"), times=3)
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.OFFLINE
    assert report.status.text == (
        "offline: cannot connect to couch.example.com ([Errno 111] Connection refused) · 1 pending"
    )
    assert len(couch.requests) == 3
    assert list(store.pending_changes()) == [session.id] and couch.docs == {}
    report = await sync(store, couch).run()
    assert report.status.text == "synced" and report.pushed == 1
    assert list(couch.live()) == [doc_id(session.id)]


async def test_a_timeout_is_retried_and_the_session_arrives_once(store, couch):
    session = make_session()
    finished(store, session)
    couch.fail_next("/_bulk_docs", httpx.ReadTimeout("timed out"))
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.SYNCED and report.pushed == 1
    assert len(couch.requests_to("/_bulk_docs")) == 2
    assert couch.docs[doc_id(session.id)]["_rev"].startswith("1-")
    assert store.pending_changes() == {}


async def test_an_answer_lost_after_the_server_saved_duplicates_nothing(store, couch):
    sessions = [make_session("A"), make_session("B")]
    finished(store, *sessions)

    def saved_then_lost(request: httpx.Request) -> httpx.Response:
        couch.answer(request)
        raise httpx.ReadError("connection reset by peer")

    couch.fail_next("/_bulk_docs", saved_then_lost)
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.SYNCED
    assert sorted(couch.live()) == sorted(doc_id(s.id) for s in sessions)
    assert all(doc["_rev"].startswith("1-") for doc in couch.docs.values())  # no second copy
    assert store.pending_changes() == {}
    assert sorted(s.id for s in store.finished_sessions()) == sorted(s.id for s in sessions)


async def test_429_is_retried_after_the_wait_the_server_asks_for(store, couch):
    finished(store, make_session())
    couch.fail_next("/_bulk_docs", httpx.Response(429, headers={"Retry-After": "2"}))
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.SYNCED and report.pushed == 1
    assert len(couch.requests_to("/_bulk_docs")) == 2


def test_retry_after_is_honoured_only_within_the_deadline():
    assert retry_decision(Deadline(30))(ServerBusy(429, 2.0)) == 2.0
    assert retry_decision(Deadline(30))(ServerBusy(503)) is True
    assert retry_decision(Deadline(1))(ServerBusy(429, 120.0)) is False
    assert retry_decision(Deadline(30))(ValueError("a bug")) is False
    now = datetime(2015, 10, 21, 7, 27, 30, tzinfo=timezone.utc)
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now) == 30
    assert retry_after_seconds("7") == 7 and retry_after_seconds("soon") is None


async def test_a_failing_server_leaves_everything_pending(store, couch):
    session = make_session()
    finished(store, session)
    couch.fail_next("/_bulk_docs", httpx.Response(500), times=3)
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.OFFLINE
    assert "busy or failing (it answered 500 Internal Server Error)" in report.status.text
    assert list(store.pending_changes()) == [session.id] and couch.live() == {}


async def test_an_answer_that_is_not_json_is_an_error_not_a_crash(store, couch):
    other = make_session("From the other device")
    couch.put(session_doc(other, None))
    couch.fail_next("/_changes", httpx.Response(200, text="<html>proxy error</html>"))
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.ERROR
    assert report.status.text == "error: the server's answer to asking for changes is not JSON"
    assert store.session_count == 0
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.SYNCED and report.pulled == 1


async def test_an_answer_of_the_wrong_shape_is_an_error_and_nothing_is_lost(store, couch):
    session = make_session()
    finished(store, session)
    couch.fail_next("/_bulk_docs", httpx.Response(201, json={"ok": True}))
    report = await sync(store, couch).run()
    assert report.status.text == (
        "error: the server's answer to saving sessions is not what "
        "a CouchDB server sends · 1 pending"
    )
    assert list(store.pending_changes()) == [session.id]


async def test_a_conflict_inside_bulk_docs_is_merged_then_sent_again(store, couch, clock):
    session = make_session(sets=2)
    finished(store, session)
    await sync(store, couch).run()
    exercise_id = session.exercises[0].id
    at_home = session.with_set(exercise_id, make_set(110, 3, at=START + timedelta(hours=2)))
    couch.put(
        session_doc(
            replace(at_home, edited_at=START + timedelta(hours=2)),
            couch.docs[doc_id(session.id)]["_rev"],
        )
    )
    at_gym = session.with_set(exercise_id, make_set(120, 1, at=START + timedelta(hours=3)))
    finished(store, replace(at_gym, edited_at=START + timedelta(hours=3)))

    sent_before = len(couch.requests_to("/_bulk_docs"))
    report = await sync(store, couch).run()

    assert len(couch.requests_to("/_bulk_docs")) - sent_before == 2  # a conflict, then the merge
    assert report.merged == 1 and report.status.health is SyncHealth.SYNCED
    expected = {s.id for s in at_home.sets} | {s.id for s in at_gym.sets}
    on_server = session_from_doc(couch.docs[doc_id(session.id)])
    assert {s.id for s in on_server.sets} == expected and len(expected) == 4
    assert {s.id for s in store.session(session.id).sets} == expected
    assert store.pending_changes() == {}


async def test_a_session_changed_on_both_sides_is_merged_when_pulled(store, couch):
    session = make_session(sets=2)
    finished(store, session)
    await sync(store, couch).run()
    exercise_id = session.exercises[0].id
    elsewhere = session.with_set(exercise_id, make_set(110, 3, at=START + timedelta(hours=2)))
    couch.put(session_doc(elsewhere, couch.docs[doc_id(session.id)]["_rev"]))
    here = session.with_set(exercise_id, make_set(120, 1, at=START + timedelta(hours=3)))
    finished(store, here)
    refusal = [{"id": doc_id(session.id), "error": "forbidden", "reason": "not now"}]
    couch.fail_next("/_bulk_docs", httpx.Response(201, json=refusal))

    report = await sync(store, couch).run()  # refused on push, merged on pull, sent again

    assert (report.merged, report.pushed, report.refused) == (1, 1, 0)
    assert report.status.text == "synced"
    expected = {s.id for s in elsewhere.sets} | {s.id for s in here.sets}
    assert {s.id for s in session_from_doc(couch.docs[doc_id(session.id)]).sets} == expected
    assert {s.id for s in store.session(session.id).sets} == expected


async def test_a_session_the_server_keeps_refusing_stays_pending(store, couch):
    session = make_session()
    finished(store, session)
    refusal = [{"id": doc_id(session.id), "error": "forbidden", "reason": "validation failed"}]
    couch.fail_next("/_bulk_docs", httpx.Response(201, json=refusal))
    report = await sync(store, couch).run()
    assert report.status.text == (
        "error: the server refused 1 session(s) (see the log file) · 1 pending"
    )
    assert list(store.pending_changes()) == [session.id]


async def test_a_refused_password_stops_at_once(store, couch):
    finished(store, make_session())
    wrong = SyncConfig(fake_config().url, "lifts", "lifter", "not-the-password")
    report = await sync(store, couch, wrong).run()
    assert report.status.text == "error: the server refused the user name or password · 1 pending"
    assert len(couch.requests) == 1


async def test_the_deadline_bounds_the_retries(store, couch):
    finished(store, make_session())
    now = [0.0]

    def slow(request: httpx.Request) -> httpx.Response:
        now[0] += 31
        raise httpx.ReadTimeout("timed out")

    couch.fail_next("/lifts", slow, times=3)
    report = await sync(store, couch, monotonic=lambda: now[0], deadline_s=30).run()
    assert report.status.text == "offline: no answer from couch.example.com in time · 1 pending"
    assert len(couch.requests) == 1


async def test_documents_that_are_not_sessions_are_skipped(store, couch):
    couch.put({"_id": "_design/lifts", "views": {}})
    couch.put({"_id": "grocery:milk", "type": "grocery"})
    couch.put({"_id": "session:broken", "type": "session", "id": "broken", "name": 5})
    readable = make_session()
    couch.put(session_doc(readable, None))
    report = await sync(store, couch).run()
    assert report.skipped == 3 and report.pulled == 1
    assert report.status.health is SyncHealth.SYNCED
    assert [s.id for s in store.finished_sessions()] == [readable.id]


async def test_a_second_run_while_one_runs_returns_at_once(store, couch):
    finished(store, make_session())
    release = asyncio.Event()

    async def slow_check(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return couch.answer(request)

    couch.fail_next("/lifts", slow_check)
    service = sync(store, couch)
    first = asyncio.create_task(service.run())
    await asyncio.sleep(0)
    second = await service.run()
    assert second.status.health is SyncHealth.SYNCING and service.status().text == "syncing…"
    release.set()
    assert (await first).status.health is SyncHealth.SYNCED
    assert service.status().text == "synced"


async def test_retries_go_to_the_log_without_the_password(store, couch, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    finished(store, make_session())
    couch.fail_next("/_bulk_docs", httpx.Response(503), times=2)
    couch.fail_next("/_changes", httpx.ConnectError("refused"), times=3)
    report = await sync(store, couch).run()
    assert report.status.health is SyncHealth.OFFLINE
    assert any(r.name == "tui.sync.retry" and "retry 1" in r.getMessage() for r in caplog.records)
    assert PASSWORD not in caplog.text and PASSWORD not in report.status.text
    assert PASSWORD not in repr(fake_config())
    assert capsys.readouterr() == ("", "")


def test_the_command_line_says_offline_without_showing_the_password(tmp_path, data_dir):
    with Store(data_dir) as store:
        store.add_finished([make_session()])
    url = f"http://lifter:{PASSWORD}@127.0.0.1:{free_port()}"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "sync", "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "ONEMORE_SYNC_URL": url, "ONEMORE_SYNC_DATABASE": "lifts"},
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout.splitlines()[0] == "pushed 0, pulled 0, merged 0, deleted 0, pending 1"
    assert result.stderr.startswith("onemore: offline: cannot connect to 127.0.0.1:")
    log_text = (data_dir / "logs" / "onemore.log").read_text()
    assert "sync with http://127.0.0.1:" in log_text
    for shown in (result.stdout, result.stderr, log_text):
        assert PASSWORD not in shown and "lifter:" not in shown


async def test_a_pulled_page_is_decoded_while_the_event_loop_goes_on(store, couch, monkeypatch):
    """The app's keys run on the event loop: a slow page (decoding ten years of sets) must
    not hold it, nor the store's lock, and a set saved meanwhile is kept beside what the pull
    brings."""
    couch.put(session_doc(make_session("From the other device"), None))
    decoding, go_on = threading.Event(), threading.Event()
    held_up = []
    decode = arrivals.session_from_doc

    def slow_decode(document):
        decoding.set()
        held_up.append(not go_on.wait(timeout=5))  # True: the loop never got to let it go
        return decode(document)

    monkeypatch.setattr(arrivals, "session_from_doc", slow_decode)
    running = asyncio.create_task(sync(store, couch).run())
    while not decoding.is_set():
        await asyncio.sleep(0)  # the loop turns while the page is being decoded
    here = make_session("Logged meanwhile")
    store.save_session(here)  # a set saved on the loop, while the pull decodes
    go_on.set()
    report = await running
    assert held_up == [False]
    assert report.pulled == 1 and store.session_count == 1
    assert store.live == here
