"""Case 3 in the app: every file OneMore reads, damaged each way, then the app is started.

It must start, say which file and where it went (store files) or which file and line is
wrong (TOML files), leave the damaged bytes alone, and let the lifter log a set.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import stamina

from reliability.corrupt import STORE_FILES, TARGET, clock, moved_copies, populated
from reliability.damage import JSON_DAMAGE, TOML_DAMAGE
from reliability.outcome import Outcome
from reliability.pilot import listen, screen_name
from tui.app import make_app
from tui.routine_files import load_routines
from tui.settings import load_settings
from tui.store.repository import Store

SERVER = TARGET.rsplit("/", 1)[0]
CONFIG = (
    f'unit = "kg"\ntheme = "onemore-dark"\nbell = false\n\n'
    f'[sync]\nurl = "{SERVER}"\ndatabase = "onemore"\n'
)
ROUTINE = (
    'name = "Leg day"\n\n[[exercises]]\nname = "Squat (Barbell)"\nsets = 3\nreps = 5\n'
    "weight = 100\n"
)
THEME = 'name = "gym"\nprimary = "#00ff00"\ndark = true\n'
TOML_FILES = {"config.toml": CONFIG, "routines/legs.toml": ROUTINE, "themes/gym.toml": THEME}


def lay_out(template: Path, work: Path) -> tuple[Path, Path]:
    """A copy of the template data folder, and a config folder with every TOML file in it."""
    data, config = work / "data", work / "config"
    shutil.copytree(template, data)
    for name, text in TOML_FILES.items():
        (config / name).parent.mkdir(parents=True, exist_ok=True)
        (config / name).write_text(text)
    (config / "routines" / "push.toml").write_text(ROUTINE.replace("Leg day", "Push day"))
    (config / "themes" / "calm.toml").write_text(THEME.replace("gym", "calm"))
    return data, config


async def log_a_set(app, pilot) -> bool:
    """From Home: resume the session in progress or start Full body A, then log 100x5 @2."""
    await pilot.press("r" if app.store.live is not None else "enter")
    if screen_name(app) != "LoggingScreen":
        await pilot.press("enter", "enter", "enter", "enter")
    before = len(app.store.live.sets) if app.store.live else 0
    await pilot.press(*"100x5@2", "enter")
    return app.store.live is not None and len(app.store.live.sets) == before + 1


async def start_with(data: Path, config: Path) -> tuple[list[str], list[str]]:
    """Start the app on `data` and `config` and log a set: (what it told, problems)."""
    settings, notices = load_settings(config / "config.toml")
    store = Store(data, now=clock)
    app = make_app(
        store,
        settings,
        notices,
        now=clock,
        config_path=config / "config.toml",
        user_folder=config,
        cursor_blink=False,
    )
    heard = listen(app)
    problems = []
    try:
        with stamina.set_testing(True, attempts=1):  # the sync server is not there: give up at once
            async with app.run_test(size=(100, 32)) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                if screen_name(app) != "HomeScreen":
                    problems.append(f"it started on {screen_name(app)}")
                if not await log_a_set(app, pilot):
                    problems.append("a set could not be logged")
    except Exception as error:
        problems.append(f"the app crashed: {type(error).__name__}: {error}")
    finally:
        store.close()
    return heard, problems


async def store_file_in_the_app(
    template: Path, work: Path, name: str, kind: str, rng: random.Random
) -> list[str]:
    data, config = lay_out(template, work)
    damaged = JSON_DAMAGE[kind]((data / name).read_bytes(), rng)
    (data / name).write_bytes(damaged)
    heard, problems = await start_with(data, config)
    moved = moved_copies(data, name)
    if moved and moved[0].read_bytes() != damaged:
        problems.append("the damaged file was changed")
    if moved and not any(Path(name).name in line and str(moved[0]) in line for line in heard):
        problems.append(f"the lifter was not told where {name} went: {heard}")
    return problems


async def toml_file_in_the_app(
    template: Path, work: Path, name: str, kind: str, rng: random.Random
) -> list[str]:
    data, config = lay_out(template, work)
    damaged = TOML_DAMAGE[kind]((config / name).read_bytes(), rng)
    (config / name).write_bytes(damaged)
    heard, problems = await start_with(data, config)
    if (config / name).read_bytes() != damaged:
        problems.append(f"{name} was overwritten")
    about = [line for line in heard if str(config / name) in line]
    if any(
        "line" not in line and "end of document" not in line and "needs" not in line
        for line in about
    ):
        problems.append(f"told about {name} without the line: {about}")
    others = load_routines(config / "routines")[0]
    if "routines" in name and "Push day" not in {routine.name for routine in others}:
        problems.append("the other routine did not load")
    return problems


async def corrupt_files_in_the_app(work: Path, rounds: int, seed: int = 9) -> Outcome:
    """Every file the app reads × every kind of damage, the app started on each."""
    outcome, rng = Outcome("corrupt files, app started"), random.Random(seed)
    template = populated(work / "template")
    cases = [(store_file_in_the_app, n) for n in STORE_FILES] + [
        (toml_file_in_the_app, n) for n in TOML_FILES
    ]
    for number in range(rounds):
        for trial, name in cases:
            for kind in JSON_DAMAGE:
                folder = work / f"{number}-{name.replace('/', '-')}-{kind.replace(' ', '-')}"
                problems = await trial(template, folder, name, kind, rng)
                outcome.tried += 1
                if problems:
                    outcome.fail(f"{name}, {kind}: " + "; ".join(problems))
    return outcome
