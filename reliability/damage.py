"""Ways a file gets damaged: cut short, overwritten with noise, the wrong shape, from a newer
OneMore, emptied. Each takes the good bytes and a random source and returns the damaged ones.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

Damage = Callable[[bytes, random.Random], bytes]


def truncated(good: bytes, rng: random.Random) -> bytes:
    return good[: rng.randrange(1, max(2, len(good) - 1))]


def random_bytes(good: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(1, 400))


def emptied(good: bytes, rng: random.Random) -> bytes:
    return rng.choice([b"", b"\n", b"   \n\n"])


# -- JSON store files ----------------------------------------------------------------------


def _records(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [doc for table, docs in data.items() if table != "_meta" for doc in docs.values()]


def _spoil(value: Any, rng: random.Random) -> Any:
    return rng.choice([None, 7, -1, 1e308, "text", [], [1, "two"], {}, {"x": {"y": None}}, True])


def _spoil_somewhere(document: Any, rng: random.Random, depth: int = 0) -> Any:
    """The same document with one value somewhere inside replaced by one of another type."""
    if isinstance(document, dict) and document and depth < 6:
        key = rng.choice(sorted(document))
        if rng.random() < 0.35 or not isinstance(document[key], (dict, list)) or not document[key]:
            return {**document, key: _spoil(document[key], rng)}
        return {**document, key: _spoil_somewhere(document[key], rng, depth + 1)}
    if isinstance(document, list) and document and depth < 6:
        index = rng.randrange(len(document))
        changed = list(document)
        changed[index] = _spoil_somewhere(document[index], rng, depth + 1)
        return changed
    return _spoil(document, rng)


def wrong_shape_json(good: bytes, rng: random.Random) -> bytes:
    """Valid JSON that is not what the file should hold: a value of the wrong type, or worse."""
    data = json.loads(good)
    choice = rng.random()
    if choice < 0.15:
        shaped: Any = rng.choice([[], [1, 2], "text", 42, None])
    elif choice < 0.3 or not _records(data):
        table = rng.choice(sorted(t for t in data if t != "_meta") or ["_meta"])
        shaped = {**data, table: rng.choice([[1], "x", 5, {"1": "not a record"}])}
    else:
        shaped = _spoil_somewhere(data, rng)
        if shaped == data:
            shaped = {**data, "_meta": {"1": {"kind": "other", "schema_version": 1}}}
    return json.dumps(shaped).encode()


def from_the_future(good: bytes, rng: random.Random) -> bytes:
    data = json.loads(good)
    data["_meta"] = {
        "1": {**data.get("_meta", {}).get("1", {}), "schema_version": rng.randint(2, 999)}
    }
    return json.dumps(data).encode()


JSON_DAMAGE: dict[str, Damage] = {
    "truncated": truncated,
    "random bytes": random_bytes,
    "wrong shape": wrong_shape_json,
    "from the future": from_the_future,
    "empty": emptied,
}


# -- TOML files (settings, routines, themes) -------------------------------------------------


def wrong_shape_toml(good: bytes, rng: random.Random) -> bytes:
    """Valid TOML with a value of the wrong type under a key the file uses."""
    lines = good.decode().splitlines()
    keyed = [i for i, line in enumerate(lines) if "=" in line and not line.lstrip().startswith("#")]
    index = rng.choice(keyed)
    key = lines[index].split("=")[0].strip()
    value = rng.choice(
        ['"text"', "-3", "1e400", "nan", "[1, 2]", "{ a = 1 }", "true", "2026-01-01"]
    )
    lines[index] = f"{key} = {value}"
    return ("\n".join(lines) + "\n").encode()


def toml_from_the_future(good: bytes, rng: random.Random) -> bytes:
    """A key a later OneMore might add, on its own line."""
    return b"schema_version = %d\n" % rng.randint(2, 999) + good


TOML_DAMAGE: dict[str, Damage] = {
    "truncated": truncated,
    "random bytes": random_bytes,
    "wrong shape": wrong_shape_toml,
    "from the future": toml_from_the_future,
    "empty": emptied,
}
