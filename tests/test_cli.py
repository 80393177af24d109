"""The `onemore` command as a lifter types it in a shell."""

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from tui import __version__
from tui.__main__ import main
from tui.core.model import CheckIn, ExerciseLog, Session, new_id
from tui.store.repository import Store

from .conftest import START, make_session, make_set


def onemore(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_version():
    result = onemore("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"onemore {__version__}"


def fill(data_dir):
    """Two finished sessions (given out of order) and one in progress."""
    newer = make_session("Upper", at=START)
    older = make_session("Lower", at=START - timedelta(days=2))
    with Store(data_dir) as store:
        store.add_finished([newer, older])
        exercise = ExerciseLog(id=new_id(), name="Bench Press", catalog_id="barbell_bench_press")
        live = Session(
            id=new_id(),
            name="Push",
            started_at=START + timedelta(days=1),
            checkin=CheckIn(sleep=2, stress=4, energy=3),
        ).with_exercise(exercise)
        store.save_session(live)
        store.save_session(
            store.live.with_set(exercise.id, make_set(80, 8, kind="warmup", rir=None))
        )
    return older, newer, live


def test_export_json_holds_finished_sessions_oldest_first_then_the_one_in_progress(data_dir):
    older, newer, live = fill(data_dir)
    result = onemore("--data-dir", str(data_dir), "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["format"] == "onemore-export" and document["version"] == 1
    assert datetime.fromisoformat(document["exported_at"]).utcoffset() is not None
    assert [s["id"] for s in document["sessions"]] == [older.id, newer.id, live.id]
    assert document["sessions"][-1]["ended_at"] is None
    assert document["sessions"][-1]["checkin"] == {"sleep": 2, "stress": 4, "energy": 3}
    first_set = document["sessions"][0]["exercises"][0]["sets"][0]
    assert set(first_set) >= {
        "id",
        "kind",
        "weight",
        "bodyweight",
        "unit",
        "reps",
        "rir",
        "failure",
        "rest_planned_s",
        "rest_actual_s",
        "logged_at",
    }
    assert first_set["kind"] == "working" and first_set["reps"] == 5 and first_set["rir"] == 2
    warmup = document["sessions"][-1]["exercises"][0]["sets"][0]
    assert warmup["kind"] == "warmup" and warmup["rir"] is None
    assert datetime.fromisoformat(first_set["logged_at"]).utcoffset() is not None


def test_export_to_a_file(data_dir, tmp_path):
    fill(data_dir)
    target = tmp_path / "out.json"
    result = onemore("--data-dir", str(data_dir), "export", "-o", str(target))
    assert result.returncode == 0
    assert "Exported 3 sessions" in result.stderr
    assert len(json.loads(target.read_text())["sessions"]) == 3


def test_the_data_folder_comes_from_the_environment(data_dir):
    fill(data_dir)
    result = onemore("export", env={"ONEMORE_DATA_DIR": str(data_dir)})
    assert len(json.loads(result.stdout)["sessions"]) == 3


def test_export_while_the_app_holds_the_store_just_works(data_dir):
    fill(data_dir)
    with Store(data_dir):
        result = onemore("--data-dir", str(data_dir), "export")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["sessions"]) == 3
    assert result.stderr == ""  # it only reads: "opened read-only" would be noise


@pytest.mark.parametrize(
    "args",
    [
        ["--data-dir", "/dev/null", "export"],
        ["--data-dir", "/proc/onemore-cannot-be-here", "import", "strong", "/dev/null"],
        ["export", "--format", "xml"],
        ["frobnicate"],
    ],
)
def test_errors_are_one_clear_line_and_non_zero_never_a_traceback(args, data_dir):
    result = onemore(*args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("onemore")


def test_an_unwritable_export_target_is_one_line(data_dir, capsys):
    fill(data_dir)
    code = main(["--data-dir", str(data_dir), "export", "-o", "/proc/nope/out.json"])
    assert code == 1
    assert capsys.readouterr().err.strip().startswith("onemore: cannot write /proc/nope/out.json")


def test_the_console_script_is_installed():
    script = os.path.join(os.path.dirname(sys.executable), "onemore")
    assert subprocess.run([script, "--version"], capture_output=True).returncode == 0


def test_every_subcommand_is_registered_under_its_own_name():
    from tui.commands import SUBCOMMANDS, load

    assert {name: load(name).NAME for name in SUBCOMMANDS} == {name: name for name in SUBCOMMANDS}


def test_starting_the_app_loads_no_subcommand_and_no_http_client():
    probe = (
        "import sys; from tui.__main__ import build_parser; build_parser([]); "
        "import tui.app; print(sorted(m for m in sys.modules "
        "if m.startswith('tui.commands.') or m == 'httpx'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "['tui.commands.common']", result.stdout  # common: open_store


def test_help_lists_every_command():
    result = onemore("--help")
    assert result.returncode == 0
    for name in ("export", "import", "last", "sync"):
        assert name in result.stdout
