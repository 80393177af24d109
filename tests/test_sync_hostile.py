"""A sync server can hurt the client (issue 18): a huge or endless answer, an answer that
drips in, escape sequences in its reasons, JSON nested thousands deep or of the wrong types.
Each ends the sync in one line, in time, with nothing lost and no traceback."""

from __future__ import annotations

import asyncio
import json
import logging
import tracemalloc

import httpx
import pytest
import stamina

from tui.__main__ import main
from tui.store.repository import Store
from tui.sync.service import SyncService
from tui.sync.status import SyncHealth

from .conftest import make_session
from .fake_couch import FakeCouch, fake_config


@pytest.fixture(autouse=True)
def quick_retries():
    with stamina.set_testing(True, attempts=2):
        yield


@pytest.fixture
def couch() -> FakeCouch:
    return FakeCouch()


@pytest.fixture
def store(data_dir, clock):
    with Store(data_dir, now=clock) as store:
        store.add_finished([make_session()])
        yield store


async def run_sync(store, couch, **options):
    service = SyncService(store, fake_config(), transport=couch.transport(), **options)
    return await asyncio.wait_for(service.run(), 20)  # a hang fails the test, never blocks it


async def endless():
    chunk = b" " * (1 << 20)
    yield b'{"results": ['
    while True:
        yield chunk


async def test_an_endless_answer_is_cut_off_and_never_held_in_memory(store, couch):
    couch.fail_next("/_changes", lambda request: httpx.Response(200, content=endless()))
    tracemalloc.start()
    try:
        report = await run_sync(store, couch)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.status.health is SyncHealth.ERROR
    assert "larger than 32 MB: stopped reading it" in report.status.text
    assert peak < 80 * 2**20  # what was read, once; never the endless rest
    assert len(couch.live()) == 1  # what was pushed before stays pushed


async def test_a_declared_huge_answer_is_refused_before_it_is_read(store, couch):
    huge = httpx.Response(200, headers={"Content-Length": str(10**12)}, content=b"{}")
    couch.fail_next("/lifts", huge)
    report = await run_sync(store, couch)
    assert "larger than 32 MB" in report.status.text
    assert store.pending_changes()  # nothing was carried: it waits for next time


async def test_a_server_that_drips_its_answer_is_stopped_at_the_deadline(store, couch):
    stalled = asyncio.Event()  # never set: the next byte never comes

    async def drip():
        yield b'{"db_name": '
        await stalled.wait()

    couch.fail_next("/lifts", lambda request: httpx.Response(200, content=drip()), times=5)
    loop = asyncio.get_running_loop()
    began = loop.time()
    report = await run_sync(store, couch, deadline_s=0.5)
    took = loop.time() - began
    assert report.status.health is SyncHealth.OFFLINE
    assert "in time" in report.status.text
    assert took < 3  # the deadline, plus the grace of the last request
    assert store.pending_changes()


ESCAPES = "\x1b]0;OWNED\x07\x1b[2J"


async def test_escape_sequences_in_a_servers_reason_are_written_out(store, couch):
    refused = httpx.Response(400, json={"error": "bad", "reason": f"no {ESCAPES}"})
    couch.fail_next("/_bulk_docs", refused)
    report = await run_sync(store, couch)
    assert "\x1b" not in report.status.text and "\x07" not in report.status.text
    assert "no \\x1b]0;OWNED\\x07\\x1b[2J" in report.status.text


async def test_escape_sequences_in_a_refused_documents_reason_are_written_out(store, couch):
    def refuse(request):
        docs = json.loads(request.content)["docs"]
        return httpx.Response(
            201, json=[{"id": d["_id"], "error": "forbidden", "reason": ESCAPES} for d in docs]
        )

    couch.fail_next("/_bulk_docs", refuse)
    report = await run_sync(store, couch)
    assert report.status.health is SyncHealth.ERROR
    assert not any(ch in report.status.text for ch in "\x1b\x07")


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,  # RecursionError in the JSON reader
        b'{"results": [], "last_seq": 1, "x": ' + b"[" * 70 + b"]" * 70 + b"}",
        json.dumps({"results": [], "last_seq": {"a": [{"b": [1]}]}}).encode(),
        json.dumps(
            {"results": [{"id": {"a": [1]}, "changes": [{"rev": ["x"]}]}], "last_seq": 1}
        ).encode(),
        json.dumps({"results": [{"id": "session:x", "changes": [[1]]}], "last_seq": 1}).encode(),
    ],
    ids=["100000 deep", "70 deep", "checkpoint of nested types", "id of nested types", "revs"],
)
async def test_an_answer_of_odd_shape_gets_one_clear_line(store, couch, body, caplog):
    couch.fail_next("/_changes", httpx.Response(200, content=body))
    with caplog.at_level(logging.INFO):
        report = await run_sync(store, couch)
    assert report.status.health is SyncHealth.ERROR
    assert "the server's answer to asking for changes" in report.status.text
    assert "unexpected" not in report.status.text
    assert not any(record.exc_info for record in caplog.records)


async def test_bulk_docs_answers_of_nested_types_get_one_clear_line(store, couch):
    couch.fail_next("/_bulk_docs", httpx.Response(201, json=[{"id": {"a": [1]}, "rev": ["x"]}]))
    report = await run_sync(store, couch)
    assert "the server's answer to saving sessions is not what a CouchDB server sends" in (
        report.status.text
    )


@pytest.mark.parametrize("timeout", ["inf", "1e400", "nan", "0", "-1", "86400", "soon"])
def test_a_timeout_that_never_ends_is_refused(timeout, tmp_path, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", str(tmp_path / "d"), "sync", "--timeout", timeout])
    assert refused.value.code == 2
    assert "not a number of seconds from 0 to 3600" in capsys.readouterr().err
