"""The plates per side for a barbell load, with the plates the gym has, in kg and lb."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.plates import KG_GYM, LB_GYM, Gym, nearest_loadable, per_side, plates_text


def test_plates_per_side_largest_first():
    assert per_side(62.5) == (20, 1.25)
    assert plates_text(62.5) == "20 + 1.25 per side"
    assert per_side(142.5) == (25, 25, 10, 1.25)
    assert plates_text(20) == "the bar alone (20 kg)"


def test_a_load_the_plates_cannot_make():
    assert per_side(21) is None and per_side(10) is None and plates_text(21) == ""


def test_a_gym_with_few_plates_uses_what_it_has():
    small = Gym(bar=20, plates=((20, 1), (10, 2), (5, 2), (1.25, 2)))
    assert per_side(80, small) == (20, 10)
    assert per_side(100, small) == (20, 10, 10)
    assert per_side(112.5, small) == (20, 10, 10, 5, 1.25)
    assert per_side(130, small) is None  # 55 a side is more than it has
    assert nearest_loadable(150, small) == 125


def test_pounds():
    assert plates_text(225, LB_GYM) == "45 + 45 per side"
    assert per_side(135, LB_GYM) == (45,)
    assert nearest_loadable(137, LB_GYM) == 135


def test_collars_count():
    assert per_side(65, Gym(collars=5)) == (20,)


@pytest.mark.parametrize(
    ("wanted", "loaded"), [(101, 100), (101.3, 102.5), (101.25, 100), (19, 20), (63.7, 62.5)]
)
def test_the_nearest_loadable_with_steps_of_a_pair_of_1_25(wanted, loaded):
    assert nearest_loadable(wanted) == loaded  # a tie goes to the lighter


@given(st.floats(20, 400), st.sampled_from([KG_GYM, LB_GYM]))
def test_the_nearest_loadable_is_always_loadable_and_within_a_step(wanted, gym):
    loaded = nearest_loadable(wanted, gym)
    assert loaded is not None and per_side(loaded, gym) is not None
    assert abs(loaded - wanted) <= gym.step / 2 + 1e-9 or wanted < gym.empty
