"""An export file as text: its separator, its header row, and data rows with line numbers.

A file that cannot be read as a whole (missing, empty, not UTF-8, not text) raises
UnreadableExport with one line for the lifter; nothing is imported from it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.bounded import IMPORT_LIMIT, read_bounded

SEPARATORS = (",", ";", "\t")
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


class UnreadableExport(Exception):
    """The file as a whole cannot be imported; the message is one line for the lifter."""


@dataclass(frozen=True)
class CsvExport:
    name: str
    text: str
    separator: str
    header: list[str]

    @property
    def line_count(self) -> int:
        return self.text.count("\n") + 1

    def data_rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number where the row starts, fields) for each row after the header."""
        rows = rows_with_lines(self.text, self.separator, self.name)
        next(rows, None)
        yield from rows

    def sample(self, size: int = 20) -> list[list[str]]:
        rows = []
        for _, fields in self.data_rows():
            rows.append(fields)
            if len(rows) == size:
                break
        return rows


def read_export(path: Path, expected: str) -> CsvExport:
    """The file at `path` as CSV text; `expected` names the formats OneMore reads."""
    try:
        data = read_bounded(path, IMPORT_LIMIT)
    except OSError as error:
        raise UnreadableExport(f"cannot read {path}: {error.strerror or error}") from error
    text = decoded(data, path.name, expected)
    separator = separator_of(text.split("\n", 1)[0])
    rows = rows_with_lines(text, separator, path.name)
    header = next(rows, (0, []))[1]
    return CsvExport(path.name, text, separator, [cell.strip() for cell in header])


def decoded(data: bytes, name: str, expected: str) -> str:
    if data.startswith(UTF16_MARKS):
        raise UnreadableExport(f"{name} is UTF-16 text; OneMore reads {expected}, as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problem = f"{name} is not UTF-8 text; OneMore reads {expected}, as UTF-8"
        raise UnreadableExport(problem) from None
    if "\x00" in text:
        raise UnreadableExport(f"{name} is not a text file; OneMore reads {expected}")
    if not text.strip():
        raise UnreadableExport(f"{name} is empty; OneMore reads {expected}")
    return text


def separator_of(header_line: str) -> str:
    """The separator that splits the header row into the most columns (',' on a tie)."""

    def columns(separator: str) -> int:
        return len(next(csv.reader([header_line], delimiter=separator), []))

    return max(SEPARATORS, key=columns)


def rows_with_lines(text: str, separator: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the physical line each starts on (quoted newlines span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    next_line = 1
    try:
        for fields in reader:
            line, next_line = next_line, reader.line_num + 1
            if "".join(fields).strip():  # not blank
                yield line, fields
    except csv.Error as error:
        raise UnreadableExport(f"{name} is not a CSV file (line {next_line}: {error})") from None
