"""The `onemore` command: the app by default, plus subcommands for the shell."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__, paths
from tui.logfile import log_to_file
from tui.settings import load_settings

log = logging.getLogger("tui.cli")


class CommandError(Exception):
    """A problem the lifter can fix; printed as one line, exit code 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onemore",
        description="OneMore: a training log for the rack. Without a command it starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"onemore {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the training data lives")
    parser.add_argument("--config", metavar="FILE", help="the settings file (config.toml)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser("export", help="write every session to a file or stdout")
    export.add_argument("--format", choices=["json"], default="json", help="file format")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    return parser


def open_store(args: argparse.Namespace):  # noqa: ANN201 - a Store
    from tui.store.repository import Store

    folder = paths.data_dir(args.data_dir)
    try:
        log_to_file(paths.log_file(folder))
        return Store(folder)
    except OSError as error:
        raise CommandError(f"cannot use the data folder {folder}: {error.strerror or error}") from error


def run_app(args: argparse.Namespace) -> int:
    from tui.app import make_app

    settings, problems = load_settings(paths.config_file(args.config))
    store = open_store(args)
    try:
        make_app(store, settings, problems).run()
    finally:
        store.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    from tui.interchange.export_json import export_document, export_text
    from tui.store.repository import utc_now
    from tui.store.storage import write_durably

    store = open_store(args)
    with store:
        for notice in store.notices:
            print(f"onemore: {notice}", file=sys.stderr)
        document = export_document(store.finished_sessions(), store.live, utc_now())
    text = export_text(document)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    target = Path(args.output).expanduser()
    try:
        write_durably(target, text.encode())
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from error
    count = len(document["sessions"])
    print(f"Exported {count} session{'s' if count != 1 else ''} to {target}", file=sys.stderr)
    return 0


COMMANDS = {None: run_app, "export": run_export}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CommandError as error:
        print(f"onemore: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last guard: one line, details in the log
        log.exception("unexpected error")
        print(f"onemore: unexpected error: {error} (details in the log file)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
