"""A child process for the start-up, view and memory figures: run an app headless, then exit.

    python bench/app_child.py bare --result FILE
    python bench/app_child.py onemore --data-dir DIR --config FILE [--open VIEW --repeat N] \
        --result FILE

`bare` is the floor: a Textual App with one Static (with --open: a home screen that opens a
bare view, a heading with a screenful of text and a footer, for every view). `onemore` goes
through the real entry point (`tui.__main__.main`), with `App.run` patched to run headless
with an auto-pilot that waits until the first screen is mounted, has processed its messages
and has been painted, then (with --open) opens a view N times, then exits. The result file
gets the peak RSS (VmHWM, which exec resets) and the view timings.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

STARTED = time.monotonic()  # after interpreter start-up, before any import of ours
VIEW_LINES = 30  # the bare view's lines: about what a review or the history shows at once


def peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


async def painted(app) -> None:
    """Wait until the current screen has handled its pending messages and been refreshed."""
    import asyncio

    from textual.pilot import Pilot

    await Pilot(app)._wait_for_screen()
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()


def auto_pilot(args: argparse.Namespace, out: dict):
    async def drive(pilot) -> None:
        app = pilot.app
        await painted(app)
        out["first_screen"] = type(app.screen).__name__
        out["first_screen_at"] = time.monotonic()
        if args.open:
            from bench.views import open_view

            out["open_s"] = [await open_view(args.open, app) for _ in range(args.repeat)]
        app.exit()

    return drive


def patch_run(args: argparse.Namespace, out: dict) -> None:
    from textual.app import App

    plain_run = App.run

    def run(self, **options):
        options.update(headless=True, auto_pilot=auto_pilot(args, out))
        return plain_run(self, **options)

    App.run = run  # type: ignore[method-assign]


def run_bare(args: argparse.Namespace, out: dict) -> None:
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class View(Screen[None]):
        """The floor of a view: a heading, a screenful of lines of text, a footer."""

        def compose(self) -> ComposeResult:
            yield Static("Review", classes="heading")
            with VerticalScroll():
                for line in range(VIEW_LINES):
                    yield Static(f"Barbell Back Squat  100 kg × 5 @2  set {line + 1}")
            yield Footer()

    class Home(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("OneMore")

        def action_last_session(self) -> None:
            self.app.push_screen(View())

        action_history = action_progress = action_last_session

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("OneMore")

        def on_mount(self) -> None:
            if args.open:  # the views' floor opens them from a home screen, as OneMore does
                self.push_screen(Home())

    patch_run(args, out)
    Bare().run()


def run_onemore(args: argparse.Namespace, out: dict) -> None:
    patch_run(args, out)
    from tui.__main__ import main

    code = main(["--data-dir", args.data_dir, "--config", args.config])
    if code:
        raise SystemExit(code)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("app", choices=("bare", "onemore"))
    parser.add_argument("--data-dir")
    parser.add_argument("--config")
    parser.add_argument("--open", help="a view to open after the first screen (bench/views.py)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--result", required=True)
    args = parser.parse_args()
    out: dict = {"started_at": STARTED}
    (run_bare if args.app == "bare" else run_onemore)(args, out)
    out["peak_rss_kb"] = peak_rss_kb()
    out["ended_at"] = time.monotonic()
    Path(args.result).write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
