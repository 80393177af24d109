"""Reading a file the lifter names, bounded: a device (`/dev/zero`, `/dev/urandom`), a pipe
or a folder given as a file is refused at once, and a file larger than the limit is refused
before it is read, so nothing can hang OneMore or fill its memory."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

SETTINGS_LIMIT = 1 << 20  # config.toml, a routine, a theme: 1 MB is thousands of lines
IMPORT_LIMIT = 256 << 20  # an export of decades of training is a few tens of MB


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`; OSError (with a plain strerror) otherwise."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a pipe with no writer must not block
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(
                errno.EINVAL, "it is not a regular file (a device, a pipe or a folder)", str(path)
            )
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"it is larger than {limit >> 20} MB", str(path))
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise OSError(errno.EFBIG, f"it is larger than {limit >> 20} MB", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)
