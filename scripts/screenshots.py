"""Render the README screenshots: every scene of tests/scenes.py as an SVG in docs/screenshots/.

Run from the repository root: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scenes import SCENES, scene_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (100, 32)


async def render(name: str) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        app, clock = scene_app(Path(folder))
        async with app.run_test(size=SIZE) as pilot:
            await SCENES[name](pilot, clock)
            await pilot.pause()
            target = OUT / f"{name}.svg"
            app.save_screenshot(filename=target.name, path=str(OUT))
    return target


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in SCENES:
        print(await render(name))


if __name__ == "__main__":
    asyncio.run(main())
