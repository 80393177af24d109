"""Shared by the import and export tests: where the files are, and an import in one call."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from tui.interchange.assemble import Assembly
from tui.interchange.dialects import open_export
from tui.interchange.importer import import_sessions, read_sessions
from tui.interchange.report import ImportReport
from tui.store.repository import Store

FIXTURES = Path(__file__).parent / "data"  # real exports: see data/SOURCES.md
STRONG_FIXTURE = FIXTURES / "strong_rest_timer_rows.csv"
HEVY_FIXTURE = FIXTURES / "hevy_workouts.csv"
DATA = Path(__file__).parent / "data"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def read_file(
    path: Path, app: str = "strong", unit: str = "kg", zone: ZoneInfo | None = AMSTERDAM
) -> Assembly:
    export, reader, _ = open_export(app, path, unit)
    return read_sessions(export, reader, zone)


def import_file(
    data_dir: Path,
    path: Path,
    app: str = "strong",
    unit: str = "kg",
    zone: ZoneInfo | None = AMSTERDAM,
    **flags: bool,
) -> ImportReport:
    export, reader, _ = open_export(app, path, unit)
    assembly = read_sessions(export, reader, zone)
    with Store(data_dir) as store:
        return import_sessions(
            assembly, store, ImportReport(export.name, reader.description), **flags
        )


def stored(data_dir: Path) -> list:
    with Store(data_dir) as store:
        return list(store.finished_sessions())


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (empty if the folder does not exist)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def every_row_accounted(report: ImportReport) -> bool:
    return report.data_rows == report.accounted_rows
