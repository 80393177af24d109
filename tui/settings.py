"""The lifter's settings: `config.toml`, every key optional, a bad value never stops the app.

A bad value gives one line naming the key, and that key keeps its default.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from tui.bounded import SETTINGS_LIMIT, read_bounded
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
    warmup_ramp: bool = True  # suggest warm-ups before a heavy compound barbell lift
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
    "warmup_ramp": _flag,
    "bell": _flag,
}


TABLE_HEADER = re.compile(r"^\s*\[")


def key_of(line: str) -> str | None:
    """The key a `key = value` line sets (quotes taken off), None for any other line."""
    if "=" not in line or line.lstrip().startswith("#"):
        return None
    return line.split("=", 1)[0].strip().strip("\"'")


def key_line(text: str, key: str) -> int | None:
    """The line (1-based) that sets top-level `key`, None if no line before the first table does."""
    for number, line in enumerate(text.splitlines(), start=1):
        if TABLE_HEADER.match(line):
            return None
        if key_of(line) == key:
            return number
    return None


def table_key_line(text: str, table: str, key: str) -> int | None:
    """The line (1-based) that sets `key` inside `[table]`, None if none does."""
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if TABLE_HEADER.match(line):
            inside = line.strip().strip("[]").strip() == table
        elif inside and key_of(line) == key:
            return number
    return None


def toml_text(path: Path) -> str:
    """The text of a TOML file; ValueError naming the line when it is not UTF-8; OSError
    for a device, a pipe or a file over 1 MB (see tui.bounded)."""
    data = read_bounded(path, SETTINGS_LIMIT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValueError(f"line {line} is not UTF-8 text") from None


def settings_from(
    values: dict[str, Any], source: str, text: str = ""
) -> tuple[Settings, list[str]]:
    """Settings from parsed TOML values, and one line for each value that was not used
    (naming the line of `text`, the file's text, that set it)."""
    settings = Settings()
    problems = []
    for key, value in values.items():
        if key in OTHER_SECTIONS:
            continue
        line = key_line(text, key)
        where = f"{source}, line {line}" if line else source
        check = CHECKS.get(key)
        if check is None:
            problems.append(f"{where}: unknown setting '{key}' was ignored.")
            continue
        problem = check(value)
        if problem:
            default = getattr(settings, key)
            problems.append(f"{where}: '{key}' {problem}; using the default ({default!r}).")
            continue
        settings = replace(settings, **{key: value})
    return settings, problems


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read `path`; a missing file means defaults, a broken one means defaults and one line."""
    try:
        text = toml_text(path)
    except FileNotFoundError:
        return Settings(), []
    except (OSError, ValueError) as error:
        return Settings(), [f"{path}: could not be read ({error}); using default settings."]
    try:
        values = tomllib.loads(text)
    except ValueError as error:  # TOMLDecodeError, or an integer of 5,000 digits
        return Settings(), [f"{path}: {error}; using default settings."]
    return settings_from(values, str(path), text)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


class ConfigNotSaved(OSError):
    """config.toml was left as it is (an OSError: callers already handle a failed write)."""


def with_settings(text: str, settings: Settings) -> str:
    """`text` with each setting's line replaced (or added before the first table); every other
    line, [sync] and its password included, stays as it was."""
    wanted = {
        f.name: f"{f.name} = {_toml_value(getattr(settings, f.name))}" for f in fields(Settings)
    }
    lines = text.splitlines() or ["# OneMore settings (see the README for what each key does)"]
    tables = next((i for i, line in enumerate(lines) if TABLE_HEADER.match(line)), len(lines))
    for index in range(tables):
        key = key_of(lines[index])
        if key in wanted:
            lines[index] = wanted.pop(key)
    at = tables
    while at > 0 and not lines[at - 1].strip():  # new keys go above the blank line before a table
        at -= 1
    gap = [""] if wanted and at == tables < len(lines) else []
    return "\n".join(lines[:at] + list(wanted.values()) + gap + lines[at:]) + "\n"


def save_settings(settings: Settings, path: Path) -> None:
    """Write every setting to `path` durably, keeping the rest of the file; a file that does
    not read as TOML is never overwritten (ConfigNotSaved says where it is wrong)."""
    make_private_folder(path.parent)
    try:
        old = path.read_text(encoding="utf-8")
        before = tomllib.loads(old)
    except FileNotFoundError:
        old, before = "", {}
    except ValueError as error:
        problem = f"{path} has an error ({error}): fix it, it was left as it is"
        raise ConfigNotSaved(problem) from error
    text = with_settings(old, settings)
    if not reads_back(text, settings, {k: v for k, v in before.items() if k not in CHECKS}):
        raise ConfigNotSaved(f"{path} is laid out in a way OneMore cannot update: edit it by hand")
    write_durably(path, text.encode())


def reads_back(text: str, settings: Settings, kept: dict[str, Any]) -> bool:
    """True if `text` holds `settings` and all else in `kept` (a multi-line value may not)."""
    try:
        after = tomllib.loads(text)
    except ValueError:
        return False
    return settings_from(after, "")[0] == settings and {k: after.get(k) for k in kept} == kept


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)


def with_setting(settings: Settings, key: str, value: Any) -> Settings | str:
    """`settings` with `key` set to `value`, or what is wrong with the value (one line)."""
    problem = CHECKS[key](value)
    if problem:
        return f"{key.replace('_', ' ')} {problem}."
    return replace(settings, **{key: value})
