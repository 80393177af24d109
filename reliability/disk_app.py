"""Case 2 in the app: the disk fills while logging; the set stays on screen, marked unsaved.

The lifter is told in one line, finishing waits, and once space returns the retry (which
the logging screen runs every 5 s) stores every set once. The app never exits.
"""

from __future__ import annotations

import json
from pathlib import Path

from reliability.disk import new_session, with_a_set
from reliability.disks import InjectedDisk, TinyDisk
from reliability.pilot import build_app, listen, screen_name, shown, start_full_body_a
from tui.application.writes import REASONS
from tui.store.repository import Store

UNSAVED = "(not saved yet)"


def stored_set_ids(data: Path) -> list[str]:
    """Set ids in live.json as written, duplicates kept."""
    document = json.loads((data / "live.json").read_text())
    live = document["live"]["1"]
    return [s["id"] for exercise in live["exercises"] for s in exercise["sets"]]


async def full_disk_while_logging(
    data: Path, work: Path, disk: InjectedDisk | TinyDisk
) -> list[str]:
    """Fill the disk, log two sets, try to finish, free the disk, retry, log one more."""
    problems = []
    app = build_app(data, work)
    heard = listen(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        disk.fill()
        await pilot.press(
            *"100x5@2", "enter", "enter", *"102.5x5@2", "enter", "enter"
        )  # Enter ends the rest
        logging = app.screen
        today = shown(logging.query_one("#today"))
        if today.count(UNSAVED) != 2:
            problems.append(f"the two unsaved sets are not marked: {today!r}")
        full = [line for line in heard if line.startswith("Not saved")]
        if len(full) != 1 or "\n" in full[0]:
            problems.append(f"the lifter was told {full!r}, not one line once")
        await pilot.press("f", "enter")  # finishing must wait for the disk
        if screen_name(app) != "LoggingScreen":
            problems.append(
                f"a finish on a full disk left the logging screen for {screen_name(app)}"
            )
        disk.free()
        logging._retry_save()  # what the 5 s interval does
        await pilot.pause()
        if UNSAVED in shown(logging.query_one("#today")):
            problems.append("the sets still show as unsaved after the retry")
        if not any(line.startswith("Saved") for line in heard):
            problems.append("the lifter was not told the sets are saved")
        await pilot.press(*"105x5@2", "enter")
        if not app.is_running:
            problems.append("the app exited")
    stored = stored_set_ids(data)
    if len(stored) != 3 or len(set(stored)) != 3:
        problems.append(f"live.json holds {len(stored)} sets ({len(set(stored))} different), not 3")
    return problems


async def finish_from_home_on_a_full_disk(data: Path, work: Path, disk: InjectedDisk) -> list[str]:
    """A session left in progress; on Home the lifter starts another and chooses to finish the
    old one while the disk is full: told in one line, the app stays, the session stays."""
    with Store(data) as store:
        session, exercise_id = new_session()
        store.save_session(with_a_set(session, exercise_id, 1))
    app = build_app(data, work)
    heard = listen(app)
    problems = []
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            disk.fill()
            await pilot.press("enter", "f")  # a routine, then "finish and save it, then start"
            if not app.is_running or screen_name(app) != "HomeScreen":
                problems.append(f"the app went to {screen_name(app)}")
            if not any(line.startswith("Not finished") for line in heard):
                problems.append(f"the lifter was not told: {heard}")
    except Exception as error:
        problems.append(f"the app crashed: {type(error).__name__}: {error}")
    finally:
        app.store.close()
        disk.free()
    with Store(data) as store:
        if store.live is None or len(store.live.sets) != 1:
            problems.append("the session in progress was not kept")
    return problems


async def full_disk_after_the_set(
    data: Path, work: Path, disk: InjectedDisk | TinyDisk
) -> list[str]:
    """A set lands on disk; the disk fills; its "one more rep?" answer cannot be saved. The
    set on screen now says @2 while the disk says nothing: it must be marked unsaved too."""
    problems = []
    app = build_app(data, work)
    heard = listen(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter")  # saved; "one more rep?" asks
        await pilot.pause()
        disk.fill()
        await pilot.press("2", "enter")  # the answer, then Enter ends the rest
        await pilot.pause()
        logging = app.screen
        today = shown(logging.query_one("#today"))
        if "@2" not in today or today.count(UNSAVED) != 1:
            problems.append(f"the answered set is not marked unsaved: {today!r}")
        if not any(line.startswith("Not saved: ") for line in heard):
            problems.append(f"the lifter was not told: {heard}")
        disk.free()
        logging._retry_save()
        await pilot.pause()
        if UNSAVED in shown(logging.query_one("#today")):
            problems.append("the set still shows as unsaved after the retry")
    stored = json.loads((data / "live.json").read_text())["live"]["1"]
    rirs = [s.get("rir") for exercise in stored["exercises"] for s in exercise["sets"]]
    if rirs != [2]:
        problems.append(f"live.json holds reps in reserve {rirs}, not [2]")
    return problems


async def finish_twice_on_a_full_disk(
    data: Path, work: Path, disk: InjectedDisk, after: int = 1
) -> list[str]:
    """The disk fills half-way through a finish (live.json marked finished, history not
    written); finishing again must say again what happened, and land once there is room."""
    problems = []
    app = build_app(data, work)
    heard = listen(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter")
        disk.fill(after=after)  # after=1: the finished live.json lands, the next write not
        for attempt in (1, 2):
            before = len(heard)
            await pilot.press("f", "enter")
            await pilot.pause()
            told = [line for line in heard[before:] if line.startswith("Not finished: ")]
            if len(told) != 1 or REASONS[disk.code] not in told[0]:
                problems.append(f"finish {attempt} on a full disk told {heard[before:]!r}")
            if screen_name(app) != "LoggingScreen":
                problems.append(f"finish {attempt} left the logging screen for {screen_name(app)}")
            disk.fill()
        disk.free()
        await pilot.press("f", "enter")
        await pilot.pause()
        if screen_name(app) != "SummaryScreen":
            problems.append(f"with room again, finish went to {screen_name(app)}, not the summary")
    app.store.close()
    with Store(data) as store:
        if store.live is not None or store.session_count != 1:
            problems.append(f"{store.session_count} sessions filed, live: {store.live is not None}")
    return problems
