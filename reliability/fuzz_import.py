"""Case 5, bad input to every importer: real exports mutated, then `onemore import` run on them.

Whatever the file holds: exit 0 with every row accounted for, or exit 1 with one line on
stderr; never a traceback or an "unexpected error"; a refused file leaves every byte of the
data folder as it was.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import hypothesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability.checks import contents, damage, snapshot
from reliability.cli import HEVY_FIXTURE, STRONG_FIXTURE
from reliability.mutate import mutated
from reliability.outcome import Outcome
from tests.kill_children import DAY_ONE
from tui.__main__ import main
from tui.core.model import ExerciseLog, Session, SetLog, new_id
from tui.interchange.export_json import export_document, export_text
from tui.store.repository import Store

ACCOUNTED = re.compile(
    r"Every row accounted for: ([\d,]+) rows? = ([\d,]+) sets? \+ ([\d,]+) rests? "
    r"\+ ([\d,]+) left out or unreadable \+ ([\d,]+) in sessions already here"
)


def sources(work: Path, hevy_lines: int) -> dict[str, tuple[bytes, bytes]]:
    """app -> (a real export's bytes, the separator of its fields)."""
    hevy = b"\n".join(HEVY_FIXTURE.read_bytes().split(b"\n")[:hevy_lines])
    return {
        "strong": (STRONG_FIXTURE.read_bytes(), b","),
        "hevy": (hevy + b"\n", b","),
        "onemore": (onemore_export(work / "export-source"), b":"),
    }


def onemore_export(folder: Path) -> bytes:
    """A real OneMore export: the Strong fixture imported, plus a session still in progress."""
    run(folder, "strong", STRONG_FIXTURE, ["--tz", "Europe/Amsterdam"])
    with Store(folder) as store:
        exercise = ExerciseLog(id=new_id(), name="Dip", catalog_id="dip")
        exercise = exercise.with_set(
            SetLog(
                id=new_id(),
                kind="working",
                weight=10,
                reps=8,
                logged_at=DAY_ONE,
                bodyweight=True,
                rir=1.5,
            )
        )
        live = Session(id=new_id(), name="Now", started_at=DAY_ONE, exercises=(exercise,))
        document = export_document(store.finished_sessions(), live, DAY_ONE)
    return export_text(document).encode()


def run(data: Path, app: str, path: Path, flags: list[str]) -> tuple[int, str, str]:
    """`onemore --data-dir DATA import APP PATH FLAGS` in this process: (code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(data), "import", app, str(path), *flags])
    return code, out.getvalue(), err.getvalue()


def adds_up(report: str) -> bool:
    found = ACCOUNTED.search(report)
    if found is None:
        return False
    rows, *parts = (int(n.replace(",", "")) for n in found.groups())
    return rows == sum(parts)


def check_import(template: Path, data: Path, app: str, raw: bytes, flags: list[str]) -> list[str]:
    """Import `raw` into a copy of `template`: the problems (an empty list when all is well)."""
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(template, data)
    path = data.parent / f"{data.name}-input"
    path.write_bytes(raw)
    before = snapshot(data)
    code, out, err = run(data, app, path, flags)
    problems = []
    if "Traceback" in out + err or "unexpected error" in err:
        problems.append(f"not a clear error: {err.strip()[:300]}")
    if any(line and not line.startswith("onemore: ") for line in err.splitlines()):
        problems.append(f"stderr is not one-line messages: {err[:300]!r}")
    if code not in (0, 1):
        problems.append(f"exit code {code}")
    if code != 0 or "--dry-run" in flags:
        if snapshot(data) != before:
            problems.append("a refused or dry-run import changed the data folder")
    elif not adds_up(out):
        problems.append(f"the rows do not add up: {out[-300:]!r}")
    problems += damage(contents(data))
    return problems


FLAGS = st.sampled_from([[], [], ["--strict"], ["--dry-run"], ["--unit", "lb", "--tz", "UTC"]])


def fuzz_importers(
    work: Path, examples: int, seed: int = 11, hevy_lines: int = 400, raise_on_problem: bool = False
) -> Outcome:
    """`examples` mutated files per importer (Strong, Hevy, OneMore JSON)."""
    outcome = Outcome("bad input: every importer (mutated real exports)")
    template = work / "template"
    run(template, "hevy", HEVY_FIXTURE, ["--tz", "UTC"])  # a store with history
    for app, (original, separator) in sources(work, hevy_lines).items():
        trial = one_app(outcome, template, work / app, app, raise_on_problem)
        explore(trial, examples, seed, raw=mutated(original, separator), flags=FLAGS)
    return outcome


def explore(
    trial: Callable[..., None], examples: int, seed: int, **strategies: st.SearchStrategy
) -> None:
    """Run `trial` on `examples` values drawn from `strategies`, the same ones for the same seed."""
    run_all = given(**strategies)(trial)
    run_all = settings(
        max_examples=examples, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )(run_all)
    hypothesis.seed(seed)(run_all)()


def one_app(
    outcome: Outcome, template: Path, data: Path, app: str, raise_on_problem: bool
) -> Callable[[bytes, list[str]], None]:
    def trial(raw: bytes, flags: list[str]) -> None:
        problems = check_import(template, data, app, raw, flags)
        outcome.tried += 1
        if problems:
            outcome.fail(f"{app} {' '.join(flags)}: " + "; ".join(problems))
            if raise_on_problem:
                raise AssertionError("; ".join(problems))

    return trial
