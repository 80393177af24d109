"""Send every log record (ours and third-party libraries') to a file, never to the terminal."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

from tui.format import shown
from tui.redact import hide
from tui.store.storage import FILE_MODE, make_private_folder


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log that is 0600 after every rotation and stays silent when it cannot write
    (logging's default prints a traceback to stderr, over the app, on a full disk)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(
            self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE
        )
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class SafeFormatter(logging.Formatter):
    """Every record as text to read, never to obey: no secret, no control character
    (a server's reason or a file's cell may carry escape sequences)."""

    def format(self, record: logging.LogRecord) -> str:
        return shown(hide(super().format(record)), lines=True)


class HeldRecords(logging.Handler):
    """Records kept in memory until it is known whether this OneMore may write its log (a
    command that only reads, or a second OneMore on a held folder, never does)."""

    LIMIT = 1000

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)


def _only(handler: logging.Handler, level: int) -> None:
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)


def hold_log(level: int = logging.INFO) -> None:
    """Keep records in memory from now on (see `HeldRecords`); `log_to_file` writes them."""
    _only(HeldRecords(), level)


def log_nowhere() -> None:
    """Drop every record: this OneMore writes nothing, its log included (a handler that
    drops them, so logging's last resort does not print them over the terminal)."""
    _only(logging.NullHandler(), logging.getLogger().level)


def log_to_file(path: Path, level: int = logging.INFO) -> None:
    """Send records to the log file, those held so far first. An OSError (a full disk, a
    directory in its place) leaves the log where it was: the caller carries on without it."""
    held = [h for h in logging.getLogger().handlers if isinstance(h, HeldRecords)]
    make_private_folder(path.parent)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise IsADirectoryError(0, "not a regular file", str(path))
    handler = PrivateLogFile(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _only(handler, level)
    path.chmod(FILE_MODE)
    for record in (r for h in held for r in h.records):
        handler.handle(record)
