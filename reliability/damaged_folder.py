"""A damaged data folder: a directory in place of a store file, stray temp files, links.

Each of live.json, index.json, outbox.json, summaries.json, sync.json, a year file, the log
and the lock is replaced by a directory; stray `.live.json.tmp-*` files (one of them a
directory) are left as a kill would; a temp-file name is planted as a symlink. Then the
readers run (`last`, `export`) and the store is opened as the app opens it: one clear line
that names the path, never a traceback, every other file as it was, and no planted link's
target written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reliability.checks import snapshot
from reliability.cli import onemore
from reliability.corrupt import populated
from reliability.disk import new_session
from tui.commands.common import CommandError, open_store

IN_PLACE = (
    "live.json",
    "index.json",
    "outbox.json",
    "summaries.json",
    "sync.json",
    "history/2026.json",
    "logs/onemore.log",
    "onemore.lock",
)
OPENED_AT_START = ("live.json", "index.json", "outbox.json")  # the others: when first read


def others(files: dict[str, bytes], name: str) -> dict[str, bytes]:
    """Every file but the damaged one and what was set aside."""
    return {k: v for k, v in files.items() if not k.startswith(name) and ".corrupt-" not in k}


def directory_in_place(work: Path, name: str) -> list[str]:
    problems = []
    data = populated(work / name.replace("/", "-"))
    (data / "logs").mkdir(mode=0o700, exist_ok=True)
    target = data / name
    if target.is_file():
        target.unlink()
    target.mkdir(parents=True)
    (target / "inside").write_text("not ours")
    before = snapshot(data)
    for args in (["last"], ["export", "--format", "csv"]):
        result = onemore("--data-dir", str(data), *args)
        lines = [x for x in result.stderr.strip().splitlines() if "in progress" not in x]
        if "Traceback" in result.stderr or "unexpected" in result.stderr or len(lines) > 1:
            problems.append(f"{name} a directory: `{' '.join(args)}` said {result.stderr!r}")
        if result.returncode != 0 and name not in result.stderr:
            problems.append(f"{name} a directory: `{' '.join(args)}` failed without naming it")
    try:
        with open_store(argparse.Namespace(data_dir=str(data))) as store:
            told = " ".join(store.notices)
            if name in OPENED_AT_START and name not in told:
                problems.append(f"{name} a directory: the app was not told ({told!r})")
            store.save_session(store.live or new_session()[0])  # a set can be logged
    except CommandError as error:
        if name != "onemore.lock" or "onemore.lock: Is a directory (move it" not in str(error):
            problems.append(f"{name} a directory: the app could not open: {error}")
    except Exception as error:
        problems.append(f"{name} a directory: {type(error).__name__}: {error}")
    after = snapshot(data)
    changed = {k for k in others(before, name) if others(after, name).get(k) != before[k]}
    changed -= {"live.json", "index.json", "summaries.json", "outbox.json"} - {name}
    if changed - {k for k in changed if k.startswith("lifts/")}:
        problems.append(f"{name} a directory: these changed: {sorted(changed)}")
    return problems


def strays_and_links(work: Path) -> list[str]:
    """Temp files a kill left (one a directory), and a symlink planted where the store's
    next temp file would go: the next start cleans them up and writes through no link."""
    problems = []
    data = populated(work / "strays")
    (data / ".live.json.tmp-12345").write_bytes(b"half a")
    (data / ".index.json.tmp-999").mkdir()
    victim = work / "victim.txt"
    victim.write_text("keep me")
    for pid in range(1, 4):
        (data / f".live.json.tmp-{pid}").symlink_to(victim)
    try:
        with open_store(argparse.Namespace(data_dir=str(data))) as store:
            store.save_session(store.live or new_session()[0])
    except Exception as error:
        problems.append(f"strays: the store did not open: {type(error).__name__}: {error}")
    left = sorted(p.name for p in data.glob(".*.tmp-*") if not p.is_dir())
    if left:
        problems.append(f"strays left behind: {left}")
    if victim.read_text() != "keep me":
        problems.append("a planted link's target was written")
    return problems


def damaged_folder(work: Path) -> list[str]:
    problems = []
    for name in IN_PLACE:
        problems += directory_in_place(work, name)
    problems += strays_and_links(work)
    problems += planted_links(work)
    return problems


def planted_links(work: Path) -> list[str]:
    """A link planted where a save's temp file was once predictable (`.NAME.tmp-PID`), and
    `export -o` to a device: no link is followed, the device is not replaced."""
    import os
    import stat

    from tui.store.storage import write_durably

    problems = []
    folder = work / "links"
    folder.mkdir(parents=True, exist_ok=True)
    victim = work / "victim-2.txt"
    victim.write_text("keep me")
    (folder / f".live.json.tmp-{os.getpid()}").symlink_to(victim)
    write_durably(folder / "live.json", b"{}")
    if victim.read_text() != "keep me" or (folder / "live.json").read_bytes() != b"{}":
        problems.append("a save wrote through a planted link")
    data = populated(work / "export-data")
    kept = work / "kept.json"
    kept.write_text("")
    link = work / "link.json"
    link.symlink_to(kept)
    result = onemore("--data-dir", str(data), "export", "-o", str(link))
    if result.returncode != 0 or not link.is_symlink() or "sessions" not in kept.read_text():
        problems.append(f"export -o a link: the link was replaced ({result.stderr!r})")
    if os.geteuid() == 0:  # a full device of our own: a mistake here never hits /dev/full
        full = work / "full-device"
        os.mknod(full, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
        result = onemore("--data-dir", str(data), "export", "-o", str(full))
        if result.returncode != 1 or "No space left" not in result.stderr:
            problems.append(f"export -o a full device: exit {result.returncode}, {result.stderr!r}")
        if not full.is_char_device():
            problems.append("export -o a full device replaced the device")
    return problems
