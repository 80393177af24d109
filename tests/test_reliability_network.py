"""Case 4, short: two devices sync with a real pouchdb-server through the fault proxy."""

import httpx

from reliability.network import network_faults
from tui.sync.config import SyncConfig

from .fault_proxy import FaultPlan, FaultProxy
from .sync_fixtures import pouchdb_fixture, pouchdb_script_fixture  # noqa: F401 - fixtures


def test_after_the_faults_stop_one_more_sync_makes_both_sides_equal(tmp_path, pouchdb):
    outcome = network_faults(tmp_path, 3, pouchdb)
    assert (outcome.lost, outcome.problems) == (0, []), outcome


def test_the_proxy_injects_each_fault_and_passes_everything_once_it_is_off(pouchdb):
    config: SyncConfig = pouchdb.new_database()
    seen = {}
    for fault in ("drop", "reset mid-answer", "500", "500 after work", "429"):
        with FaultProxy(pouchdb.port, FaultPlan(rate=1.0, kinds=(fault,))) as proxy:
            try:
                seen[fault] = httpx.get(f"{proxy.url}/{config.database}", timeout=5).status_code
            except httpx.TransportError as error:
                seen[fault] = type(error).__name__
    assert seen["500"] == seen["500 after work"] == 500 and seen["429"] == 429
    assert seen["drop"] in ("RemoteProtocolError", "ReadError")
    assert seen["reset mid-answer"] in ("RemoteProtocolError", "ReadError")
    plan = FaultPlan(rate=1.0, active=False)
    with FaultProxy(pouchdb.port, plan) as proxy:
        assert httpx.get(f"{proxy.url}/", timeout=5).status_code == 200
    assert plan.applied == {"none": 1}


def test_the_proxy_stops_itself_after_its_lifetime(pouchdb):
    proxy = FaultProxy(pouchdb.port, FaultPlan(), lifetime_s=0.1).start()
    proxy._thread.join(timeout=5)
    assert not proxy._thread.is_alive()
