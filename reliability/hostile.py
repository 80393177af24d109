"""Hostile input (issue 18): names that look like markup or hold control characters on every
screen, the sync password in a URL of any shape, and a sync server that tries to hurt the
client (endless, huge, dripping, deeply nested or oddly typed answers, escape sequences)."""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import httpx
import stamina

from reliability.outcome import Outcome
from tests.conftest import START, FakeClock, make_session, make_set
from tests.fake_couch import FakeCouch, fake_config
from tests.flow import build_app
from tui.format import shown

PIECES = ["[/]", "[b]", "[/b]", "[A]", "[$primary]", "[@click=app.quit]", "\\", "[", "]", "x"]
CONTROLS = ["\x1b[2J", "\x1b]0;T\x07", "\u202e", "\x00"]


def hostile_name(rng: random.Random) -> str:
    parts = rng.choices(PIECES, k=rng.randint(1, 5)) + rng.choices(CONTROLS, k=rng.randint(0, 1))
    rng.shuffle(parts)
    return "Day " + "".join(parts)


def screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def _one_name(folder: Path, name: str) -> list[str]:
    from tui.core.model import ExerciseLog, Session, new_id
    from tui.store.repository import Store

    clock = FakeClock()
    data = folder / "data"
    with Store(data, now=clock) as store:
        store.add_finished([make_session(name, exercise=f"Lift {name}", catalog_id=None)])
        lift = ExerciseLog(id=new_id(), name=name, catalog_id=None)
        store.save_session(Session(id=new_id(), name=name, started_at=START).with_exercise(lift))
        store.save_session(store.live.with_set(lift.id, make_set(60, 8)))
    app = build_app(data, folder, wall=clock)
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen.append(screen_text(app))
        for keys in (("h",), ("escape", "l"), ("escape", "p"), ("escape", "r")):
            await pilot.press(*keys)
            await pilot.pause()
            seen.append(screen_text(app))
    problems = []
    expected = shown(name)
    if expected not in seen[0]:
        problems.append(f"Home does not show {expected!r} as written")
    if not any(expected in text for text in seen[1:]):
        problems.append(f"history and review do not show {expected!r}")
    if any(ch in "".join(seen) for ch in "\x1b\x07\u202e"):
        problems.append("a control character reached the screen")
    return problems


def names_on_every_screen(work: Path, count: int) -> Outcome:
    outcome = Outcome("hostile names on every screen (Home, history, review, progress, logging)")
    rng = random.Random(18)
    for number in range(count):
        name = hostile_name(rng)
        outcome.tried += 1
        try:
            problems = asyncio.run(_one_name(work / f"names-{number}", name))
        except Exception as error:  # a crash is what this case looks for
            problems = [f"crashed: {type(error).__name__}: {error}"]
        if problems:
            outcome.fail(f"{name!r}: " + "; ".join(problems))
    return outcome


def password_in_any_url_shape(work: Path) -> Outcome:
    outcome = Outcome("the sync password out of a URL of any shape (CLI)")
    secret = "Rack-Secret-77"
    for shape in (
        f"lifter:{secret}@127.0.0.1:5984",
        f"http:/lifter:{secret}@127.0.0.1:5984",
        f"http:lifter:{secret}@127.0.0.1:5984",
        f"https://lifter:{secret}@couch.example.com",
        f"https://lifter:p@ss/{secret}@couch.example.com",
    ):
        outcome.tried += 1
        data = work / f"url-{outcome.tried}"
        command = [sys.executable, "-m", "tui", "--data-dir", str(data), "sync", "--url", shape]
        done = subprocess.run(command + ["--database", "db"], capture_output=True, text=True)
        logs = "".join(p.read_text() for p in data.glob("logs/*"))
        if secret in done.stdout + done.stderr + logs or done.returncode == 0:
            outcome.fail(f"{shape.replace(secret, 'PW')}: the password was shown or logged")
    return outcome


async def endless():
    yield b'{"results": ['
    while True:
        yield b" " * (1 << 20)


async def _sync_against(answer, path: str, deadline_s: float = 30.0):
    from tui.store.repository import Store
    from tui.sync.service import SyncService

    data = Path(answer[1])
    couch = FakeCouch()
    couch.fail_next(path, answer[0], times=5)
    with Store(data, now=FakeClock()) as store:
        store.add_finished([make_session()])
        service = SyncService(
            store, fake_config(), transport=couch.transport(), deadline_s=deadline_s
        )
        return await asyncio.wait_for(service.run(), deadline_s + 30)


def hostile_server(work: Path, tries: int) -> tuple[Outcome, dict[str, float]]:
    outcome = Outcome("a hostile sync server (endless, huge, dripping, nested, odd, escapes)")
    figures: dict[str, float] = {}
    stalled = asyncio.Event

    def drip(request):
        async def body():
            yield b'{"db_name": '
            await stalled().wait()

        return httpx.Response(200, content=body())

    deep = b"[" * 100_000 + b"]" * 100_000
    odd = json.dumps({"results": [{"id": {"a": [1]}, "changes": [[1]]}], "last_seq": {}}).encode()
    escapes = {"error": "bad", "reason": "\x1b]0;OWNED\x07\x1b[2J"}
    cases = [
        ("endless body", lambda r: httpx.Response(200, content=endless()), "/_changes", "32 MB"),
        ("dripping body", drip, "/lifts", "in time"),
        ("100,000 deep", httpx.Response(200, content=deep), "/_changes", "not JSON"),
        ("odd types", httpx.Response(200, content=odd), "/_changes", "not what a CouchDB"),
        ("escapes", httpx.Response(400, json=escapes), "/_bulk_docs", "\\x1b]0;OWNED"),
    ]
    with stamina.set_testing(True, attempts=2):
        for number in range(tries):
            for label, answer, path, expected in cases:
                outcome.tried += 1
                folder = work / f"server-{number}-{outcome.tried}"
                tracemalloc.start()
                began = time.monotonic()
                try:
                    deadline = 2.0 if label == "dripping body" else 30.0
                    report = asyncio.run(_sync_against((answer, folder), path, deadline))
                    text = report.status.text
                except Exception as error:
                    text = f"crashed: {type(error).__name__}: {error}"
                took = time.monotonic() - began
                peak = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
                figures[f"{label}: seconds"] = max(figures.get(f"{label}: seconds", 0), took)
                figures[f"{label}: peak MB"] = max(figures.get(f"{label}: peak MB", 0), peak)
                if expected not in text or "\x1b" in text or "unexpected" in text:
                    outcome.fail(f"{label}: {shown(text)}")
                elif label == "dripping body" and took > deadline + 3:
                    outcome.fail(f"{label}: took {took:.1f} s with a {deadline:g} s timeout")
                elif peak > 100:
                    outcome.fail(f"{label}: {peak:.0f} MB held")
    return outcome, figures
