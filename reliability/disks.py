"""Disks that fill up or turn read-only on demand: injected at the storage layer, or a real tmpfs.

`InjectedDisk` makes every durable write of the store fail with a chosen errno (the write
never starts, as when the temp file cannot be created). `TinyDisk` mounts a real tmpfs of a
few kilobytes (root only) and fills it with a filler file: the kernel itself refuses writes.
"""

from __future__ import annotations

import errno
import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tui.store.storage as storage

TINY_SIZE = "256k"


class InjectedDisk:
    """While `fill()`ed, store writes fail with `code` (ENOSPC, EROFS or EACCES); with `only`,
    just the writes of the file of that name (a crash at one exact step)."""

    def __init__(self, code: int = errno.ENOSPC, only: str | None = None) -> None:
        self.code = code
        self.only = only
        self.writes_left: int | None = None  # None: the disk takes every write
        self.refused = 0
        self._original = storage.write_durably

    def _write(self, path: Path, payload: bytes) -> None:
        if self.writes_left is not None and self.only in (None, Path(path).name):
            if self.writes_left <= 0:
                self.refused += 1
                raise OSError(self.code, os.strerror(self.code), str(path))
            self.writes_left -= 1
        self._original(path, payload)

    def __enter__(self) -> InjectedDisk:
        storage.write_durably = self._write
        return self

    def __exit__(self, *exc: object) -> None:
        storage.write_durably = self._original

    def fill(self, after: int = 0) -> None:
        """Refuse every write after the next `after` ones."""
        self.writes_left = after

    def free(self) -> None:
        self.writes_left = None


def can_mount() -> bool:
    return os.geteuid() == 0


@contextmanager
def mounted_tmpfs(folder: Path, size: str = TINY_SIZE) -> Iterator[Path]:
    """A real tmpfs of `size` at `folder`, always unmounted on the way out."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise PermissionError(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


class TinyDisk:
    """A real, tiny filesystem: `fill()` takes every free block, `free()` gives them back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / f"filler-{uuid.uuid4().hex[:6]}"

    def fill(self) -> None:
        with open(self.filler, "ab", buffering=0) as handle:
            for size in (65536, 4096, 1):  # down to the last byte of the last page
                try:
                    while handle.write(b"\0" * size):
                        pass
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)
