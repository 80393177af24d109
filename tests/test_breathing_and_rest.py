import pytest

from tui.core.breathing import breath_at, breaths_per_minute
from tui.core.rest import Rest
from tui.format import duration


def test_the_default_starts_with_cyclic_sighs_two_inhales_and_a_long_exhale():
    assert breath_at("cyclic-sigh", 0.5).phase == "in"
    assert breath_at("cyclic-sigh", 2.5).phase == "top-up"
    out = breath_at("cyclic-sigh", 5.0)
    assert out.phase == "out" and "out" in out.cue.lower()
    assert out.seconds_left == pytest.approx(4.0)


def test_after_three_sighs_it_settles_into_six_breaths_a_minute():
    after_sighs = 27.0
    assert breath_at("cyclic-sigh", after_sighs + 1).phase == "in"
    assert breath_at("cyclic-sigh", after_sighs + 5).phase == "out"
    assert breath_at("cyclic-sigh", after_sighs + 11).phase == "in"  # 10 s cycle
    assert breaths_per_minute("cyclic-sigh") == 6


def test_lungs_fill_on_the_way_in_and_empty_on_the_way_out():
    assert breath_at("resonance", 0).lungs == 0
    assert breath_at("resonance", 2).lungs == pytest.approx(0.5)
    assert breath_at("resonance", 4).lungs == pytest.approx(1.0)
    assert breath_at("resonance", 7).lungs == pytest.approx(0.5)


def test_box_breathing_holds_between_breaths():
    assert [breath_at("box", t).phase for t in (1, 5, 9, 13, 17)] == [
        "in",
        "hold",
        "out",
        "hold",
        "in",
    ]


def test_the_pacer_can_be_off():
    assert breath_at("off", 3) is None and breaths_per_minute("off") is None


def test_rest_counts_down_from_a_deadline_and_then_over():
    rest = Rest(started_at=1000.0, planned_s=180)
    assert rest.remaining(1000.0) == 180
    assert rest.remaining(1179.5) == 0.5 and not rest.over(1179.5)
    assert rest.over(1180.0)
    assert rest.remaining(1200.0) == -20


def test_a_jump_in_the_clock_is_right_at_once():
    """After a laptop sleep the next reading is simply later: no ticks to catch up."""
    rest = Rest(started_at=0.0, planned_s=180)
    assert rest.remaining(3600.0) == -3420


def test_thirty_seconds_more_or_less():
    rest = Rest(started_at=0.0, planned_s=180)
    assert rest.longer().remaining(0) == 210
    assert rest.shorter(0).remaining(0) == 150
    assert rest.shorter(170.0).remaining(170.0) == 0  # never into the past


def test_a_paused_rest_stands_still_and_resumes_where_it_was():
    rest = Rest(started_at=0.0, planned_s=180).pause(60.0)
    assert rest.remaining(100.0) == 120
    resumed = rest.resume(100.0)
    assert resumed.remaining(100.0) == 120 and resumed.remaining(160.0) == 60


def test_time_to_calm_is_measured_from_the_start_of_the_rest():
    rest = Rest(started_at=50.0, planned_s=180).calm(95.25)
    assert rest.calm_after_s == 45.2 or rest.calm_after_s == 45.3
    assert rest.calm(120.0).calm_at == 95.25  # the first "calm" counts


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (180, "3:00"),
        (179.2, "3:00"),
        (61, "1:01"),
        (0.4, "0:01"),
        (0, "0:00"),
        (-5.5, "0:05"),
        (-65, "1:05"),
    ],
)
def test_the_countdown_reads_whole_seconds_towards_the_later_one(seconds, text):
    assert duration(seconds, countdown=True) == text
