import pytest

from tui.core.routines import BUILT_IN
from tui.routine_files import load_routines


def test_starter_routines_cover_full_body_upper_lower_and_push_pull_legs():
    names = {r.name for r in BUILT_IN}
    assert {"Full body A", "Full body B", "Upper", "Lower", "Push", "Pull", "Legs"} <= names
    for routine in BUILT_IN:
        assert all(
            e.catalog_id and not e.catalog_id.startswith("custom:") for e in routine.exercises
        )


GOOD = """name = "Leg day"

[[exercises]]
name = "Squat (Barbell)"
sets = 5
reps = 5
weight = 100

[[exercises]]
name = "Sissy squat"
"""


def test_a_routine_file_is_read_with_catalog_names_and_own_exercises(tmp_path):
    (tmp_path / "legs.toml").write_text(GOOD)
    routines, problems = load_routines(tmp_path)
    assert problems == []
    [legs] = routines
    assert legs.name == "Leg day"
    squat, sissy = legs.exercises
    assert (squat.catalog_id, squat.sets, squat.reps, squat.weight) == (
        "barbell_back_squat",
        5,
        5,
        100,
    )
    assert sissy.catalog_id.startswith("custom:") and sissy.sets == 3


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (GOOD.replace("sets = 5", "sets = 0"), "line 5 (exercise 1): sets must be 1–20"),
        (
            GOOD.replace("reps = 5", 'reps = "five"'),
            "line 6 (exercise 1): reps must be a whole number",
        ),
        (
            GOOD + '\n[[exercises]]\nname = "Curl"\ncolour = 1\n',
            "line 14 (exercise 3): unknown key 'colour'",
        ),
        (GOOD.replace('name = "Leg day"', "name = "), "line 1"),
        ('name = "Empty"\n', "at least one [[exercises]]"),
    ],
)
def test_a_broken_routine_names_the_file_and_line_and_the_others_still_load(tmp_path, text, where):
    (tmp_path / "broken.toml").write_text(text)
    (tmp_path / "good.toml").write_text(GOOD)
    routines, problems = load_routines(tmp_path)
    assert [r.name for r in routines] == ["Leg day"]
    assert len(problems) == 1
    assert str(tmp_path / "broken.toml") in problems[0] and where in problems[0]
