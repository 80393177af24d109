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
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class SafeFormatter(logging.Formatter):
    """Every record as text to read, never to obey: no secret, no control character
    (a server's reason or a file's cell may carry escape sequences)."""

    def format(self, record: logging.LogRecord) -> str:
        return shown(hide(super().format(record)), lines=True)


def log_to_file(path: Path, level: int = logging.INFO) -> None:
    make_private_folder(path.parent)
    handler = PrivateLogFile(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    path.chmod(FILE_MODE)
