"""Case 5, short: bad input everywhere, and the OneMore JSON export read back."""

import json
import math
import re

import pytest

from reliability.fuzz_files import fuzz_own_files
from reliability.fuzz_import import fuzz_importers, onemore_export, run
from tui.core.model import ModelError, Session, SetLog
from tui.routine_files import load_routine
from tui.settings import load_settings
from tui.store.repository import Store
from tui.store.storage import UnreadableFile, read_json_file
from tui.sync.config import SyncConfigError, read_sync_table
from tui.themes import theme_from_toml

from .conftest import make_session
from .import_support import snapshot

HUGE = "1" * 5000  # Python refuses to read an integer this long: a plain ValueError


def test_mutated_exports_of_every_importer_give_clear_errors_or_full_reports(tmp_path):
    outcome = fuzz_importers(tmp_path, 12, hevy_lines=300, raise_on_problem=True)
    assert outcome.problems == [], outcome


def test_mutated_config_routine_theme_files_and_typed_sets_give_clear_problems(tmp_path):
    outcome = fuzz_own_files(tmp_path, 80, raise_on_problem=True)
    assert outcome.problems == [], outcome


# -- what the fuzzing found -------------------------------------------------------------------


def test_an_integer_of_thousands_of_digits_is_a_clear_problem_in_every_file(tmp_path):
    toml = tmp_path / "f.toml"
    toml.write_text(f"unit = {HUGE}\n")
    [problem] = load_settings(toml)[1]
    assert "limit" in problem and "\n" not in problem
    with pytest.raises(ValueError):
        theme_from_toml(toml)
    with pytest.raises(ValueError):
        load_routine(toml)
    with pytest.raises(SyncConfigError):
        read_sync_table(toml)
    data = tmp_path / "live.json"
    data.write_text('{"live": {"1": {"reps": ' + HUGE + "}}}")
    with pytest.raises(UnreadableFile):
        read_json_file(data)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 10**400])
@pytest.mark.parametrize("field", ["reps", "weight", "rest_planned_s", "rest_actual_s"])
def test_numbers_a_json_reader_makes_of_1e400_are_model_errors(field, value):
    record = make_session().sets[0].to_dict()
    record[field] = value
    with pytest.raises(ModelError):
        SetLog.from_dict(record)


def test_a_calibration_that_is_not_an_object_is_a_model_error():
    record = make_session().sets[0].to_dict()
    record["calibration"] = [1, 2]
    with pytest.raises(ModelError):
        SetLog.from_dict(record)


@pytest.mark.parametrize("field", ["name", "notes", "id"])
def test_text_that_cannot_be_saved_as_utf8_is_a_model_error(field):
    record = make_session().to_dict()
    record[field] = json.loads('"a\\ud800b"')
    with pytest.raises(ModelError):
        Session.from_dict(record)


# -- the OneMore JSON export read back --------------------------------------------------------


def test_an_export_imported_into_another_folder_exports_the_same(tmp_path):
    source = tmp_path / "export.json"
    source.write_bytes(onemore_export(tmp_path / "first"))
    code, out, err = run(tmp_path / "second", "onemore", source, [])
    assert (code, err) == (0, "")
    assert "Imported 10 sessions with 109 sets" in out
    assert "1 × a session still in progress where it was exported" in out
    assert (
        "110 rows = 109 sets + 0 rests + 1 left out or unreadable + 0 in sessions already here"
        in out
    )
    first = json.loads(source.read_text())["sessions"][:-1]
    with Store(tmp_path / "second") as store:
        again = [s.to_dict() for s in store.finished_sessions()]
    assert [s["id"] for s in again] == [s["id"] for s in first]
    assert [[x["id"] for e in s["exercises"] for x in e["sets"]] for s in again] == [
        [x["id"] for e in s["exercises"] for x in e["sets"]] for s in first
    ]
    code, out, _ = run(tmp_path / "second", "onemore", source, [])
    assert "Imported 0 sessions" in out and "Already here: 10 sessions." in out


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ({"format": "onemore-export", "version": 2, "sessions": []}, "newer OneMore"),
        ({"format": "onemore-export", "version": "1", "sessions": []}, "no valid export version"),
        ({"format": "strong", "version": 1, "sessions": []}, "not a OneMore export"),
        ({"format": "onemore-export", "version": 1, "sessions": {}}, "no list of sessions"),
        ([1, 2], "not a OneMore export"),
    ],
)
def test_a_file_that_is_not_a_readable_export_is_one_line_and_writes_nothing(
    tmp_path, document, says
):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    data = tmp_path / "data"
    Store(data).close()
    before = snapshot(data)
    code, out, err = run(data, "onemore", path, [])
    assert code == 1 and says in err and err.count("\n") == 1 and out == ""
    assert snapshot(data) == before


def test_unreadable_sessions_are_left_out_with_their_line_and_strict_refuses_them(tmp_path):
    good = make_session().to_dict()
    broken = {**make_session().to_dict(), "started_at": "yesterday"}
    no_ids = make_session().to_dict()
    for exercise in no_ids["exercises"]:
        for set_record in exercise["sets"]:
            del set_record["id"]
    document = {"format": "onemore-export", "version": 1, "sessions": [good, broken, no_ids, good]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document, indent=2))
    code, out, _ = run(tmp_path / "data", "onemore", path, [])
    assert code == 0 and "Imported 1 session with 3 sets" in out
    assert "a session that cannot be read (started_at is not an ISO-8601 time" in out
    assert "every set needs its id" in out and "the same session again further down" in out
    assert "12 rows = 3 sets + 0 rests + 9 left out or unreadable" in out
    reported = re.search(r"started_at is not an ISO-8601 time.*\(lines (\d+),", out)
    lines = path.read_text().splitlines()
    start = int(reported.group(1))
    assert lines[start - 1].strip() == "{" and any(
        "yesterday" in line for line in lines[start : start + 6]
    )
    code, out, _ = run(tmp_path / "strict", "onemore", path, ["--strict"])
    assert code == 1 and "Nothing imported: --strict" in out
    assert not (tmp_path / "strict").exists() or not list((tmp_path / "strict").rglob("*.json"))


def test_inputs_that_never_end_are_refused_at_once(tmp_path):
    from reliability.readers import endless_inputs

    problems, slowest = endless_inputs(tmp_path / "endless")
    assert problems == [] and slowest < 15
