"""Case 6, short: a 40×12 terminal and storms of resizes on every screen, keys typed meanwhile."""

import random

from reliability.terminal import journey


async def test_every_screen_survives_a_resize_storm_and_no_key_is_lost(data_dir, tmp_path):
    assert await journey(data_dir, tmp_path, random.Random(6), 12) == []
