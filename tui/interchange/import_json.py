"""A OneMore JSON export read back (`onemore import onemore FILE`): into another data folder,
or into this one again after a loss.

The same rules as the CSV importers: the whole file is read before anything is written; ids
are kept, so importing the same file again adds nothing; a session already here (the same
id, or the same start and name) is left as it is, and a deleted one is not brought back.
Each set in the file counts as one row of the report. A session still in progress in the
export, or one that cannot be read, is left out with its reason and the line it starts on.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.bounded import IMPORT_LIMIT, read_bounded
from tui.core.model import ModelError, Session
from tui.interchange.assemble import IMPORT_IDS, Assembled, Assembly
from tui.interchange.csv_rows import UnreadableExport
from tui.interchange.export_json import FORMAT, VERSION
from tui.interchange.rows import SkippedRow

DESCRIPTION = f"OneMore JSON export (version {VERSION})"
IN_PROGRESS = "a session still in progress where it was exported: finish it there, export again"
NO_SETS = "a session with no sets: nothing to import"
WHAT_IT_READS = (
    'a OneMore JSON export ("format": "onemore-export", from onemore export --format json)'
)


def document_of(path: Path) -> tuple[str, dict[str, Any]]:
    """The file's text and its parsed document; UnreadableExport (one line) if it is not one."""
    try:
        data = read_bounded(path, IMPORT_LIMIT)
    except OSError as error:
        raise UnreadableExport(f"cannot read {path}: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
    except ValueError as error:  # not UTF-8, not JSON, or a number of 5,000 digits
        raise UnreadableExport(
            f"{path.name} is not JSON ({error}); OneMore reads {WHAT_IT_READS}"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UnreadableExport(
            f"{path.name} is not a OneMore export; OneMore reads {WHAT_IT_READS}"
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise UnreadableExport(f"{path.name} has no valid export version")
    if version > VERSION:
        raise UnreadableExport(
            f"{path.name} was written by a newer OneMore (export version {version}); "
            f"this one reads version {VERSION}: update OneMore to import it"
        )
    if not isinstance(document.get("sessions"), list):
        raise UnreadableExport(f"{path.name} has no list of sessions")
    return text, document


def start_lines(text: str, count: int) -> list[int]:
    """The line each of the `count` sessions starts on; counted from the first when the
    layout cannot be followed (a hand-made file), so every session still gets a number."""
    decoder, lines = json.JSONDecoder(), list[int]()
    try:
        position = text.index("[", text.index('"sessions"')) + 1
        line = 1 + text.count("\n", 0, position)
        while len(lines) < count:
            while text[position] in " \t\r\n,":
                line += text[position] == "\n"
                position += 1
            lines.append(line)
            _, end = decoder.raw_decode(text, position)
            line += text.count("\n", position, end)
            position = end
    except (ValueError, IndexError):
        return list(range(1, count + 1))
    return lines


def sets_of(record: Any) -> list[Any]:
    """The set records of one session record, whatever else is wrong with it."""
    exercises = record.get("exercises") if isinstance(record, dict) else None
    if not isinstance(exercises, list):
        return []
    return [
        s
        for e in exercises
        if isinstance(e, dict) and isinstance(e.get("sets"), list)
        for s in e["sets"]
    ]


def exercise_id(session_id: str, position: int) -> str:
    """The export leaves exercise ids out: made from the session id, the same every import."""
    return str(uuid.uuid5(IMPORT_IDS, f"onemore-export\n{session_id}\n{position}"))


def session_from(record: Any) -> Session:
    """A session from one record of the export; ModelError says what is wrong."""
    if (
        not isinstance(record, dict)
        or not isinstance(record.get("id"), str)
        or not record["id"].strip()
    ):
        raise ModelError("a session needs an id")
    if not all(
        isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"] for s in sets_of(record)
    ):
        raise ModelError("every set needs its id")  # else each import would make new ones
    session = Session.from_dict(record)
    exercises = tuple(
        replace(e, id=exercise_id(session.id, n)) for n, e in enumerate(session.exercises)
    )
    return replace(session, exercises=exercises)


def read_onemore_export(path: Path) -> Assembly:
    """Every session of the export, and the ones left out; nothing written."""
    text, document = document_of(path)
    records = document["sessions"]
    sessions: list[Assembled] = []
    skipped: list[SkippedRow] = []
    seen: set[str] = set()
    rows = 0
    for line, record in zip(start_lines(text, len(records)), records, strict=True):
        count = max(1, len(sets_of(record)))  # a session without sets still counts once
        rows += count
        try:
            session = session_from(record)
        except ModelError as problem:
            skipped += [
                SkippedRow(line, f"a session that cannot be read ({problem})", unreadable=True)
            ] * count
            continue
        if session.id in seen:
            skipped += [
                SkippedRow(line, "the same session again further down: the first is kept")
            ] * count
        elif not session.finished:
            skipped += [SkippedRow(line, IN_PROGRESS)] * count
        elif not session.sets:
            skipped.append(SkippedRow(line, NO_SETS))
        else:
            sessions.append(Assembled(session, len(session.sets), 0))
        seen.add(session.id)
    return Assembly(sessions, skipped, rows)
