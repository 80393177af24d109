"""`make reliability`: every case of the harness at full size, then the table of what was lost.

    .venv/bin/python -m reliability.run [--scale 0.1] [--only kill,disk,...]

Runs in a temp folder with its own config and data folders (never the lifter's own), starts
one pouchdb-server for the sync cases, and exits 1 if any try lost anything or went wrong.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reliability.outcome import Outcome, table

FAMILIES = ("kill", "disk", "corrupt", "network", "fuzz", "terminal", "security", "hostile")


def sized(count: int, scale: float) -> int:
    return max(1, round(count * scale))


# Each family imports its modules when it runs, so `--only` loads no more than it needs.


def kill_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    from reliability import kill

    return [  # 500 kills in all
        kill.kill_while_logging(work, sized(150, scale)),
        kill.kill_while_finishing(work, sized(150, scale)),
        kill.kill_while_importing(work, sized(100, scale), sessions=1000),
        kill.kill_while_syncing(work, sized(100, scale), pouch),
    ]


def disk_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    import errno

    from reliability import disk, disk_app
    from reliability.disks import InjectedDisk, TinyDisk, mounted_tmpfs

    app = Outcome("disk full / read-only in the app")
    for number in range(sized(9, scale)):
        code = (errno.ENOSPC, errno.EROFS, errno.EACCES)[number % 3]
        folder = work / f"app-{number}"
        if number % 3 == 2:
            with mounted_tmpfs(folder / "tiny") as root:
                problems = asyncio.run(
                    disk_app.full_disk_while_logging(root / "data", folder, TinyDisk(root))
                )
        else:
            with InjectedDisk(code) as injected:
                problems = asyncio.run(
                    disk_app.full_disk_while_logging(folder / "data", folder, injected)
                )
        record(app, f"try {number}", problems)
    home = Outcome("disk full: finishing from Home (injected)")
    for number in range(sized(3, scale)):
        with InjectedDisk(errno.ENOSPC) as injected:
            folder = work / f"home-{number}"
            problems = asyncio.run(
                disk_app.finish_from_home_on_a_full_disk(folder / "data", folder, injected)
            )
        record(home, f"try {number}", problems)
    answered = Outcome("disk full: an answer or a finish not saved (injected, real tmpfs)")
    for number in range(sized(6, scale)):
        folder = work / f"answer-{number}"
        if number % 2:
            with mounted_tmpfs(folder / "tiny") as root:
                problems = asyncio.run(
                    disk_app.full_disk_after_the_set(root / "data", folder, TinyDisk(root))
                )
        else:
            with InjectedDisk(errno.ENOSPC) as injected:
                problems = asyncio.run(
                    disk_app.full_disk_after_the_set(folder / "data", folder, injected)
                )
        record(answered, f"answer {number}", problems)
        with InjectedDisk(errno.ENOSPC) as injected:
            folder = work / f"finish-twice-{number}"
            problems = asyncio.run(
                disk_app.finish_twice_on_a_full_disk(folder / "data", folder, injected, number % 4)
            )
        record(answered, f"finish twice {number}", problems)
    cli = Outcome("disk full under the command line (real tmpfs)")
    record(cli, "import, export, sync", disk.cli_on_a_full_disk(work / "cli"))
    from reliability import readers

    reading = Outcome("last and export: no space, no folder, no log needed (real tmpfs)")
    record(reading, "readers", readers.readers_need_nothing(work / "readers"))
    record(reading, "app", asyncio.run(readers.app_opens_on_a_full_disk(work / "app-full")))
    return [
        disk.injected_disk_faults(work, sized(90, scale)),
        disk.tiny_disk_faults(work, sized(60, scale)),
        app,
        home,
        answered,
        cli,
        reading,
    ]


def corrupt_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    import random

    from reliability import corrupt, corrupt_app, sync_data

    outbox = Outcome("a damaged outbox: what was waiting still sent, nothing else")
    for number in range(sized(20, scale)):
        problems = sync_data.damaged_outbox(work / f"outbox-{number}", random.Random(number))
        record(outbox, f"try {number}", problems)
    moved = Outcome("a start moved to another year on the server: stored once")
    for number in range(sized(10, scale)):
        days = (1, 2, 40, 400, 800)[number % 5]
        problems = sync_data.start_moved_to_another_year(work / f"moved-{number}", days)
        record(moved, f"{days} days back", problems)
    from reliability import damaged_folder

    folder = Outcome("a directory in place of a store file, the log or the lock; strays, links")
    for name in damaged_folder.IN_PLACE:
        record(folder, name, damaged_folder.directory_in_place(work / "in-place", name))
    record(folder, "strays and links", damaged_folder.strays_and_links(work / "strays"))
    record(folder, "planted links, -o a device", damaged_folder.planted_links(work / "links"))
    return [
        corrupt.corrupt_store_files(work / "store", sized(20, scale)),
        asyncio.run(corrupt_app.corrupt_files_in_the_app(work / "app", sized(1, scale))),
        outbox,
        moved,
        folder,
    ]


def network_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    from reliability import network

    return [network.network_faults(work, sized(40, scale), pouch)]


def fuzz_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    from reliability import fuzz_files, fuzz_import
    from reliability.readers import endless_inputs

    endless = Outcome("inputs that never end: /dev/zero, a FIFO, /dev/urandom, --timeout inf")
    problems, slowest = endless_inputs(work / "endless")
    print(f"    slowest endless input: {slowest:.1f} s", file=sys.stderr, flush=True)
    record(endless, "endless", problems)
    return [
        endless,
        fuzz_import.fuzz_importers(work / "import", sized(200, scale), hevy_lines=8000),
        fuzz_files.fuzz_own_files(work / "files", sized(1000, scale)),
    ]


def terminal_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    from textual.geometry import Size

    from reliability import terminal

    today = Outcome("the Today list shows the newest set (20 to 200 sets, 3 sizes)")
    for number, sets in enumerate((20, 60, 200)):
        for size in (Size(100, 32), Size(80, 24), Size(120, 40)):
            problems = asyncio.run(
                terminal.today_shows_the_newest(work / f"today-{number}-{size.width}", sets, size)
            )
            record(today, f"{sets} sets at {size.width}x{size.height}", problems)
    return [asyncio.run(terminal.terminal_storms(work, sized(10, scale), resizes=30)), today]


def security_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    from reliability import security

    checks: list[tuple[str, Callable[[], list[str]]]] = [
        (
            "files 0600, folders 0700 after every write",
            lambda: security.private_after_every_write(work / "modes", pouch),
        ),
        (
            "a rotated log file is 0600 too",
            lambda: security.rotated_log_private(work),
        ),
        (
            "the sync password in no output or log",
            lambda: security.password_never_shown(work / "creds", pouch),
        ),
        ("plain http:// abroad refused", lambda: security.plain_http_refused(work)),
        (
            "CSV cells a spreadsheet would run are written as text",
            lambda: security.csv_formulas_written_as_text(work),
        ),
        (
            "a second instance never writes (commands)",
            lambda: security.second_instance_never_writes(work / "second"),
        ),
        (
            "a second instance never writes (app)",
            lambda: asyncio.run(security.second_app_never_writes(work / "second-app")),
        ),
    ]
    outcomes = []
    for name, check in checks:
        outcome = Outcome(name)
        record(outcome, name, check())
        outcomes.append(outcome)
    return outcomes


def hostile_cases(work: Path, scale: float, pouch) -> list[Outcome]:
    from reliability import hostile

    server, figures = hostile.hostile_server(work / "server", sized(4, scale))
    for name, value in figures.items():
        print(f"    {name}: {value:.1f}", file=sys.stderr, flush=True)
    return [
        hostile.names_on_every_screen(work / "names", sized(60, scale)),
        hostile.password_in_any_url_shape(work / "urls"),
        server,
    ]


def record(outcome: Outcome, label: str, problems: list[str]) -> None:
    outcome.tried += 1
    if problems:
        outcome.fail(f"{label}: " + "; ".join(problems))


CASES = {
    "kill": kill_cases,
    "disk": disk_cases,
    "corrupt": corrupt_cases,
    "network": network_cases,
    "fuzz": fuzz_cases,
    "terminal": terminal_cases,
    "security": security_cases,
    "hostile": hostile_cases,
}


def isolate(work: Path) -> None:
    """Never read or write the lifter's own settings or data."""
    os.environ["XDG_CONFIG_HOME"] = str(work / "xdg-config")
    os.environ["XDG_DATA_HOME"] = str(work / "xdg-data")
    for name in (
        "ONEMORE_DATA_DIR",
        "ONEMORE_CONFIG",
        "ONEMORE_SYNC_URL",
        "ONEMORE_SYNC_DATABASE",
        "ONEMORE_SYNC_USER",
        "ONEMORE_SYNC_PASSWORD",
    ):
        os.environ.pop(name, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reliability.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every count (0.1: a quick look)"
    )
    parser.add_argument("--only", default=",".join(FAMILIES), help=f"some of {','.join(FAMILIES)}")
    args = parser.parse_args(argv)
    from reliability.server import start_pouchdb

    outcomes: list[Outcome] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="onemore-reliability-") as temp:
        work = Path(temp)
        isolate(work)
        pouch = start_pouchdb(work / "pouchdb")
        try:
            for family in args.only.split(","):
                began = time.monotonic()
                print(f"{family}…", file=sys.stderr, flush=True)
                family_work = work / family
                family_work.mkdir()
                for outcome in CASES[family](family_work, args.scale, pouch):
                    print(f"  {outcome}", file=sys.stderr, flush=True)
                    outcomes.append(outcome)
                print(f"  ({time.monotonic() - began:.0f} s)", file=sys.stderr, flush=True)
        finally:
            pouch.stop()
    print(table(outcomes))
    print(
        f"\n{sum(o.tried for o in outcomes)} tries in {time.monotonic() - started:.0f} s; "
        f"{sum(o.lost for o in outcomes)} lost; "
        f"{sum(len(o.problems) for o in outcomes)} went wrong."
    )
    return 0 if all(o.lost == 0 and not o.problems for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
