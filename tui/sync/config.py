"""Where sync finds its server: flags, then ONEMORE_SYNC_* variables, then [sync] in config.toml.

```toml
[sync]
url = "https://couch.example.com"
database = "onemore"
user = "lifter"
password = "..."              # only honoured when config.toml is chmod 600
allow_insecure_http = false   # plain http:// is refused for anything but this machine
```
"""

from __future__ import annotations

import ipaddress
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tui.redact import basic_auth, without_credentials
from tui.settings import table_key_line, toml_text

URL_ENV = "ONEMORE_SYNC_URL"
DATABASE_ENV = "ONEMORE_SYNC_DATABASE"
USER_ENV = "ONEMORE_SYNC_USER"
PASSWORD_ENV = "ONEMORE_SYNC_PASSWORD"
TEXT_KEYS = ("url", "database", "user", "password")
# CouchDB's rule for database names.
DATABASE_NAME = re.compile(r"^[a-z][a-z0-9_$()+/-]*$")


class SyncConfigError(Exception):
    """Sync settings that cannot be used; the message says what to change."""


class SyncNotSetUp(SyncConfigError):
    """No server named anywhere: the lifter has not turned sync on."""


@dataclass(frozen=True)
class SyncConfig:
    url: str  # the server's root, never with credentials in it
    database: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    allow_insecure_http: bool = False

    @property
    def target(self) -> str:
        """The database sync talks to, as the lifter can be shown it."""
        return f"{self.url}/{self.database}"


@dataclass(frozen=True)
class SyncFlags:
    """What `onemore sync` was given on its command line."""

    url: str | None = None
    database: str | None = None
    user: str | None = None
    allow_insecure_http: bool = False


def read_sync_table(path: Path) -> dict[str, Any]:
    """The [sync] table of config.toml, checked for types; empty if there is none."""
    try:
        text = toml_text(path)
        values = tomllib.loads(text)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:  # ValueError: also an integer of 5,000 digits
        raise SyncConfigError(f"{path}: cannot be read ({error})") from error
    table = values.get("sync", {})
    if not isinstance(table, dict):
        raise SyncConfigError(f"{path}: 'sync' must be a table ([sync])")
    for key, value in table.items():
        line = table_key_line(text, "sync", key)
        where = f"{path}, line {line}" if line else str(path)
        if key == "allow_insecure_http":
            if not isinstance(value, bool):
                raise SyncConfigError(f"{where}: [sync] allow_insecure_http must be true or false")
        elif key not in TEXT_KEYS:
            raise SyncConfigError(
                f"{where}: unknown key '{key}' in [sync] (known: {', '.join(TEXT_KEYS)}, "
                "allow_insecure_http)"
            )
        elif not isinstance(value, str):
            raise SyncConfigError(f"{where}: [sync] {key} must be text in quotes")
    return table


def is_private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerAddress:
    url: str
    user: str | None
    password: str | None = field(repr=False)


def split_url(url: str) -> ServerAddress:
    """The server root without credentials, and the user and password it carried."""
    shown = without_credentials(url)
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise SyncConfigError(f"the sync URL {shown} is not a valid address") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncConfigError(f"the sync URL {shown} must be https:// (or http://) and a host")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host if port is None else f"{host}:{port}"
    root = f"{parts.scheme}://{netloc}{parts.path}".rstrip("/")
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    return ServerAddress(root, user, password)


def check_transport(url: str, allow_insecure_http: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme == "http" and not allow_insecure_http and not is_loopback(parts.hostname or ""):
        raise SyncConfigError(
            f"refusing plain http:// to {parts.hostname}: the password and your training data "
            "would cross the network unencrypted. Use https://, or opt in with "
            "--allow-insecure-http (allow_insecure_http = true in [sync])"
        )


def file_password(path: Path, table: dict[str, Any]) -> str | None:
    """The password written in config.toml, honoured only when no one else can read the file."""
    written = table.get("password")
    if not written and "@" in table.get("url", ""):
        written = urlsplit(table["url"]).password
    if written and not is_private(path):
        raise SyncConfigError(
            f"{path} holds the sync password but other users can read it: run "
            f"`chmod 600 {path}`, or remove the password and set {PASSWORD_ENV}"
        )
    return written


def _first(*choices: str | None) -> str | None:
    return next((choice for choice in choices if choice), None)


def _database(chosen: str | None, path: Path) -> str:
    if not chosen:
        raise SyncConfigError(
            f"no sync database named: pass --database, set {DATABASE_ENV}, "
            f"or put database in [sync] of {path}"
        )
    if not DATABASE_NAME.match(chosen):
        raise SyncConfigError(
            f"'{chosen}' is not a CouchDB database name: lower-case letters, digits "
            "and _$()+-/, starting with a letter"
        )
    return chosen


def _check_pair(user: str | None, password: str | None, path: Path) -> None:
    if user and not password:
        raise SyncConfigError(
            f"no password for sync user '{user}': set {PASSWORD_ENV}, or put password in "
            f"[sync] of {path} and `chmod 600 {path}`"
        )
    if password and not user:
        raise SyncConfigError(f"a sync password is set but no user: pass --user or set {USER_ENV}")


def load_sync_config(
    path: Path, flags: SyncFlags = SyncFlags(), environ: Mapping[str, str] = os.environ
) -> SyncConfig:
    """The sync settings, from the flags, then the environment, then config.toml at `path`."""
    table = read_sync_table(path)
    url = _first(flags.url, environ.get(URL_ENV), table.get("url"))
    if not url:
        raise SyncNotSetUp(
            f"sync is not set up: put url, database and user in a [sync] table in {path}, "
            f"or pass --url (or set {URL_ENV})"
        )
    address = split_url(url)
    if flags.url and address.password:
        raise SyncConfigError(
            "a password inside --url is visible to every user of this machine; "
            f"set {PASSWORD_ENV} instead"
        )
    named = _first(flags.database, environ.get(DATABASE_ENV), table.get("database"))
    database = _database(named, path)
    allow_insecure = flags.allow_insecure_http or bool(table.get("allow_insecure_http", False))
    check_transport(address.url, allow_insecure)
    written_password = file_password(path, table)  # refuses a readable file even when unused
    user = _first(flags.user, environ.get(USER_ENV), table.get("user"), address.user)
    password = _first(environ.get(PASSWORD_ENV), address.password, written_password)
    _check_pair(user, password, path)
    if user and password:
        basic_auth(user, password)  # never shown or logged from here on, in any form
    return SyncConfig(address.url, database, user, password, allow_insecure)
