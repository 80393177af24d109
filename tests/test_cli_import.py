"""`onemore import` as a lifter types it: the report, the errors, --dry-run, --strict, --tz."""

import io
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from tui.__main__ import main
from tui.commands.progress import ProgressBar
from tui.store.repository import Store

from .import_support import DATA, HEVY_FIXTURE, STRONG_FIXTURE, import_file, snapshot, stored


def onemore(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), "import", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(data_dir):
    """A data folder that already holds a history."""
    import_file(data_dir, DATA / "strong_quoted_kg.csv")
    return data_dir


def test_the_report_says_what_came_in_and_what_was_left_out_and_why(data_dir):
    result = onemore(
        "--data-dir",
        str(data_dir),
        "import",
        "strong",
        str(STRONG_FIXTURE),
        "--unit",
        "kg",
        "--tz",
        "Europe/Amsterdam",
    )
    assert result.returncode == 0
    assert result.stderr == ""  # not a terminal: no progress bar
    report = result.stdout
    assert "Imported 10 sessions with 109 sets (99 rests attached to the set after them)." in report
    assert "Already here: 0 sessions." in report
    assert (
        "10 × rest after the last set: nothing to attach it to "
        "(lines 35, 65, 77, 101, 127, 139, 157, 177, 189, 219)"
    ) in report
    assert "Custom exercises created (not in the catalog): Spider curl, Spider Hammer" in report
    assert "weights read as kg (from --unit)" in report
    assert "218 rows = 109 sets + 99 rests + 10 left out or unreadable + 0 in sessions" in report


def test_a_second_import_of_the_same_file_adds_nothing(capsys, data_dir):
    run(capsys, data_dir, "strong", str(STRONG_FIXTURE), "--tz", "UTC")
    code, out, _ = run(capsys, data_dir, "strong", str(STRONG_FIXTURE), "--tz", "UTC")
    assert code == 0
    assert "Imported 0 sessions with 0 sets" in out and "Already here: 10 sessions." in out
    assert len(stored(data_dir)) == 10


def test_long_lists_of_lines_are_cut_after_ten(capsys, data_dir):
    _, out, _ = run(capsys, data_dir, "hevy", str(HEVY_FIXTURE), "--tz", "UTC")
    assert "275 × timed or cardio set: OneMore logs weight × reps (lines 2178, 2179" in out
    assert "and 265 more)" in out


def bad_files(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
    files = {
        "empty.csv": b"",
        "blank.csv": b"\xef\xbb\xbf\n\n",
        "export.json": b'{"format": "onemore-export", "sessions": []}\n',
        "picture.png": png,
        "other.csv": b"name,score\nalice,3\n",
        "latin1.csv": (DATA / "strong_french_latin1.csv").read_bytes(),
        "utf16.csv": (DATA / "strong_french_utf16.csv").read_bytes(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return files


@pytest.mark.parametrize(
    "name",
    [
        "empty.csv",
        "blank.csv",
        "export.json",
        "picture.png",
        "other.csv",
        "latin1.csv",
        "utf16.csv",
    ],
)
def test_a_file_that_is_not_an_export_is_one_line_and_changes_nothing(
    capsys, filled, tmp_path, name
):
    bad_files(tmp_path)
    before = snapshot(filled)
    code, out, err = run(capsys, filled, "strong", str(tmp_path / name))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"onemore: {name} ")
    assert "Strong CSV export" in err and "Hevy CSV export" in err  # what it does read
    assert snapshot(filled) == before


def test_a_missing_file_is_one_line(capsys, filled, tmp_path):
    code, _, err = run(capsys, filled, "strong", str(tmp_path / "nope.csv"))
    assert code == 1 and err.count("\n") == 1 and "nope.csv" in err


def test_a_file_from_the_other_app_says_which_command_to_run(capsys, filled):
    before = snapshot(filled)
    code, _, err = run(capsys, filled, "strong", str(HEVY_FIXTURE))
    assert code == 1 and err.count("\n") == 1
    assert "is a Hevy export" in err and "onemore import hevy" in err
    assert snapshot(filled) == before


def test_an_unknown_time_zone_is_one_line_and_nothing_is_read(capsys, data_dir):
    code, _, err = run(capsys, data_dir, "strong", str(STRONG_FIXTURE), "--tz", "Europe/Atlantis")
    assert code == 1 and err.count("\n") == 1 and "Europe/Atlantis" in err
    assert not data_dir.exists()


def test_the_zone_decides_the_offset_of_each_time(capsys, tmp_path):
    run(capsys, tmp_path / "ams", "strong", str(STRONG_FIXTURE), "--tz", "Europe/Amsterdam")
    run(capsys, tmp_path / "nyc", "strong", str(STRONG_FIXTURE), "--tz", "America/New_York")
    amsterdam, new_york = stored(tmp_path / "ams")[0], stored(tmp_path / "nyc")[0]
    assert amsterdam.started_at.utcoffset() == timedelta(hours=2)
    assert new_york.started_at.utcoffset() == timedelta(hours=-4)
    assert new_york.started_at - amsterdam.started_at == timedelta(hours=6)


def test_dry_run_creates_no_data_folder(capsys, data_dir):
    code, out, _ = run(capsys, data_dir, "strong", str(STRONG_FIXTURE), "--dry-run")
    assert code == 0
    assert "Dry run, nothing written. Would import 10 sessions with 109 sets" in out
    assert "Custom exercises to create" in out
    assert not data_dir.exists()


def test_dry_run_compares_with_the_history_and_changes_no_file(capsys, filled):
    before = snapshot(filled)
    _, out, _ = run(capsys, filled, "strong", str(DATA / "strong_quoted_kg.csv"), "--dry-run")
    assert "Would import 0 sessions" in out and "Already here: 2 sessions." in out
    assert snapshot(filled) == before


def test_strict_imports_nothing_and_still_reports(capsys, filled):
    before = snapshot(filled)
    code, out, _ = run(capsys, filled, "strong", str(DATA / "strong_bad_rows.csv"), "--strict")
    assert code == 1
    assert "Nothing imported: --strict, and 4 rows could not be read." in out
    assert "1 × reps are not a whole number (line 3)" in out
    assert snapshot(filled) == before


def test_without_strict_the_readable_rows_come_in(capsys, data_dir):
    code, out, _ = run(capsys, data_dir, "strong", str(DATA / "strong_bad_rows.csv"))
    assert code == 0 and "Imported 2 sessions with 2 sets" in out
    assert "Could not be read: 4 rows:" in out


def test_the_unit_comes_from_the_settings_when_not_given(capsys, data_dir, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('unit = "lb"\n')
    main(
        [
            "--data-dir",
            str(data_dir),
            "--config",
            str(config),
            "import",
            "strong",
            str(DATA / "strong_no_notes.csv"),
        ]
    )
    out = capsys.readouterr().out
    assert "weights read as lb (the unit in your settings; choose with --unit kg|lb)" in out
    assert {s.unit for s in stored(data_dir)[0].sets} == {"lb"}


def test_a_unit_is_not_needed_when_the_file_names_it(capsys, data_dir):
    _, out, _ = run(capsys, data_dir, "hevy", str(DATA / "hevy_lbs_multiline.csv"), "--unit", "kg")
    assert "--unit was not needed: the file says its unit." in out
    assert {s.unit for s in stored(data_dir)[0].sets} == {"lb"}


def test_import_while_another_onemore_has_the_data_open_imports_nothing(filled):
    before = len(stored(filled))
    with Store(filled):
        result = onemore("--data-dir", str(filled), "import", "strong", str(STRONG_FIXTURE))
    assert result.returncode == 1
    assert "another OneMore has this data folder open" in result.stderr
    assert len(stored(filled)) == before


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_redraws_at_most_ten_times_a_second_and_wipes_itself():
    terminal, clock = FakeTerminal(tty=True), Ticks()
    with ProgressBar(terminal, "Reading big.csv", clock=clock) as bar:
        bar.update(10, 100)  # too soon: a quick file shows no bar at all
        assert terminal.getvalue() == ""
        for step in range(1, 11):
            clock.now += 1 / 16  # 16 updates a second: every second one is drawn
            bar.update(step * 10, 100)
    drawn = terminal.getvalue()
    assert drawn.count("\rReading big.csv [") == 5
    assert "100%" in drawn and drawn.endswith("\r\x1b[K")


def test_progress_bar_stays_silent_when_stderr_is_not_a_terminal():
    terminal, clock = FakeTerminal(tty=False), Ticks()
    with ProgressBar(terminal, "Reading", clock=clock) as bar:
        clock.now += 5
        bar.update(50, 100)
    assert terminal.getvalue() == ""
