"""This checkout's `onemore` in child processes, and the real exports the cases feed it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILDREN = ROOT / "tests" / "kill_children.py"
FIXTURES = ROOT / "tests" / "data"  # real exports: see tests/data/SOURCES.md
STRONG_FIXTURE = FIXTURES / "strong_rest_timer_rows.csv"
HEVY_FIXTURE = FIXTURES / "hevy_workouts.csv"


def child_env(**extra: str) -> dict[str, str]:
    """The environment as it is now (a test's isolated folders included), this checkout first."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def onemore(
    *args: str, env: dict[str, str] | None = None, umask: int = 0o022, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`onemore ARGS` in a child process with `umask`; its exit code, stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(**(env or {})),
        cwd=ROOT,
        preexec_fn=lambda: os.umask(umask),  # a plain umask: safe before exec
    )
