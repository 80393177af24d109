"""Case 4, network faults: two devices sync with a real pouchdb-server through the fault proxy.

While the faults last, a sync may end offline, never in a crash or a lost session. Once they
stop, one more sync of each device makes it hold exactly what the server holds, once each.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import stamina

from reliability.outcome import Outcome
from reliability.server import differences, local_sessions, server_sessions
from tests.conftest import make_session
from tests.fault_proxy import FaultPlan, FaultProxy
from tests.sync_fixtures import PouchServer
from tui.core.model import Session
from tui.store.repository import Store
from tui.sync.config import SyncConfig
from tui.sync.service import SyncService
from tui.sync.status import SyncHealth

DAY_ONE = datetime(2026, 1, 1, tzinfo=timezone.utc)
FAULTY_DEADLINE_S = 4.0


def a_session(rng: random.Random) -> Session:
    moment = DAY_ONE + timedelta(days=rng.randrange(365), minutes=rng.randrange(1440))
    return make_session(
        "Net",
        at=moment,
        sets=rng.randint(1, 4),
        exercise="Overhead Press",
        catalog_id="overhead_press",
        weight=50,
    )


def change_something(data: Path, rng: random.Random, added: set[str]) -> None:
    """What a lifter does between syncs: finish sessions, edit one, delete one."""
    with Store(data) as store:
        for _ in range(rng.randint(1, 3)):
            session = a_session(rng)
            store.add_finished([session])
            added.add(session.id)
        summaries = store.summaries()
        if summaries and rng.random() < 0.4:
            edited = store.session(rng.choice(summaries).id)
            moment = DAY_ONE + timedelta(days=400, seconds=rng.randrange(10**6))
            store.add_finished([replace(edited.edited(moment), name=f"Net {rng.randrange(100)}")])
        if len(summaries) > 2 and rng.random() < 0.3:
            store.delete_session(rng.choice(summaries).id, DAY_ONE + timedelta(days=500))


async def sync(data: Path, config: SyncConfig, deadline_s: float) -> SyncService:
    with Store(data) as store:
        service = SyncService(store, config, deadline_s=deadline_s)
        await service.run()
        return service


async def one_round(
    devices: list[Path], config: SyncConfig, via: SyncConfig, plan: FaultPlan, pouch: PouchServer
) -> list[str]:
    problems = []
    plan.active = True
    for data in devices:
        service = await sync(data, via, FAULTY_DEADLINE_S)
        status = service.last_status
        if status is None or status.health is SyncHealth.ERROR and "unexpected" in status.reason:
            problems.append(f"{data.name} under faults: {status}")
    plan.active = False
    for data in devices:  # the faults have stopped: one sync each must agree with the server
        status = (await sync(data, via, 30)).last_status
        if status is None or status.health is not SyncHealth.SYNCED:
            problems.append(f"{data.name} after the faults: {status and status.text}")
        lines = differences(local_sessions(data), server_sessions(pouch, config.database))
        problems += [f"{data.name}: {line}" for line in lines]
    return problems


def never_arrived(added: set[str], devices: list[Path], server: dict[str, dict]) -> set[str]:
    """Sessions finished on a device that are not on the server and were not deleted."""
    missing = added - set(server)
    for data in devices:
        with Store(data) as store:
            missing = {i for i in missing if store.tombstone(i) is None}
    return missing


def astray(problems: list[str]) -> set[str]:
    """The ids of sessions a device and the server disagree on ("phone: <id> only on ...")."""
    return {p.split()[1] for p in problems if " only on " in p or p.endswith(" differs")}


def network_faults(work: Path, rounds: int, pouch: PouchServer, seed: int = 10) -> Outcome:
    """`rounds` rounds of changes on two devices, synced through faults, then without."""
    outcome, rng = Outcome("network faults (proxy)"), random.Random(seed)
    config = pouch.new_database()
    plan = FaultPlan(rate=0.35, seed=seed)
    devices = [work / "phone", work / "laptop"]
    added: set[str] = set()
    diverged: set[str] = set()
    with FaultProxy(pouch.port, plan) as proxy, stamina.set_testing(True, attempts=3):
        via = replace(config, url=proxy.url)
        for number in range(rounds):
            for data in devices:
                change_something(data, rng, added)
            problems = asyncio.run(one_round(devices, config, via, plan, pouch))
            outcome.tried += 1
            diverged |= astray(problems)
            if problems:
                outcome.fail(f"round {number}: " + "; ".join(problems[:5]))
    missing = never_arrived(added, devices, server_sessions(pouch, config.database))
    if missing:
        outcome.fail(f"{len(missing)} sessions finished on a device never reached the server")
    outcome.lost = len(diverged | missing)
    faults = sum(plan.applied.values()) - plan.applied["none"]
    outcome.case += f" ({faults} faults in {sum(plan.applied.values())} requests)"
    return outcome
