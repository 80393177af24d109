"""Commands that only read (`onemore last`, `export` to stdout) need nothing from the disk.

They run on a folder that does not exist yet, on a full disk with a repair pending (history
written ahead of the index, a session finished just before a stop), and beside another
OneMore that holds the folder: each must answer, create nothing, change no byte (the log
included), and say nothing about opening read-only, which is all it ever meant to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

from reliability.checks import snapshot
from reliability.cli import STRONG_FIXTURE, onemore
from reliability.corrupt import populated
from reliability.disks import InjectedDisk, TinyDisk, mounted_tmpfs
from reliability.pilot import build_app, listen, screen_name
from tui.store.repository import Store

READERS = (
    ["last"],
    ["last", "--json"],
    ["export"],
    ["export", "--format", "csv"],
    ["import", "strong", str(STRONG_FIXTURE), "--dry-run"],
)


def ran_clean(args: list[str], data: Path) -> tuple[str, list[str]]:
    """Run a reader on `data`: its stdout, and what went wrong."""
    result = onemore("--data-dir", str(data), *args)
    what = " ".join(args)
    problems = []
    if result.returncode != 0:
        problems.append(f"`{what}` exit {result.returncode}: {result.stderr[-300:]!r}")
    if "Traceback" in result.stderr or "unexpected" in result.stderr:
        problems.append(f"`{what}` ended badly: {result.stderr[-300:]!r}")
    if "read-only" in result.stderr:
        problems.append(f"`{what}` said it opened read-only: {result.stderr[-300:]!r}")
    return result.stdout, problems


def readers_need_nothing(work: Path) -> list[str]:
    problems = []
    for args in READERS:  # a new folder is not created by reading it
        new = work / "new" / "data"
        problems += ran_clean(args, new)[1]
        if (work / "new").exists():
            problems.append(f"`{' '.join(args)}` created {new}")
    with mounted_tmpfs(work / "full", size="1m") as root:
        data = populated(root / "data")
        logs = data / "logs"
        logs.mkdir(mode=0o700)
        (logs / "onemore.log").write_text("")
        (data / "index.stale").write_bytes(b"")  # a failed import: the index is to be rebuilt
        TinyDisk(root).fill()
        before = snapshot(data, skip_logs=False)
        for args in READERS:
            output, found = ran_clean(args, data)
            problems += found
            if args[0] != "import" and "This year" not in output:
                problems.append(f"`{' '.join(args)}` on a full disk did not show the history")
            if snapshot(data, skip_logs=False) != before:
                problems.append(f"`{' '.join(args)}` on a full disk changed the data folder")
                before = snapshot(data, skip_logs=False)
    held = populated(work / "held")
    with Store(held):
        before = snapshot(held, skip_logs=False)
        for args in [*READERS, ["sync", "--url", "http://127.0.0.1:9", "--database", "d"]]:
            if args[0] != "sync":
                problems += ran_clean(args, held)[1]
            else:
                onemore("--data-dir", str(held), *args, "--timeout", "2")
            if snapshot(held, skip_logs=False) != before:
                problems.append(f"`{' '.join(args)}` beside another OneMore wrote (its log?)")
                before = snapshot(held, skip_logs=False)
    return problems


async def app_opens_on_a_full_disk(work: Path) -> list[str]:
    """A finish that met a full disk half-way (live.json says finished, history does not have
    it) and a stale index: on the still full disk the app opens on Home, shows the history,
    and says in one line that the session is filed later; with room, the next start files it."""
    problems = []
    with mounted_tmpfs(work / "full", size="1m") as root:
        data = populated(root / "data")
        with Store(data) as store, InjectedDisk(errno.ENOSPC, only="outbox.json") as disk:
            disk.fill()
            try:
                store.finish_session(store.live.started_at)  # type: ignore[union-attr]
            except OSError:
                pass
        (data / "index.stale").write_bytes(b"")
        tiny = TinyDisk(root)
        tiny.fill()
        app = build_app(data, work)
        heard = listen(app)
        try:
            async with app.run_test(size=(100, 32)) as pilot:
                await pilot.pause()
                app.tell_new_notices()
                if screen_name(app) != "HomeScreen":
                    problems.append(f"the app opened on {screen_name(app)}, not Home")
                if app.store.session_count != 2:
                    problems.append(f"Home counts {app.store.session_count} sessions, not 2")
                if not any("filed" in line and "No space left" in line for line in heard):
                    problems.append(f"the lifter was not told the finish waits: {heard}")
        except Exception as error:
            problems.append(f"the app did not open: {type(error).__name__}: {error}")
        finally:
            app.store.close()
        tiny.free()
        with Store(data) as store:
            if store.live is not None or store.session_count != 3:
                problems.append(
                    f"with room again: {store.session_count} sessions, "
                    f"live {'kept' if store.live else 'empty'} (3, empty expected)"
                )
    return problems


def endless_inputs(work: Path) -> tuple[list[str], float]:
    """`--config /dev/zero`, a FIFO no one writes, `import /dev/urandom`, a folder as the file,
    `sync --timeout inf`: each ends at once in one line (exit 0 for a config, used as
    defaults; 1 or 2 for the rest); the slowest time in seconds."""
    import os
    import time

    problems, slowest = [], 0.0
    fifo = work / "fifo"
    work.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    data = str(work / "data")
    for args, code in (
        (["--config", "/dev/zero", "import", "strong", "/dev/null"], 1),
        (["--config", str(fifo), "export"], 0),
        (["import", "strong", "/dev/urandom"], 1),
        (["import", "hevy", str(fifo)], 1),
        (["import", "onemore", "/dev/zero"], 1),
        (["import", "strong", str(work)], 1),
        (["sync", "--url", "http://127.0.0.1:9", "--database", "d", "--timeout", "inf"], 2),
        (["sync", "--url", "http://127.0.0.1:9", "--database", "d", "--timeout", "1e400"], 2),
    ):
        began = time.monotonic()
        try:
            result = onemore("--data-dir", data, *args, timeout=30)
        except Exception as error:  # subprocess.TimeoutExpired
            problems.append(f"`{' '.join(args)}` did not end: {type(error).__name__}")
            continue
        slowest = max(slowest, time.monotonic() - began)
        lines = [x for x in result.stderr.strip().splitlines() if x]
        clear = not lines or lines[-1].startswith("onemore")  # argparse's usage comes first
        if result.returncode != code or "Traceback" in result.stderr or not clear:
            problems.append(f"`{' '.join(args)}`: exit {result.returncode}, {result.stderr!r}")
    return problems, slowest
