"""Case 3, short: every file OneMore reads, damaged each way (reliability/corrupt*.py)."""

import json
import random

import pytest

from reliability.corrupt import STORE_FILES, TARGET, clock, corrupt_one, populated
from reliability.corrupt_app import CONFIG, TOML_FILES, store_file_in_the_app, toml_file_in_the_app
from reliability.damage import JSON_DAMAGE, TOML_DAMAGE
from tui.__main__ import main
from tui.settings import ConfigNotSaved, Settings, load_settings, save_settings
from tui.store.repository import Store
from tui.sync.state import SyncState


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return populated(tmp_path_factory.mktemp("template") / "data")


@pytest.mark.parametrize("kind", JSON_DAMAGE)
@pytest.mark.parametrize("name", STORE_FILES)
def test_a_damaged_store_file_is_set_aside_and_the_store_works_on(template, tmp_path, name, kind):
    assert corrupt_one(template, tmp_path / "data", name, kind, random.Random(name + kind)) == []


APP_CASES = [
    (name, list(JSON_DAMAGE)[number % len(JSON_DAMAGE)])  # a different damage for each file
    for number, name in enumerate(STORE_FILES)
]


@pytest.mark.parametrize(("name", "kind"), APP_CASES)
async def test_the_app_starts_on_a_damaged_store_file_and_says_where_it_went(
    template, tmp_path, name, kind
):
    assert await store_file_in_the_app(template, tmp_path, name, kind, random.Random(kind)) == []


@pytest.mark.parametrize(
    ("name", "kind"), zip(TOML_FILES, ["truncated", "random bytes", "wrong shape"], strict=True)
)
async def test_the_app_starts_on_a_damaged_toml_file_and_names_it(template, tmp_path, name, kind):
    assert await toml_file_in_the_app(template, tmp_path, name, kind, random.Random(kind)) == []


@pytest.mark.parametrize("kind", TOML_DAMAGE)
def test_a_damaged_config_is_told_and_never_overwritten(tmp_path, kind):
    path = tmp_path / "config.toml"
    damaged = TOML_DAMAGE[kind](CONFIG.encode(), random.Random(kind))
    path.write_bytes(damaged)
    _, problems = load_settings(path)
    assert all("\n" not in p and str(path) in p for p in problems)
    try:
        save_settings(Settings(unit="lb"), path)
    except ConfigNotSaved:
        assert path.read_bytes() == damaged
    else:
        assert b"[sync]" in path.read_bytes() or b"[sync]" not in damaged


def test_damage_found_during_a_sync_is_told_by_the_command(tmp_path, capsys):
    data = populated(tmp_path / "data")
    (data / "sync.json").write_bytes(b"{half a file")
    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\nurl = "{TARGET.rsplit("/", 1)[0]}"\ndatabase = "onemore"\n')
    main(["--data-dir", str(data), "--config", str(config), "sync", "--timeout", "0.2"])
    assert "sync.json could not be read" in capsys.readouterr().err
    assert list(data.glob("sync.json.corrupt-*"))


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("outbox.json", {"outbox": {"1": {"changes": ["not", "a", "map"]}}}),
        ("outbox.json", {"outbox": {"1": {"changes": {"id": "one"}}}}),
        ("summaries.json", {"summaries": {"1": {"x": None}}}),
        ("summaries.json", {"summaries": {"1": {"x": {"id": "x", "started_at": 5}}}}),
        (
            "index.json",
            {
                "index": {
                    "1": {
                        "about": {"newest": {"id": "x"}},
                        "exercises": {},
                        "deleted": {},
                        "lifts": {},
                    }
                }
            },
        ),
        (
            "index.json",
            {
                "index": {
                    "1": {
                        "about": {},
                        "exercises": {"k": {"session_id": "x"}},
                        "deleted": {},
                        "lifts": {},
                    }
                }
            },
        ),
        (
            "index.json",
            {
                "index": {
                    "1": {"about": {"count": "many"}, "exercises": {}, "deleted": {}, "lifts": {}}
                }
            },
        ),
        ("live.json", {"live": {"1": {"id": "x", "started_at": "yesterday"}}}),
        ("sync.json", {"sync": {"1": {"target": TARGET, "revs": {"x": 7}, "checkpoint": None}}}),
        ("sync.json", {"sync": {"1": {"target": TARGET, "revs": {}, "checkpoint": {"a": 1}}}}),
    ],
)
def test_records_of_the_wrong_shape_set_the_file_aside_before_anything_reads_them(
    tmp_path, name, shape
):
    data = populated(tmp_path / "data")
    kind = name.split(".")[0]
    shape["_meta"] = {"1": {"kind": kind, "schema_version": 1}}
    (data / name).write_text(json.dumps(shape))
    with Store(data, now=clock) as store:
        store.summaries(), store.pending_changes(), store.previous("barbell_back_squat")
        SyncState(store, TARGET)
        assert any(name in notice and "corrupt-" in notice for notice in store.notices), (
            store.notices
        )
