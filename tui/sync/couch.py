"""The few CouchDB HTTP calls sync needs, over httpx, each retried within the run's deadline.

Every failure leaves as a SyncProblem whose message names the server without credentials.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

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


def _bad(what: str) -> BadAnswer:
    return BadAnswer(f"the server's answer to {what} is not what a CouchDB server sends")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


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
            auth=auth, transport=transport, headers={"Accept": "application/json"}
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
        if "last_seq" not in answer:
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
            return Saved(item["id"], None, item["error"], str(item.get("reason", "")))
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
                    response = await self._attempt(method, url, **request)
        except PASSING_FAULTS as fault:
            raise ServerUnreachable(self._unreachable(fault)) from fault
        except ServerBusy as busy:
            reason = f"{self._host} is busy or failing (it answered {busy})"
            raise ServerUnreachable(reason) from busy
        return self._answer(response, what)

    async def _attempt(self, method: str, url: str, **request: Any) -> httpx.Response:
        left = self._deadline.remaining()
        if left <= 0:  # the backoff slept past the deadline: report what went wrong before
            raise self._last_fault or httpx.ConnectTimeout("the deadline passed")
        timeout = httpx.Timeout(min(self._request_timeout_s, left))
        try:
            response = await self._http.request(method, url, timeout=timeout, **request)
        except PASSING_FAULTS as fault:
            self._last_fault = fault
            raise
        if is_busy(response.status_code):
            await response.aclose()
            retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            self._last_fault = ServerBusy(response.status_code, retry_after)
            raise self._last_fault
        return response

    def _unreachable(self, fault: Exception) -> str:
        if isinstance(fault, httpx.TimeoutException):
            return f"no answer from {self._host} in time"
        detail = str(fault) or type(fault).__name__
        if isinstance(fault, httpx.ConnectError):
            return f"cannot connect to {self._host} ({detail})"
        return f"the connection to {self._host} broke off ({detail})"

    def _answer(self, response: httpx.Response, what: str) -> Any:
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
            reason = self._server_reason(response)
            raise ServerRefused(f"the server refused {what}: {status} {reason}")
        try:
            return response.json()
        except ValueError as error:
            raise BadAnswer(f"the server's answer to {what} is not JSON") from error

    def _refused_credentials(self) -> str:
        if self._config.user is None:
            return (
                "the server wants a user name and password: set user in [sync] "
                "and ONEMORE_SYNC_PASSWORD"
            )
        return "the server refused the user name or password"

    @staticmethod
    def _server_reason(response: httpx.Response) -> str:
        try:
            reason = response.json().get("reason", "")
        except (ValueError, AttributeError):
            reason = ""
        return str(reason)[:200] or response.reason_phrase
