"""`onemore import strong|hevy|onemore FILE`: bring a history in from another app (or from a
OneMore JSON export), then report.

The whole file is read before the store is opened, so a file that cannot be imported leaves
the data folder untouched. The report goes to stdout; errors and the progress bar to stderr.
"""

from __future__ import annotations

import argparse
import sys
from datetime import tzinfo
from pathlib import Path

from tui import collector, paths
from tui.commands.common import CommandError, open_store, out, say, tell_notices
from tui.commands.progress import ProgressBar
from tui.interchange.assemble import Assembly
from tui.interchange.csv_rows import UnreadableExport
from tui.interchange.dialects import APPS, open_export
from tui.interchange.import_json import DESCRIPTION as JSON_DESCRIPTION
from tui.interchange.import_json import read_onemore_export
from tui.interchange.importer import import_sessions, read_sessions
from tui.interchange.local_time import zone_named
from tui.interchange.report import ImportReport, report_lines
from tui.settings import load_settings
from tui.store.repository import Store

NAME = "import"
HELP = "import a Strong or Hevy CSV export, or a OneMore JSON export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "app",
        choices=(*APPS, "onemore"),
        help="the app that wrote the file (onemore: onemore export --format json)",
    )
    parser.add_argument("file", metavar="FILE", help="the file the app exported")
    parser.add_argument(
        "--unit",
        choices=["kg", "lb"],
        help="unit of a file that names none (Strong's comma export); "
        "default: the unit in your settings",
    )
    add_zone_argument(parser, "the time zone the workouts were logged in")
    parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
    parser.add_argument(
        "--strict", action="store_true", help="import nothing if any row cannot be read"
    )


def add_zone_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--tz", metavar="ZONE", help=f"{what}, e.g. Europe/Amsterdam (default: this machine's zone)"
    )


def zone_from(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    try:
        return zone_named(name)
    except ValueError as problem:
        raise CommandError(str(problem)) from None


def unit_from(args: argparse.Namespace) -> tuple[str, str]:
    """The unit for weights a file does not name, and where it came from."""
    if args.unit:
        return args.unit, "from --unit"
    settings, problems = load_settings(paths.config_file(args.config))
    for problem in problems:
        say(f"onemore: {problem}")
    return settings.unit, "the unit in your settings; choose with --unit kg|lb"


def unit_note(args: argparse.Namespace, unit: str, source: str, needed: bool) -> str | None:
    if needed:
        return f"The file does not say its unit: weights read as {unit} ({source})."
    if args.unit:
        return "--unit was not needed: the file says its unit."
    return None


def read(args: argparse.Namespace, unit: str) -> tuple[Assembly, ImportReport, bool]:
    path = Path(args.file).expanduser()
    try:
        if args.app == "onemore":  # weights carry their unit and times their offset
            return read_onemore_export(path), ImportReport(path.name, JSON_DESCRIPTION), False
        export, reader, needs_unit = open_export(args.app, path, unit)
        with ProgressBar(sys.stderr, f"Reading {export.name}") as bar:
            assembly = read_sessions(export, reader, zone_from(args.tz), bar.update)
    except UnreadableExport as problem:
        raise CommandError(str(problem)) from None
    return assembly, ImportReport(export.name, reader.description), needs_unit


def compare_only(args: argparse.Namespace, assembly: Assembly, report: ImportReport) -> None:
    """Compare with the store without writing to it; no data folder is made if there is none."""
    folder = paths.data_dir(args.data_dir)
    if not folder.is_dir():
        import_sessions(assembly, None, report, dry_run=args.dry_run, strict=args.strict)
        return
    with Store(folder, reading=True) as store:  # nothing repaired or rebuilt on disk either
        tell_notices(store)
        import_sessions(assembly, store, report, dry_run=args.dry_run, strict=args.strict)


def write(args: argparse.Namespace, assembly: Assembly, report: ImportReport) -> None:
    with open_store(args) as store:
        tell_notices(store)
        if store.read_only:
            raise CommandError(
                "another OneMore has this data folder open: close it, then "
                "import again (nothing was imported)"
            )
        try:
            import_sessions(assembly, store, report, strict=args.strict)
        except OSError as error:
            raise CommandError(
                f"cannot write to {store.data_dir}: {error.strerror or error}. Make room and "
                "import the file again: it adds what is missing, nothing twice"
            ) from error


def run(args: argparse.Namespace) -> int:
    zone_from(args.tz)  # a bad zone is reported before the file is read
    unit, unit_source = unit_from(args)
    with collector.paused():  # every row read lives until the sessions are written
        assembly, report, needs_unit = read(args, unit)
        report.unit_note = unit_note(args, unit, unit_source, needs_unit)
        refused = args.strict and any(row.unreadable for row in assembly.skipped)
        if args.dry_run or refused:
            compare_only(args, assembly, report)
        else:
            write(args, assembly, report)
    out("\n".join(report_lines(report)))
    return 1 if report.refused else 0
