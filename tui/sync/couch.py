"""The few CouchDB HTTP calls sync needs, over httpx, each retried within the run's deadline.

Every failure leaves as a SyncProblem whose message names the server without credentials.
"""

from __future__ import annotations

import asyncio
import functools
import json
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from tui.format import shown
from tui.sync.config import SyncConfig
from tui.sync.errors import BadAnswer, CredentialsRefused, ServerRefused, ServerUnreachable
from tui.sync.retry import (
    PASSING_FAULTS,
    Deadline,
    ServerBusy,
    is_busy,
    retry_after_seconds,
    retrying,
    send_retry_notes_to_the_log,
)

REQUEST_TIMEOUT_S = 10.0
# What one answer may hold: a page of 100 sessions is well under a megabyte. A server that sends
# more (a huge or an endless body) is stopped at this many bytes, not read into memory.
MAX_ANSWER_BYTES = 32 * 1024 * 1024
# How deep an answer may nest: a session document is about eight levels inside `_changes`.
MAX_DEPTH = 64


@dataclass(frozen=True)
class Remote:
    """What the server holds under one id right now."""

    rev: str
    deleted: bool
    doc: dict[str, Any] | None


@dataclass(frozen=True)
class Saved:
    """The server's word on one document of a `_bulk_docs` request."""

    id: str
    rev: str | None
    error: str | None = None
    reason: str = ""

    @property
    def conflict(self) -> bool:
        return self.error == "conflict"


@dataclass(frozen=True)
class Change:
    id: str
    rev: str
    deleted: bool
    doc: Any


@dataclass(frozen=True)
class ChangesPage:
    changes: list[Change]
    last_seq: Any  # opaque: an int on some servers, a string on CouchDB 2+
    pending: int | None


@functools.cache
def _certificates() -> ssl.SSLContext:
    """The TLS settings and certificate store httpx uses by default, loaded once per process
    (about 20 ms each time, at every sync, when each client loaded its own)."""
    return httpx.create_ssl_context()


def _bad(what: str) -> BadAnswer:
    return BadAnswer(f"the server's answer to {what} is not what a CouchDB server sends")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _is_seq(value: Any) -> bool:
    """A `_changes` checkpoint: a string (CouchDB 2+) or a number (pouchdb, CouchDB 1)."""
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def _too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` nests more than `limit` levels (walked without recursion)."""
    level: list[Any] = [value]
    for _ in range(limit + 1):
        level = [
            child
            for item in level
            if isinstance(item, (dict, list))
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, (dict, list))
        ]
        if not level:
            return False
    return True


class TooLarge(Exception):
    """An answer over MAX_ANSWER_BYTES: stop reading it."""


class CouchClient:
    """One CouchDB database, reached with the lifter's credentials."""

    def __init__(
        self,
        config: SyncConfig,
        deadline: Deadline,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout_s: float = REQUEST_TIMEOUT_S,
    ) -> None:
        self._config = config
        self._deadline = deadline
        self._request_timeout_s = request_timeout_s
        self._host = urlsplit(config.url).netloc
        self._db_url = f"{config.url}/{quote(config.database, safe='')}"
        auth = None
        if config.user and config.password:
            auth = httpx.BasicAuth(config.user, config.password)
        self._last_fault: Exception | None = None
        self._http = httpx.AsyncClient(
            auth=auth,
            transport=transport,
            headers={"Accept": "application/json"},
            verify=_certificates(),
        )
        send_retry_notes_to_the_log()

    async def __aenter__(self) -> CouchClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._http.aclose()

    # -- the calls -----------------------------------------------------------------------

    async def check_database(self) -> None:
        """Fail early, with the reason, if the database cannot be used."""
        answer = await self._send("the database check", "GET", self._db_url)
        if not isinstance(answer, dict):
            raise _bad("the database check")

    async def save(self, docs: list[dict[str, Any]]) -> list[Saved]:
        """POST _bulk_docs: one answer per document, each saved or refused on its own."""
        what = "saving sessions"
        answer = await self._send(what, "POST", f"{self._db_url}/_bulk_docs", json={"docs": docs})
        if not isinstance(answer, list) or len(answer) != len(docs):
            raise _bad(what)
        return [self._saved(item, what) for item in answer]

    async def current(self, doc_ids: list[str]) -> dict[str, Remote]:
        """What the server holds now under each id (deleted ones included); absent if never."""
        what = "looking sessions up"
        answer = await self._send(
            what,
            "POST",
            f"{self._db_url}/_all_docs",
            params={"include_docs": "true"},
            json={"keys": doc_ids},
        )
        rows = answer.get("rows") if isinstance(answer, dict) else None
        if not isinstance(rows, list):
            raise _bad(what)
        found = (self._remote(row, what) for row in rows)
        return {doc_id: remote for doc_id, remote in found if remote is not None}

    async def changes(self, since: Any, limit: int) -> ChangesPage:
        """One page of `_changes`, documents included, after the checkpoint `since`."""
        what = "asking for changes"
        params: dict[str, Any] = {"include_docs": "true", "limit": limit}
        if since is not None:
            params["since"] = since if isinstance(since, str) else str(since)
        answer = await self._send(what, "GET", f"{self._db_url}/_changes", params=params)
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise _bad(what)
        if not _is_seq(answer.get("last_seq")):
            raise _bad(what)
        pending = answer.get("pending")
        return ChangesPage(
            [self._change(item, what) for item in answer["results"]],
            answer["last_seq"],
            pending if isinstance(pending, int) else None,
        )

    # -- shapes --------------------------------------------------------------------------

    @staticmethod
    def _saved(item: Any, what: str) -> Saved:
        if not isinstance(item, dict) or not _is_text(item.get("id")):
            raise _bad(what)
        if _is_text(item.get("error")):
            return Saved(item["id"], None, item["error"], shown(str(item.get("reason", ""))[:200]))
        if not _is_text(item.get("rev")):
            raise _bad(what)
        return Saved(item["id"], item["rev"])

    @staticmethod
    def _remote(row: Any, what: str) -> tuple[str, Remote | None]:
        if not isinstance(row, dict) or not _is_text(row.get("key")):
            raise _bad(what)
        value = row.get("value")
        if "error" in row or value is None:
            return row["key"], None
        if not isinstance(value, dict) or not _is_text(value.get("rev")):
            raise _bad(what)
        doc = row.get("doc") if isinstance(row.get("doc"), dict) else None
        return row["key"], Remote(value["rev"], bool(value.get("deleted")), doc)

    @staticmethod
    def _change(item: Any, what: str) -> Change:
        if not isinstance(item, dict) or not _is_text(item.get("id")):
            raise _bad(what)
        revs = item.get("changes")
        if not isinstance(revs, list) or not revs or not isinstance(revs[0], dict):
            raise _bad(what)
        if not _is_text(revs[0].get("rev")):
            raise _bad(what)
        return Change(item["id"], revs[0]["rev"], bool(item.get("deleted")), item.get("doc"))

    # -- one request, retried ------------------------------------------------------------

    async def _send(self, what: str, method: str, url: str, **request: Any) -> Any:
        try:
            async for attempt in retrying(self._deadline):
                with attempt:
                    response, body = await self._attempt(method, url, **request)
        except (*PASSING_FAULTS, ServerBusy) as fault:
            raise ServerUnreachable(self._unreachable(fault)) from fault
        except TooLarge as large:
            limit = MAX_ANSWER_BYTES // (1024 * 1024)
            raise BadAnswer(
                f"the server's answer to {what} is larger than {limit} MB: stopped reading it"
            ) from large
        return self._answer(response, body, what)

    async def _attempt(self, method: str, url: str, **request: Any) -> tuple[httpx.Response, bytes]:
        """One request and its whole answer, within the time left: a server that sends its
        answer a byte at a time is cut off at the deadline, not after each slow read."""
        left = self._deadline.remaining()
        if left <= 0:  # the backoff slept past the deadline: report what went wrong before
            raise self._last_fault or httpx.ConnectTimeout("the deadline passed")
        limit = min(self._request_timeout_s, left)
        sent = self._http.build_request(method, url, timeout=httpx.Timeout(limit), **request)
        try:
            async with asyncio.timeout(limit):
                response = await self._http.send(sent, stream=True)
                try:
                    if is_busy(response.status_code):
                        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                        self._last_fault = ServerBusy(response.status_code, retry_after)
                        raise self._last_fault
                    body = await self._read(response)
                finally:
                    await response.aclose()
        except TimeoutError as late:
            self._last_fault = httpx.ReadTimeout("the answer did not come in time", request=sent)
            raise self._last_fault from late
        except PASSING_FAULTS as fault:
            self._last_fault = fault
            raise
        return response, body

    @staticmethod
    async def _read(response: httpx.Response) -> bytes:
        """The body, up to MAX_ANSWER_BYTES (TooLarge beyond: never all of it in memory)."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
            raise TooLarge(declared)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise TooLarge(size)
            chunks.append(chunk)
        return b"".join(chunks)

    def last_trouble(self) -> str | None:
        """Why the latest request failed, when it failed for want of the server: what a sync
        cut off by its deadline says, rather than only that time ran out."""
        fault = self._last_fault
        return None if fault is None else self._unreachable(fault)

    def _unreachable(self, fault: Exception) -> str:
        if isinstance(fault, ServerBusy):
            return f"{self._host} is busy or failing (it answered {fault})"
        if isinstance(fault, httpx.TimeoutException):
            return f"no answer from {self._host} in time"
        detail = str(fault) or type(fault).__name__
        if isinstance(fault, httpx.ConnectError):
            return f"cannot connect to {self._host} ({detail})"
        return f"the connection to {self._host} broke off ({detail})"

    def _answer(self, response: httpx.Response, body: bytes, what: str) -> Any:
        status = response.status_code
        if status == 401:
            raise CredentialsRefused(self._refused_credentials())
        if status == 403:
            raise CredentialsRefused(
                f"the server refused the user name or password, or user '{self._config.user}' "
                f"may not use the database '{self._config.database}'"
            )
        if status == 404:
            raise ServerRefused(
                f"there is no database '{self._config.database}' at {self._config.url}: "
                "create it on the server first (as its admin)"
            )
        if not 200 <= status <= 299:
            reason = self._server_reason(response, body)
            raise ServerRefused(f"the server refused {what}: {status} {reason}")
        try:
            answer = json.loads(body)
        except (ValueError, RecursionError) as error:  # RecursionError: nested thousands deep
            raise BadAnswer(f"the server's answer to {what} is not JSON") from error
        if _too_deep(answer):
            raise BadAnswer(f"the server's answer to {what} is nested too deeply")
        return answer

    def _refused_credentials(self) -> str:
        if self._config.user is None:
            return (
                "the server wants a user name and password: set user in [sync] "
                "and ONEMORE_SYNC_PASSWORD"
            )
        return "the server refused the user name or password"

    @staticmethod
    def _server_reason(response: httpx.Response, body: bytes) -> str:
        """The server's own words (its `reason`), cut short, with control characters written
        out: they go to the terminal, the log and the screen."""
        try:
            reason = json.loads(body[:65536]).get("reason", "")
        except (ValueError, AttributeError, RecursionError):
            reason = ""
        return shown(str(reason)[:200] or response.reason_phrase)
