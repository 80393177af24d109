"""A lifter at a real terminal: the real `onemore` in tmux, keys as a person sends them.

One tmux server (its own socket, no user config) serves every scenario; each start of the
app is a tmux session of its own size. Nothing is judged from the app's own state: the
scenarios read the screen (capture-pane) to know when to type, and the JSON files on disk
(live.json, `onemore export --format json`) to know what was kept. No blind sleeps: every
wait polls until a text shows, a file says so, or the pane ends, with a deadline.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ONEMORE = str(Path(sys.executable).with_name("onemore"))
WAIT_S = 20.0
POLL_S = 0.05

RACK_DAY = """\
name = "Rack day"

[[exercises]]
name = "Squat (Barbell)"
sets = 3
reps = 5
weight = 100
rest_s = 180

[[exercises]]
name = "Bench Press (Barbell)"
sets = 3
reps = 8
weight = 60
rest_s = 120
"""
SQUAT = "Barbell Back Squat"
BENCH = "Barbell Bench Press"


class TmuxServer:
    """A private tmux server, started once and reused by every scenario."""

    def __init__(self) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError(
                "tmux is needed for these tests: install it (apt-get install tmux); "
                "make test does (scripts/test-deps)"
            )
        self.socket = f"onemore-scenarios-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        # A keeper session holds the server up between scenarios; panes stay after their
        # process ends, so a scenario can read the exit status and the last screen.
        self.run("-f", "/dev/null", "new-session", "-d", "-s", "keeper", "cat")
        self.run("set-option", "-g", "remain-on-exit", "on")
        self.run("set-option", "-g", "default-terminal", "tmux-256color")
        self.run("set-option", "-g", "history-limit", "0")

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done

    def close(self) -> None:
        self.run("kill-server", check=False)


@dataclass(frozen=True)
class SetRow:
    """One set as a JSON file on disk holds it."""

    exercise: str
    weight: float
    reps: int
    kind: str
    rir: float | None
    failure: str | None
    unit: str

    @classmethod
    def of(cls, exercise: str, data: dict[str, Any]) -> SetRow:
        return cls(
            exercise,
            data["weight"],
            data["reps"],
            data["kind"],
            data["rir"],
            data["failure"],
            data["unit"],
        )

    @property
    def short(self) -> tuple[str, float, int, float | None]:
        return (self.exercise, self.weight, self.reps, self.rir)


def session_sets(session: dict[str, Any]) -> list[SetRow]:
    """Every set of a session, exercise by exercise, in the order they are stored."""
    return [SetRow.of(e["name"], s) for e in session["exercises"] for s in e["sets"]]


class Lifter:
    """One lifter's folders (data, config) and the app running in a tmux session."""

    def __init__(
        self,
        server: TmuxServer,
        root: Path,
        *,
        size: tuple[int, int] = (80, 24),
        unit: str | None = None,
        routine: str | None = RACK_DAY,
    ) -> None:
        self.server = server
        self.width, self.height = size
        self.data_dir = root / "data"
        self.config_home = root / "config"
        folder = self.config_home / "onemore"
        (folder / "routines").mkdir(parents=True, exist_ok=True)
        if unit is not None:
            (folder / "config.toml").write_text(f'unit = "{unit}"\n')
        if routine is not None:
            (folder / "routines" / "rack-day.toml").write_text(routine)
        self.env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(self.config_home),
            "XDG_DATA_HOME": str(root / "xdg-data"),
            "TERM": "tmux-256color",
        }
        for name in ("ONEMORE_DATA_DIR", "ONEMORE_CONFIG"):
            self.env.pop(name, None)
        self.status_file = root / "exit-status"
        self.name: str | None = None

    # -- the app in the terminal ---------------------------------------------------------

    def start(self) -> None:
        assert self.name is None, "the app is already running"
        self.name = f"lifter-{uuid.uuid4().hex[:8]}"
        self.status_file.unlink(missing_ok=True)
        app = shlex.join(
            [
                "env",
                "-u",
                "ONEMORE_DATA_DIR",
                "-u",
                "ONEMORE_CONFIG",
                f"XDG_CONFIG_HOME={self.config_home}",
                f"XDG_DATA_HOME={self.env['XDG_DATA_HOME']}",
                ONEMORE,
                "--data-dir",
                str(self.data_dir),
            ]
        )
        # The exit status goes to a file (tmux 3.3 shows no status for a clean exit).
        status = shlex.quote(str(self.status_file))
        command = f"{app}; echo $? > {status}.tmp && mv {status}.tmp {status}"
        self.server.run(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            command,
        )

    @property
    def target(self) -> str:
        assert self.name is not None, "the app is not running"
        return self.name

    def screen(self) -> str:
        return self.server.run("capture-pane", "-p", "-t", self.target).stdout

    def lines(self) -> list[str]:
        return self.screen().splitlines()

    def footer(self) -> str:
        """The bottom line, where every screen has its footer (waited for: the footer
        may fill in a frame after the rest of the screen)."""
        line = ""

        def ready() -> bool:
            nonlocal line
            lines = self.lines()
            line = lines[self.height - 1] if len(lines) >= self.height else ""
            return bool(line.strip())

        self.wait_until(ready, "the footer")
        return line

    def ended(self) -> int | None:
        """The app's exit status once it has ended, else None."""
        try:
            shown = self.status_file.read_text().strip()
        except FileNotFoundError:
            return None
        return int(shown)

    def wait_until(self, ready: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if ready():
                return
            if self.name is not None and self.ended() is not None:
                raise AssertionError(f"the app ended while waiting for {what}:\n{self.screen()}")
            if time.monotonic() > deadline:
                shown = self.screen() if self.name is not None else "(not running)"
                raise AssertionError(f"{what} never happened; the screen was:\n{shown}")
            time.sleep(POLL_S)

    def wait_for(self, *texts: str, gone: tuple[str, ...] = (), timeout: float = WAIT_S) -> str:
        """Poll the screen until every one of `texts` shows and none of `gone` does."""
        shown = ""

        def ready() -> bool:
            nonlocal shown
            shown = self.screen()
            return all(t in shown for t in texts) and not any(g in shown for g in gone)

        self.wait_until(ready, f"{texts!r} on screen (without {gone!r})", timeout)
        return shown

    def press(self, *keys: str) -> None:
        """tmux key names (Enter, Escape, Up, C-q, or single characters), in one go."""
        self.server.run("send-keys", "-t", self.target, *keys)

    def type_slowly(self, text: str) -> None:
        """One key per tmux command, as a person types at the rack."""
        for character in text:
            self.server.run("send-keys", "-t", self.target, "-l", "--", character)

    def burst(self, text: str, *then: str, first: tuple[str, ...] = ()) -> None:
        """The whole line at once (after keys `first`, such as C-u, and then keys such as
        Enter), in one tmux command."""
        args = ["send-keys", "-t", self.target, *first, ";"] if first else []
        args += ["send-keys", "-t", self.target, "-l", "--", text]
        if then:
            args += [";", "send-keys", "-t", self.target, *then]
        self.server.run(*args)

    def paste(self, text: str) -> None:
        """A real paste: bracketed, as a terminal sends it when the app asked for that."""
        buffer = f"paste-{self.target}"
        self.server.run("set-buffer", "-b", buffer, "--", text)
        self.server.run("paste-buffer", "-p", "-d", "-b", buffer, "-t", self.target)

    def quit(self) -> None:
        """ctrl+q, then wait for the process to end cleanly."""
        self.press("C-q")
        self.wait_ended()

    def wait_ended(self) -> None:
        deadline = time.monotonic() + WAIT_S
        while (status := self.ended()) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not end; the screen was:\n{self.screen()}")
            time.sleep(POLL_S)
        last = self.screen()
        self.server.run("kill-session", "-t", self.target, check=False)
        self.name = None
        assert status == 0, f"the app ended with status {status}:\n{last}"

    def stop(self) -> None:
        """Teardown: end the app's tmux session if it still runs."""
        if self.name is not None:
            self.server.run("kill-session", "-t", self.name, check=False)
            self.name = None

    # -- a session through the screens ---------------------------------------------------

    def start_rack_day(self) -> None:
        """Home → Rack day (the routine file, listed last before the empty session) →
        check-in 4 3 4 → the plan → logging its first set."""
        self.wait_for("Start a session", "Rack day")
        self.press("End", "Up", "Enter")
        self.wait_for("How did you sleep?")
        self.press("4", "3", "4")
        self.wait_for("Rack day", "A normal day")
        self.press("Enter")
        self.wait_for(SQUAT, "Set 1 of 3", "Target: 100")

    # -- what is on disk -----------------------------------------------------------------

    def live_session(self) -> dict[str, Any] | None:
        path = self.data_dir / "live.json"
        if not path.exists():
            return None
        sessions = list(json.loads(path.read_text()).get("live", {}).values())
        assert len(sessions) <= 1, f"live.json holds {len(sessions)} sessions"
        return sessions[0] if sessions else None

    def live_sets(self) -> list[SetRow]:
        session = self.live_session()
        return [] if session is None else session_sets(session)

    def wait_live(
        self, ready: Callable[[list[SetRow]], bool], what: str, timeout: float = WAIT_S
    ) -> list[SetRow]:
        """Poll live.json until its sets are as `ready` wants them."""
        found: list[SetRow] = []

        def check() -> bool:
            nonlocal found
            found = self.live_sets()
            return ready(found)

        try:
            self.wait_until(check, what, timeout)
        except AssertionError as error:
            raise AssertionError(f"{error}\nlive.json sets: {found}") from None
        return found

    def wait_live_count(self, count: int) -> list[SetRow]:
        return self.wait_live(lambda sets: len(sets) == count, f"{count} sets in live.json")

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [ONEMORE, "--data-dir", str(self.data_dir), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
        )

    def export(self) -> list[dict[str, Any]]:
        """`onemore export --format json`, run as the lifter would after quitting."""
        done = self.cli("export", "--format", "json")
        assert done.returncode == 0, done.stderr
        document = json.loads(done.stdout)
        assert document["format"] == "onemore-export"
        sessions: list[dict[str, Any]] = document["sessions"]
        return sessions


def cut_words(screen: str, width: int) -> list[str]:
    """Lines whose text runs into the right edge: a word there was cut by the terminal."""
    return [
        line
        for line in screen.splitlines()
        if len(line.rstrip()) >= width and line.rstrip()[-1].isalnum()
    ]


def footer_items(footer: str) -> list[str]:
    """The footer's keys with what they do ("f Finish"), without the palette's key."""
    keys = footer.split("▏")[0]
    return [item.strip() for item in keys.split("  ") if item.strip()]


def shown_target(screen: str) -> float:
    """The target weight the screen shows now (the rest screen's "Next: … Target: 97.5 kg")."""
    import re

    found = re.findall(r"Target: ([0-9]+(?:\.[0-9]+)?) (?:kg|lb)", screen)
    assert found, f"no target on the screen:\n{screen}"
    return float(found[-1])


def load(weight: float) -> str:
    """A weight as the app writes it: 102.5, 100 (no .0)."""
    return f"{weight:g}"
