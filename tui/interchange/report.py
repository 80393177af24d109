"""The closing report of an import: what came in, what was already here, what was left out.

Every data row is counted once: as a set, as a rest attached to a set, as a row left out
(with its reason and line), or as part of a session that was already here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.format import plural
from tui.interchange.rows import SkippedRow

LINES_SHOWN = 10


@dataclass
class ImportReport:
    file_name: str
    description: str
    unit_note: str | None = None
    data_rows: int = 0
    sessions_new: int = 0
    sets_new: int = 0
    rests_new: int = 0
    sessions_present: int = 0
    sessions_deleted: int = 0  # of those present: deleted here, so not brought back
    rows_present: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    custom_exercises: list[str] = field(default_factory=list)
    long_sessions: int = 0
    dry_run: bool = False
    refused: bool = False  # --strict and a row could not be read

    @property
    def unreadable(self) -> list[SkippedRow]:
        return [row for row in self.skipped if row.unreadable]

    @property
    def left_out(self) -> list[SkippedRow]:
        return [row for row in self.skipped if not row.unreadable]

    @property
    def accounted_rows(self) -> int:
        return self.sets_new + self.rests_new + len(self.skipped) + self.rows_present

    @property
    def written(self) -> bool:
        return not (self.dry_run or self.refused)


def grouped(rows: list[SkippedRow]) -> list[str]:
    """One line per reason, most frequent first, with the first line numbers."""
    by_reason: dict[str, list[int]] = {}
    for row in rows:
        by_reason.setdefault(row.reason, []).append(row.line)
    lines = []
    for reason, numbers in sorted(by_reason.items(), key=lambda item: -len(item[1])):
        shown = ", ".join(str(n) for n in numbers[:LINES_SHOWN])
        more = f" and {len(numbers) - LINES_SHOWN:,} more" if len(numbers) > LINES_SHOWN else ""
        where = f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"
        lines.append(f"  {len(numbers):>5} × {reason} ({where})")
    return lines


def outcome_line(report: ImportReport) -> str:
    what = (
        f"{plural(report.sessions_new, 'session')} with {plural(report.sets_new, 'set')} "
        f"({plural(report.rests_new, 'rest')} attached to the set after them)"
    )
    if report.refused:
        bad = plural(len(report.unreadable), "row")
        return f"Nothing imported: --strict, and {bad} could not be read. Without --strict: {what}."
    if report.dry_run:
        return f"Dry run, nothing written. Would import {what}."
    return f"Imported {what}."


def present_line(report: ImportReport) -> str:
    deleted = report.sessions_deleted
    why = f" ({deleted:,} of them deleted here and not brought back)" if deleted else ""
    return f"Already here: {plural(report.sessions_present, 'session')}{why}."


def report_lines(report: ImportReport) -> list[str]:
    lines = [f"{report.file_name}: {report.description}."]
    if report.unit_note:
        lines.append(report.unit_note)
    lines += [outcome_line(report), present_line(report)]
    if report.long_sessions:
        lines.append(
            f"{plural(report.long_sessions, 'session')} lasted over 24 hours by the "
            "file (a timer left running): kept without a length."
        )
    if report.left_out:
        lines.append(f"Left out: {plural(len(report.left_out), 'row')} OneMore does not keep:")
        lines += grouped(report.left_out)
    if report.unreadable:
        lines.append(f"Could not be read: {plural(len(report.unreadable), 'row')}:")
        lines += grouped(report.unreadable)
    if report.custom_exercises:
        verb = "created" if report.written else "to create"
        lines.append(
            f"Custom exercises {verb} (not in the catalog): "
            + ", ".join(report.custom_exercises)
            + "."
        )
    lines.append(
        f"Every row accounted for: {plural(report.data_rows, 'row')} = "
        f"{plural(report.sets_new, 'set')} + {plural(report.rests_new, 'rest')} "
        f"+ {len(report.skipped):,} left out or unreadable "
        f"+ {report.rows_present:,} in sessions already here."
    )
    return lines
