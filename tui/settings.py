"""The lifter's settings: `config.toml`, every key optional, a bad value never stops the app.

A bad value gives one line naming the key, and that key keeps its default.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from tui.store.storage import make_private_folder, write_durably

PACER_PATTERNS = ("cyclic-sigh", "resonance", "box", "off")
# Tables of config.toml that other parts of OneMore read (sync reads [sync]).
OTHER_SECTIONS = {"sync"}


@dataclass(frozen=True)
class Settings:
    unit: str = "kg"
    theme: str = "onemore-dark"
    rest_compound_s: int = 180
    rest_isolation_s: int = 120
    pacer: str = "cyclic-sigh"
    ask_one_more: bool = True
    ask_one_more_warmups: bool = False
    bell: bool = True


def _choice(*allowed: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value not in allowed:
            return "must be one of " + ", ".join(f'"{a}"' for a in allowed)
        return None

    return check


def _seconds(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1800:
        return "must be a whole number of seconds from 0 to 1800"
    return None


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _name(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a theme name in quotes"


CHECKS: dict[str, Callable[[Any], str | None]] = {
    "unit": _choice("kg", "lb"),
    "theme": _name,
    "rest_compound_s": _seconds,
    "rest_isolation_s": _seconds,
    "pacer": _choice(*PACER_PATTERNS),
    "ask_one_more": _flag,
    "ask_one_more_warmups": _flag,
    "bell": _flag,
}


def settings_from(values: dict[str, Any], source: str) -> tuple[Settings, list[str]]:
    """Settings from parsed TOML values, and one line for each value that was not used."""
    settings = Settings()
    problems = []
    for key, value in values.items():
        if key in OTHER_SECTIONS:
            continue
        check = CHECKS.get(key)
        if check is None:
            problems.append(f"{source}: unknown setting '{key}' was ignored.")
            continue
        problem = check(value)
        if problem:
            default = getattr(settings, key)
            problems.append(f"{source}: '{key}' {problem}; using the default ({default!r}).")
            continue
        settings = replace(settings, **{key: value})
    return settings, problems


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read `path`; a missing file means defaults, a broken one means defaults and one line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"{path}: could not be read ({error}); using default settings."]
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [f"{path}: {error}; using default settings."]
    return settings_from(values, str(path))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def save_settings(settings: Settings, path: Path) -> None:
    """Write every setting to `path` durably, keys in a fixed order."""
    make_private_folder(path.parent)
    lines = ["# OneMore settings (see the README for what each key does)"]
    lines += [f"{f.name} = {_toml_value(getattr(settings, f.name))}" for f in fields(Settings)]
    write_durably(path, ("\n".join(lines) + "\n").encode())


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)
