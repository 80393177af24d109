"""Case 1, kill: SIGKILL while logging sets, finishing sessions, importing and syncing.

After every kill: each set and session whose save returned is there, every file reads, no
session is twice, an interrupted import re-runs to completion and a sync to agreement.
"""

from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from reliability.bigfile import strong_export
from reliability.checks import contents, damage
from reliability.cli import CHILDREN, ROOT, child_env, onemore
from reliability.outcome import Outcome
from reliability.server import differences, local_sessions, server_sessions, sync_once
from tests.sync_fixtures import PouchServer
from tui.interchange.dialects import open_export
from tui.interchange.importer import read_sessions
from tui.store.repository import Store

READY_TIMEOUT_S = 30


class Child:
    """A process to kill, reading its confirmations line by line as they come."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env or child_env(),
            cwd=ROOT,
        )
        self.lines: list[str] = []

    def wait_for(self, word: str) -> bool:
        """Read lines until one starts with `word`; False if the child ended first."""
        assert self.process.stdout is not None
        while True:
            line = self.process.stdout.readline().decode()
            if not line:
                return False
            self.lines.append(line.rstrip("\n"))
            if line.startswith(word):
                return True

    def kill(self) -> list[str]:
        """SIGKILL now; every line it printed before dying."""
        self.process.send_signal(signal.SIGKILL)
        assert self.process.stdout is not None
        rest = self.process.stdout.read().decode()
        self.process.wait(timeout=READY_TIMEOUT_S)
        return self.lines + rest.splitlines()


def confirmed(lines: list[str], word: str) -> set[str]:
    return {line.split(" ", 1)[1] for line in lines if line.startswith(word + " ")}


def check_logged(
    outcome: Outcome, data: Path, sets: set[str], sessions: set[str], label: str
) -> None:
    found = contents(data)
    lost_sets = sets - found.set_ids
    lost_sessions = sessions - set(found.session_ids)
    outcome.lost += len(lost_sets) + len(lost_sessions)
    problems = damage(found)
    if lost_sets or lost_sessions:
        problems.append(f"lost {len(lost_sets)} sets and {len(lost_sessions)} sessions")
    if problems:
        outcome.fail(f"{label}: " + "; ".join(problems))


def gap_between(data: Path, first: str, then: str, samples: int = 5) -> float:
    """How long the child takes from a `first` line to the next `then` line (the median)."""
    child = Child([sys.executable, str(CHILDREN), "finish", str(data)])
    gaps = []
    while len(gaps) < samples and child.wait_for(first):
        start = time.monotonic()
        child.wait_for(then)
        gaps.append(time.monotonic() - start)
    child.kill()
    return sorted(gaps)[len(gaps) // 2] if gaps else 0.02


def kill_while_logging(work: Path, kills: int, seed: int = 1) -> Outcome:
    """Kill a process logging sets; 1 in 5 kills lands during start-up and its repairs."""
    outcome, rng, data = Outcome("kill while logging sets"), random.Random(seed), work / "logging"
    sets: set[str] = set()
    sessions: set[str] = set()
    for number in range(kills):
        child = Child([sys.executable, str(CHILDREN), "log", str(data)])
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0, 0.15))
        elif child.wait_for("ready"):
            time.sleep(rng.uniform(0, 0.04))
        lines = child.kill()
        sets |= confirmed(lines, "set")
        sessions |= confirmed(lines, "finished")
        outcome.tried += 1
        check_logged(outcome, data, sets, sessions, f"kill {number}")
    if len(sets) <= kills:
        outcome.fail(f"the kills rarely landed while logging ({len(sets)} sets in {kills} kills)")
    return outcome


def kill_while_finishing(work: Path, kills: int, seed: int = 2) -> Outcome:
    """Kill a process in the middle of finishing a session (history, index, outbox, live)."""
    outcome, rng, data = (
        Outcome("kill while finishing a session"),
        random.Random(seed),
        work / "finishing",
    )
    gap = gap_between(work / "calibration", "finishing", "finished")
    sets: set[str] = set()
    sessions: set[str] = set()
    for number in range(kills):
        child = Child([sys.executable, str(CHILDREN), "finish", str(data)])
        if child.wait_for("ready") and child.wait_for("finishing"):
            time.sleep(rng.uniform(0, 1.5 * gap))
        lines = child.kill()
        sets |= confirmed(lines, "set")
        sessions |= confirmed(lines, "finished")
        outcome.tried += 1
        check_logged(outcome, data, sets, sessions, f"kill {number}")
    return outcome


# -- import ------------------------------------------------------------------------------

IMPORTED = re.compile(r"Imported ([\d,]+) sessions?")
PRESENT = re.compile(r"Already here: ([\d,]+) sessions?")


def first_write(data: Path, command: list[str]) -> tuple[float, float]:
    """Seconds from start until the import first writes history, and until it ends."""
    started = time.monotonic()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env()
    )
    writing = None
    while process.poll() is None:
        if writing is None and any((data / "history").glob("*.json")):
            writing = time.monotonic() - started
        time.sleep(0.001)
    total = time.monotonic() - started
    return (writing if writing is not None else total / 2), total


def expected_sessions(path: Path) -> dict[str, int]:
    """Session id -> number of sets, as an uninterrupted import makes them."""
    export, reader, _ = open_export("strong", path, "kg")
    assembly = read_sessions(export, reader, None)
    return {a.session.id: len(a.session.sets) for a in assembly.sessions}


def check_import(
    data: Path, source: Path, expected: dict[str, int], outbox: bool
) -> tuple[int, list[str]]:
    """Re-run the import after a kill: (sessions lost, problems). `outbox`: also check that
    every imported session waits in the outbox, so the next sync sends it."""
    problems = damage(contents(data))
    rerun = onemore("--data-dir", str(data), "import", "strong", str(source), "--tz", "UTC")
    if rerun.returncode != 0:
        return 0, problems + [f"the re-run failed: {rerun.stderr.strip()}"]
    new, present = (
        int(p.search(rerun.stdout).group(1).replace(",", "")) for p in (IMPORTED, PRESENT)
    )
    if new + present != len(expected):
        problems.append(f"the re-run counts {new} new + {present} here, not {len(expected)}")
    found = contents(data)
    problems += damage(found)
    stored = set(found.session_ids)
    lost = set(expected) - stored
    if lost or stored - set(expected):
        problems.append(f"{len(lost)} sessions missing, {len(stored - set(expected))} unexpected")
    unsent = set(expected) - found.pending if outbox else set()
    if unsent:
        problems.append(
            f"{len(unsent)} imported sessions are not in the outbox: sync would never send them"
        )
    return len(lost) + len(unsent), problems


def kill_while_importing(
    work: Path, kills: int, sessions: int = 2000, seed: int = 3, outbox: bool = True
) -> Outcome:
    """Kill `onemore import strong` on a big file, then re-run it to the end."""
    outcome, rng = Outcome("kill while importing"), random.Random(seed)
    source = strong_export(work / "strong-big.csv", sessions)
    expected = expected_sessions(source)
    data = work / "import-data"
    command = [
        sys.executable,
        "-m",
        "tui",
        "--data-dir",
        str(data),
        "import",
        "strong",
        str(source),
        "--tz",
        "UTC",
    ]
    writing, total = first_write(data, command)
    for number in range(kills):
        shutil.rmtree(data, ignore_errors=True)
        child = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env()
        )
        time.sleep(rng.uniform(0.8 * writing, total * 1.1))  # mostly while it writes
        child.send_signal(signal.SIGKILL)
        child.wait()
        outcome.tried += 1
        lost, problems = check_import(data, source, expected, outbox)
        outcome.lost += lost
        if problems:
            outcome.fail(f"kill {number}: " + "; ".join(problems))
    return outcome


# -- sync --------------------------------------------------------------------------------


def kill_while_syncing(work: Path, kills: int, pouch: PouchServer, seed: int = 4) -> Outcome:
    """Kill a device in the middle of syncing with a real server; then one sync must agree."""
    outcome, rng = Outcome("kill while syncing"), random.Random(seed)
    config = pouch.new_database()
    device, other = work / "sync-device", work / "sync-other"
    env = child_env(ONEMORE_SYNC_PASSWORD=config.password or "")
    command = [
        sys.executable,
        str(CHILDREN),
        "sync",
        str(device),
        config.url,
        config.database,
        config.user or "",
    ]
    added: set[str] = set()
    deleted: set[str] = set()
    astray: set[str] = set()  # sessions a device and the server disagree on, over every kill
    for number in range(kills):
        child = Child(command, env)
        if child.wait_for("ready"):
            time.sleep(rng.uniform(0, 0.6))
        lines = child.kill()
        added |= confirmed(lines, "added")
        deleted |= confirmed(lines, "deleted")
        outcome.tried += 1
        problems = damage(contents(device))
        now_astray, more = agree(device, other, config, pouch, added - deleted)
        astray |= now_astray
        if problems + more:
            outcome.fail(f"kill {number}: " + "; ".join(problems + more))
    outcome.lost = len(astray)
    return outcome


def agree(
    device: Path, other: Path, config, pouch: PouchServer, kept: set[str]
) -> tuple[set[str], list[str]]:
    """One sync of each device: both must then hold what the server holds, once each.
    Returns the ids of sessions that did not get where they belong, and the problems."""
    problems = []
    for folder in (device, other):
        report = sync_once(folder, config)
        if not report.ok or report.pending:
            problems.append(f"{folder.name}: {report.status.text}")
    server = server_sessions(pouch, config.database)
    astray = set()
    for folder in (device, other):
        lines = differences(local_sessions(folder), server)
        astray |= {line.split()[0] for line in lines}
        problems += [f"{folder.name}: {line}" for line in lines]
    with Store(device, lock_timeout=10) as store:  # a deletion cut short by the kill still counts
        lost = {i for i in kept - set(server) if store.tombstone(i) is None}
    if lost:
        problems.append(f"{len(lost)} added sessions never reached the server")
    return astray | lost, problems
