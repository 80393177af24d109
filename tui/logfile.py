"""Send every log record (ours and third-party libraries') to a file, never to the terminal."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from tui.store.storage import make_private_folder


def log_to_file(path: Path, level: int = logging.INFO) -> None:
    make_private_folder(path.parent)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    path.chmod(0o600)
