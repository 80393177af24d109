"""What every subcommand needs: one-line errors and the store opened from the flags."""

from __future__ import annotations

import argparse
import sys

from tui import paths
from tui.format import shown
from tui.logfile import log_to_file
from tui.redact import hide
from tui.store.repository import Store


class CommandError(Exception):
    """A problem the lifter can fix; printed as one line, exit code 1."""


def open_store(args: argparse.Namespace) -> Store:
    """The store in the folder the flags or environment name; logging goes to its log file."""
    folder = paths.data_dir(args.data_dir)
    try:
        log_to_file(paths.log_file(folder))
        return Store(folder)
    except OSError as error:
        raise CommandError(
            f"cannot use the data folder {folder}: {error.strerror or error}"
        ) from error


def say(message: str) -> None:
    """A line for the lifter on stderr (stdout stays clean for data): no secret in it, and
    control characters from outside written out, never sent to the terminal."""
    print(shown(hide(message), lines=True), file=sys.stderr)


def out(text: str) -> None:
    """Lines for stdout that hold names or words from outside (a review, an import report):
    control characters written out, so a name can never drive the terminal."""
    print(shown(text, lines=True))


def tell_notices(store: Store) -> None:
    for notice in store.notices:
        say(f"onemore: {notice}")
