"""When the coach suggests a test set: safe lifts, stale or no tests, answers that jump."""

from __future__ import annotations

from datetime import timedelta

from tui.core.calibration import CalibrationSet
from tui.core.catalog import find
from tui.core.prompts import JUMP, STALE_DAYS, largest_jump
from tui.core.prompts import test_set_prompt as prompt_for

from .conftest import START

PRESS = find("leg_press")
SQUAT = find("barbell_back_squat")
CURL = find("dumbbell_curl")
JUMPY = [200.0, 220.0, 205.0]  # 10 % from one session to the next: more than strength moves
STEADY = [200.0, 202.0, 203.0]


def calibrated(days_ago: int, key: str = "leg_press") -> CalibrationSet:
    return CalibrationSet("s", START - timedelta(days=days_ago), key, key, 100, False, 8, 1, 10)


def asked(lift=PRESS, tests=(), curves=JUMPY, tough=False):
    return prompt_for(lift, lift.id, list(tests), curves, START, tough=tough)


def test_jumpy_answers_on_a_machine_never_tested_ask_for_a_test_set():
    line = asked()
    assert line is not None and "never tested" in line and "test set (t)" in line
    assert "10%" in line


def test_a_recent_test_set_is_enough():
    assert asked(tests=[calibrated(10)]) is None
    assert "last tested" in asked(tests=[calibrated(STALE_DAYS + 1)])
    assert asked(tests=[calibrated(10, key="other")]) is not None  # another lift's does not count


def test_steady_answers_need_no_test():
    assert largest_jump(STEADY) <= JUMP
    assert asked(curves=STEADY) is None


def test_never_on_a_tough_day_or_a_lift_without_safe_failure():
    assert asked(tough=True) is None
    assert asked(lift=SQUAT) is None  # barbell compound: OneMore cannot know about safeties
    assert asked(lift=CURL) is not None  # isolation: safe to fail
