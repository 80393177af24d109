"""The real `onemore` in a real terminal (tmux): a short session typed as at the rack.

Keys go in bursts across screen changes (answer, skip rest, next set), as fast as tmux
sends them: a dropped key would show up as a missing or wrong set in the export.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ONEMORE = str(Path(sys.executable).with_name("onemore"))
WAIT_S = 20


@pytest.fixture
def terminal(tmp_path):
    if shutil.which("tmux") is None:
        pytest.fail(
            "tmux is needed for this test: install it (apt-get install tmux); make test does"
        )
    name = f"onemore-{uuid.uuid4().hex[:8]}"
    data_dir = tmp_path / "data"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "TERM": "xterm-256color"}
    command = f"{ONEMORE} --data-dir {data_dir}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "32", command],
        check=True,
        env=env,
    )
    yield name, data_dir, env
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def screen(name: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
    ).stdout


def wait_for(name: str, words: str) -> str:
    """Poll the real terminal until `words` show (a real process has no clock to inject)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        shown = screen(name)
        if words in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{words!r} never showed; the screen was:\n{screen(name)}")


def keys(name: str, *keys: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", name, *keys], check=True)


def test_a_session_at_the_rack_in_a_real_terminal(terminal):
    name, data_dir, env = terminal
    wait_for(name, "Start a session")
    keys(name, "Enter")
    wait_for(name, "How did you sleep?")
    keys(name, "4", "3", "4")
    wait_for(name, "A normal day")
    keys(name, "Enter")
    wait_for(name, "Set 1 of 3")
    keys(name, "100x5", "Enter", "2", "Enter")  # log, answer "2 left", skip the rest at once
    wait_for(name, "Set 2 of 3")
    keys(name, "100x5", "Enter", "1")
    wait_for(name, "Rest. Phone away")
    keys(name, "Enter")
    wait_for(name, "Set 3 of 3")
    keys(name, "f", "Enter")
    wait_for(name, "Saved: Full body A")
    shown = wait_for(name, "Barbell Back Squat")  # the review, worked out in the background
    assert "100 kg × 5 @2" in shown and "100 kg × 5 @1" in shown
    keys(name, "Enter")
    wait_for(name, "Last session: Full body A")
    keys(name, "q")

    export = subprocess.run(
        [ONEMORE, "--data-dir", str(data_dir), "export"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert export.returncode == 0, export.stderr
    [session] = json.loads(export.stdout)["sessions"]
    assert session["ended_at"] is not None
    assert session["checkin"] == {"sleep": 4, "stress": 3, "energy": 4}
    sets = session["exercises"][0]["sets"]
    assert [(s["weight"], s["reps"], s["kind"], s["rir"]) for s in sets] == [
        (100, 5, "working", 2),
        (100, 5, "working", 1),
    ]
    assert sets[0]["rest_actual_s"] is None
    assert sets[1]["rest_planned_s"] == 180 and sets[1]["rest_actual_s"] is not None
