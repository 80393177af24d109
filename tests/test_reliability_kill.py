"""Case 1, short: SIGKILL while logging, finishing, importing and syncing (reliability/kill.py).

`make reliability` runs the same cases with 500 kills in all.
"""

from reliability.kill import (
    kill_while_finishing,
    kill_while_importing,
    kill_while_logging,
    kill_while_syncing,
)

from .sync_fixtures import pouchdb_fixture, pouchdb_script_fixture  # noqa: F401 - fixtures


def test_kills_while_logging_lose_no_saved_set(tmp_path):
    outcome = kill_while_logging(tmp_path, 20)
    assert (outcome.lost, outcome.problems) == (0, []), outcome


def test_kills_while_finishing_lose_nothing_and_duplicate_nothing(tmp_path):
    outcome = kill_while_finishing(tmp_path, 20)
    assert (outcome.lost, outcome.problems) == (0, []), outcome


def test_an_interrupted_import_re_runs_to_completion_and_every_session_is_sent(tmp_path):
    outcome = kill_while_importing(tmp_path, 8, sessions=300, outbox=True)
    assert (outcome.lost, outcome.problems) == (0, []), outcome


def test_a_device_killed_mid_sync_agrees_with_the_server_after_one_more_sync(tmp_path, pouchdb):
    outcome = kill_while_syncing(tmp_path, 30, pouchdb)
    assert (outcome.lost, outcome.problems) == (0, []), outcome
