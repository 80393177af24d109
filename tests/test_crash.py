"""Kill a logging process at random moments: every set whose save returned must survive."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.store.repository import Store

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 60


def run_and_kill(data_dir: Path, rng: random.Random) -> list[str]:
    """Start the logger, SIGKILL it at a random moment, return the lines it had printed."""
    env = {**os.environ, "PYTHONPATH": str(CHILD.parent.parent)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)], stdout=subprocess.PIPE, env=env
    )
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0, 0.15))  # sometimes during start-up, repair and sweep included
    else:
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.04))
    child.send_signal(signal.SIGKILL)
    output = child.stdout.read().decode()
    child.wait()
    return output.splitlines()


def test_sigkill_at_random_moments_loses_no_saved_set(tmp_path):
    rng = random.Random(20261125)
    data_dir = tmp_path / "data"
    confirmed_sets: set[str] = set()
    confirmed_sessions: set[str] = set()
    for kill in range(KILLS):
        for line in run_and_kill(data_dir, rng):
            word, _, value = line.partition(" ")
            if word == "set":
                confirmed_sets.add(value)
            elif word == "finished":
                confirmed_sessions.add(value)
        for path in data_dir.rglob("*.json"):
            json.loads(path.read_text())  # no file is ever unreadable
        with Store(data_dir) as store:
            assert not store.notices, f"after kill {kill}: {store.notices}"
            finished = list(store.finished_sessions())
            ids = [s.id for s in finished]
            assert len(ids) == len(set(ids)), f"a session was duplicated after kill {kill}"
            assert confirmed_sessions <= set(ids)
            kept = {s.id for session in finished for s in session.sets}
            if store.live:
                kept |= {s.id for s in store.live.sets}
            lost = confirmed_sets - kept
            assert not lost, f"after kill {kill}, {len(lost)} saved sets were lost"
    assert len(confirmed_sets) > KILLS  # the kills really landed while sets were being logged
    assert confirmed_sessions  # and while sessions were being finished
    assert not list(data_dir.rglob("*.corrupt-*"))
