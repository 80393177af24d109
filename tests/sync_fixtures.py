"""A real CouchDB-protocol server for sync tests: pouchdb-server 4.2.0 from npm.

Installed once into `.cache/pouchdb-server/` (git ignores it), under a file lock because
two pytest-xdist workers may both want it. Each worker starts one in-memory server on
127.0.0.1 on a free port, in a temp folder (it writes config and log files where it
starts); each test gets a fresh database and a non-admin user who is its only member.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from filelock import FileLock

from tui.sync.config import SyncConfig

VERSION = "4.2.0"
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "pouchdb-server"
PACKAGE = CACHE / "node_modules" / "pouchdb-server"
NODE_HINT = "install Node.js and npm (e.g. apt-get install nodejs npm)"
START_TIMEOUT_S = 30.0
ADMIN = "admin"


def _installed() -> bool:
    try:
        return json.loads((PACKAGE / "package.json").read_text())["version"] == VERSION
    except (OSError, ValueError, KeyError):
        return False


def install_pouchdb_server() -> Path:
    """The pouchdb-server script, installed with npm the first time."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail(f"the sync tests need pouchdb-server from npm: {NODE_HINT}", pytrace=False)
    CACHE.mkdir(parents=True, exist_ok=True)
    with FileLock(str(CACHE.parent / "pouchdb-server.lock"), timeout=600):
        if not _installed():
            result = subprocess.run(
                [
                    "npm",
                    "install",
                    "--ignore-scripts",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    str(CACHE),
                    f"pouchdb-server@{VERSION}",
                ],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if result.returncode != 0 or not _installed():
                problem = result.stderr[-2000:]
                pytest.fail(
                    f"npm could not install pouchdb-server {VERSION}:\n{problem}", pytrace=False
                )
    return PACKAGE / "bin" / "pouchdb-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PouchServer:
    """One pouchdb-server process; in memory, or on disk in `folder` so it survives a kill."""

    def __init__(self, script: Path, folder: Path, *, in_memory: bool = True) -> None:
        self.script = script
        self.folder = folder
        self.in_memory = in_memory
        self.port = free_port()
        self.admin_password = secrets.token_hex(8)
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        # pouchdb-server hashes this plain password in place when it starts.
        (folder / "config.json").write_text(json.dumps({"admins": {ADMIN: self.admin_password}}))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> PouchServer:
        storage = ["--in-memory"] if self.in_memory else ["--dir", str(self.folder / "db")]
        with open(self.folder / "stdout.txt", "ab") as output:
            self.process = subprocess.Popen(
                [
                    "node",
                    str(self.script),
                    *storage,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--no-stdout-logs",
                ],
                cwd=self.folder,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_up()
        return self

    def _wait_until_up(self) -> None:
        give_up = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < give_up:
            assert self.process is not None
            if self.process.poll() is not None:
                output = (self.folder / "stdout.txt").read_text()[-2000:]
                pytest.fail(f"pouchdb-server exited: {output}")
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        pytest.fail(f"pouchdb-server did not answer on {self.url} within {START_TIMEOUT_S:g} s")

    def kill(self) -> None:
        """SIGKILL: no chance to finish anything."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()

    def as_admin(self, method: str, path: str, body: object = None) -> httpx.Response:
        return httpx.request(
            method, self.url + path, json=body, auth=(ADMIN, self.admin_password), timeout=10
        )

    def new_database(self) -> SyncConfig:
        """A fresh database (made by the admin) whose only member is a fresh non-admin user."""
        name = "lifts_" + secrets.token_hex(4)
        user, password = "lifter_" + secrets.token_hex(4), secrets.token_hex(12)
        for method, path, body in (
            ("PUT", f"/{name}", None),
            (
                "PUT",
                f"/_users/org.couchdb.user:{user}",
                {"name": user, "password": password, "roles": [], "type": "user"},
            ),
            (
                "PUT",
                f"/{name}/_security",
                {"admins": {"names": [], "roles": []}, "members": {"names": [user], "roles": []}},
            ),
        ):
            response = self.as_admin(method, path, body)
            assert response.status_code in (200, 201), response.text
        return SyncConfig(self.url, name, user, password)

    def documents(self, database: str) -> list[dict]:
        """Every live document, read as the admin."""
        response = self.as_admin("GET", f"/{database}/_all_docs?include_docs=true")
        return [row["doc"] for row in response.json()["rows"]]


@dataclass
class Server:
    """What a test needs: the running server and its own database."""

    pouch: PouchServer
    config: SyncConfig


# Named so that test modules can import them without shadowing the names tests ask for.
@pytest.fixture(scope="session", name="pouchdb_script")
def pouchdb_script_fixture() -> Path:
    return install_pouchdb_server()


@pytest.fixture(scope="session", name="pouchdb")
def pouchdb_fixture(
    pouchdb_script: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PouchServer]:
    server = PouchServer(pouchdb_script, tmp_path_factory.mktemp("pouchdb")).start()
    yield server
    server.stop()


@pytest.fixture(name="server")
def server_fixture(pouchdb: PouchServer) -> Server:
    return Server(pouchdb, pouchdb.new_database())
