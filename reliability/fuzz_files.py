"""Case 5, bad input in the lifter's own files and at the keyboard: config.toml, routine and
theme files, the set-entry line. Only clear one-line problems; a broken config.toml is
never overwritten, and saving settings keeps everything else in it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from reliability.corrupt_app import CONFIG, ROUTINE, THEME
from reliability.fuzz_import import explore
from reliability.mutate import mutated
from reliability.outcome import Outcome
from tui.core.entry import EntryError, parse_entry
from tui.routine_files import load_routines
from tui.settings import CHECKS, ConfigNotSaved, Settings, load_settings, save_settings
from tui.sync.config import SyncConfigError, load_sync_config
from tui.themes import load_themes

CONFIG_WITH_PASSWORD = CONFIG + 'user = "lifter"\npassword = "s3cret"\n# my notes\n'
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


def one_line(messages: list[str], path: Path) -> list[str]:
    return [
        f"not one line naming the file: {m!r}" for m in messages if "\n" in m or str(path) not in m
    ]


def other_keys(raw: bytes) -> dict[str, Any] | None:
    """What config.toml holds besides the settings OneMore writes; None if it does not parse."""
    try:
        values = tomllib.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    return {k: v for k, v in values.items() if k not in CHECKS}


def check_config(path: Path, raw: bytes) -> list[str]:
    path.write_bytes(raw)
    path.chmod(0o600)
    _, problems = load_settings(path)
    found = one_line(problems, path)
    try:
        load_sync_config(path, environ={})
    except SyncConfigError as problem:
        if "\n" in str(problem):
            found.append(f"sync settings problem is not one line: {problem!r}")
    wanted = Settings(unit="lb", bell=False)
    try:
        save_settings(wanted, path)
    except ConfigNotSaved:
        if path.read_bytes() != raw:
            found.append("a config.toml that was not saved was changed anyway")
        return found
    if load_settings(path)[0] != wanted:
        found.append("saved settings do not read back")
    if other_keys(path.read_bytes()) != other_keys(raw):
        found.append("saving settings lost other parts of config.toml")
    return found


def check_routine(folder: Path, raw: bytes) -> list[str]:
    (folder / "mine.toml").write_bytes(raw)
    (folder / "good.toml").write_text(ROUTINE.replace("Leg day", "Good day"))
    routines, problems = load_routines(folder)
    found = one_line(problems, folder / "mine.toml")
    if "Good day" not in {r.name for r in routines}:
        found.append("a broken routine file stopped another one loading")
    return found


def check_theme(folder: Path, raw: bytes) -> list[str]:
    (folder / "mine.toml").write_bytes(raw)
    (folder / "good.toml").write_text(THEME.replace("gym", "good"))
    themes, problems = load_themes(folder)
    found = one_line(problems, folder / "mine.toml")
    if "good" not in {t.name for t in themes}:
        found.append("a broken theme file stopped another one loading")
    return found


def check_entry(text: str) -> list[str]:
    try:
        parse_entry(text)
    except EntryError as problem:
        return [] if "\n" not in str(problem) else [f"entry error not one line: {problem!r}"]
    except Exception as error:
        return [f"{text!r}: {type(error).__name__}: {error}"]
    return []


def fuzz_own_files(
    work: Path, examples: int, seed: int = 12, raise_on_problem: bool = False
) -> Outcome:
    outcome = Outcome("bad input: config, routines, themes, set entry")
    for name in ("config", "routines", "themes"):
        (work / name).mkdir(parents=True, exist_ok=True)

    def record(label: str, problems: list[str]) -> None:
        outcome.tried += 1
        if problems:
            outcome.fail(f"{label}: " + "; ".join(problems))
            if raise_on_problem:
                raise AssertionError("; ".join(problems))

    def toml_input(good: str) -> st.SearchStrategy[bytes]:
        return mutated(good.encode(), b"=") | TEXT.map(str.encode)

    explore(
        lambda raw: record("config.toml", check_config(work / "config" / "config.toml", raw)),
        examples,
        seed,
        raw=toml_input(CONFIG_WITH_PASSWORD),
    )
    explore(
        lambda raw: record("routine", check_routine(work / "routines", raw)),
        examples,
        seed,
        raw=toml_input(ROUTINE),
    )
    explore(
        lambda raw: record("theme", check_theme(work / "themes", raw)),
        examples,
        seed,
        raw=toml_input(THEME),
    )
    explore(lambda text: record("set entry", check_entry(text)), examples, seed, text=TEXT)
    return outcome
