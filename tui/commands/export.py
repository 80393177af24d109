"""`onemore export`: every session to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.common import CommandError, open_store, say, tell_notices
from tui.interchange.export_json import export_document, export_text
from tui.store.repository import utc_now
from tui.store.storage import write_durably

NAME = "export"
HELP = "write every session to a file or stdout"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["json"], default="json", help="file format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        tell_notices(store)
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
    say(f"Exported {count} session{'s' if count != 1 else ''} to {target}")
    return 0
