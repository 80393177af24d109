"""One versioned TinyDB file: opened, migrated, or set aside when it cannot be trusted.

Each file carries `{"_meta": {"1": {"kind": ..., "schema_version": N}}}` beside its tables.
An unreadable file (not JSON, another kind, a newer schema, or records of the wrong shape,
see shapes.py) is never overwritten: it is renamed to `<name>.corrupt-<timestamp>` and the
lifter is told where it went; the store carries on with what it can read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from tui.store.shapes import shape_problem
from tui.store.storage import META_TABLE, DurableStorage, UnreadableFile

SCHEMA_VERSION = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# kind -> {version it upgrades from: function returning the data at version + 1}
MIGRATIONS: dict[str, dict[int, Migration]] = {}


def set_aside(path: Path, now: datetime) -> Path:
    """Rename an untrusted file out of the way without ever replacing another file."""
    stamp = now.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.rename(path, target)
    return target


def schema_version(data: dict[str, Any], path: Path, kind: str) -> int:
    meta = data.get(META_TABLE, {}).get("1")
    if meta is None:
        if any(data.values()):
            raise UnreadableFile(path, "it has no schema version")
        return SCHEMA_VERSION
    version = meta.get("schema_version")
    if meta.get("kind") != kind or isinstance(version, bool) or not isinstance(version, int):
        raise UnreadableFile(path, f"it is not a OneMore {kind} file")
    if version > SCHEMA_VERSION:
        raise UnreadableFile(
            path,
            f"it was written by a newer OneMore (schema {version}, "
            f"this one reads {SCHEMA_VERSION})",
        )
    if version < 1:
        raise UnreadableFile(path, f"schema version {version} is not valid")
    return version


def migrate(data: dict[str, Any], version: int, kind: str, path: Path) -> dict[str, Any]:
    steps = MIGRATIONS.get(kind, {})
    while version < SCHEMA_VERSION:
        if version not in steps:
            raise UnreadableFile(path, f"no way to upgrade schema {version} of a {kind} file")
        data = steps[version](data)
        version += 1
    data[META_TABLE] = {"1": {"kind": kind, "schema_version": SCHEMA_VERSION}}
    return data


class DataFile:
    """A TinyDB database in one file of the store, read and checked as soon as it is made."""

    def __init__(
        self,
        path: Path,
        kind: str,
        *,
        read_only: bool,
        now: Callable[[], datetime],
        tell: Callable[[str], None],
        left_because: str = "another OneMore has the data open",
    ) -> None:
        self.path = path
        self.left_because = left_because
        self.set_aside_to: Path | None = None  # where an unreadable file was moved at open
        self.kind = kind
        self.read_only = read_only
        self._now = now
        self._tell = tell
        self._db = self._open()  # now, so a damaged file is told when the store opens

    @property
    def db(self) -> TinyDB:
        return self._db

    @property
    def storage(self) -> DurableStorage:
        return self.db.storage  # type: ignore[return-value]

    def table(self, name: str) -> Table:
        return self.db.table(name)

    def _open(self) -> TinyDB:
        db = TinyDB(self.path, storage=DurableStorage, read_only=self.read_only)
        storage: DurableStorage = db.storage  # type: ignore[assignment]
        try:
            data = storage.read()
            if data is not None:
                version = schema_version(data, self.path, self.kind)
                if version < SCHEMA_VERSION and not self.read_only:
                    storage.write(migrate(data, version, self.kind, self.path))
                problem = shape_problem(self.kind, storage.read() or data)
                if problem:  # the right kind and version, but records it cannot hold
                    raise UnreadableFile(self.path, problem)
        except UnreadableFile as problem:
            self._give_up_on(problem)
            storage.start_empty()  # a fresh file takes its place on the next write
        return db

    def _give_up_on(self, problem: UnreadableFile) -> None:
        if self.read_only:
            self._tell(
                f"{self.path.name} could not be read: {problem.reason}. "
                f"It was left as it is, because {self.left_because}."
            )
            return
        moved = self.set_aside_to = set_aside(self.path, self._now())
        self._tell(
            f"{self.path.name} could not be read: {problem.reason}. "
            f"It was moved to {moved} and OneMore carries on without it."
        )

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes inside the block land on disk as one durable write, schema stamp included."""
        with self.storage.batch():
            meta = self.db.table(META_TABLE)
            if not meta.contains(doc_id=1):
                meta.insert(Document({"kind": self.kind, "schema_version": SCHEMA_VERSION}, 1))
            yield

    def put_single(self, table: str, document: dict[str, Any]) -> None:
        """Store `document` as the one record of `table` (replacing what was there)."""
        with self.batch():
            self.table(table).truncate()
            self.table(table).insert(Document(document, doc_id=1))

    def get_single(self, table: str) -> dict[str, Any] | None:
        record = self.table(table).get(doc_id=1)
        return None if record is None else dict(record)

    def exists(self) -> bool:
        return self.path.exists()
