"""Rest timer: the rest screen with the real clock, in a real pseudo-terminal, for 30 seconds.

The child runs OneMore (empty store, default settings: cyclic-sigh pacer, bell on) with its
input and output on a pty whose other end this process reads, as a terminal would, so every
frame is rendered and written for real. It opens the rest screen with a 20 s rest, so the
rest runs out inside the window, and records:

- every frame painted: when (on the app's clock) and the countdown it showed;
- when the end signal (the bell) went out;
- the process CPU time over the window (all threads), against the wall time.

The floor for the CPU figure runs in the same pty, in the same run, right after: a bare
Textual app with one widget the size of the breath guide, redrawn with a bar one eighth
longer (or shorter) at every frame, at the frame rate the rest screen was measured at. It
is what any Textual app pays to put that many frames a second on the terminal.

The gap between shown and true remaining time is worked out exactly from the frames: a frame
showing "0:17" is right while the true remaining time lies in (16 s, 17 s] ("+0:03": 3–4 s
over), and a frame stays on screen until the next one, so the largest gap is at the ends of
each frame's interval.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import PYTHON, ROOT, Row, child_env, ms, ratio_text

WINDOW_S = 30.0
REST_S = 20
FRAME_S = 1 / 60  # Textual's default frame rate
COLUMNS, LINES = 100, 32
FLOOR_WINDOW_S = 15.0  # CPU per second is steady there: half the window does
CPU_TARGET = 1.5  # × the floor


# -- the child -------------------------------------------------------------------------------


def run_child(
    result: Path,
    window_s: float,
    rest_s: int,
    home: Path,
    profile: Path | None = None,
    pacer: str = "cyclic-sigh",
) -> None:
    from tui.app import make_app
    from tui.screens.rest import RestScreen
    from tui.settings import Settings
    from tui.store.repository import Store
    from tui.widgets.big_text import BigText

    store = Store(home / "rest-store")
    app = make_app(
        store, Settings(pacer=pacer), [], user_folder=home / "config", cursor_blink=False
    )
    frames: list[tuple[float, str]] = []
    bells: list[float] = []
    countdowns: dict[int, BigText] = {}

    plain_display = app._display

    def display(screen, renderable) -> None:
        plain_display(screen, renderable)
        if isinstance(screen, RestScreen) and renderable is not None:
            countdown = countdowns.get(id(screen))
            if countdown is None:
                countdown = countdowns[id(screen)] = screen.query_one("#countdown", BigText)
            frames.append((app.clock(), countdown.value))

    plain_bell = app.bell

    def bell() -> None:
        bells.append(app.clock())
        plain_bell()

    app._display = display  # type: ignore[method-assign]
    app.bell = bell  # type: ignore[method-assign]
    out: dict = {}

    async def drive(pilot) -> None:
        from bench.views import painted

        await painted(app)
        screen = RestScreen(rest_s, "Next: Barbell Back Squat, set 2 of 3: 100 kg × 5")
        await app.push_screen(screen)
        await painted(app)
        assert screen.rest is not None
        out["deadline"] = screen.rest.deadline
        profiler = None
        if profile is not None:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started, cpu = app.clock(), time.process_time()
        await asyncio.sleep(window_s)
        out["cpu_s"] = time.process_time() - cpu
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        out["window"] = [started, app.clock()]
        app.exit()

    app.run(auto_pilot=drive)
    store.close()
    out.update(frames=frames, bells=bells)
    result.write_text(json.dumps(out))


def run_floor_child(result: Path, window_s: float, fps: float) -> None:
    """The floor: a bare Textual app redrawing a bar of the breath guide's size, `fps` a second."""
    from textual.app import App, ComposeResult
    from textual.widget import Widget

    class Bar(Widget):
        DEFAULT_CSS = "Bar { width: 70; height: 4; }"
        eighths = 0

        def render(self) -> str:
            full, part = divmod(self.eighths % (self.size.width * 8), 8)
            line = ("█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")).ljust(self.size.width)
            return "\n".join([line] * self.size.height)

        def step(self) -> None:
            self.eighths += 4
            self.refresh()

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Bar()

    app = Floor()
    out: dict = {}

    async def drive(pilot) -> None:
        from bench.views import painted

        await painted(app)
        bar = app.query_one(Bar)
        bar.set_interval(1 / fps, bar.step)
        started, cpu = time.monotonic(), time.process_time()
        await asyncio.sleep(window_s)
        out["cpu_s"] = time.process_time() - cpu
        out["window"] = [started, time.monotonic()]
        app.exit()

    app.run(auto_pilot=drive)
    result.write_text(json.dumps(out))


# -- the parent ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestRun:
    largest_gap_s: float
    worst_at_s: float  # remaining time when the largest gap happened
    bell_late_s: float | None
    cpu_share: float  # of one core
    frames: int
    window_s: float
    bytes_written: int
    pacer: str
    floor_cpu_share: float  # the bare app redrawing at the same frame rate
    floor_window_s: float
    floor_bytes_written: int


def shown_interval(text: str) -> tuple[float, float] | None:
    """The true remaining times for which `text` is the right thing to show."""
    over = text.startswith("+")
    minutes, _, seconds = text.lstrip("+").partition(":")
    try:
        whole = int(minutes) * 60 + int(seconds)
    except ValueError:
        return None
    return (-(whole + 1), -whole) if over else (whole - 1, whole)


def gap(remaining: float, interval: tuple[float, float]) -> float:
    low, high = interval
    return max(0.0, low - remaining, remaining - high)


def largest_gap(
    frames: list[tuple[float, str]], deadline: float, window: tuple[float, float]
) -> tuple[float, float]:
    """(largest gap, remaining time at it) over the window."""
    worst, worst_at = 0.0, 0.0
    start, end = window
    shown = [f for f in frames if f[0] <= end]
    for (at, text), following in zip(shown, shown[1:] + [(end, "")], strict=True):
        interval = shown_interval(text)
        if interval is None or following[0] < start:
            continue
        for moment in (max(at, start), following[0]):
            g = gap(deadline - moment, interval)
            if g > worst:
                worst, worst_at = g, deadline - moment
    return worst, worst_at


def in_pty(args: list[str], home: Path, timeout: float) -> int:
    """Run `python -m bench.rest_timer ARGS` on a pty read as a terminal would; the bytes
    the child wrote to it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = child_env(home)
    env.update(TERM="xterm-256color", COLORTERM="truecolor")
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    written = [0]
    tail = bytearray()

    def drain() -> None:  # the terminal's side: read everything the app writes
        while True:
            try:
                data = os.read(master, 1 << 16)
            except OSError:
                return
            if not data:
                return
            written[0] += len(data)
            tail[:] = (tail + data)[-3000:]

    # Textual writes its frames to stderr, so both go to the terminal.
    child = subprocess.Popen(
        [PYTHON, "-m", "bench.rest_timer", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        code = child.wait(timeout=timeout)
    finally:
        if child.poll() is None:
            child.kill()
        reader.join(timeout=5)
        os.close(master)
    if code != 0:
        raise RuntimeError(
            f"the rest-timer child failed ({code}): {bytes(tail).decode(errors='replace')[-1500:]}"
        )
    return written[0]


def measure(
    home: Path,
    window_s: float = WINDOW_S,
    rest_s: int = REST_S,
    profile: Path | None = None,
    pacer: str = "cyclic-sigh",
    floor_window_s: float = FLOOR_WINDOW_S,
) -> RestRun:
    result = home / "rest-result.json"
    written = in_pty(
        [
            "--child",
            "--result",
            str(result),
            "--window",
            str(window_s),
            "--rest",
            str(rest_s),
            "--home",
            str(home),
            "--pacer",
            pacer,
            *(["--profile", str(profile)] if profile else []),
        ],
        home,
        window_s + 90,
    )
    data = json.loads(result.read_text())
    window = tuple(data["window"])
    worst, worst_at = largest_gap([tuple(f) for f in data["frames"]], data["deadline"], window)
    bells = data["bells"]
    frames = sum(window[0] <= f[0] <= window[1] for f in data["frames"])
    fps = frames / (window[1] - window[0])
    floor_result = home / "rest-floor-result.json"
    floor_written = in_pty(
        [
            "--floor",
            "--result",
            str(floor_result),
            "--window",
            str(floor_window_s),
            "--fps",
            str(fps),
        ],
        home,
        floor_window_s + 60,
    )
    floor = json.loads(floor_result.read_text())
    floor_wall = floor["window"][1] - floor["window"][0]
    return RestRun(
        largest_gap_s=worst,
        worst_at_s=worst_at,
        bell_late_s=bells[0] - data["deadline"] if bells else None,
        cpu_share=data["cpu_s"] / (window[1] - window[0]),
        frames=frames,
        window_s=window[1] - window[0],
        bytes_written=written,
        pacer=pacer,
        floor_cpu_share=floor["cpu_s"] / floor_wall,
        floor_window_s=floor_wall,
        floor_bytes_written=floor_written,
    )


def rows(run: RestRun) -> list[Row]:
    gap_target = 0.1 + FRAME_S
    bell = run.bell_late_s
    fps = run.frames / run.window_s
    ratio = run.cpu_share / run.floor_cpu_share
    return [
        Row(
            f"rest timer: largest gap shown vs true ({run.window_s:.0f} s, real clock)",
            ms(run.largest_gap_s),
            f"{run.largest_gap_s / gap_target:.2f}× target",
            "≤ 0.1 s + 1 frame (117 ms)",
            run.largest_gap_s <= gap_target,
        ),
        Row(
            "rest timer: end signal (bell) after the deadline",
            "no bell" if bell is None else ms(bell),
            "—" if bell is None else f"{bell / 0.1:.2f}× target",
            "≤ 100 ms",
            bell is not None and bell <= 0.1,
        ),
        Row(
            f"rest timer: CPU, bare Textual app redrawing a bar {fps:.1f} times/s (floor, "
            f"{run.floor_bytes_written / run.floor_window_s / 1024:.1f} KiB/s to the terminal)",
            f"{run.floor_cpu_share:.1%} of a core",
        ),
        Row(
            f"rest timer: CPU while resting, pacer {run.pacer} ({fps:.1f} frames/s, "
            f"{run.bytes_written / run.window_s / 1024:.1f} KiB/s to the terminal)",
            f"{run.cpu_share:.1%} of a core",
            f"{ratio_text(ratio)} floor",
            f"≤ {CPU_TARGET:g}× floor",
            ratio <= CPU_TARGET,
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--floor", action="store_true", help="(child) the bare app, the floor")
    parser.add_argument("--fps", type=float, help="(floor child) frames a second")
    parser.add_argument("--result", type=Path)
    parser.add_argument("--window", type=float, default=WINDOW_S)
    parser.add_argument("--rest", type=int, default=REST_S)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--pacer", default="cyclic-sigh", help="breathing pattern or off")
    parser.add_argument(
        "--profile", type=Path, help="(child) cProfile the window into this file, to find CPU hogs"
    )
    args = parser.parse_args()
    if args.child:
        run_child(args.result, args.window, args.rest, args.home, args.profile, args.pacer)
        return 0
    if args.floor:
        run_floor_child(args.result, args.window, args.fps)
        return 0
    from bench.common import scratch, table

    with scratch("rest") as home:
        print(table(rows(measure(home, args.window, args.rest, args.profile, args.pacer))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
