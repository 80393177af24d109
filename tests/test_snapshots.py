"""Every screen in two themes, compared with the accepted SVG snapshots in tests/__snapshots__.

Run `pytest tests/test_snapshots.py --snapshot-update` after an intended change, and look
at the new SVGs before committing them.
"""

import pytest

from .scenes import SCENES, THEMES, scene_app


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("scene", SCENES)
def test_screen(snap_compare, tmp_path, scene, theme):
    app, clock = scene_app(tmp_path, theme)

    async def run_before(pilot):
        await SCENES[scene](pilot, clock)

    assert snap_compare(app, terminal_size=(100, 32), run_before=run_before)
