"""The lifter's routines: `*.toml` files in `<config folder>/routines/`, listed by the app.

A broken file gives one message naming the file and line; the other files still load.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tui.core.model import Routine
from tui.core.routines import RoutineError, routine_from
from tui.settings import toml_text

EXERCISE_HEADER = re.compile(r"^\s*\[\[\s*exercises\s*\]\]")


def problem_line(text: str, number: int, message: str) -> int | None:
    """The line to point at: the key the message names, inside the `number`-th exercise."""
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if EXERCISE_HEADER.match(line)]
    if not 0 < number <= len(headers):
        return None
    start = headers[number - 1]
    end = headers[number] if number < len(headers) else len(lines)
    quoted = re.search(r"'(\w+)'", message)
    named = quoted.group(1) if quoted else message.split()[0]  # "sets must be ..." names sets
    for index in range(start + 1, end):
        if lines[index].split("=")[0].strip() == named:
            return index + 1
    return start + 1


def load_routine(path: Path) -> Routine:
    """One routine file; ValueError with "<file>, line N: what is wrong" when it is broken."""
    try:
        text = toml_text(path)
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: could not be read ({error})") from error
    try:
        data = tomllib.loads(text)
    except ValueError as error:  # TOMLDecodeError, or an integer of 5,000 digits
        raise ValueError(f"{path}: {error}") from error
    try:
        return routine_from(data, f"file:{path.stem}", str(path))
    except RoutineError as problem:
        line = problem_line(text, problem.exercise, problem.message) if problem.exercise else None
        where = f", line {line} (exercise {problem.exercise})" if line else ""
        raise ValueError(f"{path}{where}: {problem.message}") from problem


def load_routines(folder: Path) -> tuple[list[Routine], list[str]]:
    """Every routine in `folder`, sorted by name, and one line per broken file."""
    routines, problems = [], []
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                routines.append(load_routine(path))
            except ValueError as problem:
                problems.append(f"Routine not loaded: {problem}")
    return sorted(routines, key=lambda r: r.name.casefold()), problems
