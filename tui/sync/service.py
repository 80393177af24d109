"""One sync run: push the outbox, pull the server's changes, push what the pull merged.

Runs on the event loop (the app's worker or `asyncio.run` in the shell); the network
waits there, and the store's disk work of each step runs in a thread (`asyncio.to_thread`),
one step at a time, so the app's keys never wait on a sync. It never raises for a fault:
it returns a report whose status says synced, N pending, offline (reason) or error
(reason). Whatever was not carried stays in the outbox for next time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime

import httpx

from tui.store.repository import Store, utc_now
from tui.sync.config import SyncConfig
from tui.sync.context import RunContext
from tui.sync.couch import CouchClient
from tui.sync.errors import ServerUnreachable, SyncProblem
from tui.sync.interpreter import sharing_the_interpreter
from tui.sync.pull import pull
from tui.sync.push import push
from tui.sync.report import SyncReport
from tui.sync.retry import Deadline
from tui.sync.state import SyncState
from tui.sync.status import SyncHealth, SyncStatus, resting_status

log = logging.getLogger(__name__)

BATCH_SIZE = 100
PAGE_SIZE = 100
RUN_GRACE_S = 2.0  # past the deadline, for the last request to end and its result to be kept


class SyncService:
    """Syncs one store with one CouchDB database; `run()` once per sync."""

    def __init__(
        self,
        store: Store,
        config: SyncConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        now: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        deadline_s: float = 30.0,
        batch_size: int = BATCH_SIZE,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.store = store
        self.config = config
        self._transport = transport
        self._now = now
        self._monotonic = monotonic
        self.deadline_s = deadline_s
        self._batch_size = batch_size
        self._page_size = page_size
        self._running = False
        self._couch: CouchClient | None = None  # of the run in progress or the last one
        self.last_status: SyncStatus | None = None

    def status(self) -> SyncStatus:
        """For the footer: syncing now, how the last run ended, or what waits in the outbox."""
        if self._running:
            return SyncStatus(SyncHealth.SYNCING, len(self.store.pending_changes()))
        last = self.last_status
        if last is not None and last.health in (SyncHealth.OFFLINE, SyncHealth.ERROR):
            return SyncStatus(last.health, len(self.store.pending_changes()), last.reason)
        return resting_status(self.store)

    async def run(self) -> SyncReport:
        """One full sync. A second call while one runs returns at once (status: syncing)."""
        report = SyncReport()
        if self._running:
            return report
        self._running = True
        self._couch = None
        try:
            report.status = await self._run(report)
        finally:
            self._running = False
        report.pending = len(self.store.pending_changes())
        health = report.status.health
        if health is SyncHealth.SYNCED and report.pending:
            health = SyncHealth.PENDING
        report.status = SyncStatus(health, report.pending, report.status.reason)
        self.last_status = report.status
        log.info("sync with %s: %s; %s", self.config.target, report.counts, report.status.text)
        return report

    async def _run(self, report: SyncReport) -> SyncStatus:
        if self.store.read_only:
            return _error("another OneMore has this data folder open; sync runs from that one")
        try:
            # The deadline bounds every request; this bounds the run as a whole, store work
            # between requests included, so no server can hold a sync past it.
            async with asyncio.timeout(self.deadline_s + RUN_GRACE_S):
                with sharing_the_interpreter():
                    await self._carry(report)
        except TimeoutError:
            late = f"the sync did not finish in {self.deadline_s:g} s"
            trouble = self._couch.last_trouble() if self._couch is not None else None
            return SyncStatus(SyncHealth.OFFLINE, reason=f"{trouble}; {late}" if trouble else late)
        except ServerUnreachable as problem:
            return SyncStatus(SyncHealth.OFFLINE, reason=problem.reason)
        except SyncProblem as problem:
            return _error(problem.reason)
        except OSError as problem:  # the disk is full or read-only: what was carried is kept
            log.warning("sync could not save: %s", problem)
            return _error(f"cannot save to {self.store.data_dir}: {problem.strerror or problem}")
        except Exception:
            log.exception("sync failed unexpectedly")
            return _error("unexpected problem (details in the log file)")
        if report.refused:
            return _error(f"the server refused {report.refused} session(s) (see the log file)")
        return SyncStatus(SyncHealth.SYNCED)

    async def _carry(self, report: SyncReport) -> None:
        deadline = Deadline(self.deadline_s, self._monotonic)
        async with CouchClient(self.config, deadline, transport=self._transport) as couch:
            self._couch = couch
            ctx = RunContext(
                self.store,
                couch,
                SyncState(self.store, self.config.target),
                report,
                self._now,
                self._batch_size,
                self._page_size,
            )
            await couch.check_database()
            outbox = self.store.pending_changes()
            await push(ctx, outbox)
            await pull(ctx)
            # Again: what the pull merged, and what was finished meanwhile; not what just failed.
            later = self.store.pending_changes()
            fresh = {i: c for i, c in later.items() if i in ctx.send_again or outbox.get(i) != c}
            if fresh or ctx.send_again:
                await push(ctx, fresh, ctx.send_again)
            report.refused = len(ctx.refused)


def _error(reason: str) -> SyncStatus:
    return SyncStatus(SyncHealth.ERROR, reason=reason)
