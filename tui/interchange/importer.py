"""An import from start to end: read every row, then write only the sessions that are new.

Nothing is written until the whole file has been read, and then in one batch (one write per
year file), so a file with a broken row under --strict, or a dry run, leaves the store as it
was. A session already in the store, or deleted from it, is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import tzinfo

from tui.interchange.assemble import Assembled, Assembly, assemble
from tui.interchange.csv_rows import CsvExport
from tui.interchange.dialects import RowReader
from tui.interchange.report import ImportReport
from tui.interchange.rows import Row
from tui.store.repository import Store

Progress = Callable[[int, int], None]  # (line reached, lines in the file)
PROGRESS_EVERY = 500  # rows between progress calls: cheap enough for 50,000 rows


def rows_of(export: CsvExport, reader: RowReader, progress: Progress | None) -> Iterator[Row]:
    total = export.line_count
    for count, (line, fields) in enumerate(export.data_rows()):
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(line, total)
        yield reader.read(line, fields)
    if progress is not None:
        progress(total, total)


def read_sessions(
    export: CsvExport, reader: RowReader, zone: tzinfo | None, progress: Progress | None = None
) -> Assembly:
    """Every row of the file read into sessions and rows left out; nothing written."""
    return assemble(rows_of(export, reader, progress), reader.source, zone)


def already_here(store: Store | None, assembly: Assembly) -> tuple[set[str], set[str]]:
    """Ids of sessions the store has, and of those deleted from it (not to be brought back).

    A session counts as present by its id, or by its start and name: the same workout that
    reached the store another way (logged here, exported, and imported again).
    """
    if store is None:
        return set(), set()
    summaries = store.summaries()
    ids = {summary.id for summary in summaries}
    workouts = {(s.started_at, s.name) for s in summaries}
    present = {
        a.session.id
        for a in assembly.sessions
        if a.session.id in ids or (a.session.started_at, a.session.name) in workouts
    }
    deleted = {a.session.id for a in assembly.sessions if store.tombstone(a.session.id)}
    return present, deleted


def new_custom_exercises(store: Store | None, sessions: list[Assembled]) -> list[str]:
    """Custom exercises the store has never seen, each once, in alphabetical order."""
    names: dict[str, str] = {}
    for assembled in sessions:
        for exercise in assembled.session.exercises:
            if exercise.catalog_id is None and exercise.key not in names:
                if store is None or not store.previous(exercise.key):
                    names[exercise.key] = exercise.name
    return sorted(names.values(), key=str.casefold)


def import_sessions(
    assembly: Assembly,
    store: Store | None,
    report: ImportReport,
    *,
    dry_run: bool = False,
    strict: bool = False,
) -> ImportReport:
    """Write the new sessions of `assembly` to `store` (unless a dry run or refused) and report.

    `store` may be None for a dry run against a data folder that does not exist yet.
    """
    present, deleted = already_here(store, assembly)
    new = [a for a in assembly.sessions if a.session.id not in present | deleted]
    old = [a for a in assembly.sessions if a.session.id in present | deleted]
    report.data_rows = assembly.data_rows
    report.skipped = assembly.skipped
    report.sessions_new = len(new)
    report.sets_new = sum(a.set_rows for a in new)
    report.rests_new = sum(a.rest_rows for a in new)
    report.sessions_present = len(old)
    report.sessions_deleted = len(deleted)
    report.rows_present = sum(a.set_rows + a.rest_rows for a in old)
    report.long_sessions = sum(a.long_duration for a in new)
    report.custom_exercises = new_custom_exercises(store, new)
    report.dry_run = dry_run
    report.refused = strict and bool(report.unreadable)
    if report.written and new:
        if store is None:
            raise ValueError("an import that writes needs a store")
        store.add_finished([a.session for a in new])
    return report
