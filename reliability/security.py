"""Case 7, security: private files, secret passwords, no plain http:// abroad, one writer.

- After every kind of write (a set, a finish, an import, a sync, an export, settings), even
  under umask 000: data files are 0600 and folders 0700.
- The sync password never shows on stdout, stderr or in the log, whether the server takes it,
  refuses it, cannot be reached or fails mid-answer (plain, URL-encoded and Basic-auth forms).
- `http://` to anything but this machine is refused before any connection, unless opted in.
- A second OneMore on the same data folder changes no byte of it, whatever it is asked.
"""

from __future__ import annotations

import base64
import os
import stat
import subprocess
from pathlib import Path
from urllib.parse import quote

from reliability.checks import snapshot
from reliability.cli import HEVY_FIXTURE, STRONG_FIXTURE, onemore
from reliability.corrupt import populated
from reliability.disk import new_session, with_a_set
from reliability.pilot import build_app
from tests.fault_proxy import FaultPlan, FaultProxy
from tests.sync_fixtures import PouchServer, free_port
from tui.settings import Settings, save_settings
from tui.store.repository import Store
from tui.sync.config import SyncConfigError, SyncFlags, load_sync_config


def loose_modes(*roots: Path) -> list[str]:
    """Every file that is not 0600 and every folder that is not 0700 under `roots`."""
    loose = []
    for root in roots:
        for path in [root, *root.rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            wanted = 0o700 if path.is_dir() else 0o600
            if mode != wanted:
                loose.append(f"{path.relative_to(root.parent)} is {mode:o}")
    return loose


def private_after_every_write(work: Path, pouch: PouchServer) -> list[str]:
    """Each command that writes, run under umask 000; then every mode is checked."""
    data, config_dir = work / "data", work / "config"
    config = pouch.new_database()
    env = {"ONEMORE_SYNC_PASSWORD": config.password or "", "XDG_CONFIG_HOME": str(config_dir)}
    steps = [
        ["--data-dir", str(data), "import", "strong", str(STRONG_FIXTURE), "--tz", "UTC"],
        [
            "--data-dir",
            str(data),
            "sync",
            "--url",
            config.url,
            "--database",
            config.database,
            "--user",
            config.user or "",
        ],
        ["--data-dir", str(data), "export", "-o", str(work / "export.json")],
        ["--data-dir", str(data), "export", "--format", "csv", "-o", str(work / "export.csv")],
    ]
    problems = []
    for args in steps:
        result = onemore(*args, env=env, umask=0)
        if result.returncode != 0:
            problems.append(f"{args[2]} failed: {result.stderr.strip()}")
    log_and_finish_under_umask_zero(data)
    save_settings_under_umask_zero(config_dir / "onemore" / "config.toml")
    problems += loose_modes(data, config_dir / "onemore")
    for name in ("export.json", "export.csv"):
        mode = stat.S_IMODE((work / name).stat().st_mode)
        if mode != 0o600:
            problems.append(f"{name} is {mode:o}")
    return problems


def log_and_finish_under_umask_zero(data: Path) -> None:
    """A set logged and the session finished, as the app does them."""
    old = os.umask(0)
    try:
        with Store(data) as store:
            session, exercise_id = new_session()
            store.save_session(with_a_set(session, exercise_id, 1))
            store.finish_session(session.started_at.replace(hour=20))
    finally:
        os.umask(old)


def save_settings_under_umask_zero(path: Path) -> None:
    old = os.umask(0)
    try:
        save_settings(Settings(unit="lb"), path)
    finally:
        os.umask(old)


def rotated_log_private(work: Path) -> list[str]:
    """A log file at its size limit, then a command that logs: the new file is 0600 too."""
    data = work / "rotating"
    Store(data).close()
    log = data / "logs" / "onemore.log"
    log.parent.mkdir(mode=0o700, exist_ok=True)
    log.write_text("x" * 1_000_100)
    log.chmod(0o600)
    onemore(
        "--data-dir",
        str(data),
        "sync",
        "--url",
        "http://127.0.0.1:9",
        "--database",
        "db",
        "--timeout",
        "1.5",
        umask=0o022,
    )
    return loose_modes(log.parent)


# -- credentials ---------------------------------------------------------------------------


def secret_forms(user: str, password: str) -> list[str]:
    basic = base64.b64encode(f"{user}:{password}".encode()).decode()
    return [password, quote(password, safe=""), basic]


def leaks(result: subprocess.CompletedProcess[str], log: Path, secrets: list[str]) -> list[str]:
    text = result.stdout + result.stderr + (log.read_text(errors="replace") if log.exists() else "")
    return [
        f"a form of the password appears ({secret[:2]}…)" for secret in secrets if secret in text
    ]


def password_never_shown(work: Path, pouch: PouchServer) -> list[str]:
    """`onemore sync` with the password: a working, a refusing, a dead and a faulty server."""
    config = pouch.new_database()
    user, password = config.user or "", config.password or ""
    odd = "p@ss/w:rd%" + password  # a password that needs escaping, inside a URL in config.toml
    closed = f"http://127.0.0.1:{free_port()}"
    problems = []
    with FaultProxy(pouch.port, FaultPlan(rate=0.8, seed=3)) as proxy:
        servers = {
            "working": (config.url, password),
            "refusing": (config.url, password + "x"),
            "unreachable": (closed, password),
            "faulty": (proxy.url, password),
        }
        for name, (url, secret) in servers.items():
            data = work / f"creds-{name}"
            env = {"ONEMORE_SYNC_PASSWORD": secret}
            result = onemore(
                "--data-dir",
                str(data),
                "sync",
                "--url",
                url,
                "--database",
                config.database,
                "--user",
                user,
                "--timeout",
                "1.5",
                env=env,
            )
            problems += [
                f"{name}: {p}"
                for p in leaks(result, data / "logs" / "onemore.log", secret_forms(user, secret))
            ]
        config_file = work / "config.toml"
        host = config.url.split("//", 1)[1]
        config_file.write_text(
            f'[sync]\nurl = "http://{user}:{odd}@{host}"\ndatabase = "{config.database}"\n'
        )
        config_file.chmod(0o600)
        data = work / "creds-in-config"
        result = onemore(
            "--data-dir", str(data), "--config", str(config_file), "sync", "--timeout", "1.5"
        )
        problems += [
            f"password in config.toml URL: {p}"
            for p in leaks(
                result, data / "logs" / "onemore.log", secret_forms(user, odd) + ["ss/w:rd"]
            )
        ]
        result = onemore(
            "--data-dir",
            str(work / "creds-flag"),
            "sync",
            "--url",
            f"http://{user}:{password}@{host}",
            "--database",
            config.database,
        )
        if result.returncode != 1 or password in result.stdout + result.stderr:
            problems.append("a password inside --url was not refused quietly")
    return problems


# -- plain http ----------------------------------------------------------------------------

ABROAD = [
    "http://example.com",
    "http://10.0.0.7:5984",
    "http://192.168.1.2",
    "http://127.0.0.1.nip.io",
    "http://localhost.example.com",
    "http://[::ffff:7f00:1]",
    "http://0177.0.0.1",
    "http://2130706433",
    "http://127.1",
    "HTTP://couch.example.com",
    " http://example.com ",
    "http://127.0.0.1@example.com",
    "http://[fe80::1]:5984",
    "http://0.0.0.0",
]
HERE = [
    "http://127.0.0.1:5984",
    "http://localhost:5984",
    "http://[::1]:5984",
    "http://127.8.9.10",
    "https://example.com",
]


def plain_http_refused(work: Path) -> list[str]:
    problems = []
    empty = work / "none.toml"
    for url in ABROAD:
        try:
            load_sync_config(empty, SyncFlags(url=url, database="db"), environ={})
            problems.append(f"{url.strip()} was accepted")
        except SyncConfigError as problem:
            if "http://" not in str(problem):
                problems.append(f"{url.strip()}: refused for another reason: {problem}")
        if "@" in url:
            continue  # a user in the URL needs a password as well: not what the opt-in is about
        try:
            load_sync_config(
                empty, SyncFlags(url=url, database="db", allow_insecure_http=True), environ={}
            )
        except SyncConfigError as problem:
            problems.append(f"{url.strip()} refused even with the opt-in: {problem}")
    for url in HERE:
        try:
            load_sync_config(empty, SyncFlags(url=url, database="db"), environ={})
        except SyncConfigError as problem:
            problems.append(f"{url} (this machine or https) was refused: {problem}")
    result = onemore(
        "--data-dir",
        str(work / "http"),
        "sync",
        "--url",
        "http://192.0.2.1:5984",
        "--database",
        "db",
        "--timeout",
        "30",
    )
    if result.returncode != 1 or "refusing plain http://" not in result.stderr:
        problems.append(f"the command line took plain http abroad: {result.stderr.strip()}")
    env_result = onemore(
        "--data-dir",
        str(work / "http"),
        "sync",
        env={"ONEMORE_SYNC_URL": "http://192.0.2.1:5984", "ONEMORE_SYNC_DATABASE": "db"},
    )
    if env_result.returncode != 1 or "refusing plain http://" not in env_result.stderr:
        problems.append("ONEMORE_SYNC_URL with plain http abroad was taken")
    return problems


# -- a second instance ---------------------------------------------------------------------

EVERY_COMMAND = [
    ["--version"],
    ["export"],
    ["export", "--format", "csv"],
    ["export", "-o", "{work}/second-export.json"],
    ["import", "strong", str(STRONG_FIXTURE), "--tz", "UTC"],
    ["import", "strong", str(STRONG_FIXTURE), "--dry-run"],
    ["import", "hevy", str(HEVY_FIXTURE)],
    ["import", "onemore", "{work}/second-export.json"],
    ["last"],
    ["last", "--json"],
    ["last", "--session", "nope"],
    ["sync", "--url", "http://127.0.0.1:9", "--database", "db", "--timeout", "2"],
]


def second_instance_never_writes(work: Path) -> list[str]:
    """Hold the folder as the first OneMore; run every command as a second one; compare bytes."""
    data = populated(work / "held")
    problems = []
    with Store(data):
        (data / "outbox.json").write_bytes(b"{not json")  # damaged: the second must not move it
        before = snapshot(data)
        for args in EVERY_COMMAND:
            args = [a.replace("{work}", str(work)) for a in args]
            result = onemore("--data-dir", str(data), *args)
            if "Traceback" in result.stderr:
                problems.append(f"{' '.join(args)}: {result.stderr[-200:]}")
            if snapshot(data) != before:
                problems.append(f"`onemore {' '.join(args)}` changed the data folder")
                before = snapshot(data)
    return problems


async def second_app_never_writes(work: Path) -> list[str]:
    """The app opened as the second OneMore: every way to start or change something is tried."""
    data = populated(work / "held-app")
    problems = []
    with Store(data):
        before = snapshot(data)
        app = build_app(data, work)
        async with app.run_test(size=(100, 32)) as pilot:
            for keys in (
                ("r",),
                ("escape",),
                ("enter",),
                ("e",),
                ("h",),
                ("d", "y"),
                ("escape",),
                ("x",),
                ("escape",),
                ("l",),
                ("escape",),
                ("comma",),
                ("escape",),
            ):
                await pilot.press(*keys)
            if not app.is_running:
                problems.append("the second app exited")
        app.store.close()
        if snapshot(data) != before:
            problems.append("the second app changed the data folder")
    return problems


def csv_formulas_written_as_text(work: Path) -> list[str]:
    """Names and notes starting with = + - @ (a spreadsheet formula) exported by `export
    --format csv`: every such cell starts with ' and reads back as it was."""
    import csv
    import io
    from dataclasses import replace

    problems = []
    data = work / "formulas"
    session, exercise_id = new_session()
    session = with_a_set(session, exercise_id, 1)
    evil = ['=HYPERLINK("http://x.example","a")', "+1", "-cmd|' /C calc'!A0", "@SUM(A1)"]
    with Store(data) as store:
        for number, name in enumerate(evil):
            store.add_finished(
                [
                    replace(session, id=f"formula-{number}", name=name, notes=name).finish(
                        session.started_at
                    )
                ]
            )
    result = onemore("--data-dir", str(data), "export", "--format", "csv")
    for row in list(csv.reader(io.StringIO(result.stdout)))[1:]:
        for cell in (row[1], row[3], row[9], row[10]):
            if cell[:1] in ("=", "+", "-", "@"):
                problems.append(f"a cell a spreadsheet runs: {cell!r}")
    return problems
