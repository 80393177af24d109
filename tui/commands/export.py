"""`onemore export`: every session to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui import collector, paths
from tui.commands.common import CommandError, open_store, say, tell_notices
from tui.commands.importing import add_zone_argument, zone_from
from tui.interchange.export_csv import strong_csv
from tui.interchange.export_json import export_document, export_text
from tui.settings import load_settings
from tui.store.repository import Store, utc_now
from tui.store.storage import write_durably

NAME = "export"
HELP = "write every session to a file or stdout"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["json", "csv"],
        default="json",
        help="json (everything) or csv (Strong's format, for other apps)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--unit",
        choices=["kg", "lb"],
        help="csv: the unit of every weight (default: the unit in your settings)",
    )
    add_zone_argument(parser, "csv: the time zone to write times in")


def csv_text(args: argparse.Namespace, store: Store) -> tuple[str, int]:
    """Finished sessions in Strong's CSV, and how many; the session in progress is left out."""
    unit = args.unit or load_settings(paths.config_file(args.config))[0].unit
    sessions = list(store.finished_sessions())
    if store.live is not None:
        say("onemore: the session in progress is not in the CSV (finish it, or use --format json)")
    return strong_csv(sessions, unit, zone_from(args.tz)), len(sessions)


def run(args: argparse.Namespace) -> int:
    zone_from(args.tz)  # a bad zone is reported before anything is read
    with open_store(args, reading=True) as store, collector.paused():  # all history in memory
        tell_notices(store)
        if args.format == "csv":
            text, count = csv_text(args, store)
        else:
            document = export_document(store.finished_sessions(), store.live, utc_now())
            text, count = export_text(document), len(document["sessions"])
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    target = Path(args.output).expanduser()
    try:
        if target.exists() and not target.is_file() or target.is_symlink():
            with open(target, "wb") as device:  # /dev/full, a FIFO, a link: written in place
                device.write(text.encode())
        else:
            write_durably(target, text.encode())
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from error
    say(f"Exported {count} session{'s' if count != 1 else ''} to {target}")
    return 0
