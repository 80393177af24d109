"""Case 6, short: a 40×12 terminal and storms of resizes on every screen, keys typed meanwhile."""

import random

import pytest
from textual.geometry import Size

from reliability.terminal import journey, today_shows_the_newest


async def test_every_screen_survives_a_resize_storm_and_no_key_is_lost(data_dir, tmp_path):
    assert await journey(data_dir, tmp_path, random.Random(6), 12) == []


@pytest.mark.parametrize("size", [Size(100, 32), Size(80, 24)])
async def test_the_today_list_shows_the_newest_of_forty_sets(tmp_path, size):
    assert await today_shows_the_newest(tmp_path, 40, size) == []
