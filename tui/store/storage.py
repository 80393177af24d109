"""Durable TinyDB storage: a file is either the old version or the new one, never half of each.

Every write goes to a temp file in the same folder, is flushed and fsynced, then
`os.replace`d over the real file, and the folder is fsynced so the rename itself survives a
power cut. Files are created 0600 and folders 0700: training data is personal.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

FILE_MODE = 0o600
FOLDER_MODE = 0o700
TEMP_MARK = ".tmp-"
META_TABLE = "_meta"


class UnreadableFile(Exception):
    """A data file that cannot be trusted: not JSON, the wrong shape, or from a newer version."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def make_private_folder(path: Path) -> None:
    """Create `path` and every missing parent as 0700 (whatever the umask), and tighten
    `path` if it already exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            pass
        else:
            os.chmod(folder, FOLDER_MODE)  # mkdir's mode is cut by the umask's, not widened
    path.mkdir(exist_ok=True, mode=FOLDER_MODE)
    if path.stat().st_mode & 0o777 != FOLDER_MODE:
        os.chmod(path, FOLDER_MODE)


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file."""
    # A new file under a name no one can guess, never through a link planted in its place.
    temp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(8)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove temp files a killed writer left behind; they never hold confirmed data. A link
    goes (not what it points to); a directory of that name is not ours and stays."""
    swept = []
    if folder.is_dir():
        for stray in folder.glob(f".*{TEMP_MARK}*"):
            if stray.is_dir() and not stray.is_symlink():
                continue
            try:
                stray.unlink(missing_ok=True)
            except OSError:
                continue
            swept.append(stray)
    return swept


def check_shape(data: Any, path: Path) -> dict[str, dict[str, Any]]:
    """TinyDB's layout: {table: {doc_id: document}}; anything else is not ours."""
    if not isinstance(data, dict):
        raise UnreadableFile(path, "it is not a OneMore data file (expected an object)")
    for table, documents in data.items():
        if not isinstance(documents, dict):
            raise UnreadableFile(path, f"table {table!r} is not an object")
        for doc_id, document in documents.items():
            if not isinstance(document, dict) or not str(doc_id).isdigit():
                raise UnreadableFile(path, f"table {table!r} holds a malformed record")
    return data


def read_json_file(path: Path) -> dict[str, dict[str, Any]] | None:
    """The file's TinyDB data, None if it does not exist; UnreadableFile if it cannot be trusted."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:  # a directory in its place, no permission, a bad block
        raise UnreadableFile(path, f"it cannot be read ({error.strerror or error})") from error
    if not raw.strip():
        raise UnreadableFile(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as error:  # not UTF-8, not JSON, or an integer of 5,000 digits
        raise UnreadableFile(path, f"it is not valid JSON ({error})") from error
    return check_shape(data, path)


class DurableStorage(Storage):
    """A TinyDB Storage over one JSON file, written durably, cached in memory.

    The cache is safe because one process writes at a time (see the store lock). A failed
    write drops the cache, so memory never claims more than the disk holds.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: dict[str, dict[str, Any]] | None = None
        self._loaded = False
        self._batching = 0
        self._pending = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            self._cache = read_json_file(self.path)
            self._loaded = True
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path.name} is open read-only")
        self._cache = data
        self._loaded = True
        if self._batching:
            self._pending = True
            return
        self._flush()

    def _flush(self) -> None:
        payload = json.dumps(self._cache, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            write_durably(self.path, payload)
        except BaseException:
            self.forget()
            raise

    def start_empty(self) -> None:
        """Behave as a new, empty file (the old one was set aside)."""
        self._cache = None
        self._loaded = True
        self._pending = False

    def forget(self) -> None:
        """Drop the cache so the next read comes from disk."""
        self._cache = None
        self._loaded = False
        self._pending = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes made inside the block into one durable write at its end."""
        self._batching += 1
        try:
            yield
        except BaseException:
            self._batching -= 1
            if not self._batching:
                self.forget()
            raise
        self._batching -= 1
        if not self._batching and self._pending:
            self._pending = False
            self._flush()

    def close(self) -> None:
        pass
