"""Retrying what a later attempt can fix (no connection, timeouts, 429, 5xx) within one deadline.

The retries are stamina's; its notes about them go to our log file, never to the screen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any

import httpx
import stamina
from stamina.instrumentation import RetryDetails, set_on_retry_hooks

log = logging.getLogger("tui.sync.retry")

# What a second try can cure; a refused password or a bad request it cannot.
PASSING_FAULTS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
WAIT_INITIAL_S = 0.5
WAIT_MAX_S = 5.0


class Deadline:
    """The moment a whole sync run gives up, on a monotonic clock the caller may inject."""

    def __init__(self, seconds: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._monotonic = monotonic
        self._end = monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - self._monotonic())


class ServerBusy(Exception):
    """A 429 or 5xx answer: the server is there but cannot serve us right now."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "server error"
        super().__init__(f"{status} {phrase}")
        self.status = status
        self.retry_after = retry_after


def is_busy(status: int) -> bool:
    return status == 429 or 500 <= status <= 599


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: it is either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - (now or datetime.now(timezone.utc))).total_seconds())


def retry_decision(deadline: Deadline) -> Callable[[Exception], bool | float]:
    """For stamina: retry passing faults while time is left, waiting as long as the server asks."""

    def decide(error: Exception) -> bool | float:
        left = deadline.remaining()
        if left <= 0 or not isinstance(error, (*PASSING_FAULTS, ServerBusy)):
            return False
        if isinstance(error, ServerBusy) and error.retry_after is not None:
            return error.retry_after if error.retry_after < left else False
        return True

    return decide


def retrying(deadline: Deadline) -> Any:
    """`async for attempt in retrying(deadline): with attempt: ...`"""
    return stamina.retry_context(
        on=retry_decision(deadline),
        attempts=None,
        timeout=max(deadline.remaining(), 0.001),
        wait_initial=WAIT_INITIAL_S,
        wait_max=WAIT_MAX_S,
    )


def log_retry(details: RetryDetails) -> None:
    log.info("retry %d in %.1f s after %r", details.retry_num, details.wait_for, details.caused_by)


def send_retry_notes_to_the_log() -> None:
    """Replace stamina's default hooks (structlog would print) with one line in our log."""
    set_on_retry_hooks([log_retry])
