"""Render the README screenshots: every scene of tests/scenes.py as an SVG, at 80×24 (the
smallest terminal OneMore is made for) in docs/screenshots/ and at 160×45 in
docs/screenshots/160x45/.

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

SIZES = {
    ROOT / "docs" / "screenshots": (80, 24),
    ROOT / "docs" / "screenshots" / "160x45": (160, 45),
}


async def render(name: str, out: Path, size: tuple[int, int]) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        app, clock = scene_app(Path(folder))
        async with app.run_test(size=size) as pilot:
            await SCENES[name](pilot, clock)
            await pilot.pause()
            target = out / f"{name}.svg"
            app.save_screenshot(filename=target.name, path=str(out))
    return target


async def main() -> None:
    for out, size in SIZES.items():
        out.mkdir(parents=True, exist_ok=True)
        for name in SCENES:
            print(await render(name, out, size))


if __name__ == "__main__":
    asyncio.run(main())
