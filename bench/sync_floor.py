"""The floors of the sync figures: the same server calls made with plain httpx, nothing else.

- pull: `_changes` with `include_docs`, the page size the client uses (the same requests the
  server answers; one big feed costs pouchdb-server the same, measured at 1.72 s against 1.70 s
  for pages of 100), each page's documents JSON-encoded and written durably to one file;
- push: `_bulk_docs` of the very documents the client sends, in its batches, into a fresh
  database (the documents are built before the clock starts);
- one round trip: a one-document `_bulk_docs` (send) and one `_changes` page since the
  checkpoint before it, written durably (receive), each on a connection already open (the
  median of ROUND_TRIPS after one to open it).

No checks, no merge, no store: what any pull or push of these documents must at least cost.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

from tui.store.storage import write_durably
from tui.sync.config import SyncConfig

TIMEOUT_S = 60.0
ROUND_TRIPS = 5


def _client(config: SyncConfig) -> httpx.AsyncClient:
    auth = (config.user, config.password) if config.user and config.password else None
    return httpx.AsyncClient(auth=auth, timeout=TIMEOUT_S)


def _db(config: SyncConfig) -> str:
    return f"{config.url}/{config.database}"


def _write(path: Path, docs: list[Any]) -> None:
    write_durably(path, json.dumps(docs, ensure_ascii=False, separators=(",", ":")).encode())


async def _pull(config: SyncConfig, folder: Path, page_size: int, since: Any) -> tuple[int, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    got, pages = 0, 0
    async with _client(config) as http:
        while True:
            params: dict[str, Any] = {"include_docs": "true", "limit": page_size}
            if since is not None:
                params["since"] = since
            answer = (await http.get(f"{_db(config)}/_changes", params=params)).json()
            docs = [change.get("doc") for change in answer["results"]]
            pages += 1
            got += len(docs)
            _write(folder / f"page-{pages}.json", docs)
            since = answer["last_seq"]
            if not docs or answer.get("pending") == 0 or len(docs) < page_size:
                return got, since


def raw_pull(
    config: SyncConfig, folder: Path, page_size: int, since: Any = None
) -> tuple[float, int, Any]:
    """(seconds, documents received, last_seq) of a plain paged `_changes` pull to disk."""
    started = time.perf_counter()
    got, last_seq = asyncio.run(_pull(config, folder, page_size, since))
    return time.perf_counter() - started, got, last_seq


async def _push(config: SyncConfig, docs: list[dict[str, Any]], batch_size: int) -> int:
    saved = 0
    async with _client(config) as http:
        for start in range(0, len(docs), batch_size):
            batch = docs[start : start + batch_size]
            answer = await http.post(f"{_db(config)}/_bulk_docs", json={"docs": batch})
            saved += sum(1 for item in answer.json() if item.get("rev"))
    return saved


def raw_push(config: SyncConfig, docs: list[dict[str, Any]], batch_size: int) -> tuple[float, int]:
    """(seconds, documents saved) of plain `_bulk_docs` requests of `docs`."""
    started = time.perf_counter()
    saved = asyncio.run(_push(config, docs, batch_size))
    return time.perf_counter() - started, saved


async def _round_trips(
    config: SyncConfig, scratch: SyncConfig, doc: dict[str, Any], since: Any, folder: Path
) -> tuple[float, float]:
    folder.mkdir(parents=True, exist_ok=True)
    sends, receives = [], []
    async with _client(config) as http, _client(scratch) as scratch_http:
        for number in range(ROUND_TRIPS + 1):
            one = {**doc, "_id": f"{doc['_id']}-floor-{number}"}
            started = time.perf_counter()
            await scratch_http.post(f"{_db(scratch)}/_bulk_docs", json={"docs": [one]})
            sends.append(time.perf_counter() - started)
            started = time.perf_counter()
            params = {"include_docs": "true", "limit": 100, "since": since}
            answer = (await http.get(f"{_db(config)}/_changes", params=params)).json()
            _write(folder / f"one-{number}.json", [c.get("doc") for c in answer["results"]])
            receives.append(time.perf_counter() - started)
    return statistics.median(sends[1:]), statistics.median(receives[1:])


def round_trips(
    config: SyncConfig, scratch: SyncConfig, doc: dict[str, Any], since: Any, folder: Path
) -> tuple[float, float]:
    """(send, receive) seconds: a one-document `_bulk_docs` into `scratch`, and the `_changes`
    of `config` since `since` written to disk."""
    return asyncio.run(_round_trips(config, scratch, doc, since, folder))


def last_seq(config: SyncConfig) -> Any:
    """The database's current checkpoint (asked for before a round trip is timed)."""
    auth = (config.user, config.password) if config.user and config.password else None
    answer = httpx.get(f"{_db(config)}/_changes", params={"since": "now"}, auth=auth)
    return answer.json()["last_seq"]
