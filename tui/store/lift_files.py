"""One derived file per exercise: `lifts/<key>.json`, a row per session it was done in.

Each row holds what a progress chart shows and the marks the PR rules compare (see
`tui.core.summary.lift_rows`), oldest first. A chart reads one exercise's file; filing,
editing or deleting a session rewrites only the files of its exercises. Like the index,
every file can be rebuilt from history, so an unreadable one is reported as `UnreadableFile`
and the store rebuilds.

Rows once read are kept in memory (only this store writes the files: it holds the lock), so
the exercises of the session in progress are decoded once, not again at every finish and
review; a file's rows are replaced in memory only once the file is written.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tui.store.shapes import is_time
from tui.store.storage import (
    UnreadableFile,
    make_private_folder,
    read_json_file,
    sweep_temp_files,
    write_durably,
)

KIND = "lifts"
MAX_NAME = 120  # bytes of a file name, well inside the 255 most file systems allow
Row = dict[str, Any]


def row_order(row: Row) -> tuple[datetime, str]:
    return datetime.fromisoformat(row["started_at"]), row["session_id"]


def _row_problem(row: Any) -> str | None:
    if not isinstance(row, dict) or not isinstance(row.get("session_id"), str):
        return "a row does not name its session"
    if not is_time(row.get("started_at")) or not isinstance(row.get("marks"), dict):
        return "a row has no start time or no marks"
    return None


class LiftFiles:
    """The per-exercise files in one folder."""

    def __init__(self, folder: Path, *, read_only: bool) -> None:
        self.folder = folder
        self.read_only = read_only
        # every exercise's rows, when a rebuild could not be written (read-only, a full
        # disk): read from here, not from the files, until the next start rebuilds again
        self.held: dict[str, list[Row]] | None = None
        self._read: dict[str, list[Row]] = {}  # rows kept for a write to come, or not yet written
        self._unwritten: dict[str, list[Row]] = {}  # rows written in memory only, for now
        self.writes = 0  # goes up at every write (a read outside the store's lock is checked)
        if not read_only:
            make_private_folder(folder)
            sweep_temp_files(folder)

    def path(self, key: str) -> Path:
        """`barbell_back_squat.json`, `name%3Apull-up.json`; a key too long for a file name
        (an exercise named with a paragraph) gets a hash of it, which quoting never makes."""
        name = quote(key, safe="")
        if len(name) > MAX_NAME:
            name = "#" + hashlib.sha256(key.encode()).hexdigest()[:32]
        return self.folder / f"{name}.json"

    def read(self, key: str, *, keep: bool = False) -> list[Row]:
        """The rows of `key`, oldest first; [] for an exercise never done. `keep`: hold them
        in memory for the write that is coming (a finish), until it is on disk; otherwise
        they are not kept (ten years of one exercise are megabytes)."""
        if self.held is not None:
            return list(self.held.get(key, []))
        kept = self._read.get(key)  # one look: a read may run outside the store's lock
        if kept is not None:
            return list(kept)
        path = self.path(key)
        data = read_json_file(path)  # a TinyDB-shaped check first: tables of records
        if data is None:
            return []
        record = data.get(KIND, {}).get("1", {})
        rows = record.get("rows")
        if record.get("key") != key or not isinstance(rows, list):
            raise UnreadableFile(path, f"it is not the {key} file")
        for row in rows:
            if problem := _row_problem(row):
                raise UnreadableFile(path, problem)
        if keep:
            self._read[key] = rows
        return list(rows)

    def write(self, key: str, rows: list[Row], *, later: bool = False) -> None:
        """Replace the rows of `key` (oldest first) durably (no file when there are none);
        `later`: in memory now, on disk at `write_unwritten`."""
        self.writes += 1
        if self.held is not None:
            self.held[key] = list(rows)
        # read from memory, and left to write, until the file holds them: a failed write is
        # tried again by `write_unwritten` (the stale mark stays until then)
        self._read[key] = self._unwritten[key] = list(rows)
        if later:
            return
        if not rows:
            self.path(key).unlink(missing_ok=True)
        else:
            record = {KIND: {"1": {"key": key, "rows": rows}}}
            payload = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
            write_durably(self.path(key), payload)
        del self._unwritten[key]
        del self._read[key]  # not kept once on disk (ten years of one exercise are megabytes)

    @property
    def unwritten(self) -> bool:
        return bool(self._unwritten)

    def write_unwritten(self) -> None:
        """Write the files kept in memory by `write(later=True)`, oldest change first."""
        for key, rows in list(self._unwritten.items()):
            self.write(key, rows)

    def keys(self) -> list[str]:
        """Every exercise with a file (as each file names it; unreadable ones left out)."""
        found = []
        for path in self.folder.glob("*.json"):
            try:
                record = (read_json_file(path) or {}).get(KIND, {}).get("1", {})
            except UnreadableFile:
                continue
            if isinstance(record.get("key"), str):
                found.append(record["key"])
        return found

    def clear(self) -> None:
        """Remove every file, before a rebuild writes them again."""
        self.writes += 1
        self._read.clear()
        self._unwritten.clear()
        for path in self.folder.glob("*.json"):
            path.unlink()
