"""What every subcommand needs: one-line errors and the store opened from the flags."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from tui import paths
from tui.format import shown
from tui.logfile import hold_log, log_nowhere, log_to_file
from tui.redact import hide
from tui.store.repository import Store


class CommandError(Exception):
    """A problem the lifter can fix; printed as one line, exit code 1."""


def open_store(args: argparse.Namespace, *, reading: bool = False) -> Store:
    """The store in the folder the flags or environment name; logging goes to its log file.

    `reading`: a command that only reads (see `Store`); it writes no log either. Nor does a
    second OneMore on a held folder. A log that cannot be written is done without."""
    folder = paths.data_dir(args.data_dir)
    hold_log()
    try:
        store = Store(folder, reading=reading)
    except OSError as error:
        log_nowhere()
        raise CommandError(cannot_use(folder, error)) from error
    if store.read_only:
        log_nowhere()
        return store
    try:
        log_to_file(paths.log_file(folder))
    except OSError as error:
        log_nowhere()
        store.tell(
            f"the log file cannot be written ({error.strerror or error}): going on without it"
        )
    return store


IN_THE_WAY = (errno.EISDIR, errno.ENOTDIR, errno.ELOOP, errno.EACCES, errno.EPERM)


def cannot_use(folder: Path, error: OSError) -> str:
    """`cannot use the data folder F: F/onemore.lock: Is a directory (…)`: the path, what to do."""
    reason = error.strerror or str(error)
    where = Path(error.filename) if isinstance(error.filename, str) else None
    if where is None or where == folder or error.errno not in IN_THE_WAY:
        return f"cannot use the data folder {folder}: {reason}"
    return (
        f"cannot use the data folder {folder}: {where}: {reason} "
        "(move it out of the way, then start OneMore again)"
    )


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
