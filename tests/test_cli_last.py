"""`onemore last`: the review of a finished session in the shell, as a table or as JSON."""

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta

from tui.__main__ import main
from tui.core.model import Calibration, Session, new_id
from tui.store.repository import Store

from .builders import a_session, a_set, an_exercise, last_week, today
from .conftest import START

ESCAPE = re.compile(r"\x1b\[")


def fill(data_dir):
    older, newer = last_week(), today()
    with Store(data_dir) as store:
        store.add_finished([newer, older])
    return older, newer


def last(data_dir, capsys, *args):
    code = main(["--data-dir", str(data_dir), "last", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_last_shows_the_newest_session_as_a_table(data_dir, capsys):
    fill(data_dir)
    code, out, err = last(data_dir, capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("A · ") and lines[0].endswith(" · 1:00:00")
    assert "Barbell Back Squat   3 PRs" in lines
    assert re.search(r"^  w 60 kg × 5 +– +– +– +–$", out, re.MULTILINE)
    assert re.search(r"^  105 kg × 5 @2 +129\.5 +3:10 +3:00 +1:00  PR$", out, re.MULTILINE)
    assert "  PR  best weight for 5 reps: 105 kg (was 100)" in lines
    assert "  first time: these numbers are the marks to beat" in lines  # the bench
    assert re.search(r"^  stops +1 felt too heavy, 1 form broke \(50 % felt\)$", out, re.MULTILINE)
    assert "you stop about 2 reps before real failure, from 1 test set." in out
    assert not ESCAPE.search(out)


def test_the_set_columns_line_up(data_dir, capsys):
    fill(data_dir)
    _, out, _ = last(data_dir, capsys)
    table = out.split("Barbell Back Squat")[1].splitlines()[1:5]
    header, rule, *rows = table
    assert set(rule.strip()) == {"─"}
    e1rm_end = header.index("e1RM kg") + len("e1RM kg")
    assert all(row[e1rm_end - 1] != " " for row in rows)  # numbers end under their heading


def test_json_is_the_same_review(data_dir, capsys):
    older, newer = fill(data_dir)
    code, out, _ = last(data_dir, capsys, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["format"] == "onemore-review" and data["version"] == 1
    assert data["session"]["id"] == newer.id
    squat = data["exercises"][0]
    assert squat["previous"]["session_id"] == older.id
    assert [p["kind"] for p in squat["prs"]] == ["weight_for_reps", "e1rm", "volume"]
    assert squat["sets"][0]["text"] == "w 60 kg × 5" and squat["sets"][0]["warmup"] is True


def test_any_other_session_by_id(data_dir, capsys):
    older, _ = fill(data_dir)
    code, out, _ = last(data_dir, capsys, "--session", older.id, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["session"]["id"] == older.id
    assert data["exercises"][0]["first_time"] is True  # nothing came before it


def test_an_unknown_session_is_one_line_and_exit_1(data_dir, capsys):
    fill(data_dir)
    code, out, err = last(data_dir, capsys, "--session", "nope")
    assert code == 1 and out == ""
    assert err.strip() == (
        "onemore: no finished session with id nope; `onemore last` shows the newest"
    )


def test_a_deleted_or_unfinished_session_says_so(data_dir, capsys):
    older, _ = fill(data_dir)
    live = Session(id=new_id(), name="Push", started_at=START + timedelta(days=9))
    with Store(data_dir) as store:
        store.delete_session(older.id, START + timedelta(days=8))
        store.save_session(live)
    assert last(data_dir, capsys, "--session", older.id)[2] == (
        f"onemore: session {older.id} was deleted\n"
    )
    assert last(data_dir, capsys, "--session", live.id)[2] == (
        f"onemore: session {live.id} is still in progress; finish it to review it\n"
    )


def test_no_finished_session_yet_is_a_friendly_line_not_an_error(data_dir, capsys):
    code, out, err = last(data_dir, capsys)
    assert (code, out) == (0, "")
    assert err.startswith("No finished session yet")
    code, out, _ = last(data_dir, capsys, "--json")
    assert (code, json.loads(out)) == (0, None)


def test_totals_follow_the_unit_in_the_settings(data_dir, tmp_path, capsys):
    fill(data_dir)
    config = tmp_path / "config.toml"
    config.write_text('unit = "lb"\n')
    code = main(["--data-dir", str(data_dir), "--config", str(config), "last", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["unit"] == "lb"
    assert data["exercises"][0]["volume"] == 2259.7  # 1,025 kg


def test_onemore_last_in_a_real_shell_while_the_app_holds_the_store(data_dir):
    fill(data_dir)
    with Store(data_dir):
        result = subprocess.run(
            [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "last"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ},
        )
    assert result.returncode == 0, result.stderr
    assert "Barbell Back Squat" in result.stdout and "read-only" not in result.stderr


def test_test_sets_over_time_show_in_the_review(data_dir, capsys):
    def tested(days, total):
        test = replace(a_set(80, total, 0), calibration=Calibration(5, 0, total))
        return a_session(an_exercise(test, name="Squat", catalog_id="squat"), days=days)

    with Store(data_dir) as store:
        store.add_finished([tested(0, 9), tested(3, 8), tested(6, 6), tested(9, 6)])
    _, out, _ = last(data_dir, capsys)
    assert (
        "  test sets: At 80 kg Squat you stop about 2 reps before real failure, from 4 test "
        "sets. Since your first test sets, your guesses are getting closer."
    ) in out
